/**
 * With MicrosoftAppId set, /api/messages only accepts requests carrying a valid Bot
 * Framework token: others get 401 and the bot neither answers nor stores anything.
 * (None of these tokens gets as far as fetching Microsoft's signing keys: no network.)
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { TeamsSettings } from "../../adapters/teams/settings.js";
import { loadAppSettings } from "../../app/settings.js";
import { AppError } from "../../src/errors.js";
import { createAuthentication } from "../../adapters/teams/authentication.js";
import type { Bot } from "../../src/bot.js";
import { personalMessage } from "./activities.js";
import { startHarness, type Harness } from "./harness.js";

const SECURED: TeamsSettings = {
  appId: "1b2c3d4e-0000-1111-2222-333344445555",
  appPassword: "not-a-real-secret",
  appType: "SingleTenant",
  tenantId: "tenant-1",
  allowAnonymous: false,
};

/** An unsigned JWT from an issuer the Bot Framework does not trust. */
function foreignToken(): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url");
  return `${part({ alg: "RS256", typ: "JWT", kid: "k1" })}.${part({ iss: "https://login.example.org/", aud: SECURED.appId, exp: 4102444800 })}.c2lnbmF0dXJl`;
}

describe("with MicrosoftAppId set", () => {
  let h: Harness;
  beforeAll(async () => {
    // A request that got past authentication would reach the core: this one fails loudly.
    const untouchable = { ask: () => expect.fail("an unauthenticated request reached the core") } as unknown as Bot;
    h = await startHarness({ settings: SECURED, bot: untouchable });
  });
  afterAll(async () => h?.close());

  it.each([
    ["no Authorization header", {}],
    ["a token that is not a JWT", { authorization: "Bearer not-a-token" }],
    ["a JWT from an untrusted issuer", { authorization: `Bearer ${foreignToken()}` }],
    ["a scheme other than Bearer", { authorization: "Basic dXNlcjpwYXNz" }],
  ])("rejects a request with %s: 401, nothing sent or stored", async (_label, headers: Record<string, string>) => {
    // botbuilder's CloudAdapter logs the AuthenticationError with console.error; keep the output clean.
    const quiet = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const res = await h.post(personalMessage(h.connector.url, "grade Derby"), headers);
      expect(res.status).toBe(401);
    } finally {
      quiet.mockRestore();
    }
    expect(h.connector.calls).toHaveLength(0);
    expect(await h.references.listConversationReferences()).toHaveLength(0);
  });
});

describe("createAuthentication", () => {
  it("refuses to run with neither an app id nor anonymous access", () => {
    expect(() => createAuthentication({ appType: "SingleTenant", allowAnonymous: false })).toThrow(AppError);
  });

  it("turns botbuilder's credential checks into a CONFIG_INVALID error", () => {
    const err = (() => {
      try {
        createAuthentication({ appId: SECURED.appId, appType: "UserAssignedMSI", allowAnonymous: false });
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe("CONFIG_INVALID");
    expect((err as AppError).message).toMatch(/MicrosoftAppTenantId/);
  });

  it("takes TEAMS_ALLOW_ANONYMOUS only without an app id (settings from the environment)", () => {
    expect(loadAppSettings({ TEAMS_ALLOW_ANONYMOUS: "true" }).teams).toMatchObject({ allowAnonymous: true, appId: undefined });
    const s = loadAppSettings({ TEAMS_ALLOW_ANONYMOUS: "true", MicrosoftAppId: SECURED.appId, MicrosoftAppPassword: "x", MicrosoftAppTenantId: "t" });
    expect(s.teams).toMatchObject({ allowAnonymous: false, appId: SECURED.appId });
  });
});
