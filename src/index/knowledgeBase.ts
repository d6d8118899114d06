/**
 * What the bot knows after loading a corpus: reports by authority (latest first), their
 * judgements, facts and actions, and a passage index for free text. Built once; queries
 * only read it.
 */
import MiniSearch from "minisearch";
import type { Clock } from "../clock.js";
import type { Lexicon } from "../knowledge/lexicon.js";
import { inspectionYear } from "../extract/metadata.js";
import type { Passage, Report } from "../types.js";
import { STOP_WORDS } from "../text/words.js";

/** Search options shared by every passage index: drop stop words, prefix on longer terms. */
const SEARCH_OPTIONS = {
  fields: ["text"],
  storeFields: [] as string[],
  processTerm: (term: string) => {
    const t = term.toLowerCase().replace(/['’]s$/, "");
    return t.length < 2 || STOP_WORDS.has(t) ? null : t;
  },
};

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
  private global: MiniSearch<Passage> | null = null;
  private scoped = new Map<string, MiniSearch<Passage>>();
  private passagesByAuthority = new Map<string, Passage[]>();

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
      if (p.authority) this.passagesByAuthority.set(p.authority, [...(this.passagesByAuthority.get(p.authority) ?? []), p]);
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

  /** Every report's latest inspection, one per authority. */
  latestReports(): Report[] {
    return this.authorities().map((a) => this.reportFor(a, null)!).filter(Boolean);
  }

  private index(authority: string | null): MiniSearch<Passage> {
    if (!authority) {
      this.global ??= this.build(this.passages);
      return this.global;
    }
    let idx = this.scoped.get(authority);
    if (!idx) {
      idx = this.build(this.passagesByAuthority.get(authority) ?? []);
      this.scoped.set(authority, idx);
    }
    return idx;
  }

  private build(passages: Passage[]): MiniSearch<Passage> {
    const idx = new MiniSearch<Passage>(SEARCH_OPTIONS);
    idx.addAll(passages);
    return idx;
  }

  /** Builds the global passage index now rather than on the first free-text question. */
  warm(): void {
    this.index(null);
  }

  /**
   * Searches passages (of one authority when given): all terms exactly first, then any term,
   * and only then with typo tolerance, so the common case stays fast.
   */
  search(query: string, authority: string | null, file?: string, limit = 3): PassageHit[] {
    const idx = this.index(authority);
    const filter = file ? (r: { id: number }) => this.passages[r.id].file === file : undefined;
    const attempts = [
      { combineWith: "AND" as const, prefix: (t: string) => t.length > 5 },
      { combineWith: "OR" as const, prefix: (t: string) => t.length > 5 },
      { combineWith: "OR" as const, fuzzy: (t: string) => (t.length > 4 ? 0.2 : 0) },
    ];
    for (const opts of attempts) {
      const hits = idx.search(query, { ...opts, filter });
      if (hits.length) return hits.slice(0, limit).map((h) => ({ passage: this.passages[h.id], score: h.score, terms: h.terms }));
    }
    return [];
  }
}
