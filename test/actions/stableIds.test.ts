/**
 * Action ids survive what happens to report files: the seed corpus copied to a temp folder,
 * synced into a real store (SQLite and PostgreSQL), an action marked done and another given
 * an owner, then the reports renamed, moved into a sub-folder and rewritten with CRLF line
 * endings, and a store written by the release that keyed ids by file path carried over.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readCorpusActions, syncCorpus } from "../../src/actions/corpus.js";
import { ActionsService } from "../../src/actions/service.js";
import { legacyActionId } from "../../src/extract/actionId.js";
import { shortId } from "../../src/store/rows.js";
import type { Store } from "../../src/store/types.js";
import { testClock } from "../store/fixtures.js";
import { describePostgres, postgresHarness, sqliteHarness, type HarnessFactory, type StoreHarness } from "../store/harness.js";

const SEEDS = fileURLToPath(new URL("../../seeds", import.meta.url));
const clock = testClock("2011-09-01T08:00:00Z");
const digest = { timeZone: "Europe/London", time: "09:00", days: "weekdays" };
const ann = { id: "U_ANN", name: "Ann" };

function defineStableIds(factory: HarnessFactory): void {
  let h: StoreHarness;
  let store: Store;
  let dir: string;
  const service = () => new ActionsService({ store, clock, settings: { adminUsers: [], digest } });

  beforeEach(async () => {
    h = await factory();
    store = await h.open();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "stable-ids-"));
    for (const f of fs.readdirSync(SEEDS)) fs.copyFileSync(path.join(SEEDS, f), path.join(dir, f));
  });
  afterEach(async () => {
    await h.cleanup();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Renames one report, moves another into a sub-folder and gives a third CRLF line endings. */
  function shuffleFiles(files: string[]): void {
    const [renamed, moved, crlf] = files;
    fs.renameSync(path.join(dir, renamed), path.join(dir, `renamed-${renamed}`));
    fs.mkdirSync(path.join(dir, "archive", "2011"), { recursive: true });
    fs.renameSync(path.join(dir, moved), path.join(dir, "archive", "2011", moved));
    const p = path.join(dir, crlf);
    fs.writeFileSync(p, fs.readFileSync(p, "utf8").replace(/\r?\n/g, "\r\n"));
  }

  it("rename, move into a sub-folder, CRLF: nothing reopens, nothing is lost, nothing is added", async () => {
    const first = await syncCorpus(store, dir, clock);
    const files = [...new Set((await store.listActions()).map((a) => a.citation.file))].sort();
    expect(files).toHaveLength(3);
    const byFile = (f: string) => store.listActions().then((all) => all.filter((a) => a.citation.file === f));
    const done = (await byFile(files[0]))[0];
    const owned = (await byFile(files[1]))[0];
    const crlfDone = (await byFile(files[2]))[0];
    await service().markDone(done.id.slice(0, 8), ann);
    await service().assign(owned.id, "Bob", ann);
    await service().markDone(crlfDone.id, ann);

    shuffleFiles(files);
    const { sync } = await syncCorpus(store, dir, clock);
    expect(sync).toMatchObject({ added: [], archived: [], unarchived: [], renamed: [] });
    expect(sync.unchanged + sync.updated.length).toBe(first.sync.added.length);
    expect(await store.getAction(done.id)).toMatchObject({ status: "done", archived: false, citation: { file: `renamed-${files[0]}` } });
    expect(await store.getAction(owned.id)).toMatchObject({ status: "open", owner: "Bob", citation: { file: `archive/2011/${files[1]}` } });
    expect(await store.getAction(crlfDone.id)).toMatchObject({ status: "done", citation: { file: files[2] } });
    expect(await store.history(owned.id)).toHaveLength(1);
    expect((await service().list()).actions.map((a) => a.id)).not.toContain(done.id);
    expect(await store.listActions({ includeArchived: true })).toHaveLength(first.sync.added.length);
  });

  it("a store the path-keyed release wrote is carried over on first start, even with the files moved since", async () => {
    // What the earlier release stored: the same actions keyed by file path.
    const { actions } = await readCorpusActions(dir, clock);
    const old = actions.map((a) => ({ ...a, id: legacyActionId(a.citation.file, a.authority, a.text) }));
    await store.syncActions(old, clock());
    await store.setStatus(old[0].id, "done", "Ann (U_ANN)", clock());
    await store.assign(old[1].id, "Bob", "Ann (U_ANN)", clock());
    await store.setStatus(old.at(-1)!.id, "in-progress", "Ann (U_ANN)", clock());

    shuffleFiles([...new Set(actions.map((a) => a.citation.file))].sort());
    const restarted = await h.open();
    const { sync } = await syncCorpus(restarted, dir, clock);
    expect(sync).toMatchObject({ added: [], archived: [], unarchived: [] });
    expect(sync.renamed).toHaveLength(old.length);

    expect(await restarted.listActions({ includeArchived: true })).toHaveLength(old.length);
    const carried = (oldId: string) => sync.renamed.find((r) => r.from === oldId)!.to;
    expect(await restarted.getAction(carried(old[0].id))).toMatchObject({ status: "done" });
    expect(await restarted.getAction(carried(old[1].id))).toMatchObject({ owner: "Bob" });
    expect(await restarted.getAction(carried(old.at(-1)!.id))).toMatchObject({ status: "in-progress" });
    expect(await restarted.history(carried(old[0].id))).toMatchObject([{ field: "status", to: "done", by: "Ann (U_ANN)" }]);

    // The 8-character ids people saw in chat before still work.
    store = restarted;
    expect((await service().get(shortId(old[1].id))).id).toBe(carried(old[1].id));
    const reopened = await service().reopen(shortId(old[0].id), ann);
    expect(reopened.action).toMatchObject({ id: carried(old[0].id), status: "open" });
  });
}

describe("stable action ids (SQLite)", () => defineStableIds(sqliteHarness));
await describePostgres("stable action ids (PostgreSQL)", () => defineStableIds(postgresHarness));
