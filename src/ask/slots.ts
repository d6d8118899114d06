/**
 * The slot finders of the question parser: places (regions, council types), framework,
 * which inspections (a year, a range, all, the latest), the grade with its operator and
 * "any area". Each one claims the tokens it reads, so whatever no slot claims can be
 * reported back as not understood instead of silently dropped.
 */
import type { FrameworkId } from "../types.js";
import type { GradeKey, Lexicon } from "../knowledge/lexicon.js";
import type { CouncilType } from "../knowledge/load.js";
import type { PhraseMatch } from "../knowledge/phrases.js";
import type { Token } from "../text/words.js";

/** How a grade is asked for: exactly, at least/most, strictly better/worse, or anything but. */
export type GradeOp = "is" | "atLeast" | "atMost" | "above" | "below" | "not";

/** The grade condition of a question ("at least good", "not inadequate", "good or outstanding"). */
export interface GradeSlot {
  keys: GradeKey[];
  op: GradeOp;
}

/** Which of an authority's inspections the question is about. */
export type InspectionSelector =
  | { kind: "default" }
  | { kind: "latest" }
  | { kind: "all" }
  /** The inspection before the latest ("the previous inspection"), or the first of all ("the earliest report"). */
  | { kind: "previous" }
  | { kind: "earliest" }
  | { kind: "year"; year: number }
  /** Two years named apart ("in 2017 and 2022", "2015 vs 2025"): those two inspections, not the years between. */
  | { kind: "years"; years: number[] }
  /** Inclusive years; null for an open end ("before 2012" = to 2011). */
  | { kind: "range"; from: number | null; to: number | null };

/** A region slot: the words' name and the regions they cover. */
export interface RegionSlot {
  name: string;
  regions: string[];
}

/** Marks tokens as read by a slot. */
export type Claim = (start: number, end: number) => void;

/** Grade steps (1 best): the same step on every scale (Adequate and Requires improvement are both 3). */
export const GRADE_LEVEL: Record<GradeKey, number> = { outstanding: 1, good: 2, adequate: 3, ri: 3, inadequate: 4 };

/** True when a judgement's grade (as a key) meets the slot. */
export function gradeMeets(slot: GradeSlot, key: GradeKey | null): boolean {
  if (!key) return false;
  const level = GRADE_LEVEL[key];
  const levels = slot.keys.map((k) => GRADE_LEVEL[k]);
  switch (slot.op) {
    case "is":
      return slot.keys.includes(key);
    case "not":
      return !slot.keys.includes(key);
    case "atLeast":
      return level <= Math.max(...levels);
    case "atMost":
      return level >= Math.min(...levels);
    case "above":
      return level < Math.min(...levels);
    case "below":
      return level > Math.max(...levels);
  }
}

/** Finds the first region phrase among unclaimed tokens and claims it. */
export function findRegion(free: Token[], lex: Lexicon, claim: Claim): RegionSlot | null {
  const m = lex.regions.findAll(free).find((x) => !isNamePart(free, x));
  if (!m) return null;
  claim(m.start, m.end);
  // "councils in the north west": "in the" before a region is part of saying it.
  return m.value;
}

/** Finds a council type ("London boroughs", "shire counties") and claims it. */
export function findCouncilType(free: Token[], lex: Lexicon, claim: Claim): CouncilType | null {
  const m = lex.councilTypes.findAll(free)[0];
  if (!m) return null;
  claim(m.start, m.end);
  return m.value;
}

/** A place phrase that is really the start of a longer capitalised name ("North East Lincolnshire" is matched as an authority first). */
function isNamePart(free: Token[], m: PhraseMatch<unknown>): boolean {
  const next = free[m.end];
  return !!next && next.norm !== "\u0000" && /^[A-Z]/.test(next.raw) && !/^(and|of|in|for|between|since|before|after|from|during)$/i.test(next.raw);
}

/** The framework a question names ("under the SIF", "ILACS inspections", "the 2009-12 framework"). */
export function findFramework(free: Token[], lex: Lexicon, claim: Claim): FrameworkId | null {
  const m = lex.frameworkNames.findAll(free)[0];
  if (m) {
    // "under the SIF", "during ILACS", "SIF inspections": the words around the name say it too.
    const before = free[m.start - 1]?.norm === "the" ? m.start - 2 : m.start - 1;
    claim(/^(under|during|using|with|by)$/.test(free[before]?.norm ?? "") ? before : m.start, /^(framework|inspections?|regime)$/.test(free[m.end]?.norm ?? "") ? m.end + 1 : m.end);
    return m.value;
  }
  // "the 2009-12 framework", "the 2013 framework": a year or two just before "framework".
  for (let i = 1; i < free.length; i++) {
    if (free[i].norm !== "framework") continue;
    let j = i - 1;
    while (j >= 0 && /^\d{2,4}$/.test(free[j].norm)) j--;
    if (j === i - 1) continue;
    const first = Number(free[j + 1].norm);
    const f = lex.vocab.frameworks.find((x) => first >= x.years[0] && first <= x.years[1]);
    if (f) {
      const the = free[j]?.norm === "the" ? j : j + 1;
      claim(/^(under|during|in)$/.test(free[the - 1]?.norm ?? "") ? the - 1 : the, i + 1);
      return f.id;
    }
  }
  return null;
}

const YEAR = /^(199\d|20[0-4]\d)$/;

/**
 * Which inspections: "in 2014" (a year), "before 2012", "since 2015", "after 2015",
 * "between 2014 and 2017", "2014-2017", "2014 to 2017" (ranges), "latest"/"current"
 * (the latest), "ever"/"any inspection"/"every inspection" (all). Claims the words it reads.
 */
export function findInspections(tokens: Token[], used: boolean[], claim: Claim): InspectionSelector {
  const n = (i: number) => tokens[i]?.norm ?? "";
  const isYear = (i: number) => !used[i] && YEAR.test(n(i));
  for (let i = 0; i < tokens.length; i++) {
    if (!isYear(i)) continue;
    const y = Number(n(i));
    // "between 2014 and 2017", "from 2014 to 2017", "2014 to 2017", "2014-2017", "2014 and 2017".
    const joiner = n(i + 1);
    // "in 2011 and 2016" names two years, not the years between: only "between … and …" is a range.
    if ((["to", "until", "till"].includes(joiner) || (joiner === "and" && n(i - 1) === "between")) && isYear(i + 2)) {
      const y2 = Number(n(i + 2));
      const lead = ["between", "from"].includes(n(i - 1)) ? i - 1 : i;
      claim(lead, i + 3);
      return { kind: "range", from: Math.min(y, y2), to: Math.max(y, y2) };
    }
    // "2017 and 2022", "2015 or 2025", "2015 vs 2025": two inspections, each named by its year.
    const apart = /^(and|or|vs|versus|v|with|against|compared)$/.test(joiner) ? (n(i + 2) === "to" || n(i + 2) === "with" ? i + 3 : i + 2) : -1;
    if (apart > 0 && isYear(apart) && n(i - 1) !== "between") {
      const before = n(i - 1);
      claim(["in", "during", "of"].includes(before) ? i - 1 : i, apart + 1);
      return { kind: "years", years: [y, Number(n(apart))] };
    }
    if (isYear(i + 1) && tokens[i + 1].start - tokens[i].end <= 3) {
      claim(i, i + 2);
      return { kind: "range", from: Math.min(y, Number(n(i + 1))), to: Math.max(y, Number(n(i + 1))) };
    }
    const before = n(i - 1);
    const before2 = `${n(i - 2)} ${before}`;
    if (before === "before" || before === "pre" || before2 === "prior to" || before2 === "earlier than") {
      claim(before2 === "prior to" || before2 === "earlier than" ? i - 2 : i - 1, i + 1);
      return { kind: "range", from: null, to: y - 1 };
    }
    if (before === "until" || before === "till" || before2 === "up to") {
      claim(before2 === "up to" ? i - 2 : i - 1, i + 1);
      return { kind: "range", from: null, to: y };
    }
    if (before === "after" || before === "post" || before2 === "later than") {
      claim(before2 === "later than" ? i - 2 : i - 1, i + 1);
      return { kind: "range", from: y + 1, to: null };
    }
    if (before === "since" || (before === "from" && !["to", "and"].includes(n(i + 1)))) {
      claim(i - 1, /^onwards?$/.test(n(i + 1)) ? i + 2 : i + 1);
      return { kind: "range", from: y, to: null };
    }
    // "2015 onwards", "2015 or later", "2012 or earlier".
    if (n(i + 1) === "onwards" || n(i + 1) === "onward") {
      claim(i, i + 2);
      return { kind: "range", from: y, to: null };
    }
    if (n(i + 1) === "or" && ["later", "after"].includes(n(i + 2))) {
      claim(i, i + 3);
      return { kind: "range", from: y, to: null };
    }
    if (n(i + 1) === "or" && ["earlier", "before"].includes(n(i + 2))) {
      claim(i, i + 3);
      return { kind: "range", from: null, to: y };
    }
    claim(["in", "during", "of"].includes(before) ? i - 1 : i, i + 1);
    // Another year further on ("Sunderland's 2015 grade … its 2025 grade") names a second inspection: never dropped.
    const other = tokens.findIndex((_, j) => j > i && isYear(j));
    if (other > 0) {
      claim(["in", "during", "of"].includes(n(other - 1)) ? other - 1 : other, other + 1);
      return { kind: "years", years: [y, Number(n(other))] };
    }
    return { kind: "year", year: y };
  }
  // "since its last inspection", "compared with the previous report", "than last time": the change from the one before, so more than the latest.
  for (let i = 0; i < tokens.length; i++) {
    const lead = n(i) === "since" || n(i) === "than" ? 1 : n(i) === "compared" && /^(with|to)$/.test(n(i + 1)) ? 2 : 0;
    if (!lead || used[i]) continue;
    let j = i + lead;
    if (/^(at|in)$/.test(n(j))) j++;
    if (/^(its|their|the)$/.test(n(j))) j++;
    if (!/^(last|previous|earlier)$/.test(n(j)) || !/^(inspection|report|one|time)$/.test(n(j + 1))) continue;
    claim(i, j + 2);
    return { kind: "all" };
  }
  for (let i = 0; i < tokens.length; i++) {
    if (used[i]) continue;
    const w = n(i);
    if (["latest", "current", "currently", "now", "recent", "newest"].includes(w) || (w === "most" && n(i + 1) === "recent") || (w === "last" && /^(inspection|report|ofsted|judgements?|grades?)$/.test(n(i + 1)))) {
      claim(i, w === "most" ? i + 2 : i + 1);
      return { kind: "latest" };
    }
    if (["ever", "previously", "historically", "formerly"].includes(w) || ((w === "any" || w === "every" || w === "all" || w === "each") && /^(inspections?|reports?|time|point|stage)$/.test(n(i + 1))) || (w === "all" && /^(their|its|the)$/.test(n(i + 1)) && /^inspections?$/.test(n(i + 2)))) {
      claim(i, n(i + 1) === "their" || n(i + 1) === "its" || n(i + 1) === "the" ? i + 3 : /^(ever|previously|historically|formerly)$/.test(w) ? i + 1 : i + 2);
      return { kind: "all" };
    }
    // "its last two inspections", "both inspections", "each inspection": more than the latest.
    if ((/^(last|previous|past|two|both|each)$/.test(w) && /^(inspections|reports)$/.test(n(i + 1))) || (/^(last|previous|past)$/.test(w) && /^(two|three|2|3|few)$/.test(n(i + 1)) && /^(inspections|reports)$/.test(n(i + 2)))) {
      claim(i, /^(inspections|reports)$/.test(n(i + 1)) ? i + 2 : i + 3);
      return { kind: "all" };
    }
    // "the previous inspection", "their earlier report", "the inspection before last", "the last but one": the one before the latest.
    // The council's name may stand between: "the previous Bromley inspection".
    let noun = i + 1;
    while (noun < tokens.length && used[noun] && noun - i < 5) noun++;
    if (/^(previous|prior|earlier|preceding|older)$/.test(w) && /^(inspection|report|ofsted|one|judgements?|grades?|visit)$/.test(n(noun))) {
      claim(i, i + 1);
      return { kind: "previous" };
    }
    if ((w === "before" && /^(last|latest)$/.test(n(i + 1))) || (w === "last" && n(i + 1) === "but" && n(i + 2) === "one") || (w === "second" && /^(last|latest|most)$/.test(n(i + 1)))) {
      claim(i, w === "last" ? i + 3 : n(i + 1) === "most" ? i + 3 : i + 2);
      return { kind: "previous" };
    }
    // "the first inspection", "the earliest report", "their oldest one": the first of all.
    if (/^(first|earliest|oldest)$/.test(w) && /^(inspection|report|ofsted|one|judgements?|grades?)$/.test(n(noun))) {
      claim(i, i + 1);
      return { kind: "earliest" };
    }
    // "in the past", "at some point", "at one time": history, not the latest inspection.
    if (w === "in" && n(i + 1) === "the" && n(i + 2) === "past") {
      claim(i, i + 3);
      return { kind: "all" };
    }
    if (w === "at" && /^(some|one)$/.test(n(i + 1)) && /^(point|stage|time)$/.test(n(i + 2))) {
      claim(i, i + 3);
      return { kind: "all" };
    }
  }
  // "Was any council inadequate?", "have any councils been judged outstanding?": has it ever happened.
  for (let i = 0; i < tokens.length; i++) {
    if (/^(was|were|has|have|had|did)$/.test(n(i)) && n(i + 1) === "any" && /^(councils?|authorit(y|ies)|las?|local|london|county|counties|boroughs?|metropolitan|unitar(y|ies))$/.test(n(i + 2))) {
      claim(i + 1, i + 2);
      return { kind: "all" };
    }
  }
  return { kind: "default" };
}

const NEGATION = new Set(["not", "never", "werent", "wasnt", "isnt", "arent", "didnt", "dont", "doesnt", "hasnt", "havent", "hadnt", "non"]);
/** Words that may stand between a negation and the grade it negates ("weren't judged as good"). */
const BETWEEN = new Set(["rated", "judged", "graded", "been", "be", "get", "got", "given", "as", "receive", "received", "achieve", "achieved", "found", "to", "considered", "even", "a", "an", "any", "one"]);

/**
 * The grade a question asks for, with its operator, from the grade words already found:
 * "at least good", "good or better" (at least), "requires improvement or worse", "at
 * best adequate" (at most), "better than adequate" (above), "below good" (below),
 * "not good", "weren't inadequate", "other than outstanding" (not).
 */
export function gradeSlot(tokens: Token[], grades: PhraseMatch<GradeKey>[], claim: Claim): GradeSlot | null {
  if (!grades.length) return null;
  const keys = [...new Set(grades.map((g) => g.value))];
  const first = grades[0].start;
  const last = grades[grades.length - 1].end;
  const n = (i: number) => tokens[i]?.norm ?? "";
  const two = (i: number) => `${n(i)} ${n(i + 1)}`;
  // After the last grade: "or better", "and above", "or worse".
  if (/^(or|and) (better|above|higher|more)$/.test(two(last))) return claimOp(claim, last, last + 2, keys, "atLeast");
  if (/^(or|and) (worse|below|lower|less)$/.test(two(last))) return claimOp(claim, last, last + 2, keys, "atMost");
  // Before the first: "at least", "at most", "at best", "better than", "below", "anything other than".
  const b2 = two(first - 2);
  const b1 = n(first - 1);
  if (b2 === "at least" || b2 === "no worse" || b2 === "minimum of") return claimOp(claim, first - 2, first, keys, "atLeast");
  if (b2 === "at most" || b2 === "at best" || b2 === "no better") return claimOp(claim, first - 2, first, keys, "atMost");
  if (b2 === "better than" || b2 === "higher than") return claimOp(claim, first - 2, first, keys, "above");
  if (b2 === "worse than" || b2 === "lower than" || b2 === "less than") return claimOp(claim, first - 2, first, keys, "below");
  if (b1 === "below" || b1 === "under") return claimOp(claim, first - 1, first, keys, "below");
  if (b1 === "above") return claimOp(claim, first - 1, first, keys, "above");
  if (b2 === "other than" || b2 === "anything but" || b1 === "except") return claimOp(claim, b1 === "except" ? first - 1 : first - 2, first, keys, "not");
  // "not good", "weren't judged good", "never been inadequate".
  for (let i = first - 1, hops = 0; i >= 0 && hops < 4; i--, hops++) {
    if (NEGATION.has(n(i))) return claimOp(claim, i, i + 1, keys, "not");
    if (!BETWEEN.has(n(i))) break;
  }
  return { keys, op: "is" };
}

function claimOp(claim: Claim, start: number, end: number, keys: GradeKey[], op: GradeOp): GradeSlot {
  claim(start, end);
  return { keys, op };
}

/**
 * "an adequate grade", "inadequate for anything", "any area", "in any judgement": the
 * grade in any area rather than overall effectiveness. Claims the words.
 */
export function findAnyArea(tokens: Token[], used: boolean[], claim: Claim): boolean {
  const n = (i: number) => tokens[i]?.norm ?? "";
  const AREA = /^(areas?|judge?ments?|grades?|ratings?|aspects?|categor(y|ies)|things?)$/;
  // Every way the question says it is claimed ("an inadequate grade for anything" says it twice).
  let found = false;
  const take = (start: number, end: number) => {
    claim(start, end);
    found = true;
  };
  for (let i = 0; i < tokens.length; i++) {
    const w = n(i);
    if (w === "anything" || w === "everything" || w === "something") {
      take(i, i + 1);
      continue;
    }
    if ((w === "any" || w === "an" || w === "a") && AREA.test(n(i + 1))) {
      take(i, i + 2);
      i++;
      continue;
    }
    // "an adequate grade", "any inadequate judgements", "a requires improvement grade": the grade words are claimed already.
    if (w === "any" || w === "an" || w === "a") {
      let j = i + 1;
      while (j < tokens.length && used[j] && j - i <= 5) j++;
      if (j > i + 1 && AREA.test(n(j))) {
        take(i, i + 1);
        take(j, j + 1);
        i = j;
        continue;
      }
    }
    if (w === "any" && n(i + 1) === "of" && /^(their|its|the)$/.test(n(i + 2)) && AREA.test(n(i + 3))) {
      take(i, i + 4);
      i += 3;
      continue;
    }
    if (w === "at" && n(i + 1) === "least" && n(i + 2) === "one") {
      take(i, i + 3);
      i += 2;
    }
  }
  return found;
}

/** Words after "all"/"every"/"each" that make it a quantifier of areas or grades, not of councils ("every area", "all of"). */
const QUANTIFIED = /^(areas?|judge?ments?|grades?|ratings?|aspects?|of)$/;

/**
 * "Compare all the councils", "compare every authority", "compare them all": every council
 * with a report. Claims the word; "all areas", "every judgement", "all of" are not it.
 */
export function findEveryCouncil(tokens: Token[], used: boolean[], claim: Claim): boolean {
  const at = tokens.findIndex((t, i) => !used[i] && /^(all|every|each)$/.test(t.norm) && !QUANTIFIED.test(tokens[i + 1]?.norm ?? ""));
  if (at < 0) return false;
  claim(at, at + 1);
  return true;
}

/**
 * "Which of Halton's grades were outstanding?", "any inadequate judgements", "good for
 * anything": one council's table narrowed to the grade asked, not shown whole with the
 * grade beside it ("Is Derby outstanding?" shows the whole table).
 */
export const PICKS_GRADE = /\b(outstanding|good|adequate|inadequate|requires? improvement( to be good)?)\s+(grades?|judge?ments?|ratings?|areas?)\b|\b(grades?|judge?ments?|ratings?|areas?)\b.*\b(were|was|are|is|rated|judged|graded)\s+(as\s+)?(outstanding|good|adequate|inadequate|requir)|\b(for|in|on) (anything|any( of (them|it))?|any (area|judge?ment)s?|everything)\b/i;
