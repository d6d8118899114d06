/**
 * A digest each team can scope and read: `actions subscribe Halton Derby 08:30` follows
 * those authorities; the digest groups by authority and inspection; an action without a
 * stated timescale shows its inspection and how long ago, never an invented "overdue";
 * a long digest is summarised with counts and says how to see the rest.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { handleActionsCommand } from "../../src/actions/command.js";
import { ActionsService } from "../../src/actions/service.js";
import { buildDigest } from "../../src/digest/build.js";
import { renderDigestText } from "../../src/digest/render.js";
import type { Store } from "../../src/store/types.js";
import { action, corpus, inspection, testClock } from "../store/fixtures.js";
import { sqliteHarness, type StoreHarness } from "../store/harness.js";

const clock = testClock("2026-01-05T09:00:00Z");
const settings = { adminUsers: [], digest: { timeZone: "Europe/London", time: "09:00", days: "weekdays" } };
const ctx = { actor: { id: "U1", name: "Ann" }, platform: "slack" as const, destination: "C1" };

describe("digest scope, grouping and dates", () => {
  let h: StoreHarness;
  let store: Store;
  let service: ActionsService;
  beforeEach(async () => {
    h = await sqliteHarness();
    store = await h.open();
    // Halton's ILACS report: no timescale, so no due date.
    const ilacs = { ...inspection("Halton", "2024-07-12"), id: "halton-2024-05-13", framework: "ILACS" as const, start: "2024-05-13", end: "2024-05-24", file: "halton.pdf" };
    const halton = [1, 2].map((n) => action("Halton", n, { inspection: ilacs, kind: "area-for-improvement", timescale: null, due: null, citation: { file: "halton.pdf", line: n, lineEnd: n, quote: "q", source: "Halton, inspection of May 2024" } }));
    await store.syncActions([...corpus().filter((a) => a.authority !== "Halton"), ...halton], clock());
    service = new ActionsService({ store, clock, settings });
  });
  afterEach(async () => {
    await h.cleanup();
  });

  it("shows an undated action's inspection and how long ago its report was published, not 'overdue'", async () => {
    const text = renderDigestText(await buildDigest(store, "2026-01-05", { authorities: ["Halton"] }));
    expect(text).toContain("Halton, inspection of May 2024 · report published 2024-07-12, 1 year 5 months ago");
    expect(text).toContain("no due date set");
    expect(text).not.toMatch(/overdue by/);
    // A stated timescale still has its due date.
    const ox = renderDigestText(await buildDigest(store, "2026-01-05", { authorities: ["Oxfordshire"] }));
    expect(ox).toMatch(/overdue by \d+ days \(due 2011-05-06\)/);
  });

  it("groups by authority and inspection, and subscribes a channel to some authorities", async () => {
    const reply = await handleActionsCommand(service, "subscribe halton derby 08:30", ctx);
    expect(reply).toMatchObject({ ok: true, text: expect.stringContaining("for Halton, Derby will be posted here at 08:30") });
    const [sub] = await store.listSubscriptions("slack");
    expect(sub).toMatchObject({ time: "08:30", authorities: ["Halton", "Derby"] });
    const d = await buildDigest(store, "2026-01-05", { authorities: sub.authorities });
    expect(d.groups.map((g) => [g.authority, g.inspections.map((i) => [i.inspectionId, i.openCount])])).toEqual([
      ["Derby", [["derby-2011-03-07", 1]]],
      ["Halton", [["halton-2024-05-13", 2]]],
    ]);
    const unknown = await handleActionsCommand(service, "subscribe Narnia", ctx);
    expect(unknown).toMatchObject({ ok: false, error: { code: "BAD_REQUEST", hint: expect.stringContaining("Halton") } });
    // Subscribing without names follows every authority again.
    await handleActionsCommand(service, "subscribe", ctx);
    expect((await store.listSubscriptions("slack"))[0].authorities).toEqual([]);
  });

  it("summarises a long digest with counts per authority and inspection and says how to see the rest", async () => {
    const d = await buildDigest(store, "2026-01-05", { maxActions: 3 });
    expect(d.summarised).toBe(true);
    expect(d.groups.every((g) => g.actions.length === 0 && g.openCount > 0)).toBe(true);
    const text = renderDigestText(d);
    // One line of counts per authority and inspection.
    expect(text).toContain("Halton, inspection of May 2024 · report published 2024-07-12, 1 year 5 months ago: 2 open\n");
    expect(text).toMatch(/\nOxfordshire \(oxfordshire.txt\) · report published 2011-05-06, 14 years 7 months ago: 2 open, 2 overdue\n/);
    expect(text).toContain("actions <authority> in chat");
    expect(text.split("\n").length).toBeLessThan(20);
    expect((await buildDigest(store, "2026-01-05")).summarised).toBe(false);
  });
});
