/**
 * Start-up wiring for the running bot: open the store the settings pick, bring it in line
 * with the corpus already loaded, and hand back the service the adapters use. The digest
 * scheduler comes after, once the adapters have made their DigestSenders.
 */
import { systemClock, type Clock } from "../clock.js";
import type { Settings } from "../config.js";
import { openStore } from "../store/open.js";
import type { Store, SyncResult } from "../store/types.js";
import type { Action } from "../types.js";
import { describeSync } from "./corpus.js";
import { ActionsService } from "./service.js";

/** The open actions store and its service. Close `store` on shutdown. */
export interface ActionsRuntime {
  store: Store;
  service: ActionsService;
  sync: SyncResult;
}

/**
 * Opens (and migrates) the store, syncs `actions` (normally `bot.actions`) into it, and
 * makes the ActionsService. Safe for several replicas starting at once on PostgreSQL.
 * @throws AppError STORE_FAILED when the database cannot be opened, migrated or written
 */
export async function openActions(opts: {
  settings: Settings;
  actions: readonly Action[];
  clock?: Clock;
  log?: (line: string) => void;
}): Promise<ActionsRuntime> {
  const clock = opts.clock ?? systemClock;
  const store = await openStore(opts.settings, { clock });
  try {
    const sync = await store.syncActions(opts.actions, clock());
    opts.log?.(`actions store (${store.backend}): ${opts.actions.length} actions from the corpus; ${describeSync(sync)}`);
    return { store, service: new ActionsService({ store, clock, settings: opts.settings }), sync };
  } catch (err) {
    await store.close().catch(() => {});
    throw err;
  }
}
