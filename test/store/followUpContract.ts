/**
 * Follow-up contexts, part of the Store contract (called from contract.ts, so it runs
 * against SQLite and PostgreSQL alike): the question a conversation's next follow-up
 * builds on, kept until it expires and then neither read nor kept.
 */
import { beforeEach, describe, expect, it } from "vitest";
import type { Store } from "../../src/store/types.js";
import type { StoreHarness } from "./harness.js";

const T0 = new Date("2024-05-01T08:00:00.000Z");
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

/** Defines the follow-up context tests inside defineStoreContract (see defineFeedbackContract). */
export function defineFollowUpContract(current: () => { h: StoreHarness; store: Store }): void {
  describe("follow-up contexts", () => {
    let h: StoreHarness;
    let store: Store;
    beforeEach(() => {
      ({ h, store } = current());
    });

    it("keeps one question per conversation, replaced by the next, readable from another replica", async () => {
      const other = await h.open();
      expect(await store.getFollowUpContext("k1", T0)).toBeNull();
      await store.saveFollowUpContext("k1", "What was Halton's grade for adoption?", T0, minutes(30));
      await store.saveFollowUpContext("k2", "Derby", T0, minutes(30));
      expect(await other.getFollowUpContext("k1", minutes(1))).toBe("What was Halton's grade for adoption?");
      await other.saveFollowUpContext("k1", "What was Derby's grade for adoption?", minutes(2), minutes(32));
      expect(await store.getFollowUpContext("k1", minutes(3))).toBe("What was Derby's grade for adoption?");
      expect(await store.getFollowUpContext("k2", minutes(3))).toBe("Derby");
    });

    it("ignores a context from the moment it expires; saving again starts a new one", async () => {
      await store.saveFollowUpContext("k1", "Halton", T0, minutes(30));
      expect(await store.getFollowUpContext("k1", new Date(minutes(30).getTime() - 1))).toBe("Halton");
      expect(await store.getFollowUpContext("k1", minutes(30))).toBeNull();
      await store.saveFollowUpContext("k1", "Derby", minutes(31), minutes(61));
      expect(await store.getFollowUpContext("k1", minutes(31))).toBe("Derby");
    });

    it("deletes expired contexts when a new one is saved, and on purge", async () => {
      await store.saveFollowUpContext("old", "Halton", T0, minutes(30));
      await store.saveFollowUpContext("mid", "Derby", minutes(10), minutes(40));
      // Saved at 35 minutes: "old" had expired and is gone, "mid" is kept.
      await store.saveFollowUpContext("new", "Durham", minutes(35), minutes(65));
      expect(await store.getFollowUpContext("old", T0)).toBeNull();
      expect(await store.getFollowUpContext("mid", minutes(35))).toBe("Derby");
      expect(await store.purgeFollowUpContexts(minutes(50))).toBe(1);
      expect(await store.getFollowUpContext("new", minutes(50))).toBe("Durham");
      expect(await store.purgeFollowUpContexts(minutes(50))).toBe(0);
      expect(await store.purgeFollowUpContexts(minutes(65))).toBe(1);
      expect(await store.getFollowUpContext("new", minutes(1))).toBeNull();
    });
  });
}
