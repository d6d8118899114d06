/**
 * A Bot that follows its corpus folder: a report added, changed or removed while the bot
 * runs is picked up without a restart. The folder is looked at every few seconds (names,
 * sizes and modification times only, which is cheap); when it changed, the corpus is read
 * again (unchanged PDFs come from the text cache) and the new Bot replaces the old one in
 * one step, so a question is always answered by one whole corpus, never half of each.
 */
import { statSync } from "node:fs";
import { listFiles } from "./corpus/read.js";
import { loadBot, type Bot, type LoadOptions } from "./bot.js";

/** A Bot that can reload its corpus. */
export interface LiveBot extends Bot {
  /** Reloads when the folder changed since the last load; true when it did. */
  refresh(): Promise<boolean>;
  /** Checks the folder every `intervalMs` until `stop()`. */
  watch(intervalMs: number, onReload?: (bot: Bot) => void, onError?: (err: unknown) => void): void;
  stop(): void;
}

/** What the folder holds, as one string that changes when any report does. */
function snapshot(dir: string): string {
  try {
    return listFiles(dir)
      .map((path) => {
        const s = statSync(path);
        return `${path}\t${s.size}\t${s.mtimeMs}`;
      })
      .join("\n");
  } catch {
    // A folder that vanished for a moment (a sync tool replacing it) is looked at next time.
    return "";
  }
}

/** Loads the corpus and returns a Bot that follows it. */
export async function loadLiveBot(opts: LoadOptions): Promise<LiveBot> {
  let seen = snapshot(opts.corpusDir);
  let current = await loadBot(opts);
  let timer: NodeJS.Timeout | null = null;
  let busy = false;
  const live: LiveBot = {
    ask: (...args: Parameters<Bot["ask"]>) => current.ask(...args),
    followOn: (...args: Parameters<Bot["followOn"]>) => current.followOn(...args),
    get reports() {
      return current.reports;
    },
    get actions() {
      return current.actions;
    },
    get problems() {
      return current.problems;
    },
    get corpusDir() {
      return current.corpusDir;
    },
    warm: () => current.warm(),
    async refresh() {
      const now = snapshot(opts.corpusDir);
      if (now === seen || !now) return false;
      // Serving already: the new index is not saved (that would pause answers for seconds);
      // the next start builds and saves it.
      const next = await loadBot({ ...opts, saveIndex: false });
      next.warm();
      current = next;
      seen = now;
      return true;
    },
    watch(intervalMs, onReload, onError) {
      timer = setInterval(() => {
        // One reload at a time: a slow read of a large corpus must not pile up behind itself.
        if (busy) return;
        busy = true;
        live
          .refresh()
          .then((changed) => changed && onReload?.(current))
          .catch((err: unknown) => onError?.(err))
          .finally(() => (busy = false));
      }, intervalMs);
      // The watcher never keeps the process alive on its own.
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
  return live;
}
