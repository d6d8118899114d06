/**
 * `npm start` with Slack and Teams: the feedback wiring. Both platforms put 👍 / 👎 under
 * answers and keep unanswered questions in the one store; the question log is purged at
 * start; QUESTION_LOG_DAYS=0 shows no buttons and keeps nothing.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadBot } from "../../src/bot.js";
import { startServers } from "../../app/servers.js";
import { loadAppSettings } from "../../app/settings.js";
import { openStore } from "../../src/store/open.js";
import { startFakeSlack } from "../slack/fakeSlack.js";
import { postForm } from "../slack/sign.js";
import { testClock } from "../store/fixtures.js";
import { cardOf } from "../teams/harness.js";
import { personalMessage } from "../teams/activities.js";
import { startFakeConnector } from "../teams/fakeConnector.js";

const DAY = 86_400_000;
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** Starts both platforms on a fresh DATA_DIR with `extra` settings; asks one unanswerable question on each. */
async function askOnBoth(extra: Record<string, string>, before?: (dataDir: string) => Promise<void>) {
  const dataDir = mkdtempSync(join(tmpdir(), "feedback-servers-"));
  dirs.push(dataDir);
  await before?.(dataDir);
  const slackApi = await startFakeSlack();
  const connector = await startFakeConnector();
  const clock = testClock("2026-11-20T10:00:00Z");
  const settings = loadAppSettings({
    SLACK_BOT_TOKEN: "xoxb-test", SLACK_SIGNING_SECRET: "fb-secret", SLACK_API_URL: slackApi.apiUrl, TEAMS_ALLOW_ANONYMOUS: "true", PORT: "0", DATA_DIR: dataDir, ...extra,
  });
  const logs: string[] = [];
  const running = await startServers(loadBot({ corpusDir: "seeds", clock }), settings, (l) => logs.push(l), clock);
  try {
    const form = { team_id: "T1", channel_id: "C1", user_id: "U1", command: "/ofsted", text: "What about Atlantis?", response_url: slackApi.responseUrl("q"), trigger_id: "t" };
    expect((await postForm(`${running.url}/slack/events`, "fb-secret", form)).status).toBe(200);
    const slack = await slackApi.waitFor(() => slackApi.responses.find((r) => r.path === "/respond/q"));
    const res = await fetch(`${running.url}/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(personalMessage(connector.url, "What about Gotham?")) });
    expect(res.status).toBe(200);
    await connector.waitFor(() => connector.activities("message").length > 0);
    const teams = connector.activities("message").at(-1)!;
    await new Promise((r) => setTimeout(r, 50)); // the start-up purge runs beside the requests
    return { slackBlocks: slack.body.blocks as { block_id?: string }[], teamsCard: cardOf(teams.body), dataDir, logs, clock };
  } finally {
    await running.stop();
    await slackApi.close();
    await connector.close();
  }
}

async function stored(dataDir: string) {
  const store = await openStore({ dataDir });
  try {
    return (await store.listUnanswered(new Date(0))).map((q) => [q.platform, q.question]);
  } finally {
    await store.close();
  }
}

const hasTeamsButtons = (card: Record<string, unknown>) => JSON.stringify(card.body).includes('"feedback.up"');

describe("feedback wiring in npm start", () => {
  it("puts 👍 / 👎 under answers on both platforms, keeps both unanswered questions, and purges rows older than QUESTION_LOG_DAYS at start", async () => {
    const old = new Date(Date.parse("2026-11-20T10:00:00Z") - 8 * DAY);
    const { slackBlocks, teamsCard, dataDir, logs } = await askOnBoth({ QUESTION_LOG_DAYS: "7" }, async (dir) => {
      const store = await openStore({ dataDir: dir });
      await store.recordUnanswered({ platform: "slack", question: "an old one", wording: "an old one", kind: "unknown", reason: "r", notUnderstood: [] }, old);
      await store.close();
    });
    expect(slackBlocks.some((b) => b.block_id === "feedback")).toBe(true);
    expect(hasTeamsButtons(teamsCard)).toBe(true);
    expect((await stored(dataDir)).sort()).toEqual([["slack", "What about Atlantis?"], ["teams", "What about Gotham?"]]);
    expect(logs.join("\n")).toContain("purged 1 unanswered question(s)");
    expect(logs.join("\n")).not.toMatch(/atlantis|gotham|an old one/i);
  });

  it("with QUESTION_LOG_DAYS=0 shows no buttons and keeps nothing", async () => {
    const { slackBlocks, teamsCard, dataDir } = await askOnBoth({ QUESTION_LOG_DAYS: "0" });
    expect(slackBlocks.some((b) => b.block_id === "feedback")).toBe(false);
    expect(hasTeamsButtons(teamsCard)).toBe(false);
    expect(await stored(dataDir)).toEqual([]);
  });
});
