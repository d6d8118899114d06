/**
 * Follow-ups in a conversation: "and for care leavers?", "what about Derby?", "and in
 * 2014?" stand for the previous question with one slot changed. `followOn` recognises
 * such an elliptical question and rewrites the previous question with the new slot's
 * words in place of the old ones ("What was Halton's grade for adoption?" + "what about
 * Derby?" → "What was Derby's grade for adoption?"), so it is answered exactly as if it
 * had been asked whole. The rewrite is parsed again and kept only when its query is the
 * previous one with just those slots changed; otherwise the follow-up is not followed on
 * and is answered on its own. A question with a subject or question words of its own is
 * never a follow-up.
 */
import type { Lexicon } from "../knowledge/lexicon.js";
import { parseQuestion, type Query } from "./parse.js";
import { filledKinds, slotSpans, type FollowUpKind, type Span } from "./followUpSpans.js";

export type { FollowUpKind } from "./followUpSpans.js";

/** A follow-up, put into the question it follows. */
export interface FollowOn {
  /** The previous question with the follow-up's slots in place: the question answered. */
  question: string;
  /** The kinds of slot the follow-up changed. */
  changed: FollowUpKind[];
}

/**
 * Words that say "the same again, but …": "and", "what about", "how about", "same for",
 * "and in" (the "in" stays: it is part of saying the year), "or", "ok, and".
 */
const LEAD =
  /^\s*(?:(?:ok(?:ay)?|right|thanks|thank you|great|cheers|and|but|so|now|then)\b[\s,]*)*(?:(?:(?:and|but|so)\s+)?(?:what|how)\s+about\b|what\s+of\b|(?:(?:and|but)\s+)?(?:the\s+)?same\s+(?:again\s+|question\s+|thing\s+)?(?:for|with|but(?:\s+for)?)\b|and\b|or\b|also\b|now\b|then\b)?/i;

/** Words a follow-up may hold besides its slots ("and Derby instead?", "what about the 2014 one?"). */
const FILLER = new Set(["instead", "too", "well", "again", "then", "please", "ones", "one", "ok", "okay", "thanks", "now", "also", "both"]);

/** Words that ask a question of their own: "And what was Halton's overall grade?" is not a follow-up. */
const QUESTION_WORDS = new Set(
  "what which who whom whose how when where why was were is are did does do has have had can could would will should shall tell show list give compare say said says find count many much mention mentions".split(" "),
);

const YEAR = /^(199\d|20[0-4]\d)$/;

/** How the new slot's words are added to a question that has none of that kind. */
const APPEND: Record<FollowUpKind, (words: string) => string> = {
  authorities: (w) => ` (${w})`,
  what: (w) => (/^(for|in|on)\b/i.test(w) ? ` ${w}` : ` for ${w}`),
  inspections: (w) => (/^(latest|current|most recent|newest|recent)$/i.test(w) ? ` at the ${w} inspection` : ` ${w}`),
  grade: (w) => ` ${w}`,
  region: (w) => (/^in\b/i.test(w) ? ` ${w}` : ` in ${w}`),
  councilType: (w) => ` (${w})`,
  framework: (w) => (/^(under|during|in)\b/i.test(w) ? ` ${w}` : ` under ${w}`),
};

type Parse = (text: string) => Query;

/**
 * The previous question with the follow-up's slots in place, or null when `question` is
 * not a follow-up of `previous` (it has a subject or question words of its own, fills no
 * slot, or cannot be put into the previous question without changing anything else).
 * @param isReportWord as for parseQuestion.
 */
export function followOn(previous: string, question: string, lex: Lexicon, isReportWord: (word: string) => boolean = () => true): FollowOn | null {
  const parse: Parse = (text) => parseQuestion(text, lex, isReportWord);
  const fragment = ellipsis(question, parse);
  if (!fragment || !previous.trim()) return null;
  const prev = parse(previous.trim());
  if (prev.intent === "help") return null;
  const rewritten = rewrite(prev, fragment.query, fragment.kinds, lex);
  if (!rewritten) return null;
  const merged = parse(rewritten);
  return keepsTheRest(prev, fragment.query, merged, fragment.kinds) ? { question: rewritten, changed: fragment.kinds } : null;
}

/**
 * The slots an elliptical question fills, or null when it is a question of its own. With
 * a lead word ("and", "what about") it may fill several; without one ("2014?", "care
 * leavers?") just one, and not a council: "Derby" and "Halton staying safe" stay whole
 * questions.
 */
export function ellipsis(question: string, parse: Parse): { query: Query; kinds: FollowUpKind[] } | null {
  const text = question.trim();
  const lead = LEAD.exec(text)?.[0] ?? "";
  const rest = text.slice(lead.length).replace(/^[\s,.:;-]+/, "").trim();
  if (!rest || rest.length > 200) return null;
  const q = parse(rest);
  if (q.unknownName || q.ambiguous || q.intent === "help" || q.change) return null;
  if (q.tokens.some((t) => QUESTION_WORDS.has(t.norm))) return null;
  if (q.rest.some((w) => !FILLER.has(w)) || q.notUnderstood.some((w) => !FILLER.has(w))) return null;
  // Every year must be part of the inspections slot: "in 2011 and 2016" is two questions.
  const years = q.tokens.filter((t) => YEAR.test(t.norm)).length;
  const s = q.inspections;
  if (years > (s.kind === "range" && s.from !== null && s.to !== null && s.from !== s.to ? 2 : s.kind === "year" || s.kind === "range" ? 1 : 0)) return null;
  if (q.tokens.some((t, i) => /^\d+$/.test(t.norm) && !YEAR.test(t.norm) && q.tokens[i - 1]?.norm !== "grade")) return null;
  if (q.excludedAreas.length) return null;
  const kinds = filledKinds(q);
  // Without a lead word only a slot with no subject of its own follows on ("2014?", "care
  // leavers?"): a council is a subject, and "Derby" alone asks for its table.
  if (!kinds.length || (!lead.trim() && (kinds.length > 1 || kinds.includes("authorities")))) return null;
  return { query: q, kinds };
}

/** The previous question's text with each changed slot's words replaced, or the new ones added. */
function rewrite(prev: Query, next: Query, kinds: FollowUpKind[], lex: Lexicon): string | null {
  const old = slotSpans(prev, lex);
  const found = slotSpans(next, lex);
  const edits: { from: number; to: number; text: string }[] = [];
  let appended = "";
  for (const kind of kinds) {
    const words = kind === "authorities" ? next.authorities.join(" and ") : wordsOf(next, found[kind]);
    if (!words) return null;
    const spans = old[kind];
    // A filled slot whose words could not be found cannot be replaced.
    if (!spans.length && filledKinds(prev).includes(kind)) return null;
    // A place instead of named councils, or an area beside areas left out, changes more than one slot.
    if ((kind === "region" || kind === "councilType") && prev.authorities.length) return null;
    if (kind === "what" && prev.excludedAreas.length) return null;
    if (!spans.length) {
      appended += APPEND[kind](kind === "inspections" && YEAR.test(words) ? `in ${words}` : words);
      continue;
    }
    const range = joined(prev, spans);
    if (!range) return null;
    const from = prev.tokens[range.start].start;
    const to = prev.tokens[range.end - 1].end;
    // "Halton's grade" → "Derby's grade".
    const possessive = kind === "authorities" && /['’]s$/i.test(prev.tokens[range.end - 1].raw) ? "'s" : "";
    edits.push({ from, to, text: words + possessive });
  }
  edits.sort((a, b) => a.from - b.from);
  for (let i = 1; i < edits.length; i++) if (edits[i].from < edits[i - 1].to) return null;
  let text = prev.text;
  for (const e of [...edits].reverse()) text = text.slice(0, e.from) + e.text + text.slice(e.to);
  if (appended) {
    // Added before the closing question mark: "What was Halton's grade for adoption in 2014?"
    const end = /[\s?.!]*$/.exec(text)?.index ?? text.length;
    text = text.slice(0, end) + appended + text.slice(end);
  }
  return text;
}

/** The words of a follow-up's slot, as typed: from its first span to its last. */
function wordsOf(q: Query, spans: Span[]): string {
  if (!spans.length) return "";
  const range = joined(q, spans) ?? spans[0];
  return q.text.slice(q.tokens[range.start].start, q.tokens[range.end - 1].end);
}

/** One span covering `spans` when only joining words stand between them ("adoption and care leavers"), else null. */
function joined(q: Query, spans: Span[]): Span | null {
  const start = Math.min(...spans.map((s) => s.start));
  const end = Math.max(...spans.map((s) => s.end));
  for (let i = start; i < end; i++) {
    if (spans.some((s) => i >= s.start && i < s.end)) continue;
    if (!/^(and|or|with|versus|vs|the)$/.test(q.tokens[i].norm)) return null;
  }
  // Only joining marks may stand between the words too ("Halton, Derby and Durham").
  const between = q.text.slice(q.tokens[start].start, q.tokens[end - 1].end);
  return /[?;.!]/.test(between) ? null : { start, end };
}

/** A query's slots, one comparable string per kind (and for what else it asks). */
function signature(q: Query): Record<FollowUpKind | "asks", string> {
  return {
    authorities: q.authorities.join("|"),
    what: JSON.stringify([q.areas.map((m) => m.value.map((a) => a.id)), q.services.map((s) => s.id).sort(), q.anyArea, q.areas.length > 1 ? q.areasJoin : ""]),
    inspections: JSON.stringify(q.inspections),
    grade: JSON.stringify(q.grade),
    region: q.region?.name ?? "",
    councilType: q.councilType ?? "",
    framework: q.framework ?? "",
    asks: JSON.stringify([q.excludedAreas.map((m) => m.value.map((a) => a.id)), q.change, q.mentionsIn, [...q.topic].sort(), [...q.notUnderstood].sort(), q.unknownName, q.ambiguous]),
  };
}

/**
 * True when `merged` is `prev` with the changed kinds taken from `next` and nothing else
 * changed. The kind of question stays the same, except that naming a council where the
 * previous question named none makes it a question about that council ("Which councils
 * were good for adoption?" + "what about Derby?" asks for Derby's adoption grade).
 */
function keepsTheRest(prev: Query, next: Query, merged: Query, kinds: FollowUpKind[]): boolean {
  const want = signature(prev);
  const fresh = signature(next);
  for (const k of kinds) want[k] = fresh[k];
  const got = signature(merged);
  if (Object.keys(want).some((k) => want[k as keyof typeof want] !== got[k as keyof typeof got])) return false;
  if (merged.intent === prev.intent) return true;
  // A council and nothing else ("Derby") is answered with its table, as "Derby for adoption" is with a grade.
  if (prev.intent === "search" && !prev.topic.length && prev.authorities.length && merged.intent === "lookup") return true;
  return kinds.includes("authorities") && !prev.authorities.length && merged.intent !== "help";
}
