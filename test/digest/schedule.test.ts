import { describe, expect, it } from "vitest";
import { isDue, parseDigestDays } from "../../src/digest/schedule.js";
import { retryDelayMs } from "../../src/digest/scheduler.js";
import type { Subscription } from "../../src/store/types.js";

const sub = (time: string, createdAt = "2024-01-01T00:00:00Z"): Subscription => ({
  platform: "slack",
  destination: "C1",
  time,
  createdBy: "Ann",
  createdAt,
});
const london = { timeZone: "Europe/London", days: "weekdays" };

describe("digest schedule", () => {
  it("parses DIGEST_DAYS", () => {
    expect([...parseDigestDays("weekdays")]).toEqual(["mon", "tue", "wed", "thu", "fri"]);
    expect(parseDigestDays("daily").size).toBe(7);
    expect([...parseDigestDays("mon,wed,sun")]).toEqual(["mon", "wed", "sun"]);
  });

  it("is due once the local time has passed, in DIGEST_TZ (summer time included)", () => {
    // Wed 1 May 2024: London is UTC+1.
    expect(isDue(sub("09:00"), new Date("2024-05-01T07:59:00Z"), london)).toMatchObject({ due: false, day: "2024-05-01", reason: "before 09:00" });
    expect(isDue(sub("09:00"), new Date("2024-05-01T08:00:00Z"), london)).toEqual({ due: true, day: "2024-05-01" });
    // Later the same day (a bot that was down at 09:00) is still due.
    expect(isDue(sub("09:00"), new Date("2024-05-01T22:59:00Z"), london)).toEqual({ due: true, day: "2024-05-01" });
    // 23:30 UTC is already Thursday in London: a new day, before its time.
    expect(isDue(sub("09:00"), new Date("2024-05-01T23:30:00Z"), london)).toMatchObject({ due: false, day: "2024-05-02" });
    // Winter: UTC+0.
    expect(isDue(sub("09:00"), new Date("2024-01-10T09:00:00Z"), london).due).toBe(true);
  });

  it("skips days that are not digest days", () => {
    const saturday = new Date("2024-05-04T10:00:00Z");
    expect(isDue(sub("09:00"), saturday, london)).toMatchObject({ due: false, reason: "not a digest day" });
    expect(isDue(sub("09:00"), saturday, { ...london, days: "daily" }).due).toBe(true);
    expect(isDue(sub("09:00"), new Date("2024-05-01T10:00:00Z"), { ...london, days: "mon,fri" }).due).toBe(false);
  });

  it("does not post at once for a subscription made after today's time", () => {
    const now = new Date("2024-05-01T10:00:00Z");
    expect(isDue(sub("09:00", "2024-05-01T09:30:00Z"), now, london)).toMatchObject({ due: false, reason: "subscribed after 09:00 today" });
    expect(isDue(sub("09:00", "2024-05-01T07:30:00Z"), now, london).due).toBe(true);
    expect(isDue(sub("09:00", "2024-05-01T09:30:00Z"), new Date("2024-05-02T08:00:00Z"), london).due).toBe(true);
  });

  it("backs off retries: next tick, then 1, 3, 7, 15, 30 minutes", () => {
    expect([1, 2, 3, 4, 5, 6, 9].map((n) => retryDelayMs(n) / 60_000)).toEqual([0, 1, 3, 7, 15, 30, 30]);
  });
});
