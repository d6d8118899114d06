import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildDigest } from "../../src/digest/build.js";
import { renderDigestText } from "../../src/digest/render.js";
import { shortId } from "../../src/store/rows.js";
import type { Store } from "../../src/store/types.js";
import { action, corpus } from "../store/fixtures.js";
import { sqliteHarness, type StoreHarness } from "../store/harness.js";

const T0 = new Date("2011-09-01T08:00:00Z");

describe("buildDigest", () => {
  let h: StoreHarness;
  let store: Store;
  beforeEach(async () => {
    h = await sqliteHarness();
    store = await h.open();
  });
  afterEach(async () => {
    await h.cleanup();
  });

  it("groups open actions by authority, overdue first, with due dates, days overdue and citations", async () => {
    await store.syncActions([...corpus(), action("Halton", 2, { due: "2011-08-31" })], T0);
    await store.setStatus("derby-2011-03-07-1", "in-progress", "Ann", T0);
    const d = await buildDigest(store, "2011-09-01");
    expect(d.summary).toBe("5 open actions across 3 authorities, 3 overdue (as of 2011-09-01).");
    expect(d.groups.map((g) => [g.authority, g.overdueCount, g.actions.map((a) => a.daysOverdue)])).toEqual([
      ["Oxfordshire", 2, [118, 26]],
      ["Halton", 1, [1, 0]],
      ["Derby", 0, [0]],
    ]);
    expect(d.groups[2].actions[0]).toMatchObject({ status: "in-progress", due: "2017-09-20", citation: { file: "derby.txt", line: 11 } });

    const text = renderDigestText(d);
    expect(text.split("\n").slice(0, 4)).toEqual([
      "Open inspection actions, 2011-09-01",
      "5 open actions across 3 authorities, 3 overdue (as of 2011-09-01).",
      "",
      "Oxfordshire (2 open, 2 overdue)",
    ]);
    expect(text).toContain(`- ${shortId("oxfordshire-2011-03-07-1")}  Recommendation 1 for Oxfordshire - overdue by 118 days (due 2011-05-06)\n    oxfordshire.txt, line 11`);
    expect(text).toContain("Recommendation 1 for Halton - no due date");
    expect(text).toContain("Recommendation 1 for Derby - due 2017-09-20 [in-progress]");
  });

  it("leaves out done and archived actions", async () => {
    await store.syncActions(corpus(), T0);
    await store.setStatus("oxfordshire-2011-03-07-1", "done", "Ann", T0);
    await store.syncActions(corpus().filter((a) => a.authority !== "Derby"), T0);
    const ids = (await buildDigest(store, "2011-09-01")).groups.flatMap((g) => g.actions.map((a) => a.id));
    expect(ids.sort()).toEqual(["halton-2011-03-07-1", "oxfordshire-2011-03-07-2"]);
  });

  it("says so in one line when nothing is open", async () => {
    const d = await buildDigest(store, "2024-05-01");
    expect(d).toMatchObject({ openCount: 0, overdueCount: 0, groups: [] });
    expect(renderDigestText(d)).toBe("Open inspection actions, 2024-05-01\nNo open inspection actions as of 2024-05-01: nothing to chase today.");
  });
});
