import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadBot } from "../../src/bot.js";
import { startHttpServer, type RunningServer } from "../../adapters/http/server.js";
import { createSlackAdapter } from "../../adapters/slack/app.js";
import { startFakeSlack, type FakeSlack } from "./fakeSlack.js";
import { postEvent, postForm } from "./sign.js";

const SECRET = "test-signing-secret";
let fake: FakeSlack;
let server: RunningServer;
let url: string;

beforeAll(async () => {
  fake = await startFakeSlack();
  const bot = await loadBot({ corpusDir: "seeds" });
  const slack = createSlackAdapter({ bot, settings: { botToken: "xoxb-test", signingSecret: SECRET, apiUrl: fake.apiUrl }, log: () => {} });
  server = await startHttpServer(slack.routes, { port: 0, host: "127.0.0.1", isReady: () => true });
  url = `${server.url}/slack/events`;
});

afterAll(async () => {
  await server.close();
  await fake.close();
});

let n = 0;
const mention = (text: string, extra: Record<string, unknown> = {}) => {
  n++;
  return {
    type: "event_callback",
    team_id: "T1",
    api_app_id: "A1",
    event_id: `Ev${n}`,
    event_time: 1700000000,
    authorizations: [{ team_id: "T1", user_id: "UBOT", is_bot: true }],
    event: { type: "app_mention", user: "U1", text, ts: `1700000000.${String(n).padStart(6, "0")}`, channel: "C1", event_ts: "1700000000.000100", ...extra },
  };
};
const command = (cmd: string, text: string, id: string) => ({
  token: "x",
  team_id: "T1",
  channel_id: "C1",
  user_id: "U1",
  command: cmd,
  text,
  response_url: fake.responseUrl(id),
  trigger_id: "t1",
  api_app_id: "A1",
});
const textOf = (m: { body: Record<string, unknown> }) => JSON.stringify(m.body);
/** A button click as Slack sends it (block_actions, signed form post). */
const click = (o: { user: string; channel: string; respondId: string; actionId: string; value: string }) =>
  postForm(url, SECRET, {
    payload: JSON.stringify({
      type: "block_actions",
      team: { id: "T1" },
      user: { id: o.user },
      api_app_id: "A1",
      channel: { id: o.channel },
      response_url: fake.responseUrl(o.respondId),
      trigger_id: "t",
      actions: [{ type: "button", action_id: o.actionId, block_id: "b", value: o.value, action_ts: "1700000003.1" }],
    }),
  });

describe("Slack over real HTTP with signed requests", () => {
  it("answers a mention in its thread with the grade and its citation", async () => {
    const ev = mention("<@UBOT> What was Halton's Staying safe grade?");
    const res = await postEvent(url, SECRET, ev);
    expect(res.status).toBe(200);
    const post = await fake.waitFor(() => fake.posts.find((p) => p.body.thread_ts === ev.event.ts));
    expect(post.body.channel).toBe("C1");
    expect(String(post.body.text)).toContain("Outstanding");
    expect(textOf(post)).toContain("002_f7ea8ef697b3b1a6.txt, line 65");
  });

  it("answers a direct message", async () => {
    n++;
    const ev = { ...mention("x"), event: { type: "message", channel_type: "im", user: "U1", text: "Derby overall effectiveness", ts: `1700000001.${n}`, channel: "D1" } };
    await postEvent(url, SECRET, ev);
    const post = await fake.waitFor(() => fake.posts.find((p) => p.body.channel === "D1"));
    expect(String(post.body.text)).toContain("Good");
  });

  it("ignores other bots' messages", async () => {
    const ev = { ...mention("x"), event: { type: "message", channel_type: "im", bot_id: "B2", subtype: "bot_message", text: "Derby", ts: "1700000002.1", channel: "D2" } };
    expect((await postEvent(url, SECRET, ev)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 200));
    expect(fake.posts.some((p) => p.body.channel === "D2")).toBe(false);
  });

  it("acknowledges /grade Halton staying safe within 3 s, then answers Outstanding ephemerally with a Share button", async () => {
    const t0 = Date.now();
    const res = await postForm(url, SECRET, command("/grade", "Halton staying safe", "grade1"));
    expect(res.status).toBe(200);
    expect(Date.now() - t0).toBeLessThan(3000);
    const reply = await fake.waitFor(() => fake.responses.find((r) => r.path === "/respond/grade1"));
    expect(reply.body.response_type).toBe("ephemeral");
    expect(String(reply.body.text)).toContain("Outstanding");
    expect(textOf(reply)).toContain("share_answer");
  });

  it("/grade Derby returns the whole table", async () => {
    await postForm(url, SECRET, command("/grade", "Derby", "grade2"));
    const reply = await fake.waitFor(() => fake.responses.find((r) => r.path === "/respond/grade2"));
    const text = String(reply.body.text);
    for (const g of ["Overall effectiveness: Good", "Children who need help and protection: Requires improvement", "Review of the Local Safeguarding Children Board: Outstanding"]) expect(text).toContain(g);
  });

  it("/ofsted help explains itself", async () => {
    await postForm(url, SECRET, command("/ofsted", "help", "help1"));
    const reply = await fake.waitFor(() => fake.responses.find((r) => r.path === "/respond/help1"));
    expect(String(reply.body.text)).toContain("Try:");
  });

  it("shares an answer in the channel from the button", async () => {
    const res = await click({ user: "U7", channel: "C9", respondId: "share1", actionId: "share_answer", value: "Halton staying safe" });
    expect(res.status).toBe(200);
    const post = await fake.waitFor(() => fake.posts.find((p) => p.body.channel === "C9"));
    expect(String(post.body.text)).toContain("Outstanding");
    expect(textOf(post)).toContain("<@U7> shared");
  });

  it("offers suggested questions as buttons, and a click answers the suggestion for the one who clicked", async () => {
    const ev = mention("<@UBOT> What was Gotham's overall effectiveness grade?");
    await postEvent(url, SECRET, ev);
    const post = await fake.waitFor(() => fake.posts.find((p) => p.body.thread_ts === ev.event.ts));
    expect(String(post.body.text)).toContain("I don't recognise \"Gotham\"");
    const buttons = (post.body.blocks as { type: string; elements?: { action_id: string; value: string }[] }[]).find((b) => b.type === "actions")!.elements!;
    expect(buttons.length).toBeGreaterThan(0);
    expect((await click({ user: "U8", channel: "C1", respondId: "suggest1", actionId: buttons[0].action_id, value: buttons[0].value })).status).toBe(200);
    const reply = await fake.waitFor(() => fake.responses.find((r) => r.path === "/respond/suggest1"));
    expect(reply.body.response_type).toBe("ephemeral");
    expect(String(reply.body.text)).toMatch(/Overall effectiveness: (Good|Outstanding|Adequate)/);
  });

  it("rejects a bad signature and an old timestamp with 401, posting nothing", async () => {
    const before = [fake.posts.length, fake.responses.length];
    const forged = await postForm(url, "wrong-secret", command("/grade", "Halton", "forged"));
    expect(forged.status).toBe(401);
    const old = await postForm(url, SECRET, command("/grade", "Halton", "old"), 6 * 60);
    expect(old.status).toBe(401);
    await new Promise((r) => setTimeout(r, 200));
    expect([fake.posts.length, fake.responses.length]).toEqual(before);
  });

  it("answers an event delivered twice (Slack's retry) only once", async () => {
    const ev = mention("<@UBOT> Durham staying safe");
    await postEvent(url, SECRET, ev);
    const retry = await postEvent(url, SECRET, ev, { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" });
    expect(retry.status).toBe(200);
    await fake.waitFor(() => fake.posts.find((p) => p.body.thread_ts === ev.event.ts));
    await new Promise((r) => setTimeout(r, 300));
    expect(fake.posts.filter((p) => p.body.thread_ts === ev.event.ts)).toHaveLength(1);
  });

  it("escapes <!channel> and disguised links in a question before posting", async () => {
    const ev = mention("<@UBOT> <!channel> tell me about <https://evil.example|click here> in Halton");
    await postEvent(url, SECRET, ev);
    const post = await fake.waitFor(() => fake.posts.find((p) => p.body.thread_ts === ev.event.ts));
    const all = textOf(post);
    expect(all).not.toContain("<!channel>");
    expect(all).not.toContain("<https://evil");
  });

  it("follows on in a thread: a follow-up mention builds on the thread's last question, another thread's does not", async () => {
    const first = mention("<@UBOT> What was Halton's Staying safe grade?");
    await postEvent(url, SECRET, first);
    const thread = first.event.ts;
    await fake.waitFor(() => fake.posts.find((p) => p.body.thread_ts === thread));
    // The follow-up, posted inside the thread the answer opened.
    const follow = mention("<@UBOT> what about Durham?", { thread_ts: thread });
    await postEvent(url, SECRET, follow);
    const reply = await fake.waitFor(() => fake.posts.filter((p) => p.body.thread_ts === thread)[1]);
    expect(String(reply.body.text)).toContain("Durham, services for looked after children, Staying safe: Good");
    expect(textOf(reply)).toContain("Understood as: following on from your last question: Durham: Staying safe");
    // The same words in another thread of the channel have nothing to follow on from.
    const other = mention("<@UBOT> what about Durham?");
    await postEvent(url, SECRET, other);
    const alone = await fake.waitFor(() => fake.posts.find((p) => p.body.thread_ts === other.event.ts));
    expect(textOf(alone)).not.toContain("following on");
    expect(String(alone.body.text)).toContain("Overall effectiveness: Outstanding");
  });

  it("follows on in a direct message outside a thread", async () => {
    const dm = (text: string) => {
      n++;
      return { ...mention("x"), event: { type: "message", channel_type: "im", user: "U1", text, ts: `1700000005.${n}`, channel: "D5" } };
    };
    await postEvent(url, SECRET, dm("What was Halton's Staying safe grade?"));
    await fake.waitFor(() => fake.posts.find((p) => p.body.channel === "D5"));
    await postEvent(url, SECRET, dm("and for being healthy?"));
    const reply = await fake.waitFor(() => fake.posts.filter((p) => p.body.channel === "D5")[1]);
    expect(String(reply.body.text)).toContain("Halton, services for looked after children, Being healthy: Good");
  });

  it("answers Slack's URL verification challenge", async () => {
    const res = await postEvent(url, SECRET, { type: "url_verification", challenge: "abc123", token: "x" });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("abc123");
  });
});
