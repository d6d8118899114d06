/**
 * The core's front door: load a corpus once, then answer questions. Adapters hold a `Bot`
 * and never reach past it into extraction or search.
 */
import type { Answer, Action, Report } from "./types.js";
import type { Clock } from "./clock.js";

/** A file the loader skipped, with the reason (shown to the operator, never fatal). */
export interface LoadProblem {
  file: string;
  code: string;
  reason: string;
}

/** A loaded corpus that answers questions. */
export interface Bot {
  /** Answers one question; never throws for a question it cannot answer (answered: false). */
  ask(question: string): Answer;
  /** Every report read, in file order. */
  readonly reports: Report[];
  /** Every action extracted from the corpus (for the actions store and digest). */
  readonly actions: Action[];
  /** Files skipped while loading. */
  readonly problems: LoadProblem[];
  /** Absolute path of the corpus folder. */
  readonly corpusDir: string;
}

/** Options for `loadBot`. */
export interface LoadOptions {
  corpusDir: string;
  clock?: Clock;
}

/**
 * Reads and indexes a corpus folder. Files that cannot be used are listed in `problems`
 * (never fatal); a missing folder throws AppError CORPUS_NOT_FOUND.
 */
export async function loadBot(opts: LoadOptions): Promise<Bot> {
  const { readCorpus } = await import("./corpus/read.js");
  const { loadVocabulary } = await import("./knowledge/load.js");
  const { buildLexicon } = await import("./knowledge/lexicon.js");
  const { extractReport } = await import("./extract/report.js");
  const { KnowledgeBase } = await import("./index/knowledgeBase.js");
  const { ask } = await import("./ask/ask.js");
  const { systemClock } = await import("./clock.js");
  const lex = buildLexicon(loadVocabulary());
  const corpus = readCorpus(opts.corpusDir);
  const reports: Report[] = [];
  const loose: Report["passages"] = [];
  const problems = [...corpus.problems];
  for (const f of corpus.files) {
    try {
      const r = extractReport(f, lex);
      if (r.report) reports.push(r.report);
      else {
        loose.push(...(r.passagesOnly ?? []));
        problems.push({ file: f.file, code: "NO_AUTHORITY", reason: r.problem ?? "could not be read" });
      }
    } catch (err) {
      // One odd file must not stop the rest of the corpus from loading.
      problems.push({ file: f.file, code: "FILE_UNPARSABLE", reason: `could not be parsed (${(err as Error).message})` });
    }
  }
  const kb = new KnowledgeBase(reports, loose, lex, opts.clock ?? systemClock);
  return {
    ask: (question: string) => ask(question, kb),
    reports,
    actions: reports.flatMap((r) => r.actions),
    problems,
    corpusDir: corpus.dir,
  };
}
