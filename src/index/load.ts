/**
 * Corpus folder → KnowledgeBase: read the files, extract them, index the passages.
 */
import type { LoadProblem } from "../types.js";
import { systemClock, type Clock } from "../clock.js";
import { readCorpus } from "../corpus/read.js";
import { extractFile, extractFiles, type FileExtraction } from "../extract/corpus.js";
import { ReportCache } from "../extract/reportCache.js";
import { buildLexicon } from "../knowledge/lexicon.js";
import { loadVocabulary } from "../knowledge/load.js";
import { KnowledgeBase, PassageIndexBuilder } from "./knowledgeBase.js";
import type { SourceFile } from "../corpus/read.js";
import { IndexCache } from "./indexCache.js";

/**
 * Loads a corpus. Files that cannot be used are listed in `problems` (never fatal).
 * @throws AppError CORPUS_NOT_FOUND when the folder does not exist
 */
export async function loadKnowledgeBase(opts: { corpusDir: string; clock?: Clock; knowledgeDir?: string; cacheDir?: string; saveIndex?: boolean }): Promise<{ kb: KnowledgeBase; problems: LoadProblem[]; corpusDir: string }> {
  const lex = buildLexicon(opts.knowledgeDir ? loadVocabulary(opts.knowledgeDir) : loadVocabulary());
  const cache = opts.cacheDir ? new ReportCache(opts.cacheDir, lex) : undefined;
  // Each file is extracted as soon as its text is there, and indexed as soon as every file
  // before it is, while the PDF workers read the rest: on two cores that hides most of
  // extraction's and indexing's time behind reading. The index takes report passages in
  // file order (then the loose ones), the order the knowledge base numbers them in.
  const done = new Map<string, FileExtraction>();
  const settled: (FileExtraction | null)[] = [];
  const index = new PassageIndexBuilder();
  let indexed = 0;
  // With the caches on, an unchanged corpus loads its saved index instead of building one.
  const indexCache = opts.cacheDir ? new IndexCache(opts.cacheDir) : null;
  let fingerprint: string | null = null;
  let saved: ReturnType<IndexCache["find"]> = null;
  const onListed = (fp: string) => {
    fingerprint = fp;
    saved = indexCache?.find(fp) ?? null;
  };
  const onSettled = (order: number, r: SourceFile | LoadProblem) => {
    const e = "lines" in r ? extractFile(r, lex, cache) : null;
    if ("lines" in r) done.set(r.file, e!);
    settled[order] = e;
    if (saved) return;
    for (; settled[indexed] !== undefined; indexed++) {
      const next = settled[indexed];
      if (next && !("failed" in next) && next.report) index.add(next.report.passages);
    }
  };
  const corpus = await readCorpus(opts.corpusDir, { cacheDir: opts.cacheDir, onSettled, onListed });
  const extracted = extractFiles(corpus.files, lex, cache, done);
  const kb = new KnowledgeBase(extracted.reports, extracted.loose, lex, opts.clock ?? systemClock);
  const restored = saved && indexCache ? indexCache.restore(saved, kb.passages) : null;
  if (restored) kb.adoptIndex(restored);
  else {
    // Built while loading; or, when a saved index turned out stale, built now.
    const builder = saved ? new PassageIndexBuilder() : index;
    builder.add(saved ? kb.passages : extracted.loose);
    const built = builder.finish();
    kb.adoptIndex(built);
    // Saved once the bot is ready rather than before: writing it takes a few seconds for
    // hundreds of reports, which a cold start should not wait for.
    if (indexCache && fingerprint && opts.saveIndex !== false) setImmediate(() => indexCache.save(fingerprint!, built));
  }
  return { kb, problems: [...corpus.problems, ...extracted.problems], corpusDir: corpus.dir };
}
