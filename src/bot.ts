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
