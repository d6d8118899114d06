import { describe, expect, it } from "vitest";
import { loadAppSettings } from "../../app/settings.js";
import { loadSettings } from "../../src/config.js";

describe("settings", () => {
  it("needs nothing: terminal chat defaults", () => {
    const s = loadAppSettings({});
    expect(s).toMatchObject({ corpusDir: "seeds", dataDir: "data", port: 3978, adminUsers: [], digest: { timeZone: "Europe/London", time: "09:00", days: "weekdays" } });
    expect(s.slack).toBeUndefined();
    expect(s.teams).toBeUndefined();
  });

  it("names each bad variable and says how to fix it", () => {
    const bad = () => loadAppSettings({ SLACK_BOT_TOKEN: "oops", PORT: "http", DATABASE_URL: "mysql://x" });
    expect(bad).toThrowError(/SLACK_BOT_TOKEN must be a bot token starting with xoxb-/);
    expect(bad).toThrowError(/PORT must be a port number/);
    expect(bad).toThrowError(/DATABASE_URL must start with postgres/);
    try {
      bad();
    } catch (e) {
      expect((e as { code: string }).code).toBe("CONFIG_INVALID");
    }
  });

  it("asks for the signing secret or app token with a Slack bot token", () => {
    expect(() => loadAppSettings({ SLACK_BOT_TOKEN: "xoxb-1" })).toThrowError(/SLACK_SIGNING_SECRET is needed with SLACK_BOT_TOKEN/);
    expect(loadAppSettings({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_APP_TOKEN: "xapp-1" }).slack).toMatchObject({ botToken: "xoxb-1", appToken: "xapp-1" });
  });

  it("asks for the Teams password and tenant of a single-tenant bot", () => {
    expect(() => loadAppSettings({ MicrosoftAppId: "abc" })).toThrowError(/MicrosoftAppPassword is needed[\s\S]*MicrosoftAppTenantId is needed/);
    expect(loadAppSettings({ TEAMS_ALLOW_ANONYMOUS: "true" }).teams).toMatchObject({ allowAnonymous: true, appType: "SingleTenant" });
    expect(() => loadAppSettings({ TEAMS_ALLOW_ANONYMOUS: "maybe" })).toThrowError(/TEAMS_ALLOW_ANONYMOUS must be true or false/);
  });

  it("takes a sovereign cloud's Bot Framework endpoints all together, or not at all", () => {
    const teams = { MicrosoftAppId: "abc", MicrosoftAppPassword: "p", MicrosoftAppTenantId: "t" };
    expect(() => loadAppSettings({ ...teams, ToBotFromChannelOpenIdMetadataUrl: "https://login.example.us/openid" })).toThrowError(
      /ToBotFromChannelTokenIssuer is needed with ToBotFromChannelOpenIdMetadataUrl[\s\S]*ToChannelFromBotOAuthScope is needed/,
    );
    const cloud = {
      ToBotFromChannelOpenIdMetadataUrl: "https://login.example.us/openid",
      ToBotFromChannelTokenIssuer: "https://api.botframework.example.us",
      ToChannelFromBotLoginUrl: "https://login.example.us/",
      ToChannelFromBotOAuthScope: "https://api.botframework.example.us",
    };
    expect(loadAppSettings({ ...teams, ...cloud }).teams?.cloud).toEqual({
      toBotFromChannelOpenIdMetadataUrl: cloud.ToBotFromChannelOpenIdMetadataUrl,
      toBotFromChannelTokenIssuer: cloud.ToBotFromChannelTokenIssuer,
      toBotFromEmulatorOpenIdMetadataUrl: cloud.ToBotFromChannelOpenIdMetadataUrl,
      toChannelFromBotLoginUrl: cloud.ToChannelFromBotLoginUrl,
      toChannelFromBotOAuthScope: cloud.ToChannelFromBotOAuthScope,
    });
    expect(loadAppSettings(teams).teams?.cloud).toBeUndefined();
  });

  it("rejects an unknown digest time zone and a malformed time", () => {
    expect(() => loadAppSettings({ DIGEST_TZ: "Mars/Olympus" })).toThrowError(/not a time zone/);
    expect(() => loadAppSettings({ DIGEST_TIME: "9am" })).toThrowError(/DIGEST_TIME must be HH:MM/);
  });

  it("reads only the core's variables without the platforms' parts (the actions and digest CLIs)", () => {
    const core = loadSettings({ SLACK_BOT_TOKEN: "not-checked-here", PORT: "4000" });
    expect(core.port).toBe(4000);
    expect("slack" in core).toBe(false);
    expect(() => loadAppSettings({ SLACK_BOT_TOKEN: "not-checked-here" })).toThrowError(/SLACK_BOT_TOKEN must be a bot token/);
  });
});
