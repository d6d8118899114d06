/**
 * The scheduler's promises, checked against a real store (SQLite file or PostgreSQL):
 * once a day per destination, missed digests sent later the same day, retries after a
 * failed post, exactly one post with two replicas. The clock is a test clock: no sleeping.
 */
import { afterEach, beforeEach, expect, it } from "vitest";
import { DigestScheduler } from "../../src/digest/scheduler.js";
import type { Digest, DigestSender } from "../../src/digest/types.js";
import type { Store } from "../../src/store/types.js";
import { corpus, MINUTE, testClock, type TestClock } from "../store/fixtures.js";
import type { HarnessFactory, StoreHarness } from "../store/harness.js";

const settings = { timeZone: "Europe/London", time: "09:00", days: "weekdays" };
/** Wednesday 1 May 2024; London is on summer time (UTC+1), so 08:00Z is 09:00 there. */
const WED_0800_LONDON = "2024-05-01T07:00:00Z";

/** Records posts; can be told to fail the next n posts. Yields before answering, like a network call. */
export class FakeSender implements DigestSender {
  posts: { destination: string; digest: Digest }[] = [];
  calls = 0;
  failNext = 0;
  hang = false;
  async send(destination: string, digest: Digest): Promise<void> {
    this.calls++;
    await new Promise((r) => setImmediate(r));
    if (this.hang) return new Promise(() => {});
    if (this.failNext > 0) {
      this.failNext--;
      throw new Error("HTTP 503 from the platform");
    }
    this.posts.push({ destination, digest });
  }
}

/** Defines the scheduler tests for one backend. */
export function defineSchedulerSuite(factory: HarnessFactory): void {
  let h: StoreHarness;
  let store: Store;
  let clock: TestClock;
  let log: string[];

  const scheduler = (senders: ConstructorParameters<typeof DigestScheduler>[0]["senders"], s = store, extra = {}) =>
    new DigestScheduler({ store: s, settings, clock, senders, log: (l) => log.push(l), ...extra });

  beforeEach(async () => {
    h = await factory();
    clock = testClock(WED_0800_LONDON);
    log = [];
    store = await h.open({ clock });
    await store.syncActions(corpus(), clock());
    await store.subscribe("slack", "C1", "09:00", "Ann", new Date("2024-04-30T12:00:00Z"));
    await store.subscribe("teams", "19:team", "09:30", "Bob", new Date("2024-04-30T12:00:00Z"));
  });
  afterEach(async () => {
    await h.cleanup();
  });

  it("posts a subscription scoped to some authorities only their actions, and the others everything", async () => {
    await store.subscribe("slack", "C9", "09:00", "Cy", new Date("2024-04-30T12:00:00Z"), ["Halton", "Derby"]);
    const slack = new FakeSender();
    clock.set("2024-05-01T08:05:00Z"); // 09:05 in London
    await scheduler({ slack }).tick();
    const byDest = new Map(slack.posts.map((p) => [p.destination, p.digest]));
    expect(byDest.get("C9")?.groups.map((g) => g.authority).sort()).toEqual(["Derby", "Halton"]);
    expect(byDest.get("C9")?.scope).toEqual(["Halton", "Derby"]);
    expect(byDest.get("C1")?.groups.map((g) => g.authority).sort()).toEqual(["Derby", "Halton", "Oxfordshire"]);
  });

  it("posts each destination its digest once a day, from its time on", async () => {
    const slack = new FakeSender();
    const teams = new FakeSender();
    const s = scheduler({ slack, teams });
    expect((await s.tick()).sent).toEqual([]);
    clock.set("2024-05-01T08:00:00Z"); // 09:00 London
    expect((await s.tick()).sent).toEqual([{ platform: "slack", destination: "C1", day: "2024-05-01" }]);
    expect(await s.tick()).toMatchObject({ sent: [], failed: [] });
    clock.set("2024-05-01T08:31:00Z");
    expect((await s.tick()).sent).toEqual([{ platform: "teams", destination: "19:team", day: "2024-05-01" }]);
    clock.set("2024-05-01T16:00:00Z");
    await s.tick();
    expect([slack.calls, teams.calls]).toEqual([1, 1]);
    const d = slack.posts[0].digest;
    expect(d).toMatchObject({ date: "2024-05-01", openCount: 4, overdueCount: 3 });
    expect(d.groups.map((g) => g.authority)).toEqual(["Oxfordshire", "Derby", "Halton"]);
    // Thursday: again.
    clock.set("2024-05-02T08:05:00Z");
    expect((await s.tick()).sent).toEqual([{ platform: "slack", destination: "C1", day: "2024-05-02" }]);
    // Saturday: not a digest day.
    clock.set("2024-05-04T10:00:00Z");
    expect((await s.tick()).sent).toEqual([]);
    expect(await store.getDigestSend({ platform: "slack", destination: "C1", day: "2024-05-01" })).toMatchObject({ state: "sent" });
  });

  it("sends a digest missed while the bot was down when it is back that day, and not again after a restart", async () => {
    const slack = new FakeSender();
    clock.set("2024-05-01T10:00:00Z"); // 11:00 London: the bot was down at 09:00
    expect((await scheduler({ slack }).tick()).sent).toHaveLength(1);
    await store.close();

    const restarted = await h.open({ clock });
    clock.advance(5 * MINUTE);
    expect((await scheduler({ slack }, restarted).tick()).sent).toEqual([]);
    expect(slack.calls).toBe(1);
  });

  it("retries a failed post on the next tick, never records it sent before it is, and sends it once", async () => {
    const slack = new FakeSender();
    slack.failNext = 1;
    const s = scheduler({ slack });
    clock.set("2024-05-01T08:00:00Z");
    const first = await s.tick();
    expect(first.failed).toEqual([{ key: { platform: "slack", destination: "C1", day: "2024-05-01" }, error: "HTTP 503 from the platform" }]);
    expect(await store.getDigestSend(first.failed[0].key)).toMatchObject({ state: "failed", sentAt: null, lastError: "HTTP 503 from the platform" });
    clock.advance(MINUTE);
    expect((await s.tick()).sent).toHaveLength(1);
    clock.advance(MINUTE);
    await s.tick();
    expect(slack.posts).toHaveLength(1);
    expect(slack.calls).toBe(2);
    expect(await store.getDigestSend(first.failed[0].key)).toMatchObject({ state: "sent", attempts: 2 });
    expect(log.some((l) => l.includes("failed, will retry"))).toBe(true);
  });

  it("backs off a post that keeps failing instead of hammering the platform", async () => {
    const slack = new FakeSender();
    slack.failNext = 3;
    const s = scheduler({ slack });
    clock.set("2024-05-01T08:00:00Z");
    for (let minute = 0; minute < 6; minute++) {
      await s.tick();
      clock.advance(MINUTE);
    }
    // Attempts at +0 (fail), +1 (fail, wait 1), +2 (fail, wait 3), +5 (sent).
    expect(slack.calls).toBe(4);
    expect(slack.posts).toHaveLength(1);
  });

  it("counts a post that hangs as failed and retries it", async () => {
    const slack = new FakeSender();
    slack.hang = true;
    const s = scheduler({ slack }, store, { sendTimeoutMs: 20 });
    clock.set("2024-05-01T08:00:00Z");
    expect((await s.tick()).failed[0].error).toContain("no answer");
    slack.hang = false;
    clock.advance(MINUTE);
    expect((await s.tick()).sent).toHaveLength(1);
  });

  it("two schedulers (two store instances) on one database post each digest once", async () => {
    const other = await h.open({ clock });
    for (let i = 0; i < 6; i++) await store.subscribe("slack", `C${100 + i}`, "09:00", "Ann", new Date("2024-04-30T12:00:00Z"));
    const a = new FakeSender();
    const b = new FakeSender();
    const one = scheduler({ slack: a, teams: a });
    const two = scheduler({ slack: b, teams: b }, other);
    clock.set("2024-05-01T08:45:00Z");
    for (let round = 0; round < 3; round++) {
      await Promise.all([one.tick(), two.tick(), one.tick(), two.tick()]);
      clock.advance(MINUTE);
    }
    const posted = [...a.posts, ...b.posts].map((p) => p.destination).sort();
    expect(posted).toEqual(["19:team", "C1", "C100", "C101", "C102", "C103", "C104", "C105"]);
  });

  it("leaves a platform it has no sender for to a replica that has one", async () => {
    const slackOnly = new FakeSender();
    const teamsOnly = new FakeSender();
    clock.set("2024-05-01T09:00:00Z");
    await scheduler({ slack: slackOnly }).tick();
    expect(await store.getDigestSend({ platform: "teams", destination: "19:team", day: "2024-05-01" })).toBeNull();
    await scheduler({ teams: teamsOnly }).tick();
    expect(slackOnly.posts.map((p) => p.destination)).toEqual(["C1"]);
    expect(teamsOnly.posts.map((p) => p.destination)).toEqual(["19:team"]);
  });

  it("posts the digest without actions marked done since", async () => {
    const slack = new FakeSender();
    await store.setStatus("oxfordshire-2011-03-07-1", "done", "Ann", clock());
    clock.set("2024-05-01T08:00:00Z");
    await scheduler({ slack }).tick();
    const ids = slack.posts[0].digest.groups.flatMap((g) => g.actions.map((x) => x.id));
    expect(ids).not.toContain("oxfordshire-2011-03-07-1");
    expect(ids).toHaveLength(3);
  });
}
