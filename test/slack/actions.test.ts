/**
 * Open actions and the daily digest in Slack, end to end: the real Bolt app over signed
 * HTTP, the real seed corpus, a SQLite store in a temporary DATA_DIR, the real digest
 * scheduler posting through the fake Slack Web API, and a clock the test moves.
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
import { startHttpServer, type RunningServer } from "../../adapters/http/server.js";
import { createSlackAdapter } from "../../adapters/slack/app.js";
import { testClock } from "../store/fixtures.js";
import { startFakeSlack, type FakeSlack } from "./fakeSlack.js";
import { postEvent, postForm } from "./sign.js";

const SECRET = "actions-signing-secret";
const ADMIN = "UADMIN";
// Thursday 1 September 2011, 08:00 in London (BST): Oxfordshire's actions are overdue.
const clock = testClock("2011-09-01T07:00:00Z");
let fake: FakeSlack;
let server: RunningServer;
let runtime: ActionsRuntime;
let scheduler: DigestScheduler;
let url: string;
let dir: string;
const logs: string[] = [];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "slack-actions-"));
  fake = await startFakeSlack();
  const settings: Settings = { corpusDir: "seeds", dataDir: dir, port: 0, adminUsers: [ADMIN], digest: { timeZone: "Europe/London", time: "09:00", days: "weekdays" } };
  const bot = await loadBot({ corpusDir: "seeds", clock });
  runtime = await openActions({ settings, actions: bot.actions, clock });
  const slack = createSlackAdapter({ bot, settings: { botToken: "xoxb-test", signingSecret: SECRET, apiUrl: fake.apiUrl }, actions: runtime.service, log: (l) => logs.push(l) });
  server = await startHttpServer(slack.routes, { port: 0, host: "127.0.0.1", isReady: () => true });
  url = `${server.url}/slack/events`;
  scheduler = new DigestScheduler({ store: runtime.store, settings: settings.digest, clock, senders: { slack: slack.digestSender }, log: (l) => logs.push(l) });
});

afterAll(async () => {
  await server.close();
  await fake.close();
  await runtime.store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

let n = 0;
/** Runs a signed slash command and returns what it answered through response_url. */
async function slash(text: string, opts: { user?: string; channel?: string } = {}) {
  const id = `r${++n}`;
  const res = await postForm(url, SECRET, {
    token: "x",
    team_id: "T1",
    channel_id: opts.channel ?? "C1",
    user_id: opts.user ?? ADMIN,
    user_name: opts.user === undefined ? "ann.admin" : "someone",
    command: "/actions",
    text,
    response_url: fake.responseUrl(id),
    trigger_id: "t",
    api_app_id: "A1",
  });
  expect(res.status).toBe(200);
  return fake.waitFor(() => fake.responses.find((r) => r.path === `/respond/${id}`));
}

/** Clicks a button of a posted message, as Slack sends it (block_actions, signed). */
async function click(button: Record<string, unknown>, user: string, channel = "C5") {
  const id = `b${++n}`;
  const payload = {
    type: "block_actions",
    team: { id: "T1" },
    user: { id: user, username: user === ADMIN ? "ann.admin" : "someone", name: user === ADMIN ? "ann.admin" : "someone" },
    api_app_id: "A1",
    channel: { id: channel },
    container: { type: "message", channel_id: channel, message_ts: "1.1" },
    response_url: fake.responseUrl(id),
    trigger_id: "t",
    actions: [{ type: "button", action_id: button.action_id, block_id: "b", value: button.value, action_ts: "1.2" }],
  };
  const res = await postForm(url, SECRET, { payload: JSON.stringify(payload) });
  expect(res.status).toBe(200);
  return fake.waitFor(() => fake.responses.find((r) => r.path === `/respond/${id}`));
}

type Block = { type: string; text?: { text: string }; accessory?: Record<string, unknown> };
const blocksOf = (m: { body: Record<string, unknown> }) => m.body.blocks as Block[];
const sectionsWithButtons = (m: { body: Record<string, unknown> }) => blocksOf(m).filter((b) => b.accessory?.type === "button");

describe("actions in Slack", () => {
  it("/actions Oxfordshire lists its actions with their due dates, citations and a Done button each", async () => {
    const reply = await slash("Oxfordshire");
    expect(reply.body.response_type).toBe("ephemeral");
    expect(String(reply.body.text)).toMatch(/^\d+ open actions for Oxfordshire, \d+ overdue:/);
    const rows = sectionsWithButtons(reply);
    expect(rows.length).toBeGreaterThan(2);
    const texts = rows.map((b) => b.text!.text);
    expect(texts.some((t) => t.includes("due 2011-05-06"))).toBe(true);
    expect(texts.some((t) => t.includes("due 2011-08-06"))).toBe(true);
    expect(texts.every((t) => /:page_facing_up: 00\d_[0-9a-f]+\.txt, lines? \d+/.test(t))).toBe(true);
    expect(rows.every((b) => String(b.accessory!.action_id).startsWith("action_done:"))).toBe(true);
  });

  it("subscribes a channel, and the scheduler posts its digest once at the chosen time through the Slack API", async () => {
    const reply = await slash("subscribe 08:30", { channel: "C5" });
    expect(reply.body.response_type).toBe("in_channel");
    expect(String(reply.body.text)).toContain("08:30 (Europe/London), on weekdays");

    expect((await scheduler.tick()).sent).toEqual([]); // 08:00: not yet
    clock.set("2011-09-01T07:30:00Z"); // 08:30 in London
    expect((await scheduler.tick()).sent).toEqual([{ platform: "slack", destination: "C5", day: "2011-09-01" }]);
    expect((await scheduler.tick()).sent).toEqual([]);
    const posts = fake.posts.filter((p) => p.body.channel === "C5");
    expect(posts).toHaveLength(1);
    const blocks = blocksOf(posts[0]);
    expect(blocks[0]).toMatchObject({ type: "header", text: { text: "Open inspection actions, 2011-09-01" } });
    expect(String(posts[0].body.text)).toMatch(/open actions across 3 authorities, \d+ overdue/);
    expect(JSON.stringify(blocks)).toContain("overdue by 118 days (due 2011-05-06)");
    expect(sectionsWithButtons(posts[0]).length).toBe((await buildDigest(runtime.store, "2011-09-01")).openCount);
  });

  it("a Done button from someone outside ADMIN_USERS is refused and changes nothing", async () => {
    const post = fake.posts.find((p) => p.body.channel === "C5")!;
    const first = sectionsWithButtons(post)[0].accessory!;
    const reply = await click(first, "UOTHER");
    expect(String(reply.body.text)).toContain("only the people listed in ADMIN_USERS");
    expect(JSON.stringify(reply.body)).toContain("UOTHER");
    expect((await runtime.service.get(String(first.value))).status).toBe("open");
  });

  it("a Done button from an admin marks the action done: gone from the next digest, in its history by Slack user", async () => {
    const post = fake.posts.find((p) => p.body.channel === "C5")!;
    const first = sectionsWithButtons(post)[0].accessory!;
    const id = String(first.value);
    const reply = await click(first, ADMIN);
    expect(String(reply.body.text)).toMatch(/^Marked done: [0-9a-f]{8} \(Oxfordshire\)\.$/);
    // The reply offers the undo: the same action with a Reopen button.
    expect(sectionsWithButtons(reply)[0].accessory).toMatchObject({ action_id: expect.stringMatching(/^action_reopen:/), value: id });
    const next = await buildDigest(runtime.store, "2011-09-02");
    expect(next.groups.flatMap((g) => g.actions).map((a) => a.id)).not.toContain(id);
    const { changes } = await runtime.service.history(id);
    expect(changes.at(-1)).toMatchObject({ field: "status", from: "open", to: "done", by: `ann.admin (${ADMIN})` });
  });

  it("/actions done and reopen by id work too; a bad id is answered with a hint", async () => {
    const list = await slash("Halton");
    const ref = String(sectionsWithButtons(list)[0].accessory!.action_id).split(":")[1];
    expect(String((await slash(`done ${ref}`)).body.text)).toBe(`Marked done: ${ref} (Halton).`);
    expect(String((await slash(`reopen ${ref}`)).body.text)).toBe(`Reopened: ${ref} (Halton).`);
    const bad = await slash("done zzzzzzzz");
    expect(JSON.stringify(bad.body)).toContain("There is no action with id");
  });

  it("escapes what users typed in replies, fallback text included", async () => {
    const reply = await slash("<!channel>");
    expect(JSON.stringify(reply.body)).not.toContain("<!channel>");
    expect(String(reply.body.text)).toContain("&lt;!channel&gt;");
  });

  it("/actions help shows the words as Slack users type them", async () => {
    const reply = await slash("help");
    expect(String(reply.body.text)).toContain("/actions done &lt;id&gt;");
  });

  it("a failed digest post is retried on the next tick and sent once", async () => {
    clock.set("2011-09-02T07:31:00Z"); // Friday 08:31 London
    fake.failNext(1);
    const first = await scheduler.tick();
    expect(first.failed).toHaveLength(1);
    expect(first.sent).toEqual([]);
    expect(await runtime.store.getDigestSend({ platform: "slack", destination: "C5", day: "2011-09-02" })).not.toMatchObject({ state: "sent" });
    clock.set("2011-09-02T07:32:00Z");
    expect((await scheduler.tick()).sent).toEqual([{ platform: "slack", destination: "C5", day: "2011-09-02" }]);
    clock.set("2011-09-02T09:00:00Z");
    expect((await scheduler.tick()).sent).toEqual([]);
    expect(fake.posts.filter((p) => p.body.channel === "C5")).toHaveLength(2); // Thursday's and Friday's, once each
  });

  it("answers '@bot actions overdue Derby' in its thread, and unsubscribes", async () => {
    const ev = {
      type: "event_callback",
      team_id: "T1",
      api_app_id: "A1",
      event_id: "EvActions1",
      event_time: 1,
      event: { type: "app_mention", user: "U1", text: "<@UBOT> actions overdue Derby", ts: "1700000100.000001", channel: "C7", event_ts: "1700000100.000001" },
    };
    await postEvent(url, SECRET, ev);
    const post = await fake.waitFor(() => fake.posts.find((p) => p.body.channel === "C7"));
    expect(post.body.thread_ts).toBe(ev.event.ts);
    // 1 September 2011: Derby's 2017 deadline is not overdue yet.
    expect(String(post.body.text)).toBe("Nothing overdue for Derby.");
    const off = await slash("unsubscribe", { channel: "C5" });
    expect(String(off.body.text)).toContain("Unsubscribed");
    expect(await runtime.store.listSubscriptions()).toEqual([]);
  });
});
