/**
 * Two `npm start` replicas on one PostgreSQL database behind one Slack Request URL and one
 * Teams endpoint: a delivery to one replica and the platform's retry to the other are
 * answered exactly once, because the memory of answered deliveries is in the shared store;
 * a follow-up in a thread that reaches the other replica builds on the thread's last question.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { loadBot } from "../../src/bot.js";
import { loadAppSettings } from "../../app/settings.js";
import { startServers, type RunningServers } from "../../app/servers.js";
import { startFakeSlack, type FakeSlack } from "../slack/fakeSlack.js";
import { postEvent, postForm } from "../slack/sign.js";
import { describePostgres, freshSchema } from "../store/harness.js";
import { personalMessage } from "../teams/activities.js";
import { startFakeConnector, type FakeConnector } from "../teams/fakeConnector.js";

const SECRET = "replica-secret";
const settle = () => new Promise((r) => setTimeout(r, 300));

await describePostgres("two replicas on one PostgreSQL database", () => {
  let slack: FakeSlack;
  let connector: FakeConnector;
  let schema: Awaited<ReturnType<typeof freshSchema>>;
  let a: RunningServers;
  let b: RunningServers;

  beforeAll(async () => {
    slack = await startFakeSlack();
    connector = await startFakeConnector();
    schema = await freshSchema();
    const bot = loadBot({ corpusDir: "seeds" });
    const replica = () =>
      startServers(
        bot,
        loadAppSettings({
          SLACK_BOT_TOKEN: "xoxb-replica",
          SLACK_SIGNING_SECRET: SECRET,
          SLACK_API_URL: slack.apiUrl,
          TEAMS_ALLOW_ANONYMOUS: "true",
          DATABASE_URL: schema.url,
          PORT: "0",
          DATA_DIR: mkdtempSync(join(tmpdir(), "replica-")),
        }),
        () => {},
      );
    [a, b] = await Promise.all([replica(), replica()]);
  });
  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    await schema?.drop();
    await slack?.close();
    await connector?.close();
  });

  it("answers a Slack event delivered to one replica and retried (x-slack-retry-num) to the other once", async () => {
    const event = {
      type: "event_callback",
      team_id: "T1",
      api_app_id: "A1",
      event_id: "EvReplica1",
      event_time: 1700000000,
      event: { type: "app_mention", user: "U1", text: "<@UBOT> Derby overall effectiveness", ts: "1700000000.424242", channel: "C7", event_ts: "1700000000.424242" },
    };
    expect((await postEvent(`${a.url}/slack/events`, SECRET, event)).status).toBe(200);
    const retry = await postEvent(`${b.url}/slack/events`, SECRET, event, { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" });
    expect(retry.status).toBe(200);
    await slack.waitFor(() => slack.posts.find((p) => p.body.thread_ts === event.event.ts));
    await settle();
    expect(slack.posts.filter((p) => p.body.thread_ts === event.event.ts)).toHaveLength(1);

    // A different event is still answered, by either replica.
    const next = { ...event, event_id: "EvReplica2", event: { ...event.event, ts: "1700000001.000001" } };
    await postEvent(`${b.url}/slack/events`, SECRET, next);
    await slack.waitFor(() => slack.posts.find((p) => p.body.thread_ts === next.event.ts));
  });

  it("answers a slash command re-sent to the other replica once", async () => {
    const form = { team_id: "T1", channel_id: "C7", user_id: "U1", command: "/grade", text: "Derby", response_url: slack.responseUrl("replica-cmd"), trigger_id: "1700.replica" };
    expect((await postForm(`${a.url}/slack/events`, SECRET, form)).status).toBe(200);
    expect((await postForm(`${b.url}/slack/events`, SECRET, form)).status).toBe(200);
    await slack.waitFor(() => slack.responses.find((r) => r.path === "/respond/replica-cmd"));
    await settle();
    expect(slack.responses.filter((r) => r.path === "/respond/replica-cmd")).toHaveLength(1);
  });

  it("answers a Teams activity delivered to both replicas once", async () => {
    const activity = personalMessage(connector.url, "Derby overall effectiveness", "a:replica-chat");
    const post = (url: string) => fetch(`${url}/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(activity) });
    expect((await post(a.url)).status).toBe(200);
    expect((await post(b.url)).status).toBe(200);
    await connector.waitFor(() => connector.activities("message", "a:replica-chat").length > 0);
    await settle();
    expect(connector.activities("message", "a:replica-chat")).toHaveLength(1);
  });

  it("follows on in a Slack thread when the follow-up reaches the other replica", async () => {
    const base = { type: "event_callback", team_id: "T1", api_app_id: "A1", event_time: 1700000000 };
    const asked = { ...base, event_id: "EvFollow1", event: { type: "app_mention", user: "U1", text: "<@UBOT> What was Halton's Staying safe grade?", ts: "1700000009.000001", channel: "C8", event_ts: "1700000009.000001" } };
    await postEvent(`${a.url}/slack/events`, SECRET, asked);
    await slack.waitFor(() => slack.posts.find((p) => p.body.thread_ts === asked.event.ts));
    const follow = { ...base, event_id: "EvFollow2", event: { ...asked.event, text: "<@UBOT> what about Durham?", ts: "1700000009.000002", thread_ts: asked.event.ts } };
    await postEvent(`${b.url}/slack/events`, SECRET, follow);
    const reply = await slack.waitFor(() => slack.posts.filter((p) => p.body.thread_ts === asked.event.ts)[1]);
    expect(String(reply.body.text)).toContain("Durham, services for looked after children, Staying safe: Good");
    expect(JSON.stringify(reply.body)).toContain("following on from your last question");
  });
});
