import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const manifest = JSON.parse(readFileSync("adapters/slack/manifest.json", "utf8"));

describe("Slack app manifest", () => {
  it("declares the commands, events, scopes and one request URL for everything", () => {
    const commands = manifest.features.slash_commands.map((c: { command: string }) => c.command);
    expect(commands).toEqual(["/grade", "/ofsted", "/actions"]);
    const urls = [
      ...manifest.features.slash_commands.map((c: { url: string }) => c.url),
      manifest.settings.event_subscriptions.request_url,
      manifest.settings.interactivity.request_url,
    ];
    expect(new Set(urls)).toEqual(new Set(["https://YOUR-HOST/slack/events"]));
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(["app_mention", "message.im"]);
    for (const scope of ["app_mentions:read", "chat:write", "commands", "im:history"]) expect(manifest.oauth_config.scopes.bot).toContain(scope);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
  });
});
