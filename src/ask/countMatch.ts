/**
 * Whether a sentence's number counts what a "how many" question asks: the thing counted is
 * the number's own noun (not a word further on: "One young person told inspectors" counts
 * no inspectors), every other word the question qualifies it with is said of it ("children
 * adopted" is not "481 children were being looked after"), and what inspectors did
 * ("look at", "speak to") is what the sentence says was done. A sentence that opens with
 * "One …" tells one case ("One care leaver told inspectors …"): it counts nothing.
 */
import { numberValue } from "../text/words.js";
import { singular } from "./detailSlots.js";

/** Words of a question that ask, rather than qualify what is counted. */
const ASKING = new Set([
  ..."inspector inspectors there total altogether overall currently current now time times according stated state states number many much exactly approximately roughly around team".split(" "),
  // Taking part in the inspection: "took part", "were involved", "were on".
  ..."took take taking part involved".split(" "),
  // Which inspection: read by the inspections slot, not said of the count.
  ..."latest last recent most previous earlier ever year years during".split(" "),
]);

/** What inspectors do, by the verbs that say it: a question's verb is answered only by a sentence saying the same. */
const ACTIVITIES: { asked: RegExp; said: RegExp }[] = [
  // Reading records: "looked at 76 case files", "a review of 32 case files", "cases seen by inspectors".
  { asked: /^(look|looked|looking|review\w*|read|audit\w*|examin\w*|sampl\w*|consider\w*|track\w*|scrutinis\w*|check\w*)$/, said: /^(look|looked|looking|review\w*|read|audit\w*|examin\w*|sampl\w*|consider\w*|track\w*|scrutinis\w*|check\w*|see|seen|saw|inspect\w*)$/ },
  // Meeting people: "spoke to 40 social workers", "met 12 care leavers".
  { asked: /^(speak|spoke|spoken|speaking|talk\w*|meet|met|meeting|interview\w*|consult\w*|hear|heard|discuss\w*)$/, said: /^(speak|spoke|spoken|speaking|talk\w*|meet|met|meeting|meetings|interview\w*|consult\w*|hear|heard|discuss\w*)$/ },
  // Seeing children: "saw 30 children", "children seen", "met".
  { asked: /^(see|seen|saw|visit\w*|observ\w*)$/, said: /^(see|seen|saw|visit\w*|observ\w*|met|meet|spoke|spoken|speak)$/ },
];

/** Words that make a count of those who left ("ceased to be looked after", "no longer"). */
const LEFT = /^(ceased?|ceasing|stopped|former|formerly|longer)$/;

/** What may follow a shared stem in two forms of one word: "adopt|ed", "adopt|ions", "arrange|d", "private|ly". */
const INFLECTION = /^(e|s|es|d|ed|ing|ings|ment|ments|ly|al|als|ral|rals)?$/;

/**
 * True when the two words are forms of one word: a shared stem of four letters or more
 * and only an inflection after it in each ("arrangements" / "arranged", "refer" /
 * "referred"), not another word made from it ("adoptive", or "adoption": a plan for
 * adoption is no child adopted).
 */
function sameStem(a: string, b: string): boolean {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  if (n < 4) return false;
  // A doubled last letter belongs to the inflection: "refer" / "referred".
  const rest = (w: string) => w.slice(n).replace(new RegExp(`^${a[n - 1]}`), "");
  return INFLECTION.test(rest(a)) && INFLECTION.test(rest(b));
}

/** True when the words near the number say `word` (in any form). */
function says(word: string, words: string[]): boolean {
  return words.some((x) => x === word || singular(x) === singular(word) || sameStem(x, word));
}

/**
 * The words said of the number: from three words before it to twelve after (a sentence
 * may count several things: "52 adoption orders have been granted and 42 children have
 * been matched" says nothing of children adopted), lower case, "looked after" kept apart
 * from "looked at".
 */
function wordsNear(sentence: string, count: number): { near: string[]; before: string[] } {
  const all = sentence.toLowerCase().replace(/[’']s\b/g, "").replace(/(\d),(\d{3})\b/g, "$1$2").split(/[^a-z0-9]+/).filter(Boolean);
  const words = all.map((w, i) => (w === "looked" && all[i + 1] === "after" ? "looked-after" : w));
  const at = words.findIndex((w) => w === String(count) || numberValue(w) === count);
  if (at < 0) return { near: words, before: words };
  // What inspectors did may govern a list of counts: "spoke to 42 children … and 26 parents".
  return { near: words.slice(Math.max(0, at - 3), at + 13), before: words.slice(0, at + 13) };
}

/**
 * True when the sentence's number counts what was asked. `qualifiers` are the question's
 * own words besides the counted phrase (singular or as typed), `head` the counted phrase's
 * last word (its noun: "file" of "case files"), `noun` the words the number counts in the report (read up to its first plural noun).
 */
export function countsWhatWasAsked(sentence: string, count: number, noun: string[], head: string, qualifiers: string[]): boolean {
  // The counted thing is the number's own noun, the last word of its phrase ("newly qualified
  // social workers", "children's case records"), within four words of it: not a possessive
  // before the noun ("four Children's Services managers"), nor a word after a verb.
  const last = (w: string) => (w === "hmi" ? "inspector" : w);
  if (noun.length > 4 || !noun.length || last(noun[noun.length - 1]) !== last(head)) return false;
  if (count === 1 && /^\s*one\b/i.test(sentence)) return false;
  const { near: words, before } = wordsNear(sentence, count);
  // "88 children ceased to be looked after" counts the children who left care, not those in it.
  if (words.some((w) => LEFT.test(w)) && !qualifiers.some((w) => LEFT.test(w))) return false;
  // "looked after" asked is said as "looked after", never as "looked at".
  const lookedAfter = qualifiers.includes("looked") && qualifiers.includes("after");
  if (lookedAfter && !words.includes("looked-after")) return false;
  for (const q of qualifiers) {
    if (lookedAfter && (q === "looked" || q === "after")) continue;
    if (ASKING.has(q)) continue;
    const activity = ACTIVITIES.find((a) => a.asked.test(q));
    if (activity) {
      if (!before.some((w) => activity.said.test(w))) return false;
      continue;
    }
    if (!says(q, words)) return false;
  }
  return true;
}
