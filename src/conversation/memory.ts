/**
 * Follow-up contexts in this process's memory: for the terminal chat when no store could
 * be opened, and for adapters given none (tests). Same contract as the Store's.
 */
import type { FollowUpContextStore } from "../store/types.js";

/** In memory, expiring like the Store's. */
export class MemoryFollowUpContexts implements FollowUpContextStore {
  private readonly rows = new Map<string, { question: string; expiresAt: number }>();

  async saveFollowUpContext(key: string, question: string, now: Date, expiresAt: Date): Promise<void> {
    await this.purgeFollowUpContexts(now);
    this.rows.set(key, { question, expiresAt: expiresAt.getTime() });
  }

  async getFollowUpContext(key: string, now: Date): Promise<string | null> {
    const row = this.rows.get(key);
    return row && row.expiresAt > now.getTime() ? row.question : null;
  }

  async purgeFollowUpContexts(now: Date): Promise<number> {
    let n = 0;
    for (const [key, row] of this.rows) {
      if (row.expiresAt <= now.getTime()) {
        this.rows.delete(key);
        n++;
      }
    }
    return n;
  }
}
