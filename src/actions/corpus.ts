/**
 * Reads the corpus and brings the store in line with it: what the CLI does before listing,
 * and what the bot does at start. Re-reading keeps statuses (ids are stable) and archives
 * actions that are gone.
 */
import type { Bot, LoadOptions, LoadProblem } from "../bot.js";
import type { Clock } from "../clock.js";
import { AppError } from "../errors.js";
import type { Action } from "../types.js";
import type { Store, SyncResult } from "../store/types.js";

type LoadBot = (opts: LoadOptions) => Bot | Promise<Bot>;

/**
 * The core's corpus loader. Looked up at run time because the loader and this module are
 * built in parallel; once `loadBot` is exported from src/bot.ts this can become a plain import.
 */
async function coreLoader(): Promise<LoadBot> {
  const mod = (await import("../bot.js")) as unknown as { loadBot?: LoadBot };
  if (typeof mod.loadBot !== "function") {
    throw new AppError("CORPUS_NOT_FOUND", "This build cannot read a corpus yet (src/bot.ts exports no loadBot).", "Build a version of the bot that includes the core (npx tsc -p .).");
  }
  return mod.loadBot;
}

/** The actions extracted from a corpus folder, with the files it skipped. */
export async function readCorpusActions(corpusDir: string, clock: Clock): Promise<{ actions: Action[]; problems: LoadProblem[] }> {
  const bot = await (await coreLoader())({ corpusDir, clock });
  return { actions: [...bot.actions], problems: [...bot.problems] };
}

/** Loads the corpus and syncs its actions into the store. */
export async function syncCorpus(store: Store, corpusDir: string, clock: Clock): Promise<{ sync: SyncResult; problems: LoadProblem[] }> {
  const { actions, problems } = await readCorpusActions(corpusDir, clock);
  return { sync: await store.syncActions(actions, clock()), problems };
}
