/**
 * Graceful shutdown (what SIGTERM runs): a request in flight is finished and answered, a
 * new one is turned away, the digest scheduler gives back a claim it could not finish,
 * and the store is closed last.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadBot } from "../../src/bot.js";
import { loadAppSettings } from "../../app/settings.js";
import { startServers } from "../../app/servers.js";
import { DigestScheduler } from "../../src/digest/scheduler.js";
import type { Store } from "../../src/store/types.js";
import { corpus, testClock } from "../store/fixtures.js";
import { sqliteHarness, type StoreHarness } from "../store/harness.js";
import { personalMessage } from "../teams/activities.js";
import { startFakeConnector } from "../teams/fakeConnector.js";

describe("npm start shutting down", () => {
  it("finishes the Teams answer in flight, turns new requests away, then closes", async () => {
    const connector = await startFakeConnector();
    const settings = loadAppSettings({ TEAMS_ALLOW_ANONYMOUS: "true", PORT: "0", DATA_DIR: mkdtempSync(join(tmpdir(), "shutdown-")) });
    const lines: string[] = [];
    const running = await startServers(loadBot({ corpusDir: "seeds" }), settings, (l) => lines.push(l));
    try {
      connector.delay(400);
      const post = (text: string, conversation: string) =>
        fetch(`${running.url}/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(personalMessage(connector.url, text, conversation)) });
      const inFlight = post("Derby overall effectiveness", "a:in-flight");
      // The answer is on its way to the connector (which is slow to say it got it): stop now.
      await connector.waitFor(() => connector.activities("message", "a:in-flight").length > 0);
      const stopping = running.stop(5_000);
      await new Promise((r) => setTimeout(r, 50));
      const late = await post("Halton overall effectiveness", "a:late").then((r) => r.status, () => "refused");
      expect([503, "refused"]).toContain(late);
      expect((await inFlight).status).toBe(200);
      await stopping;
      expect(lines).toEqual(expect.arrayContaining(["shutdown: done"]));
      expect(connector.activities("message", "a:late")).toEqual([]);
      await expect(fetch(`${running.url}/healthz`)).rejects.toThrow();
    } finally {
      await connector.close();
    }
  });
});

describe("the digest scheduler shutting down", () => {
  let h: StoreHarness;
  let store: Store;
  const clock = testClock("2011-09-01T08:00:00Z"); // a Thursday, 09:00 in London
  const settings = { timeZone: "Europe/London", time: "09:00", days: "weekdays" };
  const key = { platform: "slack" as const, destination: "C1", day: "2011-09-01" };

  afterEach(async () => h?.cleanup());

  it("gives back the claim of a post that does not finish in time, so another replica sends it at once", async () => {
    h = await sqliteHarness();
    store = await h.open();
    await store.syncActions(corpus(), clock());
    await store.subscribe("slack", "C1", "09:00", "Ann", clock());
    let reached!: () => void;
    const posting = new Promise<void>((r) => (reached = r));
    const hanging = new DigestScheduler({ store, settings, clock, instanceId: "A", senders: { slack: { send: () => (reached(), new Promise(() => {})) } } });
    void hanging.tick();
    await posting;
    expect(await store.getDigestSend(key)).toMatchObject({ state: "claimed", claimedBy: "A" });
    await hanging.shutdown(50);
    expect(await store.getDigestSend(key)).toMatchObject({ state: "failed", lastError: expect.stringContaining("shut down") });

    const sent: string[] = [];
    const other = new DigestScheduler({ store: await h.open(), settings, clock, instanceId: "B", senders: { slack: { send: async (d) => void sent.push(d) } } });
    expect((await other.tick()).sent).toEqual([key]);
    expect(sent).toEqual(["C1"]);
  });

  it("lets a post under way finish and starts no other", async () => {
    h = await sqliteHarness();
    store = await h.open();
    await store.syncActions(corpus(), clock());
    await store.subscribe("slack", "C1", "09:00", "Ann", clock());
    await store.subscribe("slack", "C2", "09:00", "Ann", clock());
    const sent: string[] = [];
    let reached!: () => void;
    const posting = new Promise<void>((r) => (reached = r));
    const slow = new DigestScheduler({
      store,
      settings,
      clock,
      instanceId: "A",
      senders: { slack: { send: async (d) => (reached(), await new Promise((r) => setTimeout(r, 100)), void sent.push(d)) } },
    });
    void slow.tick();
    await posting;
    await slow.shutdown(2_000);
    expect(sent).toEqual(["C1"]);
    expect(await store.getDigestSend(key)).toMatchObject({ state: "sent" });
    expect(await store.getDigestSend({ ...key, destination: "C2" })).toBeNull();
  });
});
