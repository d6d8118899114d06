/**
 * Turns a question into what it asks about: authorities (known to knowledge/, with or
 * without a report), judgement areas, services, grades, a year, and the kind of question.
 * Typos and informal names are tolerated ("stayin safe", "oxon", "stockton LAC").
 */
import type { AreaRef, GradeKey, Lexicon, ServiceRef } from "../knowledge/lexicon.js";
import type { CouncilType } from "../knowledge/load.js";
import type { PhraseMatch } from "../knowledge/phrases.js";
import type { FrameworkId } from "../types.js";
import { STOP_WORDS, tokenize, type Token } from "../text/words.js";
import { PICKS_GRADE, findAnyArea, findCouncilType, findEveryCouncil, findFramework, findInspections, findRegion, gradeSlot, type GradeSlot, type InspectionSelector, type RegionSlot } from "./slots.js";
import { LEAD_INSPECTOR, findActionKind, findFact, findOtherVisit, readTimescale, type ActionKind, type FactSlot, type TimescaleSlot } from "./detailSlots.js";

/** The kinds of question the bot answers. */
export type Intent = "help" | "coverage" | "scale" | "actions" | "facts" | "list" | "count" | "compare" | "change" | "mentions" | "lookup" | "search";

/** A parsed question: its intent and slots. Handlers read these, not the words again. */
export interface Query {
  text: string;
  tokens: Token[];
  intent: Intent;
  /** Region(s) the question restricts to ("London boroughs" gives a type, not a region). */
  region: RegionSlot | null;
  councilType: CouncilType | null;
  framework: FrameworkId | null;
  /** Which inspections: a year, a range, all, the latest, or the handler's default. */
  inspections: InspectionSelector;
  /** The grade condition, with its operator. */
  grade: GradeSlot | null;
  /** "an adequate grade", "inadequate for anything": any judgement area, not overall effectiveness. */
  anyArea: boolean;
  /** Direction asked about in a change question ("improved", "got worse"), or "changed". */
  change: "improved" | "declined" | "changed" | null;
  /** Areas the question leaves out ("any area excluding health"). */
  excludedAreas: PhraseMatch<AreaRef[]>[];
  /** Several areas in a list: each must fit ("adoption and care leavers"), or any one ("adoption or care leavers"). */
  areasJoin: "and" | "or";
  /** Where a mentions question looks: what the councils were told to do, or the whole reports. */
  mentionsIn: "actions" | "reports";
  /** The topic words with the small words between them, for looking for them as a phrase. */
  topicPhrase: string[];
  /** Words that are what the question is about (search, mentions, a topic no area matches). */
  topic: string[];
  /** Content words no slot claimed, in a question that must be understood whole (lists, counts, comparisons, change). */
  notUnderstood: string[];
  /** Canonical names of authorities named, in order, without repeats. */
  authorities: string[];
  /** A capitalised name that is no English authority ("Gotham"), when no authority was found. */
  unknownName: string | null;
  /**
   * A part of several authorities' names ("Kingston"), when that is all the question names,
   * with where the word stands in `text` (so each choice can be asked as the full question).
   */
  ambiguous: { word: string; authorities: string[]; start: number; end: number } | null;
  areas: PhraseMatch<AreaRef[]>[];
  services: ServiceRef[];
  /** A 2009-12 service named in words no judgement area shares ("safeguarding services"): only that framework has it. */
  serviceOnly: boolean;
  grades: GradeKey[];
  /** A grade number asked about ("what does Grade 3 mean"). */
  gradeNumber: number | null;
  /** The year when the inspections slot names one year (kept for handlers of one inspection). */
  year: number | null;
  /** Words left once names, areas and question words are removed. */
  rest: string[];
  /** Content words for free-text search: everything but authority names and stop words. */
  searchTerms: string[];
  /** True when the question asks for a grade/judgement (even if no area is recognised). */
  wantsGrade: boolean;
  /** "Which of Halton's grades were outstanding?": one council's table narrowed to the grade, not shown whole. */
  gradePicks: boolean;
  /** "Compare all the councils": every council with a report (a comparison naming fewer than two). */
  everyCouncil: boolean;
  /** Which fact a facts question asks for (null for other intents). */
  fact: FactSlot | null;
  /** How soon the actions asked about are due ("within three months", "immediately"). */
  timescale: TimescaleSlot | null;
  /** Which actions an actions question asks for (null: any kind, or another intent). */
  actionKind: ActionKind | null;
  /** An unannounced inspection, a monitoring or focused visit: not the inspection whose dates and grades the bot holds. */
  otherVisit: boolean;
}

const COMMON_CAPITALISED = new Set([
  "what", "which", "who", "how", "when", "where", "why", "did", "does", "do", "was", "were", "is", "are", "the", "ofsted", "compare",
  "tell", "show", "list", "give", "i", "in", "for", "and", "of", "a", "an", "grade", "grades", "judgement", "judgements", "council",
  "county", "city", "borough", "lac", "cla", "sif", "ilacs", "slac", "cqc", "lscb", "england", "english", "help", "can", "could",
  "please", "hi", "hello", "thanks", "outstanding", "good", "adequate", "inadequate", "requires", "improvement", "overall",
]);

const GRADE_WORDS = /\b(grade[sd]?|grading|rated|rating|ratings|judged|judgements?|judgments?|scored?|score|result|results|outcome|how did .+ do|how (was|were|did) .+ (judged|rated|graded|do)|what did .+ get|table)\b/i;

/** What the question's other words already tell the intent detector. */
interface Seen {
  hasAuthority: boolean;
  multiAuthority: boolean;
  hasArea: boolean;
  hasGrade: boolean;
  /** A region, council type or framework: the question is about a set of councils. */
  hasPlaces: boolean;
  /** Lower-case words no slot claimed (change words are looked for only among them). */
  free: string[];
}

const COUNCILS = /\b(councils?|authorities|authority|las|places|ones|boroughs|counties|unitaries|reports|areas)\b/;
const CHANGE_WORDS = /\b(improved|improving|declined|declining|deteriorated|deteriorating|worsened|slipped|dropped|fell|fallen|dipped|regressed|changed|trend|trajectory|over time|(got|get|gotten|getting|become|became|gone|went|go|going) (better|worse|up|down|downhill)|(did|has|have|had)( \w+){0,2} (improve|decline|deteriorate|worsen|drop|slip|fall|dip|regress)|(go|goes|gone|went|move|moved|moving) from|(did|has|have|had|how)( [\w']+){0,4} (?<!to )change)\b/;
/** The direction of a change, read from the words no slot claimed. */
const IMPROVED = /\b(improved|improve|improving|better|up)\b/;
const DECLINED = /\b(declined?|declining|deteriorated?|deteriorating|worsened?|slip|slipped|drop|dropped|fall|fell|fallen|dip|dipped|regress\w*|downhill|worse|down)\b/;
/**
 * Other ways staff ask what the council must improve: "what must X improve", "what needed
 * improving", "the improvement areas", "what improvements were asked of X".
 */
const ASKED_TO_IMPROVE = /\b(must (improve|change|address|tackle|fix|strengthen)|(needs?|needed) (improving|improvement|addressing|fixing|strengthening)|improvement areas?|areas? to improve|improvements? (were |was |are |is )?(asked|required|needed|requested|recommended|expected|identified|set out)|(asked|required|expected) of)\b/;
const MENTION_WORDS = /\b(mention\w*|refer(s|red)? to|talk(s|ed)? about|discuss\w*|say anything about|said anything about)\b/;
const TOLD_TO = /\b(told|asked|advised|recommended|required|urged|instructed)\b.*\bto\b/;

function detectIntent(q: string, s: Seen): Intent {
  const t = q.toLowerCase();
  const { hasAuthority, multiAuthority, hasArea, hasGrade } = s;
  if (!t.trim() || /^\s*(help|\?|what can you do|how (do|can) i (use|ask)|commands|usage|hi|hello|hey|good (morning|afternoon|evening)|thanks|thank you|cheers)\b/.test(t)) return "help";
  // "Which councils do you have reports for?", "list the councils", "how many reports are there?"
  if (!hasAuthority && !hasGrade && !hasArea && /\b(councils|authorities|las|reports|inspections|boroughs|counties|unitaries)\b/.test(t) && /\b(do you (have|know|cover|hold)|are there|in the corpus|covered|loaded|available|have you got)\b|^\s*(list|show)( me)? (the |all )?(councils|authorities|reports)\s*\??$/.test(t)) return "coverage";
  // "What is grade 4?", "What grades can Ofsted give?": the scale.
  if (!hasAuthority && (/\bwhat (is|are) (a |the )?grades?\s*[1-4]\b/.test(t) || /\bwhat grades (can|does|do|are)\b/.test(t))) return "scale";
  if (/\b(mean|means|meaning|definition|define|scale|difference between)\b/.test(t) && (hasGrade || /\bgrade\s*[1-4]\b/.test(t) || /\bgrad(e|ing) scale\b/.test(t)) && !hasAuthority) return "scale";
  // "Which reports mention private fostering?", "which councils were told to improve return home interviews?"
  // "Told … to" among the words no slot read: "which councils required improvement to be good" is a grade.
  const freeText = s.free.join(" ");
  if (!hasAuthority && /\b(which|what|any|how many|list|name|where|whose)\b/.test(t) && (MENTION_WORDS.test(t) || TOLD_TO.test(freeText))) return "mentions";
  // "Has Manchester improved since 2014?", "which councils got worse between inspections?"
  // "Is Portsmouth better than at its last inspection?": the inspections slot read "its last inspection", the question is a change.
  if (/\b(better|worse) than (at |in )?(its |their |the )?(last|previous|earlier) (inspection|report|time)\b/.test(t)) return "change";
  if (CHANGE_WORDS.test(freeText) && !TOLD_TO.test(freeText) && !/\b(to improve|areas? for improvement|should|must|needs? to)\b/.test(t) && !ASKED_TO_IMPROVE.test(t)) return "change";
  if (!hasAuthority && /\b(how many|number of|count|total)\b/.test(t) && COUNCILS.test(t) && (hasGrade || s.hasPlaces || hasArea)) return "count";
  if (
    (ASKED_TO_IMPROVE.test(t) || /\b(recommend\w*|areas? for (improvement|development)|actions?|to do\b|to improve\b|needs? to (improve|do|change|get better|be better)|deadlines?|(improvement|action) plan|(told|tells?) .* to|ask(ed|s)? .* to|what should|what must|must .*\bdo|immediately|plan\b.*\bdue|due\b.*\bplan|within (\w+ )?(weeks?|months?)|priorit(y|ies) for action|what needs)\b/.test(t)) &&
    !/\bcapacity\b/.test(t)
  )
    return "actions";
  // "What did inspectors say about …?" asks for their words, not the inspection's dates.
  if (/\b(say|said|says|wr[io]te|describe\w*|comment\w*)\b/.test(t) && !hasGrade && !/\b(how many|number of|when)\b/.test(t)) return "search";
  // "Who was the lead inspector?", "who led the inspection?", "the HMI for Swindon": the report names its lead.
  if (LEAD_INSPECTOR.test(t) && !/\b(how many|number of)\b/.test(t)) return "facts";
  // Any other "who" asks for a name: the passages, not the inspection dates.
  if (/^\s*who\b/.test(t) && !hasGrade) return "search";
  // "Which councils were good at their latest inspection?", "councils judged good and above": a list, not the inspection's facts.
  if (hasGrade && !hasAuthority && (/\b(which|who|list|name)\b/.test(t) || COUNCILS.test(t)) && !/\b(how many|number of)\b/.test(t)) return "list";
  if (/\b(how many|number of|when|what date|dates?|published|publication|how long|(which|what) (year|month)|(what|which) (period|weeks?|days)|took place|inspectors?|(latest|last|most recent) inspection|last inspected)\b/.test(t) && !(hasArea && /\b(grade|rated|judged)\b/.test(t))) return "facts";
  if (hasGrade && /\b(which|who|list|what|name|any|all)\b/.test(t) && !hasAuthority) return "list";
  if (/\b(which|list)\b.*\b(councils|authorities|las|places|areas|ones|reports|boroughs|counties|unitaries)\b/.test(t) && !hasAuthority) return "list";
  if (!hasAuthority && s.hasPlaces && (hasGrade || hasArea)) return "list";
  if (multiAuthority || /\b(compare|comparison|versus|vs\.?|against)\b/.test(t)) return "compare";
  // "What did the report say about the Children in Care Council?" asks for words, not a grade.
  if (/\b(say|said|says|mention\w*|wr[io]te|describe\w*|comment\w*|note[sd]?|find|found)\b/.test(t) && !/\b(grade[sd]?|rated|rating|judged|judgements?)\b/.test(t)) return "search";
  // "Is Derby outstanding?", "did Oxfordshire get inadequate for anything?": its table (narrowed when it picks a grade).
  if (hasAuthority && (hasArea || hasGrade || GRADE_WORDS.test(t))) return "lookup";
  if (hasArea && hasGrade) return "list";
  return "search";
}

/**
 * Words a question may hold without narrowing it: question words, grade verbs, the
 * councils asked about. What else is left over in a list, count, comparison or change
 * question is reported back as not understood.
 */
const UNDERSTOOD = new Set([
  ...[...STOP_WORDS].filter((w) => !["not", "no", "nor", "only", "more", "most", "than", "other", "same", "all", "every", "each"].includes(w)),
  ..."list name names show me find which whose how many number count total rated rating ratings judged judgement judgements judgment judgments graded grade grades scored score scores received receive awarded achieved achieve given gets getting result results outcome outcomes found considered got been being".split(" "),
  ..."councils council's councils' authorities authority's la las places ones areas area boroughs services service children childrens ofsted inspection inspections inspected reports report time times ever currently now overall level levels judgements' there listed named please were was round cycle".split(" "),
  ..."compare comparison versus vs against between side by both each their its".split(" "),
  // Verbs of judging: how the grade was given, not which councils.
  ..."rate rates judge judges assess assessed assessment award gave give gives marked mark deemed regarded described classed classified categorised labelled earned earn obtained obtain secured secure inspector inspectors inspecting inspect evaluated evaluation get awarded giving".split(" "),
  ..."improved improve improving better worse declined declining deteriorated deteriorating worsened slipped dropped changed change changes trend trajectory up down gone went become became since last previous earlier two inspection".split(" "),
]);

/** Words understood elsewhere that, in what a mentions question looks for, are part of the phrase ("children's homes", "young people's views"). */
const PHRASE_WORDS = new Set(["children", "childrens", "child", "young", "people"]);

/** Words of a change question that name the comparison, not a condition. */
const CHANGE_CLAIMS = new Set(["improved", "improve", "decline", "deteriorate", "worsen", "improving", "better", "worse", "declined", "declining", "deteriorated", "deteriorating", "worsened", "slipped", "dropped", "changed", "change", "changes", "trend", "trajectory", "over", "time", "gone", "went", "become", "became", "up", "down", "go", "going", "downhill", "drop", "slip", "fall", "fell", "fallen", "dip", "dipped", "regress", "regressed"]);

/** Words of a mentions question that ask the question, not what to look for. */
const MENTION_CLAIMS = new Set(["mention", "mentions", "mentioned", "mentioning", "refer", "refers", "referred", "talk", "talks", "talked", "discuss", "discusses", "discussed", "say", "said", "anything", "told", "asked", "advised", "recommended", "required", "urged", "instructed", "improve", "ensure", "make", "do"]);

/** How staff say "told to improve" X: the verb right after "told … to" (with its particle) asks the question; X is the topic. */
const TOLD_VERBS: Record<string, string[]> = { sort: ["out"], address: [], tackle: [], fix: [], strengthen: [], review: [], look: ["at"], work: ["on"], focus: ["on"], get: ["better", "at"] };

/** Indices of the "told … to" verb and its particle ("asked to sort out supervision" → sort, out). */
function toldVerb(tokens: Token[]): number[] {
  const told = tokens.findIndex((t) => /^(told|asked|advised|recommended|required|urged|instructed)$/.test(t.norm));
  if (told < 0) return [];
  const to = tokens.findIndex((t, i) => i > told && t.norm === "to");
  const verb = tokens[to + 1]?.norm ?? "";
  if (to < 0 || !(verb in TOLD_VERBS)) return [];
  const particle = TOLD_VERBS[verb];
  const follows = particle.every((p, k) => tokens[to + 2 + k]?.norm === p);
  return [to + 1, ...(follows ? particle.map((_, k) => to + 2 + k) : [])];
}

/** Question shapes that carry their own counted noun or topic (facts, actions, search, lookups). */
const TOPIC_INTENTS = new Set<Intent>(["help", "coverage", "scale", "actions", "facts", "lookup", "search", "mentions"]);

/**
 * Parses a question with the vocabulary's matchers.
 * @param isReportWord true for words the reports use: a short word that is one ("needs")
 *   is never read as a misspelt council ("Leeds"); one that is not ("haltn") may be.
 * @param carried councils another part of the same question names ("Halton's overall grade
 *   and when was it published"): a part that names no council, nor a shared or unknown
 *   name, is about them.
 */
export function parseQuestion(text: string, lex: Lexicon, isReportWord: (word: string) => boolean = () => true, carried: string[] = []): Query {
  // Same length as the text (a mention blanked, a curly quote straightened): token offsets are the text's.
  const clean = text.replace(/<[@#!][^>]*>/g, (m) => " ".repeat(m.length)).replace(/[‘’]/g, "'");
  const tokens = tokenize(clean);
  const used = new Array(tokens.length).fill(false);
  const claim = (start: number, end: number) => {
    for (let i = Math.max(0, start); i < Math.min(end, tokens.length); i++) used[i] = true;
  };
  const mark = (m: { start: number; end: number }) => claim(m.start, m.end);
  const freeTokens = () => tokens.map((t, i) => (used[i] ? { ...t, norm: "\u0000" } : t));
  const authorities: string[] = [];
  const authorityTokens = new Set<number>();
  for (const m of lex.authorities.findAll(tokens, true)) {
    // Short, common words ("reading", "bury") must be capitalised to count as a place.
    const raw = tokens[m.start].raw;
    if (m.end - m.start === 1 && ["reading", "bury", "harrow", "slough", "rutland"].includes(tokens[m.start].norm) && !/^[A-Z]/.test(raw)) continue;
    if (m.typos > 0 && (tokens[m.start].norm.length < 5 || (tokens[m.start].norm.length < 6 && isReportWord(tokens[m.start].norm)))) continue;
    // A place slot word is not a misspelt council ("london" is no "Lambeth"; "counties" no "Coventry").
    if (m.typos > 0 && (lex.regions.findAll([tokens[m.start]]).length || lex.councilTypes.findAll([tokens[m.start]]).length)) continue;
    mark(m);
    for (let i = m.start; i < m.end; i++) authorityTokens.add(i);
    if (!authorities.includes(m.value)) authorities.push(m.value);
  }
  // Places before areas: "north east" is a region, not part of an area name.
  // The type first: "London boroughs" is a kind of council, "London councils" a region.
  const councilType = findCouncilType(freeTokens(), lex, claim);
  const region = findRegion(freeTokens(), lex, claim);
  const free = freeTokens();
  const matchedAreas = lex.askedAreas.findAll(free, true);
  // "excluding health", "except adoption", "apart from leadership", "not counting being healthy": areas left out.
  const excluded: PhraseMatch<AreaRef[]>[] = [];
  for (const m of matchedAreas) {
    const w1 = tokens[m.start - 1]?.norm ?? "";
    const w2 = `${tokens[m.start - 2]?.norm ?? ""} ${w1}`;
    const by = ["excluding", "except", "besides", "bar", "minus", "without"].includes(w1) ? 1 : ["apart from", "not counting", "other than", "except for", "aside from", "leaving out"].includes(w2) ? 2 : 0;
    if (!by) continue;
    excluded.push(m);
    claim(m.start - by, m.start);
  }
  const areas = matchedAreas.filter((m) => !excluded.includes(m));
  matchedAreas.forEach(mark);
  // "the safeguarding board" is the board, not the 2009-12 framework's safeguarding services.
  const services = lex.services.findAll(tokens, true).filter((s) => !areas.some((a) => a.value.some((r) => r.id === "lscb") && s.start < a.end && a.start < s.end));
  services.forEach(mark);
  const gradeMatches = lex.grades.findAll(free, true).filter((m) => !areas.some((a) => m.start < a.end && a.start < m.end));
  gradeMatches.forEach(mark);
  const framework = findFramework(freeTokens(), lex, claim);
  const inspections = findInspections(tokens, used, claim);
  const timescale = readTimescale(tokens, used, claim);
  const yearMatch = inspections.kind === "year" ? inspections.year : null;
  const gradeNumber = /\bgrade\s*([1-4])\b/i.exec(clean);
  let grade = gradeSlot(tokens, gradeMatches, claim);
  if (!grade && gradeNumber) {
    // "grade 4 for adoption": the step, whichever scale (3 is Adequate or Requires improvement).
    const n = Number(gradeNumber[1]);
    grade = { keys: n === 1 ? ["outstanding"] : n === 2 ? ["good"] : n === 4 ? ["inadequate"] : ["adequate", "ri"], op: "is" };
    const at = tokens.findIndex((t, i) => t.norm === "grade" && tokens[i + 1]?.norm === String(n));
    if (at >= 0) claim(at, at + 2);
  }
  const anyArea = findAnyArea(tokens, used, claim);
  // Words read as an area, a service or a grade: in a mentions question they are what to look for ("mention adoption", "good practice").
  const judgementWords = new Set<number>();
  for (const m of [...areas, ...services, ...gradeMatches]) for (let i = m.start; i < m.end; i++) judgementWords.add(i);
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
      } else if (names.length > 1) {
        const word = tokens[i].raw.replace(/'s$/, "");
        ambiguous = { word, authorities: names, start: tokens[i].start, end: tokens[i].start + word.length };
        used[i] = true;
      }
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
  if (!authorities.length && !ambiguous && !unknownName) authorities.push(...carried);
  const searchTerms = tokens.filter((t, i) => !authorityTokens.has(i) && !STOP_WORDS.has(t.norm) && t.norm.length > 1).map((t) => t.norm);
  const rest = tokens.filter((t, i) => !used[i] && !STOP_WORDS.has(t.norm) && !/^\d+$/.test(t.norm)).map((t) => t.norm);
  const hasGrade = gradeMatches.length > 0 || (grade !== null && !!gradeNumber);
  const freeWords = tokens.filter((_, i) => !used[i]).map((t) => t.norm);
  const intent = detectIntent(clean, {
    hasAuthority: authorities.length > 0 || ambiguous !== null,
    multiAuthority: authorities.length > 1,
    hasArea: areas.length > 0,
    hasGrade,
    hasPlaces: region !== null || councilType !== null || framework !== null,
    free: freeWords,
  });
  // What a facts, actions or comparison question asks for, claimed before the words left over are read.
  const fact = intent === "facts" ? findFact(clean, tokens, claim) : null;
  const actionKind = intent === "actions" ? findActionKind(tokens, claim) : null;
  const everyCouncil = intent === "compare" && authorities.length < 2 && findEveryCouncil(tokens, used, claim);
  const change = intent !== "change" ? null : IMPROVED.test(freeWords.join(" ")) ? "improved" : DECLINED.test(freeWords.join(" ")) ? "declined" : "changed";
  // What no slot claimed: a topic where the question is about words, not understood where it is a condition.
  const leftover: string[] = [];
  const topicAt: number[] = [];
  const mentions = intent === "mentions";
  if (mentions) for (const i of toldVerb(tokens)) used[i] = true;
  // "good for X but inadequate for Y": two grades for two things is two conditions; one grade slot holds one
  // ("good or outstanding" is one condition, its grades joined by "or"/"and").
  // "go from inadequate to outstanding", "from good to requires improvement": the change's two ends, shown by the answer, not a condition on it.
  const fromTo = intent === "change" && gradeMatches.length === 2 && tokens[gradeMatches[0].start - 1]?.norm === "from" && tokens[gradeMatches[1].start - 1]?.norm === "to";
  for (let k = 1; k < gradeMatches.length && !mentions && !fromTo; k++) {
    const between = tokens.slice(gradeMatches[k - 1].end, gradeMatches[k].start);
    if (between.some((t) => !["or", "and", "either"].includes(t.norm))) leftover.push(tokens[gradeMatches[k].start].raw.toLowerCase());
  }
  tokens.forEach((t, i) => {
    if (mentions && judgementWords.has(i) && !STOP_WORDS.has(t.norm)) {
      leftover.push(t.raw.toLowerCase().replace(/'s$/, ""));
      topicAt.push(i);
      return;
    }
    if (used[i] || (intent === "change" && CHANGE_CLAIMS.has(t.norm)) || (intent === "mentions" && MENTION_CLAIMS.has(t.norm))) return;
    const next = tokens[i + 1]?.norm ?? "";
    const quantifier = ["all", "every", "each"].includes(t.norm) && /^(areas?|judge?ments?|grades?|ratings?|of)$/.test(next);
    // Looked for in the reports, "children's homes" is no "homes": a word naming whom a thing is for is part of what to look for.
    if ((UNDERSTOOD.has(t.norm) && !(mentions && PHRASE_WORDS.has(t.norm))) || (["all", "every", "each"].includes(t.norm) && !quantifier)) return;
    if (/^\d+$/.test(t.norm) && TOPIC_INTENTS.has(intent)) return;
    if (!leftover.includes(t.raw.toLowerCase())) leftover.push(t.raw.toLowerCase().replace(/'s$/, ""));
    topicAt.push(i);
  });
  const topicIntent = TOPIC_INTENTS.has(intent);
  return {
    text,
    tokens,
    intent,
    region,
    councilType,
    framework,
    inspections,
    // "Good morning" is a greeting, not a grade.
    grade: intent === "help" || mentions || fromTo ? null : grade,
    anyArea,
    change,
    areasJoin: areas.length > 1 && tokens.slice(areas[0].end, areas[areas.length - 1].start).some((t) => t.norm === "or") ? "or" : "and",
    mentionsIn: intent === "mentions" && TOLD_TO.test(freeWords.join(" ")) ? "actions" : "reports",
    topic: topicIntent ? leftover : [],
    // The topic as said, small words kept ("good practice in early help"), from its first word to its last.
    // In a mentions question a word the bot understands elsewhere ("children's" in "unregistered children's homes") is part of the phrase looked for.
    topicPhrase: topicIntent && topicAt.length ? tokens.slice(topicAt[0], topicAt[topicAt.length - 1] + 1).filter((t, k) => topicAt.includes(topicAt[0] + k) || STOP_WORDS.has(t.norm) || (mentions && !used[topicAt[0] + k] && UNDERSTOOD.has(t.norm))).map((t) => t.norm) : [],
    notUnderstood: topicIntent ? [] : leftover,
    authorities,
    unknownName,
    ambiguous,
    areas: mentions ? [] : areas,
    excludedAreas: mentions ? [] : excluded,
    services: mentions ? [] : [...new Map(services.map((s) => [s.value.id, s.value])).values()],
    serviceOnly: !mentions && services.some((s) => !areas.some((a) => s.start < a.end && a.start < s.end)),
    grades: grade && !mentions && !fromTo ? grade.keys : [],
    gradeNumber: gradeNumber ? Number(gradeNumber[1]) : null,
    year: yearMatch,
    rest,
    searchTerms,
    // An area named with nothing else to look for is a grade question; "the Children in
    // Care Council's imaginative work" is not.
    wantsGrade: GRADE_WORDS.test(clean) || (areas.length > 0 && rest.length === 0),
    gradePicks: PICKS_GRADE.test(clean),
    everyCouncil,
    fact,
    timescale,
    actionKind,
    otherVisit: topicIntent && findOtherVisit(tokens),
  };
}
