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
import { KnowledgeBase } from "./knowledgeBase.js";

/**
 * Loads a corpus. Files that cannot be used are listed in `problems` (never fatal).
 * @throws AppError CORPUS_NOT_FOUND when the folder does not exist
 */
export async function loadKnowledgeBase(opts: { corpusDir: string; clock?: Clock; knowledgeDir?: string; cacheDir?: string }): Promise<{ kb: KnowledgeBase; problems: LoadProblem[]; corpusDir: string }> {
  const lex = buildLexicon(opts.knowledgeDir ? loadVocabulary(opts.knowledgeDir) : loadVocabulary());
  const cache = opts.cacheDir ? new ReportCache(opts.cacheDir, lex) : undefined;
  // Each file is extracted as soon as its text is there, while the PDF workers read the
  // rest: on two cores that hides most of extraction's time behind reading.
  const done = new Map<string, FileExtraction>();
  const corpus = await readCorpus(opts.corpusDir, { cacheDir: opts.cacheDir, onFile: (f) => done.set(f.file, extractFile(f, lex, cache)) });
  const extracted = extractFiles(corpus.files, lex, cache, done);
  const kb = new KnowledgeBase(extracted.reports, extracted.loose, lex, opts.clock ?? systemClock);
  return { kb, problems: [...corpus.problems, ...extracted.problems], corpusDir: corpus.dir };
}
