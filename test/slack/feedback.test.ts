/**
 * 👍 / 👎 and the question log in Slack, end to end: the real Bolt app over signed HTTP,
 * the real seed corpus, a SQLite store, and the fake Slack Web API receiving the answers
 * and the views.open of the "what was wrong?" modal.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadBot, type Bot } from "../../src/bot.js";
import { FeedbackService } from "../../src/feedback/service.js";
import { openStore } from "../../src/store/open.js";
import type { Store } from "../../src/store/types.js";
import { startHttpServer, type RunningServer } from "../../adapters/http/server.js";
import { createSlackAdapter } from "../../adapters/slack/app.js";
import { FEEDBACK_DOWN, FEEDBACK_UP, feedbackBlocks } from "../../adapters/slack/feedback.js";
import { testClock } from "../store/fixtures.js";
import { startFakeSlack, type FakeSlack, type Recorded } from "./fakeSlack.js";
import { postEvent, postForm } from "./sign.js";

const SECRET = "feedback-signing-secret";
const ADMIN = "UADMIN";
const clock = testClock("2026-11-20T10:00:00Z");
let fake: FakeSlack;
let server: RunningServer;
let store: Store;
let feedback: FeedbackService;
let bot: Bot;
let url: string;
let dir: string;
const logs: string[] = [];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "slack-feedback-"));
  fake = await startFakeSlack();
  bot = await loadBot({ corpusDir: "seeds", clock });
  store = await openStore({ dataDir: dir }, { clock });
  feedback = new FeedbackService({ store, clock, settings: { adminUsers: [ADMIN], questionLogDays: 30 } });
  const slack = createSlackAdapter({ bot, settings: { botToken: "xoxb-test", signingSecret: SECRET, apiUrl: fake.apiUrl }, feedback, log: (l) => logs.push(l) });
  server = await startHttpServer(slack.routes, { port: 0, host: "127.0.0.1", isReady: () => true });
  url = `${server.url}/slack/events`;
});

afterAll(async () => {
  await server.close();
  await fake.close();
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

let n = 0;
type Button = { action_id: string; value: string };

/** The 👍 / 👎 buttons of a message. */
function feedbackButtons(m: Recorded): Button[] {
  const blocks = m.body.blocks as { block_id?: string; elements?: Button[] }[];
  return blocks.find((b) => b.block_id === "feedback")?.elements ?? [];
}

async function slash(text: string, user = "U1"): Promise<Recorded> {
  const id = `r${++n}`;
  const res = await postForm(url, SECRET, {
    token: "x", team_id: "T1", channel_id: "C1", user_id: user, command: "/ofsted", text, response_url: fake.responseUrl(id), trigger_id: "t0", api_app_id: "A1",
  });
  expect(res.status).toBe(200);
  return fake.waitFor(() => fake.responses.find((r) => r.path === `/respond/${id}`));
}

/** Presses a button as Slack sends it: block_actions with a fresh trigger_id. */
async function press(button: Button, user: string): Promise<{ trigger: string; respondId: string }> {
  const trigger = `trig-${++n}`;
  const respondId = `b${n}`;
  const payload = {
    type: "block_actions",
    team: { id: "T1" },
    user: { id: user, username: user, name: user },
    api_app_id: "A1",
    channel: { id: "C1" },
    container: { type: "message", channel_id: "C1", message_ts: "1.1" },
    response_url: fake.responseUrl(respondId),
    trigger_id: trigger,
    actions: [{ type: "button", action_id: button.action_id, block_id: "feedback", value: button.value, action_ts: "1.2" }],
  };
  expect((await postForm(url, SECRET, { payload: JSON.stringify(payload) })).status).toBe(200);
  return { trigger, respondId };
}

/** Submits the modal views.open was called with, as Slack sends a view_submission. */
async function submitModal(trigger: string, user: string, comment: string): Promise<void> {
  const opened = await fake.waitFor(() => fake.views.find((v) => v.body.trigger_id === trigger));
  const view = typeof opened.body.view === "string" ? JSON.parse(opened.body.view) : opened.body.view;
  const payload = {
    type: "view_submission",
    team: { id: "T1" },
    user: { id: user, username: user, name: user },
    api_app_id: "A1",
    trigger_id: `${trigger}-submit`,
    view: { id: "V1", team_id: "T1", type: "modal", callback_id: view.callback_id, private_metadata: view.private_metadata, state: { values: { comment: { comment: { type: "plain_text_input", value: comment } } } }, hash: "h" },
  };
  const res = await postForm(url, SECRET, { payload: JSON.stringify(payload) });
  expect(res.status).toBe(200);
}

async function until<T>(check: () => Promise<T | false | undefined>): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const v = await check();
    if (v) return v;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error("timed out");
}

describe("feedback in Slack", () => {
  it("an unanswerable mention gets 👍 / 👎 and is kept for the report, without its text reaching the log", async () => {
    const payload = {
      type: "event_callback", team_id: "T1", api_app_id: "A1", event_id: "EvFb1", event_time: 1700000000,
      authorizations: [{ team_id: "T1", user_id: "UBOT", is_bot: true }],
      event: { type: "app_mention", user: "U1", text: "<@UBOT> What did Ofsted say about Atlantis?", ts: "1700000000.000001", channel: "C1", event_ts: "1700000000.000001" },
    };
    expect((await postEvent(url, SECRET, payload)).status).toBe(200);
    const post = await fake.waitFor(() => fake.posts.find((p) => p.body.thread_ts === "1700000000.000001"));
    expect(feedbackButtons(post).map((b) => b.action_id)).toEqual([FEEDBACK_UP, FEEDBACK_DOWN]);
    const rows = await until(async () => (await store.listUnanswered(new Date(0))).filter((q) => q.platform === "slack").at(0));
    expect(rows).toMatchObject({ question: "What did Ofsted say about Atlantis?", kind: "unknown", reason: expect.stringMatching(/atlantis/i) });
    expect(logs.join("\n")).not.toMatch(/atlantis/i);
  });

  it("👎 opens the 'what was wrong?' modal with the press's trigger_id; the comment is in the report with the question", async () => {
    const answer = await slash("What was Halton's staying safe grade?");
    const [, down] = feedbackButtons(answer);
    const { trigger } = await press(down, "U1");
    const opened = await fake.waitFor(() => fake.views.find((v) => v.body.trigger_id === trigger));
    const view = typeof opened.body.view === "string" ? JSON.parse(opened.body.view) : opened.body.view;
    expect(view).toMatchObject({ type: "modal", callback_id: "feedback_comment", blocks: [expect.anything(), { type: "input", optional: true }] });
    await submitModal(trigger, "U1", "It should say which year");

    const report = await until(async () => {
      const r = await feedback.report();
      return r.negative[0]?.comment ? r : undefined;
    });
    expect(report.negative).toHaveLength(1);
    expect(report.negative[0]).toMatchObject({ question: "What was Halton's staying safe grade?", comment: "It should say which year", kind: "grade", answered: true, platform: "slack" });
    expect(report.negative[0].citations.length).toBeGreaterThan(0);
    expect(report.positive).toBe(0);

    // The admin's chat command shows it; anyone else is told who may.
    expect(String((await slash("feedback", ADMIN)).body.text)).toContain("It should say which year");
    expect(String((await slash("feedback", "U2")).body.text)).toContain("ADMIN_USERS");
  });

  it("a second press by the same person changes their vote, not the count; another person's vote is their own", async () => {
    const answer = fake.responses.find((r) => feedbackButtons(r).length && String(r.body.text).includes("Halton"))!;
    const [up, down] = feedbackButtons(answer);
    const { respondId } = await press(up, "U1");
    const reply = await fake.waitFor(() => fake.responses.find((r) => r.path === `/respond/${respondId}`));
    expect(reply.body).toMatchObject({ response_type: "ephemeral", text: expect.stringContaining("Changed your vote to 👍") });
    let report = await feedback.report();
    expect(report).toMatchObject({ negative: [], positive: 1 });

    const { trigger } = await press(down, "U3");
    await fake.waitFor(() => fake.views.find((v) => v.body.trigger_id === trigger));
    report = await until(async () => {
      const r = await feedback.report();
      return r.negative.length ? r : undefined;
    });
    expect(report.negative).toMatchObject([{ comment: null }]);
    expect(report.positive).toBe(1);
    expect(await store.listVotes(new Date(0))).toHaveLength(2);
  });

  it("'@bot feedback' in a channel does not show the report there, even to an admin; in a direct message it does", async () => {
    const event = (type: string, extra: Record<string, unknown>, ts: string) => ({
      type: "event_callback", team_id: "T1", api_app_id: "A1", event_id: `EvFb${ts}`, event_time: 1700000000,
      authorizations: [{ team_id: "T1", user_id: "UBOT", is_bot: true }],
      event: { type, user: ADMIN, ts, event_ts: ts, ...extra },
    });
    expect((await postEvent(url, SECRET, event("app_mention", { text: "<@UBOT> feedback", channel: "C1" }, "1700000001.000001"))).status).toBe(200);
    const inChannel = await fake.waitFor(() => fake.posts.find((p) => p.body.thread_ts === "1700000001.000001"));
    expect(String(inChannel.body.text)).toContain("only show it in a direct message");
    expect(String(inChannel.body.text)).not.toContain("Atlantis");
    expect((await postEvent(url, SECRET, event("message", { text: "feedback", channel: "D1", channel_type: "im" }, "1700000002.000001"))).status).toBe(200);
    const direct = await fake.waitFor(() => fake.posts.find((p) => p.body.channel === "D1"));
    expect(String(direct.body.text)).toMatch(/^Feedback in the last 30 days .*\n[\s\S]*Atlantis/);
  });

  it("shows no buttons on help, or when QUESTION_LOG_DAYS=0 keeps nothing", async () => {
    const off = new FeedbackService({ store, clock, settings: { adminUsers: [], questionLogDays: 0 } });
    expect(feedbackBlocks(bot.ask("Halton"), off)).toEqual([]);
    expect(feedbackBlocks(bot.ask("help"), feedback)).toEqual([]);
    const long = feedbackBlocks({ ...bot.ask("Halton"), question: `"${"x".repeat(3000)}"` }, feedback) as { elements: Button[] }[];
    expect(long[0].elements[0].value.length).toBeLessThanOrEqual(2000);
  });
});
