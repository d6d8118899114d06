import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openActions } from "../../src/actions/runtime.js";
import type { Settings } from "../../src/config.js";
import { corpus, testClock } from "../store/fixtures.js";

describe("openActions (start-up wiring)", () => {
  let dir = "";
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "actions-runtime-"));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("opens the SQLite store in DATA_DIR, syncs the corpus, and keeps statuses across a restart", async () => {
    const settings: Settings = {
      corpusDir: "seeds",
      dataDir: dir,
      port: 0,
      adminUsers: [],
      digest: { timeZone: "Europe/London", time: "09:00", days: "weekdays" },
    };
    const clock = testClock("2011-09-01T08:00:00Z");
    const lines: string[] = [];
    const first = await openActions({ settings, actions: corpus(), clock, log: (l) => lines.push(l) });
    expect(first.sync.added).toHaveLength(4);
    expect(lines[0]).toContain("actions store (sqlite): 4 actions from the corpus; 4 new");
    await first.service.markDone("oxfordshire-2011-03-07-1", { id: "U1", name: "Ann" });
    await first.store.close();

    const second = await openActions({ settings, actions: corpus(), clock });
    expect(second.sync.added).toEqual([]);
    expect((await second.service.list()).actions.map((a) => a.id)).not.toContain("oxfordshire-2011-03-07-1");
    await second.store.close();
  });
});
