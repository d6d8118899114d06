/**
 * Extraction results kept beside the text cache: a restart with unchanged reports skips
 * extraction too, not only PDF reading. An entry is keyed by everything extraction reads:
 * the file's name, lines, pages and link, the vocabulary in knowledge/, and the
 * extractor's version and code; change any of them and the report is extracted afresh.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { JsonCache } from "../corpus/cache.js";
import type { SourceFile } from "../corpus/read.js";
import type { Lexicon } from "../knowledge/lexicon.js";
import type { Report } from "../types.js";

/** Bump whenever extraction can give another result for the same text. */
export const EXTRACTOR_VERSION = "extract-2026-12-02";

/**
 * The extractor's own code, hashed: a new release (or a developer's edit) that changes any
 * extraction rule makes every entry stale without anyone remembering to bump the version.
 */
function extractorCodeHash(): string {
  const dir = dirname(fileURLToPath(import.meta.url));
  const h = createHash("sha256");
  try {
    for (const name of readdirSync(dir).sort()) if (/\.(js|ts)$/.test(name)) h.update(name).update(readFileSync(`${dir}/${name}`));
  } catch {
    // Unreadable code folder: the version alone keys the entries.
  }
  return h.digest("hex");
}

/** What extracting one file gave. */
export interface ExtractedEntry {
  report: Report | null;
  passagesOnly?: Report["passages"];
  problem?: string;
}

/** Extraction results on disk, in the text cache's folder. */
export class ReportCache {
  private readonly cache: JsonCache<ExtractedEntry>;
  private readonly vocabulary: string;

  constructor(dir: string, lex: Lexicon) {
    this.cache = new JsonCache<ExtractedEntry>(dir);
    this.vocabulary = createHash("sha256").update(JSON.stringify(lex.vocab)).update(extractorCodeHash()).digest("hex");
  }

  /** The key of one file as extraction sees it. */
  key(src: SourceFile): string {
    const h = createHash("sha256").update(EXTRACTOR_VERSION).update("\0").update(this.vocabulary).update("\0").update(src.file).update("\0").update(src.url ?? "");
    for (const line of src.lines) h.update(line).update("\n");
    if (src.pages) h.update(Int32Array.from(src.pages));
    return `report-${h.digest("hex")}`;
  }

  /** The cached result, with every judgement, fact and action pointing at its report's one inspection again. */
  get(key: string): ExtractedEntry | null {
    const entry = this.cache.get(key);
    const r = entry?.report;
    if (r) for (const x of [...r.judgements, ...r.facts, ...r.actions]) x.inspection = r.inspection;
    return entry;
  }

  put(key: string, entry: ExtractedEntry): void {
    this.cache.put(key, entry);
  }
}
