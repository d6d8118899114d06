import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadBot, type Bot } from "../../src/bot.js";
import { loadAppSettings } from "../../app/settings.js";
import { startServers, type RunningServers } from "../../app/servers.js";
import { startFakeSlack } from "../slack/fakeSlack.js";
import { postForm } from "../slack/sign.js";
import { testClock } from "../store/fixtures.js";
import { botAdded, channelMessage, CHANNEL_ID } from "../teams/activities.js";
import { startFakeConnector } from "../teams/fakeConnector.js";

let running: RunningServers | undefined;
afterAll(async () => running?.stop());

describe("npm start with chat settings", () => {
  it("serves /healthz (503 while loading, then 200) and Teams on one port", async () => {
    const settings = loadAppSettings({ TEAMS_ALLOW_ANONYMOUS: "true", PORT: "0", DATA_DIR: mkdtempSync(join(tmpdir(), "start-")) });
    let release!: (b: Bot) => void;
    const loading = new Promise<Bot>((r) => (release = r));
    let url = "";
    const starting = startServers(loading, settings, (m) => {
      url ||= /listening on (\S+)/.exec(m)?.[1] ?? "";
    });
    // The port is open before the corpus is loaded, and says so.
    for (let i = 0; i < 100 && !url; i++) await new Promise((r) => setTimeout(r, 10));
    expect((await fetch(`${url}/healthz`)).status).toBe(503);
    const bot = await loadBot({ corpusDir: "seeds" });
    release(bot);
    running = await starting;
    expect((await fetch(`${running.url}/healthz`)).status).toBe(200);
    const bad = await fetch(`${running.url}/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: "{not json" });
    expect(bad.status).toBe(400);
    expect((await fetch(`${running.url}/nowhere`)).status).toBe(404);
  });
});

describe("npm start with Slack and Teams together", () => {
  it("wires /actions on both platforms and the digest scheduler to both senders", async () => {
    const slackApi = await startFakeSlack();
    const connector = await startFakeConnector();
    const clock = testClock("2011-09-01T07:00:00Z"); // a Thursday, 08:00 in London
    const settings = loadAppSettings({
      TEAMS_ALLOW_ANONYMOUS: "true",
      SLACK_BOT_TOKEN: "xoxb-wiring",
      SLACK_SIGNING_SECRET: "wiring-secret",
      SLACK_API_URL: slackApi.apiUrl,
      PORT: "0",
      DATA_DIR: mkdtempSync(join(tmpdir(), "start-both-")),
    });
    const both = await startServers(loadBot({ corpusDir: "seeds", clock }), settings, () => {}, clock);
    try {
      const form = { team_id: "T1", channel_id: "C42", user_id: "U1", user_name: "ann", command: "/actions", text: "subscribe", response_url: slackApi.responseUrl("sub"), trigger_id: "t" };
      expect((await postForm(`${both.url}/slack/events`, "wiring-secret", form)).status).toBe(200);
      await slackApi.waitFor(() => slackApi.responses.find((r) => r.path === "/respond/sub"));
      const post = (activity: unknown) => fetch(`${both.url}/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(activity) });
      await post(botAdded(connector.url, CHANNEL_ID, "channel"));
      expect((await post(channelMessage(connector.url, "actions subscribe"))).status).toBe(200);
      clock.set("2011-09-01T08:00:00Z"); // 09:00, the default digest time
      const report = await both.scheduler.tick();
      expect(report.sent.map((k) => k.platform).sort()).toEqual(["slack", "teams"]);
      expect(slackApi.posts.filter((p) => p.body.channel === "C42")).toHaveLength(1);
      expect(connector.activities("message", CHANNEL_ID).filter((c) => JSON.stringify(c.body).includes("Open inspection actions, 2011-09-01"))).toHaveLength(1);
    } finally {
      await both.stop();
      await slackApi.close();
      await connector.close();
    }
  });
});
