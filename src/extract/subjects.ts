/**
 * Whether a grade word in running prose is said of a judgement area at all. Real reports'
 * prose puts a grade next to an area's words without judging the area when:
 *
 *   - the area only qualifies another noun, which is what the grade describes: "the
 *     regularity of reviews for children looked after is good", "the service that care
 *     leavers receive is outstanding", "services for children and care leavers remain
 *     good", "children looked after's attendance at school is good";
 *   - the area stands in a clause of its own: "when children become looked after, the
 *     quality of care plans for them is good", "placement matching when children first
 *     become looked after … requires improvement";
 *   - the grade describes a noun after the area: "children looked after attend schools
 *     judged to require improvement";
 *   - the grade word is one end of a range: "schools that are good or better", "at least
 *     good".
 *
 * Then the sentence judges no area, so it must state none (a table row that failed to
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
/** Words opening a clause of its own: an area after one is that clause's, not the sentence's subject. */
const SUBORDINATORS = new Set(["when", "whenever", "where", "wherever", "because", "once", "until", "unless", "while", "whilst", "whereas", "although", "though"]);
/** Words looked back over for a subordinator. */
const SUBORDINATOR_REACH = 4;
/** Participles that state a judgement after "is"/"are", but after a bare noun describe that noun ("schools judged good"). */
const PARTICIPLES = new Set(["judged", "rated", "graded", "found", "assessed", "considered", "deemed", "evaluated"]);
/**
 * Nouns that name a judgement itself: a preposition after one of them still leads to the
 * area judged ("the effectiveness of the LSCB is inadequate", "the judgement for making a
 * positive contribution", "the effectiveness of services to ensure that children … are safe").
 */
const JUDGEMENT_NOUNS = new Set(["effectiveness", "judgement", "judgements", "judgment", "judgments", "grade", "grades", "rating", "ratings", "review"]);
/** Words looked back over for such a noun. */
const JUDGEMENT_NOUN_REACH = 5;
/** Words of earlier list items stepped over to find the word governing the list ("for children, young people and care leavers"). */
const LIST_REACH = 4;

/** The gap between two tokens holds a comma, semicolon, colon or bracket: a clause or list boundary. */
function boundaryBetween(text: string, a: Token, b: Token): boolean {
  return /[,;:()]/.test(text.slice(a.end, b.start));
}

/** The gap before token `j` holds a semicolon, colon or bracket: a clause boundary even a list does not cross. */
function clauseBoundaryBefore(text: string, tokens: readonly Token[], j: number): boolean {
  return j > 0 && /[;:()]/.test(text.slice(tokens[j - 1].end, tokens[j].start));
}

/** True when a judgement noun stands within a few words before token `at`, in the same clause. */
function judgementNounBefore(text: string, tokens: readonly Token[], at: number): boolean {
  for (let j = at - 1; j >= 0 && j >= at - JUDGEMENT_NOUN_REACH; j--) {
    if (boundaryBetween(text, tokens[j], tokens[j + 1])) return false;
    if (JUDGEMENT_NOUNS.has(tokens[j].norm)) return true;
  }
  return false;
}

/** "along with", "together with": a conjunction joining areas, not a preposition. */
function joinsLikeAnd(tokens: readonly Token[], j: number): boolean {
  return tokens[j].norm === "with" && (tokens[j - 1]?.norm === "along" || tokens[j - 1]?.norm === "together");
}

/** True when a preposition (not after a judgement noun) governs a list ending at or before token `from`. */
function governedList(text: string, tokens: readonly Token[], from: number): boolean {
  for (let j = from; j >= 0 && j >= from - LIST_REACH; j--) {
    if (joinsLikeAnd(tokens, j)) return false;
    if (PREPOSITIONS.has(tokens[j].norm)) return !judgementNounBefore(text, tokens, j);
    if (clauseBoundaryBefore(text, tokens, j)) break;
  }
  return false;
}

/**
 * True when the area (tokens `start` to `end`) only qualifies a noun before or after it:
 * a preposition or relative word stands right before it (after any determiners), a
 * preposition governs the list it is an item of ("for children and care leavers"), or it
 * is a possessor ("children looked after's attendance", "care leavers' housing").
 */
export function areaQualifiesAnotherNoun(text: string, tokens: readonly Token[], start: number, end: number): boolean {
  const last = tokens[end - 1];
  if (/['’]s$/i.test(last.raw) || /^['’](?![a-z])/i.test(text.slice(last.end))) return true;
  let i = start - 1;
  while (i >= 0 && DETERMINERS.has(tokens[i].norm) && !boundaryBetween(text, tokens[i], tokens[i + 1])) i--;
  if (i < 0) return false;
  const gap = text.slice(tokens[i].end, tokens[i + 1].start);
  if (/[;:()]/.test(gap)) return false;
  if (gap.includes(",")) {
    // After a comma the area opens a clause, unless it is an item of a list that goes on
    // after it ("for children looked after, care leavers and those requiring adoption").
    const listGoesOn = /^\s*,|^\s+(and|or)\b/i.test(text.slice(last.end));
    return listGoesOn && governedList(text, tokens, i);
  }
  const w = tokens[i].norm;
  if (w === "and" || w === "or") return governedList(text, tokens, i - 1);
  if (joinsLikeAnd(tokens, i)) return false;
  if (PREPOSITIONS.has(w)) return !judgementNounBefore(text, tokens, i);
  // "That leadership … is outstanding" (a resolution's wording) opens with "that": no noun before it to qualify.
  if (!RELATIVES.has(w) || i === 0 || judgementNounBefore(text, tokens, i)) return false;
  // "found that overall effectiveness is good" reports a finding; "the service that care
  // leavers receive" is a relative clause.
  const before = tokens[i - 1].norm;
  return !(REPORTING.has(before) || /ed$/.test(before));
}

/** True when a subordinator ("when", "although", …) opens a clause the area starting at token `start` is in. */
export function areaInSubordinateClause(text: string, tokens: readonly Token[], start: number): boolean {
  for (let j = start - 1; j >= 0 && j >= start - SUBORDINATOR_REACH; j--) {
    if (SUBORDINATORS.has(tokens[j].norm)) return true;
    if (boundaryBetween(text, tokens[j], tokens[j + 1])) return false;
  }
  return false;
}

/**
 * True when the verb stating the grade (token `verb`) has a subject of its own after the
 * area (ending at token `areaEnd`): a clause after a comma that opens with a determiner
 * ("…, the quality of care plans for them is good"), or a bare participle after a noun
 * ("attend schools judged to require improvement").
 */
export function gradeSaidOfLaterNoun(text: string, tokens: readonly Token[], areaEnd: number, verb: number): boolean {
  if (verb <= areaEnd) return false;
  if (PARTICIPLES.has(tokens[verb].norm)) return true;
  const between = text.slice(tokens[areaEnd - 1].end, tokens[verb].start);
  const afterComma = between.lastIndexOf(",");
  if (afterComma < 0) return false;
  const next = /^[\s"'‘“]*([A-Za-z]+)/.exec(between.slice(afterComma + 1));
  return !!next && DETERMINERS.has(next[1].toLowerCase());
}

/** True when the grade between tokens `start` and `end` is one end of a range: "good or better", "at least good". */
export function gradeInRange(tokens: readonly Token[], start: number, end: number): boolean {
  const after = tokens.slice(end, end + 2).map((t) => t.norm).join(" ");
  const before = tokens.slice(Math.max(0, start - 2), start).map((t) => t.norm).join(" ");
  return /^(or|and) (better|worse|above|below|higher|lower)$/.test(after) || /(^| )(at least|better than|worse than|less than|more than|lower than|higher than|above|below)$/.test(before);
}
