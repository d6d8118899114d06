/**
 * Real token checks: a loopback OpenID metadata + JWKS server stands in for the Bot
 * Framework's, and the adapter is pointed at it by configuration, the way a sovereign cloud
 * is configured (ToBotFromChannelOpenIdMetadataUrl, ToBotFromChannelTokenIssuer, …). Tokens
 * are RS256 JWTs signed here. A valid one reaches the core; a wrong audience, an expired
 * token, a wrong key (unknown, or a known key id with another key's signature), a wrong
 * issuer, a tampered payload or a serviceUrl other than the activity's get 401, and
 * nothing reaches the core, the connector or the store.
 */
import { generateKeyPairSync, sign, type KeyObject } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Bot } from "../../src/bot.js";
import { loadAppSettings } from "../../app/settings.js";
import type { TeamsSettings } from "../../adapters/teams/settings.js";
import { personalMessage } from "./activities.js";
import { seedBot, startHarness, type Harness } from "./harness.js";

const APP_ID = "6f1d2c3b-0000-4444-8888-aaaabbbbcccc";
const ISSUER = "https://api.botframework.sovereign.test";
const KID = "sovereign-key-1";

/** A JWT signed with RS256, as the Bot Framework signs what it sends to bots. */
function jwt(claims: Record<string, unknown>, key: KeyObject, kid = KID): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url");
  const unsigned = `${part({ alg: "RS256", typ: "JWT", kid })}.${part(claims)}`;
  return `${unsigned}.${sign("RSA-SHA256", Buffer.from(unsigned), key).toString("base64url")}`;
}

/** An OpenID metadata document and its JWKS on loopback; counts what it served. */
async function startOpenIdServer(publicKey: KeyObject): Promise<{ url: string; requests: string[]; close(): Promise<void> }> {
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    requests.push(req.url ?? "");
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const json = (body: unknown) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    if (req.url === "/.well-known/openid-configuration") return json({ issuer: ISSUER, jwks_uri: `${base}/keys`, id_token_signing_alg_values_supported: ["RS256"] });
    if (req.url === "/keys") return json({ keys: [{ ...publicKey.export({ format: "jwk" }), kid: KID, kty: "RSA", use: "sig", endorsements: ["msteams"] }] });
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, requests, close: () => new Promise((r) => server.close(() => r())) };
}

describe("Teams tokens checked against a configured OpenID/JWKS endpoint", () => {
  const keys = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const stranger = generateKeyPairSync("rsa", { modulusLength: 2048 });
  let oidc: Awaited<ReturnType<typeof startOpenIdServer>>;
  let h: Harness;
  const asked: string[] = [];

  beforeAll(async () => {
    oidc = await startOpenIdServer(keys.publicKey);
    // The settings as an operator of a sovereign cloud gives them (the same variable names).
    const settings = loadAppSettings({
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: "not-a-real-secret",
      MicrosoftAppTenantId: "tenant-1",
      ToBotFromChannelOpenIdMetadataUrl: `${oidc.url}/.well-known/openid-configuration`,
      ToBotFromChannelTokenIssuer: ISSUER,
      // Replies need the bot's own token: a login URL that refuses at once keeps this test off the network.
      ToChannelFromBotLoginUrl: "https://127.0.0.1:9/",
      ToChannelFromBotOAuthScope: ISSUER,
    }).teams as TeamsSettings;
    const real = await seedBot();
    const recording = { ...real, ask: (q: string) => (asked.push(q), real.ask(q)) } as Bot;
    h = await startHarness({ settings, bot: recording });
  });
  afterAll(async () => {
    await h?.close();
    await oidc?.close();
  });

  const now = () => Math.floor(Date.now() / 1000);
  const claims = (over: Record<string, unknown> = {}) => ({ iss: ISSUER, aud: APP_ID, nbf: now() - 60, exp: now() + 3600, serviceurl: h.connector.url, ...over });

  it("accepts a token signed with the published key, for this bot, from the configured issuer: the question reaches the core", async () => {
    const activity = personalMessage(h.connector.url, "Derby overall effectiveness", "a:valid-token");
    const res = await h.post(activity, { authorization: `Bearer ${jwt(claims(), keys.privateKey)}` });
    expect(res.status).toBe(200);
    expect(asked).toEqual(["Derby overall effectiveness"]);
    expect(await h.references.getConversationReference("a:valid-token")).not.toBeNull();
    expect(oidc.requests).toEqual(["/.well-known/openid-configuration", "/keys"]);
  });

  const tampered = () => {
    const [head, , sig] = jwt(claims(), keys.privateKey).split(".");
    return `${head}.${Buffer.from(JSON.stringify(claims({ aud: "another-bot" }))).toString("base64url")}.${sig}`;
  };
  it.each([
    ["a token for another bot (wrong audience)", () => jwt(claims({ aud: "11111111-2222-3333-4444-555555555555" }), keys.privateKey)],
    ["an expired token", () => jwt(claims({ nbf: now() - 7200, exp: now() - 3600 }), keys.privateKey)],
    ["a token signed with a key the endpoint does not publish", () => jwt(claims(), stranger.privateKey, "unknown-key")],
    ["a token with the published key id but another key's signature", () => jwt(claims(), stranger.privateKey)],
    ["a token from another issuer (the public cloud's)", () => jwt(claims({ iss: "https://api.botframework.com" }), keys.privateKey)],
    ["a tampered payload", tampered],
    ["a token for another serviceUrl", () => jwt(claims({ serviceurl: "https://smba.attacker.example/" }), keys.privateKey)],
  ])("refuses %s with 401; nothing reaches the core", async (_label, token) => {
    const before = asked.length;
    const conversation = `a:refused-${Math.random().toString(36).slice(2)}`;
    const quiet = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const res = await h.post(personalMessage(h.connector.url, "Derby overall effectiveness", conversation), { authorization: `Bearer ${token()}` });
      expect(res.status).toBe(401);
    } finally {
      quiet.mockRestore();
    }
    expect(asked).toHaveLength(before);
    expect(await h.references.getConversationReference(conversation)).toBeNull();
    expect(h.connector.calls.filter((c) => c.conversationId === conversation)).toEqual([]);
  });
});
