import { describe, expect, it } from "vitest";
import { RecentIds, storeDeliveries } from "../../adapters/http/recentIds.js";
import { AppError } from "../../src/errors.js";
import { testClock } from "../store/fixtures.js";

describe("delivery memory", () => {
  it("in memory: first time once, and forgets the oldest beyond its capacity", async () => {
    const ids = new RecentIds(2);
    expect(await ids.firstTime("a")).toBe(true);
    expect(await ids.firstTime("a")).toBe(false);
    await ids.firstTime("b");
    await ids.firstTime("c");
    expect(await ids.firstTime("a")).toBe(true);
  });

  it("in the store: passes the clock's time and the expiry; when the store fails, this process still answers once", async () => {
    const clock = testClock("2024-05-01T08:00:00Z");
    const calls: [string, string, string][] = [];
    let down = false;
    const lines: string[] = [];
    const memory = storeDeliveries(
      {
        rememberDelivery: async (key, now, until) => {
          if (down) throw new AppError("STORE_FAILED", "connection refused");
          calls.push([key, now.toISOString(), until.toISOString()]);
          return true;
        },
      },
      { clock, ttlMs: 60_000, log: (l) => lines.push(l) },
    );
    expect(await memory.firstTime("slack:event:Ev1")).toBe(true);
    expect(calls).toEqual([["slack:event:Ev1", "2024-05-01T08:00:00.000Z", "2024-05-01T08:01:00.000Z"]]);
    down = true;
    expect(await memory.firstTime("slack:event:Ev2")).toBe(true);
    expect(await memory.firstTime("slack:event:Ev2")).toBe(false);
    expect(lines[0]).toContain("slack:event:Ev2");
  });
});
