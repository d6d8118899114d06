/**
 * Judgements stated in prose and bullets:
 *   "Overall effectiveness of safeguarding services is good."            area … is GRADE
 *   "were judged to be outstanding for both overall effectiveness and …" GRADE for AREA
 *   "The 'adequate' judgements for the overall effectiveness of …"       GRADE judgements for AREA
 *   "good with outstanding capacity to secure further improved outcomes" with GRADE AREA
 *   "Adoption performance 'good'"                                         AREA 'GRADE'
 * Guards keep out what is not this council's judgement: hypotheticals ("would have been
 * rated inadequate"), other inspections ("previous", "unannounced"), negations, other
 * authorities, "good or outstanding", and anything without a judgement area.
 */
import type { FrameworkId } from "../types.js";
import type { AreaRef, GradeKey, Lexicon, ServiceRef } from "../knowledge/lexicon.js";
import { tokenize, type Token } from "../text/words.js";
import { areaInSubordinateClause, areaQualifiesAnotherNoun, gradeInRange, gradeSaidOfLaterNoun } from "./subjects.js";

/** A judgement found in a sentence, before it is tied to an inspection. */
export interface SentenceJudgement {
  area: AreaRef;
  grade: GradeKey;
  /** Service named in the sentence, if any (2009-12 framework only). */
  service: ServiceRef | null;
  /** "explicit" when the area sits right next to a quoted grade, as in a judgement list. */
  form: "explicit" | "prose";
}

type Item =
  | { kind: "area"; refs: AreaRef[]; start: number; end: number }
  | { kind: "grade"; key: GradeKey; start: number; end: number }
  | { kind: "service"; ref: ServiceRef; start: number; end: number };

const COPULA = new Set(["is", "are", "was", "were", "be", "been", "being", "remains", "remain", "remained", "judged", "rated", "graded", "found", "assessed", "considered", "deemed", "evaluated"]);
const COPULA_FILLER = new Set(["as", "to", "be", "been", "has", "have", "had", "also", "still", "now", "consistently", "again", "currently", "overall", "both", "all", "by", "ofsted", "inspectors", "judged", "rated", "graded", "found", "being"]);
const AFTER_GRADE_FILLER = new Set(["judgement", "judgements", "judgment", "judgments", "rating", "ratings", "grade", "grades", "grading", "by", "ofsted", "inspectors", "overall", "and"]);
const LIST_CONNECTORS = new Set(["and", "both", "of", "in", "for", "this", "area", "including", "as", "well", "its", "services", "service"]);
/** Hypotheticals anywhere in the sentence make every grade in it unsafe. */
const HYPOTHETICAL = /\b(would|could|might|if|unless|whether)\b/i;
/** Aims, targets and definitions state no judgement: "aims to be judged outstanding at its next inspection". */
const NOT_A_FINDING = /\b(aims?|aiming|targets?|aspir\w+|hopes?|striv\w+|working towards|next inspection|in future|intends?|intention|expects? to|defin\w+|criteria|descriptors?|will be (judged|rated|graded))\b/i;

/** Other inspections and other places, checked near the grade (see nearGuard). */
const ELSEWHERE = new Set(["previous", "previously", "prior", "earlier", "last", "unannounced", "monitoring", "focused", "nationally", "national", "most", "other", "england", "councils", "authorities", "las"]);
const NEGATION = new Set(["not", "no", "never", "nor"]);

function items(tokens: Token[], framework: FrameworkId, lex: Lexicon): Item[] {
  const matcher = lex.areasByFramework.get(framework) ?? lex.allAreas;
  const used = new Array(tokens.length).fill(false);
  const out: Item[] = [];
  for (const m of matcher.findAll(tokens)) {
    out.push({ kind: "area", refs: m.value, start: m.start, end: m.end });
    for (let i = m.start; i < m.end; i++) used[i] = true;
  }
  const free = (m: { start: number; end: number }) => !used.slice(m.start, m.end).some(Boolean);
  for (const m of lex.grades.findAll(tokens)) {
    if (!free(m)) continue;
    out.push({ kind: "grade", key: m.value, start: m.start, end: m.end });
    for (let i = m.start; i < m.end; i++) used[i] = true;
  }
  if (framework === "SLAC") for (const m of lex.services.findAll(tokens)) if (free(m)) out.push({ kind: "service", ref: m.value, start: m.start, end: m.end });
  return out.sort((a, b) => a.start - b.start);
}

/** True when the words just before the grade make it a predicate: "is", "were judged to be", "rated as". */
function copulaBefore(tokens: Token[], gradeStart: number): number | null {
  let i = gradeStart - 1;
  let seenCopula = -1;
  for (let steps = 0; i >= 0 && steps < 5; i--, steps++) {
    const w = tokens[i].norm;
    if (COPULA.has(w)) seenCopula = i;
    else if (!COPULA_FILLER.has(w)) break;
  }
  return seenCopula >= 0 ? seenCopula : null;
}

function negated(tokens: Token[], at: number): boolean {
  for (let i = Math.max(0, at - 3); i < at; i++) if (NEGATION.has(tokens[i].norm) || tokens[i].norm === "longer") return true;
  return false;
}

/** "Leadership was not judged to be outstanding": a negation anywhere between the area before the grade and the grade. */
function negatedSince(tokens: Token[], list: Item[], gi: number): boolean {
  const area = list.slice(0, gi).reverse().find((x) => x.kind === "area");
  if (!area) return false;
  for (let i = area.end; i < list[gi].start && i - area.end < 10; i++) if (NEGATION.has(tokens[i].norm)) return true;
  return false;
}

/**
 * True when a word about another inspection or other places stands close to the grade or
 * its area ("the previous inspection judged leadership inadequate"). Checked near the pair
 * rather than in the whole sentence, so a long sentence that goes on to mention the
 * unannounced inspection keeps its own judgement.
 */
function nearGuard(tokens: Token[], from: number, to: number): boolean {
  for (let i = Math.max(0, from - 4); i < Math.min(tokens.length, to + 6); i++) if (ELSEWHERE.has(tokens[i].norm)) return true;
  return false;
}

/** Words that give the verb a subject of its own: "children in care … and their attendance is good". */
const OWN_SUBJECT = new Set(["their", "its", "his", "her", "whose", "which", "who", "where", "while", "whereas", "although", "but"]);

/**
 * True when, between the area and the verb before the grade, a new clause starts with its
 * own subject: a possessive or relative word, or a comma or semicolon followed by "and".
 * The grade then describes that subject ("their attendance"), not the area.
 */
function otherSubject(text: string, tokens: Token[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (OWN_SUBJECT.has(tokens[i].norm)) return true;
  if (from >= to) return false;
  const between = text.slice(tokens[Math.max(from - 1, 0)].end, tokens[to].start);
  return /[,;]\s*(and|so|yet)\b/i.test(between) || /;/.test(between);
}

/** True when the grade is written in quotes (or bold/quote marks) in the original text. */
function quoted(text: string, tokens: Token[], g: Item): boolean {
  const before = text.slice(Math.max(0, tokens[g.start].start - 2), tokens[g.start].start);
  return /['"*]/.test(before);
}

/**
 * Finds the judgements one sentence states. `otherAuthority` tells whether the sentence
 * names an authority other than the report's (then it is about them, and skipped);
 * `years` are the inspection's own (start, end, publication): a sentence naming another
 * year is about another time, and skipped.
 */
export function judgementsInSentence(text: string, framework: FrameworkId, lex: Lexicon, otherAuthority: boolean, years: number[] = []): SentenceJudgement[] {
  if (otherAuthority || HYPOTHETICAL.test(text) || NOT_A_FINDING.test(text)) return [];
  // A year other than the inspection's ("In 2008 …", "… by 2013") puts the grade in another time.
  if (years.length && [...text.matchAll(/\b(19|20)\d\d\b/g)].some((m) => !years.includes(Number(m[0])))) return [];
  const tokens = tokenize(text);
  const list = items(tokens, framework, lex);
  const grades = list.filter((x) => x.kind === "grade");
  if (!grades.length || !list.some((x) => x.kind === "area")) return [];
  const out: SentenceJudgement[] = [];
  const push = (area: Item, g: Item, form: SentenceJudgement["form"]) => {
    if (area.kind !== "area" || g.kind !== "grade") return;
    // One loose word ("overall", "adoption", "permanence") is an area in a judgement list,
    // not in running prose: "numbers adopted … overall is good" judges no area.
    // "Overall, children's services … were judged …" opens with it: that one stays.
    const opensSentence = area.start === 0 && /^\W*\w+\s*,/.test(text);
    if (form === "prose" && area.end - area.start < 2 && !opensSentence) return;
    if (nearGuard(tokens, Math.min(area.start, g.start), Math.max(area.end, g.end))) return;
    out.push({ area: area.refs[0], grade: g.key, service: serviceNear(area.start), form });
  };
  const serviceNear = (at: number): ServiceRef | null => {
    const services = list.filter((x): x is Extract<Item, { kind: "service" }> => x.kind === "service");
    if (!services.length) return null;
    if (new Set(services.map((s) => s.ref.id)).size === 1) return services[0].ref;
    return services.reduce((a, b) => (Math.abs(a.start - at) <= Math.abs(b.start - at) ? a : b)).ref;
  };
  // An area that only qualifies another noun, or stands in a clause of its own, is not what a grade after it judges.
  const notTheSubject = (a: Item) => areaQualifiesAnotherNoun(text, tokens, a.start, a.end) || areaInSubordinateClause(text, tokens, a.start);
  // A table flattened onto one line: "… families Good The experiences … protection Good
  // Overall effectiveness Good": area, grade, area, grade, each right after the other.
  const pairs: [Item, Item][] = [];
  for (let k = 0; k + 1 < list.length; k++) {
    const [a, g, after] = [list[k], list[k + 1], list[k + 2]];
    const next = !after || (after.kind === "area" && (after.start === g.end || (after.start === g.end + 1 && tokens[g.end].norm === "the")));
    if (a.kind === "area" && g.kind === "grade" && g.start === a.end && next) pairs.push([a, g]);
  }
  if (pairs.length >= 2 && pairs.length === grades.length) {
    for (const [a, g] of pairs) push(a, g, "explicit");
    return out;
  }
  for (const g of grades) {
    if (g.kind !== "grade") continue;
    const gi = list.indexOf(g);
    // "good or outstanding", "good and outstanding work": two grades side by side name no one grade.
    const prevItem = list[gi - 1];
    const nextItem = list[gi + 1];
    const joinedTo = (o: Item | undefined) => o?.kind === "grade" && Math.abs((o.start > g.start ? o.start - g.end : g.start - o.end)) <= 1;
    if (joinedTo(prevItem) || joinedTo(nextItem)) continue;
    // "schools that are good or better", "at least good": a range, not a grade.
    if (gradeInRange(tokens, g.start, g.end)) continue;
    if (negated(tokens, g.start) || negatedSince(tokens, list, gi)) continue;
    // GRADE [judgements] for AREA(, and AREA)*
    let k = g.end;
    while (k < tokens.length && AFTER_GRADE_FILLER.has(tokens[k].norm) && k - g.end < 3) k++;
    if (k < tokens.length && ["for", "in", "on"].includes(tokens[k].norm)) {
      const areas: Item[] = [];
      let j = k + 1;
      for (const it of list.slice(gi + 1)) {
        if (it.kind === "grade") break;
        const gap = tokens.slice(j, it.start).every((t) => LIST_CONNECTORS.has(t.norm) || t.norm === "the");
        if (!gap) break;
        if (it.kind === "area") areas.push(it);
        j = it.end;
      }
      if (areas.length) {
        for (const a of areas) push(a, g, "prose");
        continue;
      }
    }
    // with GRADE AREA: "good with outstanding capacity to secure further improvement"
    if (nextItem?.kind === "area" && nextItem.start === g.end && g.start > 0 && tokens[g.start - 1].norm === "with") {
      push(nextItem, g, "prose");
      continue;
    }
    // AREA 'GRADE' / AREA – GRADE (a judgement list line)
    // (a verb between them, "… overall is good", makes it prose, read below)
    if (prevItem?.kind === "area" && g.start - prevItem.end <= 1 && !COPULA.has(tokens[g.start - 1]?.norm ?? "") && (quoted(text, tokens, g) || g.end === tokens.length || /^[\s]*[,;.)]/.test(text.slice(tokens[g.end - 1].end)))) {
      // Unquoted, "requires improvement" is a verb like any: "services for care leavers
      // require improvement" is about the services.
      if (quoted(text, tokens, g) || !notTheSubject(prevItem)) push(prevItem, g, "explicit");
      continue;
    }
    // AREA … is/are/was judged … GRADE ("requires improvement" is its own verb)
    const cop = copulaBefore(tokens, g.start) ?? (g.key === "ri" ? g.start : null);
    if (cop === null) continue;
    const clauseStart = list.slice(0, gi).reverse().find((x) => x.kind === "grade")?.end ?? 0;
    const areas = list.slice(0, gi).filter((x) => x.kind === "area" && x.start >= clauseStart);
    if (!areas.length) continue;
    const last = areas[areas.length - 1];
    if (cop - last.end > 15 || otherSubject(text, tokens, last.end, cop) || gradeSaidOfLaterNoun(text, tokens, last.end, cop)) continue;
    // "the regularity of reviews for children looked after is good": the grade is the
    // regularity's; an area only qualifying another noun is not what is judged.
    for (const a of areas) if (!notTheSubject(a)) push(a, g, "prose");
  }
  return out;
}
