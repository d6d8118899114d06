/**
 * The saved passage index: a restart with unchanged reports loads it instead of building
 * one, and a changed corpus (or an index built from other passages) never answers from it.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setImmediate as flush } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { loadKnowledgeBase } from "../../src/index/load.js";
import { IndexCache, passagesDigest } from "../../src/index/indexCache.js";
import { makeIlacsReport } from "./ilacsReport.js";

const CLOCK = () => new Date("2026-12-01T09:00:00Z");

async function corpus(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "index-cache-corpus-"));
  writeFileSync(join(dir, "rutland.pdf"), await makeIlacsReport("Rutland"));
  writeFileSync(join(dir, "derby.txt"), "Derby City Council\nOverall effectiveness\tGood\nFamily hubs opened in every ward this year.\n");
  return dir;
}

const hits = async (dir: string, cacheDir: string, q: string) => {
  const { kb } = await loadKnowledgeBase({ corpusDir: dir, cacheDir, clock: CLOCK });
  const found = kb.search(q, null).map((h) => `${h.passage.file}:${h.passage.line}:${h.passage.text}`);
  await flush(); // the index is saved once the load has returned
  return { kb, found };
};

describe("the saved passage index", () => {
  it("is saved after a load and loaded on the next, answering searches as the built one did", async () => {
    const dir = await corpus();
    const cacheDir = mkdtempSync(join(tmpdir(), "index-cache-"));
    const first = await hits(dir, cacheDir, "family hubs");
    expect(first.found.length).toBeGreaterThan(0);
    const saved = JSON.parse(readFileSync(join(cacheDir, "passage-index.json"), "utf8"));
    expect(saved.digest).toBe(passagesDigest(first.kb.passages));
    const second = await hits(dir, cacheDir, "family hubs");
    expect(second.kb.indexBuilt).toBe(true);
    expect(second.found).toEqual(first.found);
    expect(second.kb.knowsWord("hubs")).toBe(true);
  });

  it("is not used for a corpus whose files changed: the new words are found, the old ones are not", async () => {
    const dir = await corpus();
    const cacheDir = mkdtempSync(join(tmpdir(), "index-cache-"));
    await hits(dir, cacheDir, "family hubs");
    writeFileSync(join(dir, "derby.txt"), "Derby City Council\nOverall effectiveness\tGood\nA new edge of care service started in the spring.\n");
    const after = await hits(dir, cacheDir, "edge of care");
    expect(after.found.join()).toContain("edge of care");
    expect(after.kb.knowsWord("hubs")).toBe(false);
    expect((await hits(dir, cacheDir, "family hubs")).found).toEqual([]);
  });

  it("is not used when it was built from other passages than the ones extracted now (a new extractor), though the files are the same", async () => {
    const dir = await corpus();
    const cacheDir = mkdtempSync(join(tmpdir(), "index-cache-"));
    const first = await hits(dir, cacheDir, "family hubs");
    const path = join(cacheDir, "passage-index.json");
    const saved = JSON.parse(readFileSync(path, "utf8"));
    // Same fingerprint, but passages that differ: its words must not be trusted.
    writeFileSync(path, JSON.stringify({ ...saved, digest: "0".repeat(64) }));
    const entry = new IndexCache(cacheDir).find(saved.fingerprint);
    expect(entry).not.toBeNull();
    expect(new IndexCache(cacheDir).restore(entry!, first.kb.passages)).toBeNull();
    const again = await hits(dir, cacheDir, "family hubs");
    expect(again.found).toEqual(first.found);
    // And the index saved afresh fits the passages again.
    expect(JSON.parse(readFileSync(path, "utf8")).digest).toBe(passagesDigest(again.kb.passages));
  });

  it("is not saved by a load told not to (a serving bot's reload), which still answers from the index it built", async () => {
    const dir = await corpus();
    const cacheDir = mkdtempSync(join(tmpdir(), "index-cache-"));
    const { kb } = await loadKnowledgeBase({ corpusDir: dir, cacheDir, clock: CLOCK, saveIndex: false });
    await flush();
    expect(existsSync(join(cacheDir, "passage-index.json"))).toBe(false);
    expect(kb.search("family hubs", null).length).toBeGreaterThan(0);
  });
});
