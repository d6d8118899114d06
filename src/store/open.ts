/** Picks and opens the store the settings ask for, with its schema migrated. */
import path from "node:path";
import type { Settings } from "../config.js";
import type { Clock } from "../clock.js";
import { PostgresStore } from "./postgres.js";
import { SqliteStore } from "./sqlite.js";
import type { Store } from "./types.js";

/** Where the SQLite file lives for a data folder. */
export function sqliteFile(dataDir: string): string {
  return path.resolve(dataDir, "bot.sqlite");
}

/**
 * Opens PostgreSQL when `settings.databaseUrl` is set (several replicas can share it),
 * else the SQLite file `${dataDir}/bot.sqlite`; runs pending migrations before returning.
 * @throws AppError STORE_FAILED when the database cannot be opened or migrated.
 */
export async function openStore(settings: Pick<Settings, "dataDir" | "databaseUrl">, opts: { clock?: Clock } = {}): Promise<Store> {
  const store: Store = settings.databaseUrl
    ? new PostgresStore({ connectionString: settings.databaseUrl, clock: opts.clock })
    : new SqliteStore({ file: sqliteFile(settings.dataDir), clock: opts.clock });
  try {
    await store.migrate();
  } catch (err) {
    // Do not leak a pool (and a process that will not exit) when start-up fails.
    await store.close().catch(() => {});
    throw err;
  }
  return store;
}
