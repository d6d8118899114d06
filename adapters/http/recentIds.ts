/**
 * Remembers delivery ids, so an event or activity a platform delivers again (Slack's
 * X-Slack-Retry-Num with the same event_id; a proxy re-sending a slash command or button
 * click; the Bot Framework retrying after a slow reply) is answered once. `RecentIds`
 * remembers in this process; `storeDeliveries` in the shared Store, so with several
 * replicas on one PostgreSQL database a retry that reaches another replica is recognised.
 */
import type { Clock } from "../../src/clock.js";
import type { Store } from "../../src/store/types.js";

/** Answers "is this the first time this delivery arrived?". */
export interface DeliveryMemory {
  /** True the first time a key is offered; false for every repeat while it is remembered. */
  firstTime(key: string): Promise<boolean>;
}

/** In memory and bounded: enough for one process. */
export class RecentIds implements DeliveryMemory {
  private readonly ids = new Set<string>();

  constructor(private readonly capacity = 5000) {}

  async firstTime(key: string): Promise<boolean> {
    if (this.ids.has(key)) return false;
    this.ids.add(key);
    // A Set iterates in insertion order: the first entry is the oldest.
    if (this.ids.size > this.capacity) this.ids.delete(this.ids.values().next().value as string);
    return true;
  }
}

/** Slack retries for about 5 minutes, the Bot Framework for less: an hour covers both with room. */
const DEFAULT_TTL_MS = 60 * 60_000;

/**
 * Remembered in the Store (`seen_deliveries`, with expiry). When the store cannot be
 * reached the delivery is checked in this process's memory instead: a possible second
 * answer is better than none.
 */
export function storeDeliveries(
  store: Pick<Store, "rememberDelivery">,
  opts: { clock: Clock; ttlMs?: number; log?: (line: string) => void },
): DeliveryMemory {
  const fallback = new RecentIds();
  const ttl = opts.ttlMs ?? DEFAULT_TTL_MS;
  return {
    async firstTime(key) {
      const now = opts.clock();
      try {
        return await store.rememberDelivery(key, now, new Date(now.getTime() + ttl));
      } catch (err) {
        opts.log?.(`deliveries: the store could not remember ${key}; checking this process only (${(err as Error).message})`);
        return fallback.firstTime(key);
      }
    },
  };
}
