import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadBot, type Bot } from "../../src/bot.js";
import { loadSettings } from "../../src/config.js";
import { startServers, type RunningServers } from "../../src/cli/servers.js";

let running: RunningServers | undefined;
afterAll(async () => running?.stop());

describe("npm start with chat settings", () => {
  it("serves /healthz (503 while loading, then 200) and Teams on one port", async () => {
    const settings = loadSettings({ TEAMS_ALLOW_ANONYMOUS: "true", PORT: "0", DATA_DIR: mkdtempSync(join(tmpdir(), "start-")) });
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
