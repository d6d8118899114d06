/**
 * The question log and feedback votes, part of the Store contract (called from
 * contract.ts, so it runs against SQLite and PostgreSQL alike).
 */
import { beforeEach, describe, expect, it } from "vitest";
import type { VoteInput } from "../../src/store/feedbackTypes.js";
import type { Store } from "../../src/store/types.js";
import type { StoreHarness } from "./harness.js";

const T0 = new Date("2024-05-01T08:00:00.000Z");
const T1 = new Date("2024-05-01T09:15:00.000Z");
const T2 = new Date("2024-05-03T10:30:00.000Z");

const CITE = { file: "halton.txt", line: 65, lineEnd: 66, quote: "Staying safe\tOutstanding" };

function vote(over: Partial<VoteInput> = {}): VoteInput {
  return { answerId: "a1", platform: "slack", userId: "U1", vote: "down", question: "Halton staying safe?", kind: "grade", answered: true, citations: [CITE], ...over };
}

/**
 * Defines the feedback contract tests inside defineStoreContract, on the harness and store
 * its beforeEach opens for each test (`current` reads them when a test runs).
 */
export function defineFeedbackContract(current: () => { h: StoreHarness; store: Store }): void {
  describe("question log and feedback votes", () => {
    let h: StoreHarness;
    let store: Store;
    beforeEach(() => {
      ({ h, store } = current());
    });

    it("keeps unanswered questions with their reason and not-understood words, listed from a time on", async () => {
      await store.recordUnanswered({ platform: "terminal", question: "What about Paris?", wording: "what about paris", kind: "unknown", reason: "I don't recognise \"Paris\".", notUnderstood: ["Paris"] }, T0);
      await store.recordUnanswered({ platform: "slack", question: "what about paris", wording: "what about paris", kind: "unknown", reason: "r", notUnderstood: [] }, T2);
      expect(await store.listUnanswered(new Date(0))).toEqual([
        { platform: "terminal", question: "What about Paris?", wording: "what about paris", kind: "unknown", reason: "I don't recognise \"Paris\".", notUnderstood: ["Paris"], askedAt: T0.toISOString() },
        { platform: "slack", question: "what about paris", wording: "what about paris", kind: "unknown", reason: "r", notUnderstood: [], askedAt: T2.toISOString() },
      ]);
      expect((await store.listUnanswered(T1)).map((q) => q.platform)).toEqual(["slack"]);
    });

    it("a second press by the same person changes their vote, not the count; other people's votes stay", async () => {
      expect(await store.saveVote(vote({ comment: "wrong council" }), T0)).toEqual({ previous: null });
      expect(await store.saveVote(vote({ userId: "U2", vote: "up" }), T0)).toEqual({ previous: null });
      expect(await store.saveVote(vote({ vote: "up" }), T1)).toEqual({ previous: "down" });
      const votes = await store.listVotes(new Date(0));
      expect(votes).toHaveLength(2);
      expect(votes.find((v) => v.userId === "U1")).toEqual({ ...vote({ vote: "up" }), comment: null, votedAt: T1.toISOString() });
      expect(votes.find((v) => v.userId === "U2")).toMatchObject({ vote: "up", votedAt: T0.toISOString() });
      // The same answer id on the other platform is another person's vote.
      await store.saveVote(vote({ platform: "teams" }), T1);
      expect(await store.listVotes(new Date(0))).toHaveLength(3);
    });

    it("keeps a 👎's comment when pressed again without one, sets it later, and a 👍 clears it", async () => {
      await store.saveVote(vote({ comment: "old report" }), T0);
      await store.saveVote(vote(), T1);
      expect((await store.listVotes(T0))[0]).toMatchObject({ vote: "down", comment: "old report" });
      expect(await store.setVoteComment({ answerId: "a1", platform: "slack", userId: "U1" }, "cites the wrong line", T2)).toBe(true);
      expect((await store.listVotes(T0))[0]).toMatchObject({ comment: "cites the wrong line", votedAt: T2.toISOString() });
      expect(await store.setVoteComment({ answerId: "a1", platform: "slack", userId: "nobody" }, "x", T2)).toBe(false);
      await store.saveVote(vote({ vote: "up", comment: "ignored" }), T2);
      expect((await store.listVotes(T0))[0]).toMatchObject({ vote: "up", comment: null });
    });

    it("one person pressing on two replicas at once still has one vote", async () => {
      const other = await h.open();
      await Promise.all(Array.from({ length: 8 }, (_, i) => (i % 2 ? store : other).saveVote(vote({ vote: i % 3 ? "up" : "down" }), T0)));
      expect(await store.listVotes(new Date(0))).toHaveLength(1);
    });

    it("purges questions and votes older than the cut-off, and everything with a cut-off of now", async () => {
      const q = { platform: "teams" as const, question: "q", wording: "q", kind: "unknown", reason: "r", notUnderstood: [] };
      await store.recordUnanswered(q, T0);
      await store.recordUnanswered(q, T2);
      await store.saveVote(vote(), T0);
      await store.saveVote(vote({ answerId: "a2" }), T2);
      expect(await store.purgeQuestionLog(T1)).toEqual({ unanswered: 1, votes: 1 });
      expect((await store.listUnanswered(new Date(0))).map((r) => r.askedAt)).toEqual([T2.toISOString()]);
      expect((await store.listVotes(new Date(0))).map((v) => v.answerId)).toEqual(["a2"]);
      expect(await store.purgeQuestionLog(new Date(T2.getTime() + 1))).toEqual({ unanswered: 1, votes: 1 });
      expect(await store.listUnanswered(new Date(0))).toEqual([]);
      expect(await store.listVotes(new Date(0))).toEqual([]);
    });
  });
}
