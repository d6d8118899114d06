/**
 * What the bot knows after loading a corpus: reports by authority (latest first), their
 * judgements, facts and actions, and a passage index for free text. Built once; queries
 * only read it.
 */
import MiniSearch from "minisearch";
import type { Clock } from "../clock.js";
import type { Lexicon } from "../knowledge/lexicon.js";
import { inspectionYear } from "../extract/metadata.js";
import type { Judgement, Passage, Report } from "../types.js";
import { STOP_WORDS } from "../text/words.js";

/**
 * Words of a passage or a query: lower case, split at anything that is not a letter or a
 * digit. Simpler than minisearch's Unicode-class tokenizer and measured 40% faster to
 * index (reports are English; "children's" gives "children" and a dropped "s" either way).
 */
const WORD_BREAK = /[^a-z0-9\u00c0-\u024f]+/;
function tokenize(text: string): string[] {
  return text.toLowerCase().split(WORD_BREAK);
}

/** Search options shared by every passage index: our tokenizer, stop words dropped. */
const SEARCH_OPTIONS = {
  fields: ["text"],
  storeFields: [] as string[],
  tokenize,
  processTerm: (t: string) => (t.length < 2 || STOP_WORDS.has(t) ? null : t),
};

/** A passage index with its vocabulary. */
export interface Indexed {
  idx: MiniSearch<Passage>;
  /** How many passages hold each word. */
  vocabulary: Map<string, number>;
  size: number;
  /** The passages indexed, in id order. */
  passages: readonly Passage[];
}

/** An index as kept on disk: minisearch's own plain form and the vocabulary counts. */
export interface SavedIndex {
  index: ReturnType<MiniSearch<Passage>["toJSON"]>;
  vocabulary: [string, number][];
}

/** The index in a form JSON keeps. */
export function saveIndex(built: Indexed): SavedIndex {
  return { index: built.idx.toJSON(), vocabulary: [...built.vocabulary] };
}

/** An index read back for `passages` (the caller has checked they are the ones it was built from). */
export function restoreIndex(saved: SavedIndex, passages: readonly Passage[]): Indexed {
  return { idx: MiniSearch.loadJS<Passage>(saved.index, SEARCH_OPTIONS), vocabulary: new Map(saved.vocabulary), size: passages.length, passages };
}

/**
 * Builds the passage index a few passages at a time, in the order the knowledge base will
 * number them, so a corpus can be indexed while its later files are still being read.
 */
export class PassageIndexBuilder {
  // Word → passages holding it: typo tolerance is spent only on words the reports do not
  // have, and the commonest words are dropped from a query that has rarer ones. Counted
  // from the words the index itself is built from, in the same pass.
  private readonly vocabulary = new Map<string, number>();
  private readonly passages: Passage[] = [];
  private counting = true;
  private readonly idx = new MiniSearch<Passage>({
    ...SEARCH_OPTIONS,
    tokenize: (text: string): string[] => {
      const words = tokenize(text);
      if (this.counting) for (const w of new Set(words)) if (w.length > 1) this.vocabulary.set(w, (this.vocabulary.get(w) ?? 0) + 1);
      return words;
    },
  });

  /** Adds passages after those already added, numbering them on (their `id` is set). */
  add(passages: readonly Passage[]): void {
    for (const p of passages) {
      p.id = this.passages.length;
      this.passages.push(p);
      this.idx.add(p);
    }
  }

  /** The finished index; from here on its tokenizer sees queries, which are not counted. */
  finish(): Indexed {
    this.counting = false;
    return { idx: this.idx, vocabulary: this.vocabulary, size: this.passages.length, passages: this.passages };
  }
}

/** A passage search hit, with the matched terms (for highlighting). */
export interface PassageHit {
  passage: Passage;
  score: number;
  terms: string[];
}

/** The loaded knowledge. */
export class KnowledgeBase {
  readonly passages: Passage[] = [];
  /** Reports per canonical authority name, latest inspection first. */
  readonly byAuthority = new Map<string, Report[]>();
  private global: Indexed | null = null;
  private latestCache: { day: string; reports: Report[]; byArea: Map<string, Judgement[]> } | null = null;

  constructor(
    readonly reports: Report[],
    extraPassages: Passage[],
    readonly lex: Lexicon,
    private clock: Clock,
  ) {
    for (const r of reports) {
      const list = this.byAuthority.get(r.inspection.authority) ?? [];
      list.push(r);
      this.byAuthority.set(r.inspection.authority, list);
    }
    const key = (r: Report) => r.inspection.start ?? r.inspection.end ?? r.inspection.published ?? r.inspection.reportDate ?? "";
    for (const list of this.byAuthority.values()) list.sort((a, b) => key(b).localeCompare(key(a)));
    for (const p of [...reports.flatMap((r) => r.passages), ...extraPassages]) {
      p.id = this.passages.length;
      this.passages.push(p);
    }
  }

  /** Authorities with at least one report, alphabetically. */
  authorities(): string[] {
    return [...this.byAuthority.keys()].sort();
  }

  /**
   * The report to answer from: the one for `year` when given (matching the inspection,
   * publication or meeting year), else the latest inspection that is not in the future.
   */
  reportFor(authority: string, year: number | null): Report | null {
    const list = this.byAuthority.get(authority) ?? [];
    if (year) {
      return (
        list.find((r) => inspectionYear(r.inspection) === year) ??
        list.find((r) => [r.inspection.end, r.inspection.published, r.inspection.reportDate].some((d) => d?.startsWith(String(year)))) ??
        null
      );
    }
    const today = this.clock().toISOString().slice(0, 10);
    return list.find((r) => (r.inspection.start ?? "") <= today) ?? list[0] ?? null;
  }

  /** Every report's latest inspection, one per authority (worked out once a day). */
  latestReports(): Report[] {
    return this.latest().reports;
  }

  /** The latest inspections' judgements by area id ("overall-effectiveness" → every authority's). */
  latestJudgementsByArea(): Map<string, Judgement[]> {
    return this.latest().byArea;
  }

  private latest(): { reports: Report[]; byArea: Map<string, Judgement[]> } {
    const day = this.clock().toISOString().slice(0, 10);
    if (this.latestCache?.day !== day) {
      const reports = this.authorities().map((a) => this.reportFor(a, null)!).filter(Boolean);
      const byArea = new Map<string, Judgement[]>();
      for (const j of reports.flatMap((r) => r.judgements)) {
        if (!j.areaId) continue;
        const list = byArea.get(j.areaId);
        if (list) list.push(j);
        else byArea.set(j.areaId, [j]);
      }
      this.latestCache = { day, reports, byArea };
    }
    return this.latestCache;
  }

  /**
   * The one passage index, built on first use. Questions about one authority search it
   * with a filter: cheaper in memory than an index per authority, and no first-question
   * cost per authority (measured: ~10 ms to build one on demand at 1,000 reports).
   */
  private index(): Indexed {
    this.global ??= this.build(this.passages);
    return this.global;
  }

  /**
   * Takes a passage index built while the corpus loaded, when it holds exactly this
   * knowledge base's passages in this order (ids are places in `passages`); otherwise it
   * is ignored and the index is built here on first use.
   * @returns whether it was taken
   */
  adoptIndex(built: Indexed): boolean {
    if (this.global || built.size !== this.passages.length || built.passages.some((p, i) => p !== this.passages[i])) return false;
    this.global = built;
    return true;
  }

  private build(passages: Passage[]): Indexed {
    const builder = new PassageIndexBuilder();
    builder.add(passages);
    return builder.finish();
  }

  /** True once the passage index exists (built while loading, by `warm`, or by a first search). */
  get indexBuilt(): boolean {
    return this.global !== null;
  }

  /** True when some passage of the corpus has this (lower-case) word. */
  knowsWord(word: string): boolean {
    return this.index().vocabulary.has(word);
  }

  /** Builds the global passage index now rather than on the first free-text question. */
  warm(): void {
    this.index();
  }

  /**
   * Searches passages (of one authority when given): all terms exactly first, then any term,
   * and only then with typo tolerance for words the reports do not have, so the common case
   * stays fast.
   */
  search(query: string, authority: string | null, file?: string, limit = 3, minTerms = 1): PassageHit[] {
    const { idx, vocabulary, size } = this.index();
    const filter =
      authority || file
        ? (r: { id: number }) => {
            const p = this.passages[r.id];
            return (!authority || p.authority === authority) && (!file || p.file === file);
          }
        : undefined;
    const unknown = (t: string) => !vocabulary.has(t);
    // Words in over a twentieth of a large index's passages ("children", "care") rank nothing and cost the
    // most: leave them out when rarer words remain.
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    const rare = words.filter((w) => (vocabulary.get(w) ?? 0) <= size / 20 || size < 1000);
    if (rare.length && rare.length < words.length) {
      query = rare.join(" ");
      minTerms = Math.min(minTerms, rare.length);
    }
    const firstLetters = new Set(words.map((w) => w[0]));
    // Rounds that could only repeat the one before are skipped: OR is AND for one word, and
    // the typo-tolerant round adds nothing when every word is in the reports.
    const terms = query.split(/\s+/).filter(Boolean);
    const attempts: { combineWith: "AND" | "OR"; fuzzy?: (t: string) => number; maxFuzzy?: number }[] = [{ combineWith: "AND" }];
    if (terms.length > 1) attempts.push({ combineWith: "OR" });
    if (terms.some((t) => t.length > 4 && unknown(t))) attempts.push({ combineWith: "OR", fuzzy: (t: string) => (t.length > 4 && unknown(t) ? 0.2 : 0), maxFuzzy: 2 });
    // Each round must find passages holding at least `minTerms` of the question's words;
    // otherwise the next, more tolerant round gets its chance.
    for (const opts of attempts) {
      // A typo is rarely in a word's first letter: "weather" must not find "Heather".
      const hits = idx
        .search(query, { ...opts, filter })
        .filter((h) => new Set(h.queryTerms).size >= minTerms && (!opts.fuzzy || h.terms.filter((t) => firstLetters.has(t[0])).length >= minTerms));
      if (hits.length) return hits.slice(0, limit).map((h) => ({ passage: this.passages[h.id], score: h.score, terms: h.terms }));
    }
    return [];
  }
}
