/**
 * Matchers built once from the vocabulary: authorities, services, judgement areas and
 * grade words. Extraction and question parsing share them, so a synonym added to
 * knowledge/ works in both directions at once.
 */
import type { FrameworkId } from "../types.js";
import type { AuthorityInfo, CouncilType, Vocabulary } from "./load.js";
import { PhraseMatcher } from "./phrases.js";
import { foldPhrase } from "../text/words.js";

/** A judgement area of one framework. */
export interface AreaRef {
  framework: Exclude<FrameworkId, "unknown">;
  id: string;
  name: string;
  /** Position in the framework's list: tables are shown in this order. */
  order: number;
}

/** A service of the 2009-12 framework. */
export interface ServiceRef {
  id: string;
  name: string;
}

/** A grade key shared by the scales: the same word means the same step everywhere. */
export type GradeKey = "outstanding" | "good" | "adequate" | "ri" | "inadequate";

/** All matchers over the vocabulary. */
export interface Lexicon {
  vocab: Vocabulary;
  authorities: PhraseMatcher<string>;
  /** Services of SLAC (the only framework with services). */
  services: PhraseMatcher<ServiceRef>;
  /** Areas per framework; values are lists because one phrase may name several areas. */
  areasByFramework: Map<FrameworkId, PhraseMatcher<AreaRef[]>>;
  /** Areas of every framework, for questions that do not pin one down. */
  allAreas: PhraseMatcher<AreaRef[]>;
  /**
   * Every framework's areas as people ask for them: the synonyms plus words too loose to
   * read a report by ("leaders": "senior leaders are good role models" is no judgement).
   * For questions only.
   */
  askedAreas: PhraseMatcher<AreaRef[]>;
  grades: PhraseMatcher<GradeKey>;
  /** Canonical grade wording for a framework ("ri" → "Requires improvement to be good" under ILACS). */
  gradeName(key: GradeKey, framework: FrameworkId): string;
  /** The grade key of a grade as read from a report ("Requires improvement to be good" → "ri"), or null. */
  gradeKey(grade: string): GradeKey | null;
  /** Grade by scale number (1-4), or null where the framework cannot tell (3 with no framework). */
  gradeByNumber(n: number, framework: FrameworkId): GradeKey | null;
  /** The authority's canonical name for an alias (exact, case-insensitive), if any. */
  canonicalAuthority(name: string): string | null;
  /**
   * The authorities whose name has this distinctive word ("kingston" → Kingston upon Hull,
   * Kingston upon Thames; "wrekin" → Telford and Wrekin). Words every region shares
   * ("north", "city", "upon") are left out.
   */
  authoritiesWithWord(word: string): string[];
  /** Every framework name phrase (for detecting a report's framework). */
  frameworkNames: PhraseMatcher<FrameworkId>;
  /** Region words → the regions they cover ("the midlands" → East and West Midlands). */
  regions: PhraseMatcher<{ name: string; regions: string[] }>;
  /** Council-type words → the type ("shire counties" → county). */
  councilTypes: PhraseMatcher<CouncilType>;
  /** How a council type is said in a sentence ("London boroughs"). */
  councilTypeName(type: CouncilType): string;
  /** The curated entry of an authority by canonical name. */
  authorityInfo(name: string): AuthorityInfo | undefined;
}

const GRADE_WORDS: Record<GradeKey, string[]> = {
  outstanding: ["outstanding"],
  good: ["good"],
  adequate: ["adequate"],
  ri: ["requires improvement to be good", "require improvement to be good", "requires improvement", "require improvement", "requiring improvement", "requires improvements"],
  inadequate: ["inadequate"],
};

/** Words many authorities' names share, which pick out none of them. */
const GENERIC_NAME_WORDS = new Set([
  "north", "south", "east", "west", "central", "city", "county", "borough", "council", "metropolitan", "district", "royal",
  "upon", "under", "london", "great", "greater", "forest", "isle", "isles", "riding", "vale", "with", "and",
]);

function keyOfGrade(grade: string): GradeKey | null {
  const g = foldPhrase(grade);
  for (const [k, words] of Object.entries(GRADE_WORDS)) if (words.includes(g)) return k as GradeKey;
  return null;
}

function areaMatcher(refs: AreaRef[], synonyms: Map<AreaRef, string[]>): PhraseMatcher<AreaRef[]> {
  const byPhrase = new Map<string, AreaRef[]>();
  for (const ref of refs) {
    for (const s of [ref.name, ...(synonyms.get(ref) ?? [])]) {
      const key = foldPhrase(s);
      const list = byPhrase.get(key) ?? [];
      if (!list.includes(ref)) list.push(ref);
      byPhrase.set(key, list);
    }
  }
  return new PhraseMatcher([...byPhrase].map(([phrase, value]) => ({ phrase, value })));
}

/** Builds the matchers. Cheap enough to call once per process. */
export function buildLexicon(vocab: Vocabulary): Lexicon {
  const aliases = new Map<string, string>();
  const authorityEntries: { phrase: string; value: string }[] = [];
  for (const a of vocab.authorities) {
    for (const n of [a.name, ...a.aliases]) {
      authorityEntries.push({ phrase: n, value: a.name });
      aliases.set(foldPhrase(n), a.name);
    }
  }
  // Distinctive words of the canonical names → the authorities that have them. (Not of
  // the aliases: "Sandwell Children's Trust" would make "children" a place.)
  const byWord = new Map<string, Set<string>>();
  for (const a of vocab.authorities) {
    for (const w of foldPhrase(a.name).split(/[^a-z]+/)) {
      if (w.length < 4 || GENERIC_NAME_WORDS.has(w)) continue;
      byWord.set(w, (byWord.get(w) ?? new Set()).add(a.name));
    }
  }
  const services: { phrase: string; value: ServiceRef }[] = [];
  const areasByFramework = new Map<FrameworkId, PhraseMatcher<AreaRef[]>>();
  const allRefs: AreaRef[] = [];
  const synonyms = new Map<AreaRef, string[]>();
  const asked = new Map<AreaRef, string[]>();
  for (const f of vocab.frameworks) {
    for (const s of f.services) for (const p of [s.name, ...s.synonyms]) services.push({ phrase: p, value: { id: s.id, name: s.name } });
    const refs = f.areas.map((a, order) => {
      const ref: AreaRef = { framework: f.id, id: a.id, name: a.name, order };
      synonyms.set(ref, a.synonyms);
      asked.set(ref, [...a.synonyms, ...(a.askedAs ?? [])]);
      return ref;
    });
    allRefs.push(...refs);
    areasByFramework.set(f.id, areaMatcher(refs, synonyms));
  }
  const gradeEntries = Object.entries(GRADE_WORDS).flatMap(([k, words]) => words.map((w) => ({ phrase: w, value: k as GradeKey })));
  const scaleFor = (framework: FrameworkId) => vocab.scales.find((s) => s.framework === framework);
  const gradeNames = new Map<string, string>();
  const info = new Map(vocab.authorities.map((a) => [a.name, a]));
  const places = vocab.places;
  const regionEntries = [
    ...places.regions.flatMap((r) => [r.name, ...r.synonyms].map((p) => ({ phrase: p, value: { name: r.name, regions: [r.name] } }))),
    ...places.regionGroups.flatMap((g) => [g.name, ...g.synonyms].map((p) => ({ phrase: p, value: { name: g.name, regions: g.regions } }))),
  ];
  return {
    vocab,
    authorities: new PhraseMatcher(authorityEntries),
    services: new PhraseMatcher(services),
    areasByFramework,
    allAreas: areaMatcher(allRefs, synonyms),
    askedAreas: areaMatcher(allRefs, asked),
    grades: new PhraseMatcher(gradeEntries),
    gradeName(key, framework) {
      // Lists ask this for every judgement they look at: worked out once per pair.
      const memo = `${framework}|${key}`;
      let name = gradeNames.get(memo);
      if (name === undefined) {
        const scale = scaleFor(framework);
        const hit = scale?.grades.find((g) => keyOfGrade(g.grade) === key || g.words.some((w) => keyOfGrade(w) === key));
        name = hit ? hit.grade : { outstanding: "Outstanding", good: "Good", adequate: "Adequate", ri: "Requires improvement", inadequate: "Inadequate" }[key];
        gradeNames.set(memo, name);
      }
      return name;
    },
    gradeKey: (grade) => keyOfGrade(grade),
    gradeByNumber(n, framework) {
      const scale = scaleFor(framework);
      if (!scale) return n === 1 ? "outstanding" : n === 2 ? "good" : n === 4 ? "inadequate" : null;
      const g = scale.grades.find((x) => x.number === n);
      return g ? keyOfGrade(g.grade) : null;
    },
    canonicalAuthority: (name) => aliases.get(foldPhrase(name)) ?? null,
    authoritiesWithWord: (word) => [...(byWord.get(foldPhrase(word)) ?? [])].sort(),
    frameworkNames: new PhraseMatcher(vocab.frameworks.flatMap((f) => f.names.map((n) => ({ phrase: n, value: f.id as FrameworkId })))),
    regions: new PhraseMatcher(regionEntries),
    councilTypes: new PhraseMatcher(places.councilTypes.flatMap((t) => [t.name, ...t.synonyms].map((p) => ({ phrase: p, value: t.id })))),
    councilTypeName: (type) => places.councilTypes.find((t) => t.id === type)?.name ?? type,
    authorityInfo: (name) => info.get(name),
  };
}
