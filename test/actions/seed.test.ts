/** The real seed corpus, end to end through the store: the due dates the issue names, and stable ids. */
import { fileURLToPath } from "node:url";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { loadBot } from "../../src/bot.js";
import { ActionsService } from "../../src/actions/service.js";
import { buildDigest } from "../../src/digest/build.js";
import { shortId } from "../../src/store/rows.js";
import type { Store } from "../../src/store/types.js";
import type { Action } from "../../src/types.js";
import { testClock } from "../store/fixtures.js";
import { sqliteHarness, type StoreHarness } from "../store/harness.js";

const SEEDS = fileURLToPath(new URL("../../seeds", import.meta.url));
const clock = testClock("2011-09-01T08:00:00Z");

describe("seed corpus actions", () => {
  let actions: Action[];
  let h: StoreHarness;
  let store: Store;

  beforeAll(async () => {
    actions = [...(await loadBot({ corpusDir: SEEDS, clock })).actions];
  });
  beforeEach(async () => {
    h = await sqliteHarness();
    store = await h.open();
    await store.syncActions(actions, clock());
  });
  afterEach(async () => {
    await h.cleanup();
  });

  it("Oxfordshire: 'Immediately' due on publication (6 May 2011), 'Within three months' due 6 August 2011", async () => {
    const ox = await store.listActions({ authority: "oxfordshire" });
    expect(ox.length).toBeGreaterThan(0);
    expect(ox.every((a) => a.published === "2011-05-06")).toBe(true);
    const immediately = ox.filter((a) => a.timescale === "Immediately");
    const threeMonths = ox.filter((a) => a.timescale === "Within three months");
    expect(immediately.length).toBeGreaterThan(0);
    expect(threeMonths.length).toBeGreaterThan(0);
    expect(new Set(immediately.map((a) => a.due))).toEqual(new Set(["2011-05-06"]));
    expect(new Set(threeMonths.map((a) => a.due))).toEqual(new Set(["2011-08-06"]));
  });

  it("Halton's areas for development and Derby's improvement-plan deadline (20 September 2017) are actions", async () => {
    const halton = await store.listActions({ authority: "Halton" });
    expect(halton.length).toBeGreaterThan(0);
    expect(halton.every((a) => a.kind === "area-for-improvement")).toBe(true);
    expect(halton.some((a) => /Child Protection Conference Minutes/i.test(a.text))).toBe(true);
    const derby = await store.listActions({ authority: "Derby" });
    expect(derby.find((a) => a.kind === "deadline")).toMatchObject({ due: "2017-09-20" });
  });

  it("re-reading the corpus keeps every id (and so every status)", async () => {
    const s = new ActionsService({ store, clock, settings: { adminUsers: [], digest: { timeZone: "Europe/London", time: "09:00", days: "weekdays" } } });
    const first = (await s.list({ authority: "Oxfordshire", overdue: true })).actions[0];
    await s.markDone(first.ref, { id: "U1", name: "Ann" });
    const again = [...(await loadBot({ corpusDir: SEEDS, clock })).actions];
    expect(again.map((a) => a.id).sort()).toEqual(actions.map((a) => a.id).sort());
    expect(await store.syncActions(again, clock())).toMatchObject({ added: [], archived: [], updated: [] });
    expect((await store.getAction(first.id))?.status).toBe("done");
    const digest = await buildDigest(store, "2011-09-01");
    expect(digest.groups.flatMap((g) => g.actions.map((a) => a.id))).not.toContain(first.id);
    expect(digest.openCount).toBe(actions.length - 1);
  });

  it("every action id is unique and its short id too", () => {
    expect(new Set(actions.map((a) => a.id)).size).toBe(actions.length);
    expect(new Set(actions.map((a) => shortId(a.id))).size).toBe(actions.length);
  });
});
