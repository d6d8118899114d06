/**
 * Turns a question into what it asks about: authorities (known to knowledge/, with or
 * without a report), judgement areas, services, grades, a year, and the kind of question.
 * Typos and informal names are tolerated ("stayin safe", "oxon", "stockton LAC").
 */
import type { AreaRef, GradeKey, Lexicon, ServiceRef } from "../knowledge/lexicon.js";
import type { PhraseMatch } from "../knowledge/phrases.js";
import { STOP_WORDS, tokenize, type Token } from "../text/words.js";

/** The kinds of question the bot answers. */
export type Intent = "help" | "coverage" | "scale" | "actions" | "facts" | "list" | "compare" | "lookup" | "search";

/** A parsed question. */
export interface Query {
  text: string;
  tokens: Token[];
  intent: Intent;
  /** Canonical names of authorities named, in order, without repeats. */
  authorities: string[];
  /** A capitalised name that is no English authority ("Gotham"), when no authority was found. */
  unknownName: string | null;
  /** A part of several authorities' names ("Kingston"), when that is all the question names. */
  ambiguous: { word: string; authorities: string[] } | null;
  areas: PhraseMatch<AreaRef[]>[];
  services: ServiceRef[];
  grades: GradeKey[];
  /** A grade number asked about ("what does Grade 3 mean"). */
  gradeNumber: number | null;
  year: number | null;
  /** Words left once names, areas and question words are removed. */
  rest: string[];
  /** Content words for free-text search: everything but authority names and stop words. */
  searchTerms: string[];
  /** True when the question asks for a grade/judgement (even if no area is recognised). */
  wantsGrade: boolean;
}

const COMMON_CAPITALISED = new Set([
  "what", "which", "who", "how", "when", "where", "why", "did", "does", "do", "was", "were", "is", "are", "the", "ofsted", "compare",
  "tell", "show", "list", "give", "i", "in", "for", "and", "of", "a", "an", "grade", "grades", "judgement", "judgements", "council",
  "county", "city", "borough", "lac", "cla", "sif", "ilacs", "slac", "cqc", "lscb", "england", "english", "help", "can", "could",
  "please", "hi", "hello", "thanks", "outstanding", "good", "adequate", "inadequate", "requires", "improvement", "overall",
]);

const GRADE_WORDS = /\b(grade[sd]?|grading|rated|rating|ratings|judged|judgements?|judgments?|scored?|score|result|results|outcome|how did .+ do|how (was|were|did) .+ (judged|rated|graded|do)|what did .+ get|table)\b/i;

function detectIntent(q: string, hasAuthority: boolean, multiAuthority: boolean, hasArea: boolean, hasGrade: boolean): Intent {
  const t = q.toLowerCase();
  if (!t.trim() || /^\s*(help|\?|what can you do|how (do|can) i (use|ask)|commands|usage|hi|hello|hey|good (morning|afternoon|evening)|thanks|thank you|cheers)\b/.test(t)) return "help";
  // "Which councils do you have reports for?", "list the councils", "how many reports are there?"
  if (!hasAuthority && !hasGrade && !hasArea && /\b(councils|authorities|las|reports|inspections)\b/.test(t) && /\b(do you (have|know|cover|hold)|are there|in the corpus|covered|loaded|available|have you got)\b|^\s*(list|show)( me)? (the |all )?(councils|authorities|reports)\s*\??$/.test(t)) return "coverage";
  // "What is grade 4?", "What grades can Ofsted give?": the scale.
  if (!hasAuthority && (/\bwhat (is|are) (a |the )?grades?\s*[1-4]\b/.test(t) || /\bwhat grades (can|does|do|are)\b/.test(t))) return "scale";
  if (/\b(mean|means|meaning|definition|define|scale|difference between)\b/.test(t) && (hasGrade || /\bgrade\s*[1-4]\b/.test(t) || /\bgrad(e|ing) scale\b/.test(t)) && !hasAuthority) return "scale";
  if (
    /\b(recommend\w*|areas? for (improvement|development)|actions?|to do\b|needs? to (improve|do|change)|deadlines?|(improvement|action) plan|told .* to|ask(ed)? .* to|what should|what must|must .*\bdo|immediately|plan\b.*\bdue|due\b.*\bplan|within (\w+ )?(weeks?|months?)|priorit(y|ies) for action|what needs)\b/.test(t) &&
    !/\bcapacity\b/.test(t)
  )
    return "actions";
  // "Who was the lead inspector?" asks for a name: the passages, not the inspection dates.
  if (/^\s*who\b/.test(t) && !hasGrade) return "search";
  if (/\bhow many (councils|authorities|las|local authorities)\b/.test(t) && hasGrade && !hasAuthority) return "list";
  if (/\b(how many|number of|when|what date|dates?|published|publication|how long|which year|what year|took place|inspectors?|(latest|last|most recent) inspection|last inspected)\b/.test(t) && !(hasArea && /\b(grade|rated|judged)\b/.test(t))) return "facts";
  if (hasGrade && /\b(which|who|list|what|name|any|all)\b/.test(t) && !hasAuthority) return "list";
  if (/\b(which|list)\b.*\b(councils|authorities|las|places|areas|ones|reports)\b/.test(t) && !hasAuthority) return "list";
  if (multiAuthority || /\b(compare|comparison|versus|vs\.?|against)\b/.test(t)) return "compare";
  // "What did the report say about the Children in Care Council?" asks for words, not a grade.
  if (/\b(say|said|says|mention\w*|wr[io]te|describe\w*|comment\w*|note[sd]?|find|found)\b/.test(t) && !/\b(grade[sd]?|rated|rating|judged|judgements?)\b/.test(t)) return "search";
  // "Is Derby outstanding?", "did Oxfordshire get inadequate for anything?": its table (narrowed when it picks a grade).
  if (hasAuthority && (hasArea || hasGrade || GRADE_WORDS.test(t))) return "lookup";
  if (hasArea && hasGrade) return "list";
  return "search";
}

/**
 * Parses a question with the vocabulary's matchers.
 * @param isReportWord true for words the reports use: a short word that is one ("needs")
 *   is never read as a misspelt council ("Leeds"); one that is not ("haltn") may be.
 */
export function parseQuestion(text: string, lex: Lexicon, isReportWord: (word: string) => boolean = () => true): Query {
  const clean = text.replace(/<[@#!][^>]*>/g, " ").replace(/[‘’]/g, "'");
  const tokens = tokenize(clean);
  const used = new Array(tokens.length).fill(false);
  const mark = (m: { start: number; end: number }) => {
    for (let i = m.start; i < m.end; i++) used[i] = true;
  };
  const authorities: string[] = [];
  const authorityTokens = new Set<number>();
  for (const m of lex.authorities.findAll(tokens, true)) {
    // Short, common words ("reading", "bury") must be capitalised to count as a place.
    const raw = tokens[m.start].raw;
    if (m.end - m.start === 1 && ["reading", "bury", "harrow", "slough", "rutland"].includes(tokens[m.start].norm) && !/^[A-Z]/.test(raw)) continue;
    if (m.typos > 0 && (tokens[m.start].norm.length < 5 || (tokens[m.start].norm.length < 6 && isReportWord(tokens[m.start].norm)))) continue;
    mark(m);
    for (let i = m.start; i < m.end; i++) authorityTokens.add(i);
    if (!authorities.includes(m.value)) authorities.push(m.value);
  }
  const free = tokens.map((t, i) => (used[i] ? { ...t, norm: "\u0000" } : t));
  const areas = lex.askedAreas.findAll(free, true);
  areas.forEach(mark);
  const services = lex.services.findAll(tokens, true);
  services.forEach(mark);
  const grades = lex.grades.findAll(free, true).filter((m) => !areas.some((a) => m.start < a.end && a.start < m.end));
  grades.forEach(mark);
  const yearMatch = /\b(20[0-4]\d|199\d)\b/.exec(clean);
  const gradeNumber = /\bgrade\s*([1-4])\b/i.exec(clean);
  let unknownName: string | null = null;
  let ambiguous: Query["ambiguous"] = null;
  /** A word left over that could belong to a place's name. */
  const nameWord = (k: number) => !used[k] && !COMMON_CAPITALISED.has(tokens[k].norm) && !STOP_WORDS.has(tokens[k].norm);
  if (!authorities.length) {
    // Part of a name: "wrekin" is Telford and Wrekin; "kingston" is Hull or Thames, so ask.
    // A capitalised word beside it makes it part of another name ("Tees Valley", "Tees Esk and Wear Valley").
    const otherName = (k: number) => !!tokens[k] && /^[A-Z]/.test(tokens[k].raw) && nameWord(k);
    for (let i = 0; i < tokens.length && !authorities.length && !ambiguous; i++) {
      if (!nameWord(i)) continue;
      if (otherName(i - 1) || otherName(i + 1)) continue;
      const names = lex.authoritiesWithWord(tokens[i].norm);
      if (names.length === 1) {
        authorities.push(names[0]);
        authorityTokens.add(i);
        used[i] = true;
      } else if (names.length > 1) ambiguous = { word: tokens[i].raw.replace(/'s$/, ""), authorities: names };
    }
  }
  if (!authorities.length && !ambiguous) {
    const at = tokens.findIndex((t, i) => /^[A-Z][a-z]{2,}/.test(t.raw) && nameWord(i));
    if (at >= 0) {
      // The whole name: "Tees Valley", "Tees, Esk and Wear Valley".
      let end = at + 1;
      while (end < tokens.length && end - at < 6 && !used[end] && (/^[A-Z]/.test(tokens[end].raw) || (/^(and|of|upon|on)$/.test(tokens[end].norm) && /^[A-Z]/.test(tokens[end + 1]?.raw ?? ""))) && !COMMON_CAPITALISED.has(tokens[end].norm)) end++;
      unknownName = clean.slice(tokens[at].start, tokens[end - 1].end).replace(/'s$/, "");
    }
  }
  const searchTerms = tokens.filter((t, i) => !authorityTokens.has(i) && !STOP_WORDS.has(t.norm) && t.norm.length > 1).map((t) => t.norm);
  const rest = tokens.filter((t, i) => !used[i] && !STOP_WORDS.has(t.norm) && !/^\d+$/.test(t.norm)).map((t) => t.norm);
  const hasGrade = grades.length > 0;
  const intent = detectIntent(clean, authorities.length > 0, authorities.length > 1, areas.length > 0, hasGrade);
  return {
    text,
    tokens,
    intent,
    authorities,
    unknownName,
    ambiguous,
    areas,
    services: [...new Map(services.map((s) => [s.value.id, s.value])).values()],
    grades: [...new Set(grades.map((g) => g.value))],
    gradeNumber: gradeNumber ? Number(gradeNumber[1]) : null,
    year: yearMatch ? Number(yearMatch[1]) : null,
    rest,
    searchTerms,
    // An area named with nothing else to look for is a grade question; "the Children in
    // Care Council's imaginative work" is not.
    wantsGrade: GRADE_WORDS.test(clean) || (areas.length > 0 && rest.length === 0),
  };
}
