/**
 * Reads the corpus and brings the store in line with it: what the CLI does before listing,
 * and what the bot does at start. Re-reading keeps statuses (ids are stable) and archives
 * actions that are gone.
 */
import { loadBot } from "../bot.js";
import type { Clock } from "../clock.js";
import type { Action, LoadProblem } from "../types.js";
import type { Store, SyncResult } from "../store/types.js";

/** The actions extracted from a corpus folder, with the files it skipped (PDF text from `cacheDir` when given). */
export async function readCorpusActions(corpusDir: string, clock: Clock, cacheDir?: string): Promise<{ actions: Action[]; problems: LoadProblem[] }> {
  const bot = await loadBot({ corpusDir, clock, cacheDir });
  return { actions: [...bot.actions], problems: [...bot.problems] };
}

/** Loads the corpus and syncs its actions into the store. @throws AppError CORPUS_NOT_FOUND for a missing folder */
export async function syncCorpus(store: Store, corpusDir: string, clock: Clock, cacheDir?: string): Promise<{ sync: SyncResult; problems: LoadProblem[] }> {
  const { actions, problems } = await readCorpusActions(corpusDir, clock, cacheDir);
  return { sync: await store.syncActions(actions, clock()), problems };
}

/** One line saying what a sync changed: "3 new, 1 archived, 0 back from the archive, 1 of the archived superseded by a later inspection". */
export function describeSync(sync: SyncResult): string {
  const parts = [`${sync.added.length} new`, `${sync.archived.length} archived`, `${sync.unarchived.length} back from the archive`];
  if (sync.superseded.length) parts.push(`${sync.superseded.length} of the archived superseded by a later inspection`);
  if (sync.carried.length) parts.push(`${sync.carried.length} repeated by a later inspection with their status carried over`);
  if (sync.renamed.length) parts.push(`${sync.renamed.length} carried over to new ids (old ids still work)`);
  return parts.join(", ");
}
