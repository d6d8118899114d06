/**
 * Logs: JSON records (pino) with level, component and message; and, with Slack and Teams
 * answering real questions, the questions' words never appear in the log.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadBot } from "../../src/bot.js";
import { loadAppSettings } from "../../app/settings.js";
import { startServers } from "../../app/servers.js";
import { createLogger, lineLogger, routeConsole } from "../../src/log.js";
import { startFakeSlack } from "../slack/fakeSlack.js";
import { postEvent, postForm } from "../slack/sign.js";
import { personalMessage } from "../teams/activities.js";
import { startFakeConnector } from "../teams/fakeConnector.js";

describe("structured logs", () => {
  it("writes one JSON record a line: time, level, component and message; failures as warnings", () => {
    const lines: string[] = [];
    const log = lineLogger(createLogger({ level: "info", destination: { write: (s: string) => void lines.push(s) } }));
    log("slack: POST http://127.0.0.1:3978/slack/events (events, commands, interactivity)");
    log("digest: posting to slack C1 for 2024-05-01 failed, will retry: channel_not_found");
    log("ready: 5 reports, 22 actions");
    const records = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(records.map((r) => [r.level, r.component, r.msg])).toEqual([
      [30, "slack", "POST http://127.0.0.1:3978/slack/events (events, commands, interactivity)"],
      [40, "digest", "posting to slack C1 for 2024-05-01 failed, will retry: channel_not_found"],
      [30, "ready", "5 reports, 22 actions"],
    ]);
    expect(String(records[0].time)).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it("takes in what libraries print on the console (botbuilder's refused tokens), and gives the console back", () => {
    const lines: string[] = [];
    const fake = { log: () => {}, info: () => {}, warn: () => {}, error: () => {} } as unknown as Console;
    const original = fake.error;
    const restore = routeConsole(createLogger({ destination: { write: (s: string) => void lines.push(s) } }), fake);
    fake.error("Error finding key for token. Available keys: %s", "k1");
    fake.log("connected");
    restore();
    expect(fake.error).toBe(original);
    expect(lines.map((l) => JSON.parse(l) as Record<string, unknown>).map((r) => [r.level, r.component, r.msg])).toEqual([
      [40, "console", "Error finding key for token. Available keys: k1"],
      [30, "console", "connected"],
    ]);
  });

  it("never logs a question's words, from Slack or Teams", async () => {
    const slack = await startFakeSlack();
    const connector = await startFakeConnector();
    const lines: string[] = [];
    const settings = loadAppSettings({
      SLACK_BOT_TOKEN: "xoxb-log",
      SLACK_SIGNING_SECRET: "log-secret",
      SLACK_API_URL: slack.apiUrl,
      TEAMS_ALLOW_ANONYMOUS: "true",
      PORT: "0",
      DATA_DIR: mkdtempSync(join(tmpdir(), "log-")),
    });
    const running = await startServers(loadBot({ corpusDir: "seeds" }), settings, (l) => lines.push(l));
    try {
      const secret = "quokkaborough";
      const event = {
        type: "event_callback",
        event_id: "EvLog1",
        team_id: "T1",
        event: { type: "app_mention", user: "U1", text: `<@UBOT> Derby overall effectiveness ${secret}`, ts: "1700000000.777", channel: "C9" },
      };
      await postEvent(`${running.url}/slack/events`, "log-secret", event);
      await postForm(`${running.url}/slack/events`, "log-secret", { command: "/grade", text: `Halton ${secret}`, user_id: "U1", channel_id: "C9", response_url: slack.responseUrl("log"), trigger_id: "t-log" });
      await fetch(`${running.url}/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(personalMessage(connector.url, `grade ${secret} Derby`, "a:log")) });
      await slack.waitFor(() => slack.posts.find((p) => p.body.channel === "C9"));
      await slack.waitFor(() => slack.responses.find((r) => r.path === "/respond/log"));
      await connector.waitFor(() => connector.activities("message", "a:log").length > 0);
      expect(lines.some((l) => /teams: .*question answered/.test(l))).toBe(true);
      expect(lines.filter((l) => l.toLowerCase().includes(secret))).toEqual([]);
    } finally {
      await running.stop(1_000);
      await slack.close();
      await connector.close();
    }
  });
});
