/**
 * The core's front door: load a corpus once, then answer questions. Adapters hold a `Bot`
 * and never reach past it into extraction or search.
 */
import type { Answer, Action, LoadProblem, Report } from "./types.js";
import type { Clock } from "./clock.js";
import type { FollowOn } from "./ask/followUp.js";

// LoadProblem lives with the other shared shapes (so the readers need not import this front door).
export type { LoadProblem } from "./types.js";

/** A loaded corpus that answers questions. */
export interface Bot {
  /** Answers one question; never throws for a question it cannot answer (answered: false). */
  ask(question: string): Answer;
  /**
   * `question` put into `previous` when it is an elliptical follow-up of it ("what about
   * Derby?" after "What was Halton's grade for adoption?"), else null. Pure: the
   * conversation's memory is the caller's (src/conversation).
   */
  followOn(previous: string, question: string): FollowOn | null;
  /** Every report read, in file order. */
  readonly reports: Report[];
  /** Every action extracted from the corpus (for the actions store and digest). */
  readonly actions: Action[];
  /** Files skipped while loading. */
  readonly problems: LoadProblem[];
  /** Absolute path of the corpus folder. */
  readonly corpusDir: string;
  /**
   * Builds the free-text index now instead of on the first question that needs it: a
   * server calls this before it says it is ready (seconds for a large corpus).
   */
  warm(): void;
}

/** Options for `loadBot`. */
export interface LoadOptions {
  corpusDir: string;
  clock?: Clock;
  /** Where extracted PDF/Word text is kept between starts (DATA_DIR/text-cache); none: read every time. */
  cacheDir?: string;
  /**
   * Save a newly built passage index in `cacheDir` for the next start (default true).
   * Saving holds the event loop for a few seconds at hundreds of reports, so a bot that is
   * already serving (a reload after the corpus changed) does not.
   */
  saveIndex?: boolean;
}

/**
 * Reads and indexes a corpus folder. Files that cannot be used are listed in `problems`
 * (never fatal); a missing folder throws AppError CORPUS_NOT_FOUND.
 */
export async function loadBot(opts: LoadOptions): Promise<Bot> {
  const { loadKnowledgeBase } = await import("./index/load.js");
  const { ask } = await import("./ask/ask.js");
  const { followOn } = await import("./ask/followUp.js");
  const { kb, problems, corpusDir } = await loadKnowledgeBase(opts);
  return {
    ask: (question: string) => ask(question, kb),
    followOn: (previous: string, question: string) => followOn(previous, question, kb.lex, (w) => kb.knowsWord(w)),
    reports: kb.reports,
    actions: kb.reports.flatMap((r) => r.actions),
    problems,
    corpusDir,
    warm: () => kb.warm(),
  };
}
