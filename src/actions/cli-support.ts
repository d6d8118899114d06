/**
 * What the two command-line tools (`npm run digest`, `npm run actions`) share: settings,
 * the store, a corpus sync before looking, and one way of reporting errors (code, message,
 * how to fix; exit code 1).
 */
import os from "node:os";
import { systemClock, type Clock } from "../clock.js";
import { loadSettings, type Settings } from "../config.js";
import { AppError } from "../errors.js";
import { openStore } from "../store/open.js";
import type { Store } from "../store/types.js";
import { textCacheDir } from "../corpus/cache.js";
import { describeSync, syncCorpus } from "./corpus.js";
import { ActionsService } from "./service.js";
import type { Actor } from "./types.js";

/** Options every CLI command takes. */
export interface CliStoreOptions {
  /** Corpus folder (default CORPUS_DIR, else seeds). */
  corpus?: string;
  /** false = use the store as it is, without re-reading the corpus. */
  sync?: boolean;
}

/** An open store with the corpus synced, and a service over it. Close `store` when done. */
export interface CliSession {
  settings: Settings;
  store: Store;
  service: ActionsService;
  clock: Clock;
}

/** Opens the store, syncs the corpus into it (unless told not to), and reports skipped files on stderr. */
export async function openCliSession(opts: CliStoreOptions): Promise<CliSession> {
  const settings = loadSettings();
  const clock = systemClock;
  const store = await openStore(settings, { clock });
  try {
    if (opts.sync !== false) {
      const { sync, problems } = await syncCorpus(store, opts.corpus ?? settings.corpusDir, clock, textCacheDir(settings.dataDir));
      for (const p of problems) process.stderr.write(`skipped ${p.file}: ${p.reason}\n`);
      if (sync.added.length || sync.archived.length || sync.unarchived.length || sync.renamed.length) {
        process.stderr.write(`corpus actions: ${describeSync(sync)}\n`);
      }
    }
  } catch (err) {
    await store.close();
    throw err;
  }
  // Whoever runs the CLI can already reach the database itself: ADMIN_USERS governs chat users only.
  const service = new ActionsService({ store, clock, settings: { ...settings, adminUsers: [] } });
  return { settings, store, service, clock };
}

/** The person a CLI change is recorded as: `--by NAME`, else the login name, marked as from the command line. */
export function cliActor(by: string | undefined): Actor {
  let name = by?.trim();
  if (!name) {
    try {
      name = os.userInfo().username;
    } catch {
      name = "unknown";
    }
  }
  return { id: "cli", name };
}

/** Runs a CLI's main function: AppErrors print as `[CODE] message / How to fix: hint`, exit code 1. */
export async function runCli(main: () => Promise<void>): Promise<void> {
  // `npm run actions -- list | head` closes the pipe early: that is the reader's choice, not an error.
  process.stdout.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code === "EPIPE") process.exit(0);
    throw err;
  });
  try {
    await main();
  } catch (err) {
    if (err instanceof AppError) {
      process.stderr.write(`${err.describe()}\n`);
    } else {
      process.stderr.write(`Unexpected error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    }
    process.exitCode = 1;
  }
}
