/**
 * Whether a grade word in running prose is said of a judgement area at all. Two shapes of
 * real reports' prose put a grade next to an area's words without judging it:
 *
 *   - the area only qualifies another noun, which is what the grade describes: "the
 *     regularity of reviews for children looked after is good", "the service that care
 *     leavers receive is outstanding", "services for children and care leavers remain good";
 *   - the grade word is one end of a range: "schools that are good or better", "at least
 *     good".
 *
 * Either way the sentence judges no area, so it must state none (a table row that failed to
 * read would otherwise be replaced by the prose's grade).
 */
import type { Token } from "../text/words.js";

/** Words that make the noun phrase after them a modifier of the noun before them. */
const PREPOSITIONS = new Set(["of", "for", "to", "with", "by", "about", "among", "amongst", "from", "on", "at", "than", "into", "towards", "between", "within", "across", "through", "per", "including", "like", "via"]);
/** Words that may stand between a preposition and its noun: "for all the care leavers". */
const DETERMINERS = new Set(["the", "a", "an", "all", "our", "its", "their", "these", "those", "some", "many", "most", "other", "older", "younger", "such", "each", "every"]);
/** Relative words: the area is the subject of a clause about the noun before. */
const RELATIVES = new Set(["that", "which", "whom"]);
/** Verbs after which "that" opens what was found, not a relative clause: "Inspectors found that …". */
const REPORTING = new Set(["found", "said", "felt", "saw", "is", "was", "are", "were", "says", "finds", "shows", "show", "thinks", "believe", "believes", "conclude", "concludes", "judge", "judges", "consider", "considers", "note", "notes", "state", "states"]);

/** The gap between two tokens holds a comma, semicolon, colon or bracket: a clause or list boundary. */
function boundaryBetween(text: string, a: Token, b: Token): boolean {
  return /[,;:()]/.test(text.slice(a.end, b.start));
}

/**
 * Nouns that name a judgement itself: a preposition after one of them still leads to the
 * area judged ("the effectiveness of the LSCB is inadequate", "the judgement for making a
 * positive contribution", "the effectiveness of services to ensure that children … are safe").
 */
const JUDGEMENT_NOUNS = new Set(["effectiveness", "judgement", "judgements", "judgment", "judgments", "grade", "grades", "rating", "ratings", "review"]);
/** Words looked back over for such a noun. */
const JUDGEMENT_NOUN_REACH = 5;

/** True when a judgement noun stands within a few words before token `at`, in the same clause. */
function judgementNounBefore(text: string, tokens: readonly Token[], at: number): boolean {
  for (let j = at - 1; j >= 0 && j >= at - JUDGEMENT_NOUN_REACH; j--) {
    if (boundaryBetween(text, tokens[j], tokens[j + 1])) return false;
    if (JUDGEMENT_NOUNS.has(tokens[j].norm)) return true;
  }
  return false;
}

/** Words of earlier conjuncts stepped over to find the word governing them all ("for children, young people and care leavers"). */
const CONJUNCT_WORDS = 4;

/**
 * True when the area starting at token `start` only qualifies a noun before it: a
 * preposition or relative word stands right before it (after any determiners), or a
 * preposition governs the list the area ends ("for children and care leavers").
 */
export function areaQualifiesAnotherNoun(text: string, tokens: readonly Token[], start: number): boolean {
  let i = start - 1;
  while (i >= 0 && DETERMINERS.has(tokens[i].norm) && !boundaryBetween(text, tokens[i], tokens[i + 1])) i--;
  if (i < 0 || boundaryBetween(text, tokens[i], tokens[i + 1])) return false;
  const w = tokens[i].norm;
  if (w === "and" || w === "or") {
    for (let j = i - 1; j >= 0 && j >= i - CONJUNCT_WORDS; j--) {
      if (PREPOSITIONS.has(tokens[j].norm)) return !judgementNounBefore(text, tokens, j);
      if (/[;:()]/.test(text.slice(tokens[j].end, tokens[j + 1].start))) break;
    }
    return false;
  }
  if (PREPOSITIONS.has(w)) return !judgementNounBefore(text, tokens, i);
  if (!RELATIVES.has(w) || judgementNounBefore(text, tokens, i)) return false;
  // "found that overall effectiveness is good" reports a finding; "the service that care
  // leavers receive" is a relative clause.
  const before = tokens[i - 1]?.norm ?? "";
  return !(REPORTING.has(before) || /ed$/.test(before));
}

/** True when the grade between tokens `start` and `end` is one end of a range: "good or better", "at least good". */
export function gradeInRange(tokens: readonly Token[], start: number, end: number): boolean {
  const after = tokens.slice(end, end + 2).map((t) => t.norm).join(" ");
  const before = tokens.slice(Math.max(0, start - 2), start).map((t) => t.norm).join(" ");
  return /^(or|and) (better|worse|above|below|higher|lower)$/.test(after) || /(^| )(at least|better than|worse than|less than|more than|lower than|higher than|above|below)$/.test(before);
}
