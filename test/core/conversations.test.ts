/** Follow-ups in conversations: the core's memory of each conversation's last question, in the Store. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadBot, type Bot } from "../../src/bot.js";
import { Conversations, contextKey, followUpContexts, FOLLOWING_ON } from "../../src/conversation/followUps.js";
import { MemoryFollowUpContexts } from "../../src/conversation/memory.js";
import { SqliteStore } from "../../src/store/sqlite.js";
import type { FollowUpContextStore } from "../../src/store/types.js";
import { MINUTE, testClock } from "../store/fixtures.js";

let bot: Bot;
let store: SqliteStore;
beforeAll(async () => {
  bot = await loadBot({ corpusDir: "seeds" });
  store = new SqliteStore({ file: ":memory:" });
  await store.migrate();
});
afterAll(async () => store.close());

const grades = (a: { judgements: { authority: string; area: string; grade: string }[] }) => a.judgements.map((j) => `${j.authority} ${j.area}: ${j.grade}`);

describe("conversations", () => {
  it("answers a follow-up as the last question with the new slot, saying it followed on", async () => {
    const clock = testClock("2025-01-06T09:00:00Z");
    const c = new Conversations({ store, clock });
    const first = await c.ask(bot, "slack:C1:1700000000.000100", "What was Halton's Staying safe grade?");
    expect(first.interpretation?.startsWith(FOLLOWING_ON)).toBe(false);
    clock.advance(2 * MINUTE);
    const next = await c.ask(bot, "slack:C1:1700000000.000100", "what about Derby?");
    // Exactly the answer to the whole question, with what was typed and what was assumed.
    const whole = bot.ask("What was Derby's Staying safe grade?");
    expect(next.question).toBe("What was Derby's Staying safe grade?");
    expect(next.asked).toBe("what about Derby?");
    expect(next.text).toBe(whole.text);
    expect(grades(next)).toEqual(grades(whole));
    expect(next.interpretation).toBe(`${FOLLOWING_ON}${whole.interpretation}`);
    // Derby was not inspected under the 2009-12 framework: its answer says so rather than changing the question.
    expect(next.interpretation).toMatch(/^following on from your last question: Derby/);
    // A follow-up of a follow-up builds on the whole question it stood for.
    const year = await c.ask(bot, "slack:C1:1700000000.000100", "and Halton in 2011?");
    expect(year.question).toBe("What was Halton's Staying safe grade in 2011?");
    expect(grades(year)).toEqual(["Halton Staying safe: Outstanding"]);
  });

  it("keeps conversations apart, and a whole question starts afresh", async () => {
    const clock = testClock("2025-01-06T10:00:00Z");
    const c = new Conversations({ store, clock });
    await c.ask(bot, "teams:a", "What was Halton's Staying safe grade?");
    await c.ask(bot, "teams:b", "Which councils were good for overall effectiveness?");
    const a = await c.ask(bot, "teams:a", "and for being healthy?");
    expect(a.question).toBe("What was Halton's being healthy grade?");
    expect(grades(a)).toEqual(["Halton Being healthy: Good"]);
    const b = await c.ask(bot, "teams:b", "and in 2017?");
    expect(b.question).toBe("Which councils were good for overall effectiveness in 2017?");
    // A question of its own is answered as asked, and is what the next follow-up builds on.
    const own = await c.ask(bot, "teams:a", "And what was Derby's overall grade?");
    expect(own.asked).toBeUndefined();
    expect(own.interpretation?.startsWith(FOLLOWING_ON)).toBe(false);
    expect((await c.ask(bot, "teams:a", "and Durham?")).question).toBe("And what was Durham's overall grade?");
  });

  it("forgets a conversation 30 minutes after its last question, on the injected clock", async () => {
    const clock = testClock("2025-01-06T11:00:00Z");
    const c = new Conversations({ store, clock });
    await c.ask(bot, "terminal:1", "What was Halton's Staying safe grade?");
    clock.advance(29 * MINUTE);
    expect((await c.ask(bot, "terminal:1", "what about Derby?")).asked).toBe("what about Derby?");
    // The follow-up was the last question: 30 minutes from it, not from the first.
    clock.advance(30 * MINUTE);
    const late = await c.ask(bot, "terminal:1", "and for care leavers?");
    expect(late.asked).toBeUndefined();
    expect(late).toEqual(bot.ask("and for care leavers?"));
    // Expired rows are deleted, not just ignored.
    clock.advance(31 * MINUTE);
    expect(await c.purge()).toBeGreaterThan(0);
    expect(await store.getFollowUpContext(contextKey("terminal:1"), new Date(0))).toBeNull();
  });

  it("does not keep help, and keeps the question under a hash of the conversation's key", async () => {
    const clock = testClock("2025-01-06T12:00:00Z");
    const memory = new MemoryFollowUpContexts();
    const c = new Conversations({ store: memory, clock });
    await c.ask(bot, "slack:D1", "What was Halton's Staying safe grade?");
    await c.ask(bot, "slack:D1", "help");
    expect((await c.ask(bot, "slack:D1", "and Derby?")).question).toBe("What was Derby's Staying safe grade?");
    expect(contextKey("slack:D1")).toMatch(/^[0-9a-f]{64}$/);
    expect(await memory.getFollowUpContext(contextKey("slack:D1"), clock())).toBe("What was Derby's Staying safe grade?");
    expect(await memory.getFollowUpContext("slack:D1", clock())).toBeNull();
  });

  it("answers on its own when the store fails, logging the error code and no question text", async () => {
    const logs: string[] = [];
    const failing: FollowUpContextStore = {
      getFollowUpContext: async () => Promise.reject(Object.assign(new Error("down"), { code: "STORE_FAILED" })),
      saveFollowUpContext: async () => Promise.reject(Object.assign(new Error("down"), { code: "STORE_FAILED" })),
      purgeFollowUpContexts: async () => 0,
    };
    const c = new Conversations({ store: failing, clock: testClock("2025-01-06T13:00:00Z"), log: (l) => logs.push(l) });
    const a = await c.ask(bot, "slack:D1", "What was Halton's Staying safe grade?");
    expect(a).toEqual(bot.ask("What was Halton's Staying safe grade?"));
    expect(logs).toHaveLength(2);
    expect(logs.every((l) => l.includes("STORE_FAILED") && !l.includes("Halton"))).toBe(true);
  });

  it("writes no question to the database with QUESTION_LOG_DAYS=0: follow-ups are then remembered in memory", () => {
    expect(followUpContexts(store, { questionLogDays: 0 })).toBeInstanceOf(MemoryFollowUpContexts);
    expect(followUpContexts(store, { questionLogDays: 30 })).toBe(store);
    expect(followUpContexts(store, {})).toBe(store);
  });

  it("purges expired contexts as soon as purging starts, and stops", async () => {
    const clock = testClock("2025-01-06T14:00:00Z");
    const memory = new MemoryFollowUpContexts();
    const c = new Conversations({ store: memory, clock });
    await c.ask(bot, "terminal:2", "What was Halton's Staying safe grade?");
    clock.advance(30 * MINUTE);
    c.startPurging(60_000);
    await new Promise((r) => setImmediate(r));
    c.stop();
    clock.set("2025-01-06T14:00:00Z");
    // Deleted, not just out of date: read at a time it was still valid, it is gone.
    expect(await memory.getFollowUpContext(contextKey("terminal:2"), clock())).toBeNull();
  });
});
