import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadLiveBot } from "../../src/liveBot.js";
import { makeIlacsReport } from "./ilacsReport.js";

describe("a running bot follows its corpus folder", () => {
  it("picks up a report added, changed and removed, without a restart", async () => {
    const dir = mkdtempSync(join(tmpdir(), "live-corpus-"));
    copyFileSync("seeds/002_f7ea8ef697b3b1a6.txt", join(dir, "halton.txt"));
    const bot = await loadLiveBot({ corpusDir: dir, cacheDir: mkdtempSync(join(tmpdir(), "live-cache-")) });
    expect(bot.reports.map((r) => r.inspection.authority)).toEqual(["Halton"]);
    expect(await bot.refresh()).toBe(false);

    writeFileSync(join(dir, "rutland.pdf"), await makeIlacsReport());
    expect(await bot.refresh()).toBe(true);
    expect(bot.ask("What was Rutland's overall effectiveness?").judgements.map((j) => j.grade)).toEqual(["Good"]);

    // A changed report: the same file now about another council.
    writeFileSync(join(dir, "rutland.pdf"), await makeIlacsReport("Wokingham"));
    expect(await bot.refresh()).toBe(true);
    expect(bot.reports.map((r) => r.inspection.authority).sort()).toEqual(["Halton", "Wokingham"]);

    rmSync(join(dir, "rutland.pdf"));
    expect(await bot.refresh()).toBe(true);
    expect(bot.ask("What was Wokingham's overall effectiveness?").answered).toBe(false);
    expect(bot.reports).toHaveLength(1);
  });

  it("watches on a timer and tells who asked about each reload", async () => {
    const dir = mkdtempSync(join(tmpdir(), "live-corpus-"));
    copyFileSync("seeds/002_f7ea8ef697b3b1a6.txt", join(dir, "halton.txt"));
    const bot = await loadLiveBot({ corpusDir: dir });
    const reloaded = new Promise<number>((resolve) => bot.watch(20, (next) => resolve(next.reports.length)));
    copyFileSync("seeds/003_aadfdd4d827689ea.txt", join(dir, "derby.txt"));
    expect(await reloaded).toBe(2);
    bot.stop();
  });
});
