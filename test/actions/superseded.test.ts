/**
 * Current inspections only: when the corpus holds a later inspection of an authority, the
 * earlier inspection's actions are archived as superseded by it (status, owner and history
 * kept), listed with `--all` with the inspection that replaced them, and back when the
 * later report leaves the corpus. On SQLite and PostgreSQL, and through the built CLI.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { syncCorpus } from "../../src/actions/corpus.js";
import { ActionsService } from "../../src/actions/service.js";
import { buildDigest } from "../../src/digest/build.js";
import type { Store } from "../../src/store/types.js";
import { testClock } from "../store/fixtures.js";
import { describePostgres, postgresHarness, sqliteHarness, type HarnessFactory, type StoreHarness } from "../store/harness.js";
import { ilacsPdf } from "./reportPdfs.js";

const clock = testClock("2026-01-05T09:00:00Z");
const settings = { adminUsers: [], digest: { timeZone: "Europe/London", time: "09:00", days: "weekdays" } };
const EARLIER = [["The quality of plans for children in need."], ["The response to children who go missing from home or care."]];
const LATER = [["The sufficiency of homes for children in care."], ["Management oversight of frontline practice."]];
const OTHER = [["The timeliness of assessments."]];

let earlier: Uint8Array;
let later: Uint8Array;
let other: Uint8Array;
const dirs: string[] = [];
beforeAll(async () => {
  earlier = await ilacsPdf("Halton", { inspected: "4 to 8 March 2019", published: "10 May 2019" }, EARLIER);
  later = await ilacsPdf("Halton", { inspected: "13 to 24 May 2024", published: "12 July 2024" }, LATER);
  other = await ilacsPdf("Derby", { inspected: "6 to 10 March 2023", published: "3 May 2023" }, OTHER);
});
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function corpus(files: Record<string, Uint8Array>): string {
  const dir = mkdtempSync(join(tmpdir(), "superseded-"));
  dirs.push(dir);
  for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, name), bytes);
  return dir;
}

function supersedeSuite(factory: HarnessFactory): void {
  let h: StoreHarness;
  let store: Store;
  beforeEach(async () => {
    h = await factory();
    store = await h.open();
  });
  afterEach(async () => {
    await h.cleanup();
  });

  it("archives the earlier inspection's actions as superseded, keeps their status, and brings them back when the later report goes", async () => {
    const service = new ActionsService({ store, clock, settings });
    const dir = corpus({ "halton-2019.pdf": earlier, "derby-2023.pdf": other });
    await syncCorpus(store, dir, clock);
    const first = (await service.list({ authority: "Halton" })).actions;
    expect(first.map((a) => a.text).sort()).toEqual(EARLIER.map((l) => l[0]).sort());
    await service.setInProgress(first[0].ref, { id: "U1", name: "Ann" });

    writeFileSync(join(dir, "halton-2024.pdf"), later);
    const { sync } = await syncCorpus(store, dir, clock);
    expect(sync.superseded.sort()).toEqual(first.map((a) => a.id).sort());
    // Only the later inspection is open; Derby, with one inspection, is untouched.
    expect((await service.list({ authority: "Halton" })).actions.map((a) => a.text).sort()).toEqual(LATER.map((l) => l[0]).sort());
    expect((await service.list({ authority: "Derby" })).actions).toHaveLength(1);
    const digest = await buildDigest(store, "2026-01-05");
    expect(digest.groups.flatMap((g) => g.actions.map((a) => a.text))).not.toContain(EARLIER[0][0]);

    const all = (await service.list({ all: true })).actions;
    const gone = all.filter((a) => a.supersededBy);
    expect(gone.map((a) => a.id).sort()).toEqual(first.map((a) => a.id).sort());
    for (const a of gone) {
      expect(a).toMatchObject({ archived: true, supersededBy: { framework: "ILACS", start: "2024-05-13", file: "halton-2024.pdf" } });
    }
    // The status given before stays underneath, and the history says why it was archived.
    const started = await store.getAction(first[0].id);
    expect(started).toMatchObject({ status: "in-progress", archived: true });
    const history = await store.history(first[0].id);
    expect(history.at(-1)).toMatchObject({ field: "archived", from: "false", to: "true", by: expect.stringMatching(/^corpus: superseded by /) });

    // Reversible: without the later report the earlier inspection is current again.
    unlinkSync(join(dir, "halton-2024.pdf"));
    const back = (await syncCorpus(store, dir, clock)).sync;
    expect(back.unarchived.sort()).toEqual(first.map((a) => a.id).sort());
    expect(await store.getAction(first[0].id)).toMatchObject({ status: "in-progress", archived: false, supersededBy: null });
    expect((await service.list({ authority: "Halton" })).actions).toHaveLength(2);
  });

  it("a report and the council's paper weeks later are one inspection: neither supersedes the other", async () => {
    const paper = await ilacsPdf("Halton", { inspected: "4 to 8 March 2019", published: "28 June 2019" }, EARLIER);
    await syncCorpus(store, corpus({ "report.pdf": earlier, "paper.pdf": paper }), clock);
    expect((await store.listActions({ includeArchived: true })).filter((a) => a.supersededBy)).toEqual([]);
  });
}

describe("superseded actions (SQLite)", () => supersedeSuite(sqliteHarness));
await describePostgres("superseded actions (PostgreSQL)", () => supersedeSuite(postgresHarness));

describe("npm run actions -- list --all --json", () => {
  const ROOT = fileURLToPath(new URL("../..", import.meta.url));
  const run = promisify(execFile);
  const list = async (args: string[], env: Record<string, string>) => {
    const { stdout } = await run(process.execPath, [join(ROOT, "dist/src/cli/actions.js"), "list", "--json", ...args], { cwd: ROOT, env: { PATH: process.env.PATH ?? "", HOME: tmpdir(), ...env } });
    return JSON.parse(stdout) as { actions: { text: string; status: string; workflowStatus?: string; supersededBy: { file: string } | null }[] };
  };

  it("lists every action with its status, superseded ones with the inspection that replaced them; without --all only open ones", async () => {
    const env = { CORPUS_DIR: corpus({ "a.pdf": earlier, "b.pdf": later }), DATA_DIR: mkdtempSync(join(tmpdir(), "superseded-data-")) };
    dirs.push(env.DATA_DIR);
    const all = await list(["--all"], env);
    expect(all.actions).toHaveLength(4);
    expect(all.actions.filter((a) => a.status === "superseded").map((a) => [a.text, a.supersededBy?.file, a.workflowStatus]).sort()).toEqual(
      EARLIER.map((l) => [l[0], "b.pdf", "open"]).sort(),
    );
    expect(all.actions.filter((a) => a.status === "open").map((a) => a.supersededBy)).toEqual([null, null]);
    const open = await list([], env);
    expect(open.actions.map((a) => a.text).sort()).toEqual(LATER.map((l) => l[0]).sort());
    expect(new Set(open.actions.map((a) => a.status))).toEqual(new Set(["open"]));
  });
});
