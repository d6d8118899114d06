/**
 * Open actions and the daily digest in Teams, end to end: the real CloudAdapter over
 * HTTP (anonymous mode), the real seed corpus, a SQLite store (actions, subscriptions and
 * conversation references), the real scheduler posting proactively through the fake Bot
 * Connector, and a clock the test moves.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openActions, type ActionsRuntime } from "../../src/actions/runtime.js";
import { loadBot } from "../../src/bot.js";
import type { Settings } from "../../src/config.js";
import { buildDigest } from "../../src/digest/build.js";
import { DigestScheduler } from "../../src/digest/scheduler.js";
import { testClock } from "../store/fixtures.js";
import { CHANNEL_ID, USER, botAdded, channelMessage, personalMessage } from "./activities.js";
import { cardOf, cardStrings, startHarness, type Harness, SEEDS } from "./harness.js";

const clock = testClock("2011-09-01T07:00:00Z"); // Thursday, 08:00 in London
let h: Harness;
let runtime: ActionsRuntime;
let scheduler: DigestScheduler;
let dir: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "teams-actions-"));
  const settings: Settings = { corpusDir: SEEDS, dataDir: dir, port: 0, adminUsers: [USER.aadObjectId], digest: { timeZone: "Europe/London", time: "09:00", days: "weekdays" } };
  const bot = await loadBot({ corpusDir: SEEDS, clock });
  runtime = await openActions({ settings, actions: bot.actions, clock });
  h = await startHarness({ bot, actions: runtime.service, references: runtime.store });
  scheduler = new DigestScheduler({ store: runtime.store, settings: settings.digest, clock, senders: { teams: h.teams.digestSender }, log: () => {} });
});

afterAll(async () => {
  await h.close();
  await runtime.store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

type Card = Record<string, unknown>;
/** The Done / Reopen buttons of a card, in order. */
function buttons(card: Card): { title: string; data: { verb: string; id: string } }[] {
  const out: { title: string; data: { verb: string; id: string } }[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === "object") {
      const o = v as Record<string, unknown>;
      if (o.type === "Action.Submit" && (o.data as { verb?: string })?.verb?.startsWith("actions.")) out.push(o as never);
      Object.values(o).forEach(walk);
    }
  };
  walk(card.body);
  return out;
}

/** Sends an activity and returns the card the bot replied with. */
async function exchange(activity: Record<string, unknown>): Promise<Card> {
  const before = h.connector.activities("message").length;
  const res = await h.post(activity);
  expect(res.status).toBe(200);
  await h.connector.waitFor(() => h.connector.activities("message").length > before);
  return cardOf(h.connector.activities("message").at(-1)!.body);
}

/** A click on a card button, as Teams delivers it: a message with the button's data as value and no text. */
function submit(data: unknown, from: Record<string, unknown> = USER, conversationId = "a:personal-pat"): Record<string, unknown> {
  const m = personalMessage(h.connector.url, "", conversationId);
  delete m.text;
  return { ...m, from, value: data };
}

describe("actions in Teams", () => {
  it("'actions Oxfordshire' in a personal chat lists the actions with due dates, citations and a Done button each", async () => {
    const card = await exchange(personalMessage(h.connector.url, "actions Oxfordshire"));
    const text = cardStrings(card).join("\n");
    expect(text).toMatch(/\d+ open actions for Oxfordshire, \d+ overdue:/);
    expect(text).toContain("overdue by 118 days (due 2011-05-06)");
    expect(text).toContain("overdue by 26 days (due 2011-08-06)");
    expect(text).toMatch(/004_[0-9a-f]+\.txt, line \d+/);
    const bs = buttons(card);
    expect(bs.length).toBeGreaterThan(2);
    expect(bs.every((b) => b.title === "Done" && b.data.verb === "actions.done")).toBe(true);
    expect(card.version).toBe("1.4");
  });

  it("'@bot actions subscribe 08:30' in a channel subscribes the channel; the digest goes out once through the Bot Connector", async () => {
    await exchange(botAdded(h.connector.url, CHANNEL_ID, "channel"));
    const card = await exchange(channelMessage(h.connector.url, "actions subscribe 08:30"));
    expect(cardStrings(card).join(" ")).toContain("08:30 (Europe/London), on weekdays");
    expect(await runtime.store.listSubscriptions()).toMatchObject([{ platform: "teams", destination: CHANNEL_ID, time: "08:30" }]);

    expect((await scheduler.tick()).sent).toEqual([]);
    clock.set("2011-09-01T07:30:00Z");
    const before = h.connector.activities("message", CHANNEL_ID).length;
    expect((await scheduler.tick()).sent).toEqual([{ platform: "teams", destination: CHANNEL_ID, day: "2011-09-01" }]);
    expect((await scheduler.tick()).sent).toEqual([]);
    const posted = h.connector.activities("message", CHANNEL_ID).slice(before);
    expect(posted).toHaveLength(1);
    expect(posted[0].replyToId).toBeNull(); // a new post in the channel, not a reply in an old thread
    const digest = cardOf(posted[0].body);
    expect(cardStrings(digest)).toContain("Open inspection actions, 2011-09-01");
    expect(buttons(digest)).toHaveLength((await buildDigest(runtime.store, "2011-09-01")).openCount);
  });

  it("a Done button from a user outside ADMIN_USERS is refused and changes nothing", async () => {
    const posted = h.connector.activities("message", CHANNEL_ID).at(-1)!;
    const done = buttons(cardOf(posted.body))[0];
    const stranger = { id: "29:sam", name: "Sam Smith", aadObjectId: "aad-sam" };
    const card = await exchange(submit(done.data, stranger));
    const text = cardStrings(card).join(" ");
    expect(text).toContain("only the people listed in ADMIN_USERS");
    expect(text).toContain("aad-sam");
    expect((await runtime.service.get(done.data.id)).status).toBe("open");
  });

  it("a Done button from an admin marks it done: gone from the next digest, in its history by AAD id", async () => {
    const posted = h.connector.activities("message", CHANNEL_ID).at(-1)!;
    const done = buttons(cardOf(posted.body))[0];
    const card = await exchange(submit(done.data));
    expect(cardStrings(card).join(" ")).toMatch(/Marked done: [0-9a-f]{8} \(Oxfordshire\)\./);
    expect(buttons(card)).toEqual([{ type: "Action.Submit", title: "Reopen", data: { verb: "actions.reopen", id: done.data.id } }]);
    const next = await buildDigest(runtime.store, "2011-09-02");
    expect(next.groups.flatMap((g) => g.actions).map((a) => a.id)).not.toContain(done.data.id);
    const { changes } = await runtime.service.history(done.data.id);
    expect(changes.at(-1)).toMatchObject({ field: "status", from: "open", to: "done", by: `${USER.name} (${USER.aadObjectId})` });
  });

  it("a failed proactive post is retried on a later tick and sent once", async () => {
    clock.set("2011-09-02T07:31:00Z");
    h.connector.failNext(1);
    const first = await scheduler.tick();
    expect(first.failed).toHaveLength(1);
    expect(first.failed[0].error).toContain(CHANNEL_ID);
    clock.set("2011-09-02T07:32:00Z");
    expect((await scheduler.tick()).sent).toEqual([{ platform: "teams", destination: CHANNEL_ID, day: "2011-09-02" }]);
    expect((await scheduler.tick()).sent).toEqual([]);
    const friday = h.connector.activities("message", CHANNEL_ID).filter((c) => cardStrings(c.body).includes("Open inspection actions, 2011-09-02"));
    expect(friday).toHaveLength(1);
  });

  it("a button value that is not ours is ignored, and unknown ids are answered with a hint", async () => {
    const before = h.connector.activities("message").length;
    expect((await h.post(submit({ something: "else" }))).status).toBe(200);
    await new Promise((r) => setTimeout(r, 100));
    expect(h.connector.activities("message").length).toBe(before);
    const card = await exchange(personalMessage(h.connector.url, "actions done zzzzzzzz"));
    expect(cardStrings(card).join(" ")).toContain("There is no action with id");
  });
});
