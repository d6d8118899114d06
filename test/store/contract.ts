/**
 * The Store contract: one suite, run against every backend (sqlite.test.ts,
 * postgres.test.ts). Each test gets a fresh database from the harness factory; `open()`
 * again gives a second Store on it (a restart or another replica).
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AppError } from "../../src/errors.js";
import { shortId } from "../../src/store/rows.js";
import type { DigestSendKey, Store } from "../../src/store/types.js";
import { actionId, legacyActionId } from "../../src/extract/actionId.js";
import { action, corpus, inspection, MINUTE } from "./fixtures.js";
import type { HarnessFactory, StoreHarness } from "./harness.js";
import { defineFeedbackContract } from "./feedbackContract.js";
import { defineFollowUpContract } from "./followUpContract.js";

const T0 = new Date("2024-05-01T08:00:00.000Z");
const T1 = new Date("2024-05-01T09:15:00.000Z");
const T2 = new Date("2024-05-02T10:30:00.000Z");

/** Defines the contract tests for one backend. */
export function defineStoreContract(factory: HarnessFactory): void {
  let h: StoreHarness;
  let store: Store;

  beforeEach(async () => {
    h = await factory();
    store = await h.open();
  });
  afterEach(async () => {
    await h.cleanup();
  });

  describe("migrations", () => {
    it("are idempotent and safe when two instances start together", async () => {
      const [a, b] = await Promise.all([h.open({ migrate: false }), h.open({ migrate: false })]);
      await Promise.all([a.migrate(), b.migrate(), store.migrate()]);
      await a.syncActions(corpus(), T0);
      expect(await b.listActions()).toHaveLength(4);
    });
  });

  describe("syncActions", () => {
    it("adds every action, open and unowned, with what was extracted", async () => {
      const res = await store.syncActions(corpus(), T0);
      expect(res.added).toHaveLength(4);
      const ox = await store.getAction("oxfordshire-2011-03-07-1");
      expect(ox).toEqual({
        id: "oxfordshire-2011-03-07-1",
        authority: "Oxfordshire",
        inspectionId: "oxfordshire-2011-03-07",
        published: "2011-05-06",
        service: "Safeguarding services",
        kind: "recommendation",
        text: "Recommendation 1 for Oxfordshire",
        timescale: "Immediately",
        due: "2011-05-06",
        citation: { file: "oxfordshire.txt", line: 11, lineEnd: 11, quote: "Recommendation 1 for Oxfordshire" },
        status: "open",
        owner: null,
        archived: false,
        supersededBy: null,
        inspected: "2011-03-07",
        updatedAt: T0.toISOString(),
      });
      expect(await store.getAction("nope")).toBeNull();
    });

    it("keeps statuses and owners, refreshes extracted fields, archives what vanished and unarchives what came back", async () => {
      await store.syncActions(corpus(), T0);
      await store.setStatus("halton-2011-03-07-1", "done", "Ann", T1);
      await store.assign("oxfordshire-2011-03-07-2", "Bob", "Ann", T1);

      // Re-read: Halton's action is gone, Oxfordshire 2's due date was corrected.
      const reread = corpus().filter((a) => a.authority !== "Halton");
      reread[1] = { ...reread[1], due: "2011-08-07" };
      const res = await store.syncActions(reread, T2);
      expect(res).toEqual({ added: [], updated: ["oxfordshire-2011-03-07-2"], archived: ["halton-2011-03-07-1"], superseded: [], carried: [], unarchived: [], renamed: [], unchanged: 2 });

      const ox2 = await store.getAction("oxfordshire-2011-03-07-2");
      expect(ox2).toMatchObject({ due: "2011-08-07", owner: "Bob", status: "open" });
      expect(await store.listActions()).toHaveLength(3);
      const all = await store.listActions({ includeArchived: true });
      expect(all.find((a) => a.id === "halton-2011-03-07-1")).toMatchObject({ archived: true, status: "done" });

      // It comes back: unarchived, status kept.
      const back = await store.syncActions(corpus(), T2);
      expect(back.unarchived).toEqual(["halton-2011-03-07-1"]);
      expect(await store.getAction("halton-2011-03-07-1")).toMatchObject({ archived: false, status: "done" });
      const hist = await store.history("halton-2011-03-07-1");
      expect(hist.map((c) => [c.field, c.by, c.from, c.to])).toEqual([
        ["status", "Ann", "open", "done"],
        ["archived", "corpus", "false", "true"],
        ["archived", "corpus", "true", "false"],
      ]);

      // A sync of the same corpus changes nothing and writes no history.
      const again = await store.syncActions(corpus(), T2);
      expect(again).toMatchObject({ added: [], updated: [], archived: [], unarchived: [], unchanged: 4 });
      expect(await store.history("halton-2011-03-07-1")).toHaveLength(3);
    });

    it("archives an earlier inspection's actions as superseded by a later one of the same authority, and back when it goes", async () => {
      await store.syncActions(corpus(), T0);
      await store.setStatus("oxfordshire-2011-03-07-1", "in-progress", "Ann", T1);
      const later = { ...inspection("Oxfordshire", "2016-02-01"), id: "oxfordshire-2015-11-02", start: "2015-11-02", end: "2015-11-26", file: "oxfordshire-2016.txt", framework: "SIF" as const };
      // The later report repeats recommendation 1 word for word: that one keeps its status.
      // Recommendation 2 was done, but the later report says it again: open again.
      await store.setStatus("oxfordshire-2011-03-07-2", "done", "Ann", T1);
      const withLater = [...corpus(), action("Oxfordshire", 9, { inspection: later }), action("Oxfordshire", 1, { inspection: later }), action("Oxfordshire", 2, { inspection: later })];
      const res = await store.syncActions(withLater, T2);
      expect(res).toMatchObject({
        added: ["oxfordshire-2015-11-02-9", "oxfordshire-2015-11-02-1", "oxfordshire-2015-11-02-2"],
        archived: ["oxfordshire-2011-03-07-1", "oxfordshire-2011-03-07-2"],
        superseded: ["oxfordshire-2011-03-07-1", "oxfordshire-2011-03-07-2"],
        carried: [{ from: "oxfordshire-2011-03-07-1", to: "oxfordshire-2015-11-02-1" }],
      });
      expect(await store.getAction("oxfordshire-2011-03-07-1")).toMatchObject({
        archived: true,
        status: "in-progress",
        supersededBy: { inspectionId: "oxfordshire-2015-11-02", framework: "SIF", start: "2015-11-02", published: "2016-02-01", file: "oxfordshire-2016.txt" },
      });
      expect(await store.getAction("oxfordshire-2015-11-02-1")).toMatchObject({ archived: false, status: "in-progress" });
      expect((await store.history("oxfordshire-2015-11-02-1")).map((c) => [c.field, c.by, c.to])).toEqual([["status", `corpus: carried over from ${shortId("oxfordshire-2011-03-07-1")}`, "in-progress"]]);
      expect(await store.getAction("oxfordshire-2015-11-02-9")).toMatchObject({ status: "open" });
      expect(await store.getAction("oxfordshire-2015-11-02-2")).toMatchObject({ status: "open" });
      expect((await store.listActions({ authority: "Oxfordshire" })).map((a) => a.id).sort()).toEqual(["oxfordshire-2015-11-02-1", "oxfordshire-2015-11-02-2", "oxfordshire-2015-11-02-9"]);
      expect((await store.history("oxfordshire-2011-03-07-2")).map((c) => [c.field, c.by, c.to])).toEqual([
        ["status", "Ann", "done"],
        ["archived", "corpus: superseded by oxfordshire-2015-11-02", "true"],
      ]);
      // Synced again: nothing changes; without the later report: current again, status kept.
      expect(await store.syncActions(withLater, T2)).toMatchObject({ archived: [], superseded: [], carried: [], unarchived: [], unchanged: 7 });
      const back = await store.syncActions(corpus(), T2);
      expect(back.unarchived.sort()).toEqual(["oxfordshire-2011-03-07-1", "oxfordshire-2011-03-07-2"]);
      expect(await store.getAction("oxfordshire-2011-03-07-1")).toMatchObject({ archived: false, status: "in-progress", supersededBy: null });
      expect(await store.getAction("oxfordshire-2011-03-07-2")).toMatchObject({ archived: false, status: "done" });
    });

    it("keeps the first of two actions sharing an id", async () => {
      const a = action("Derby", 7);
      const res = await store.syncActions([a, { ...a, text: "duplicate" }], T0);
      expect(res.added).toEqual([a.id]);
      expect((await store.getAction(a.id))?.text).toBe(a.text);
    });
  });

  describe("actions the corpus names by a new id", () => {
    /** The corpus as the first releases keyed it: by file path, authority and text. */
    const legacyCorpus = () => corpus().map((a) => ({ ...a, id: legacyActionId(a.citation.file, a.authority, a.text) }));
    /** The same corpus keyed by what each action is, its report moved into a sub-folder. */
    const movedCorpus = () =>
      corpus().map((a) => {
        const file = `2011/${a.citation.file}`;
        return { ...a, id: actionId(a.inspection, a.text), inspection: { ...a.inspection, file }, citation: { ...a.citation, file } };
      });

    it("carries status, owner and history over to the new id; the old id and its short id still resolve", async () => {
      const old = legacyCorpus();
      await store.syncActions(old, T0);
      await store.setStatus(old[0].id, "done", "Ann", T1);
      await store.assign(old[3].id, "Bob", "Ann", T1);

      const now = movedCorpus();
      const res = await store.syncActions(now, T2);
      expect(res).toMatchObject({ added: [], archived: [], unarchived: [], unchanged: 0 });
      expect(res.renamed).toEqual(old.map((a, i) => ({ from: a.id, to: now[i].id })));
      // The moved file is the one field that changed: the citation is refreshed.
      expect(res.updated).toEqual(now.map((a) => a.id));

      expect(await store.getAction(now[0].id)).toMatchObject({ status: "done", owner: null, citation: { file: "2011/oxfordshire.txt" } });
      expect(await store.getAction(now[3].id)).toMatchObject({ status: "open", owner: "Bob" });
      expect((await store.history(now[0].id)).map((c) => [c.actionId, c.field, c.to])).toEqual([[now[0].id, "status", "done"]]);
      expect(await store.listActions({ includeArchived: true })).toHaveLength(4);
      expect(await store.getAction(old[0].id)).toBeNull();
      expect(await store.findActionIds(shortId(old[0].id))).toEqual([now[0].id]);
      expect(await store.findActionIds(old[3].id.toUpperCase())).toEqual([now[3].id]);
      expect(await store.findActionIds(shortId(now[3].id))).toEqual([now[3].id]);

      // Once carried over, nothing moves again, also for another instance.
      const other = await h.open();
      expect(await other.syncActions(now, T2)).toMatchObject({ added: [], updated: [], archived: [], renamed: [], unchanged: 4 });
      expect(await other.findActionIds(shortId(old[0].id))).toEqual([now[0].id]);
    });

    it("keeps following an id renamed twice", async () => {
      const first = action("Derby", 1);
      await store.syncActions([first], T0);
      await store.setStatus(first.id, "in-progress", "Ann", T1);
      const second = { ...first, id: "derby-second" };
      const third = { ...first, id: "derby-third", text: `${first.text}.` };
      await store.syncActions([second], T1);
      expect((await store.syncActions([third], T2)).renamed).toEqual([{ from: "derby-second", to: "derby-third" }]);
      expect(await store.findActionIds(first.id)).toEqual(["derby-third"]);
      expect(await store.findActionIds(shortId("derby-second"))).toEqual(["derby-third"]);
      expect(await store.history("derby-third")).toHaveLength(1);
    });

    it("takes a row over when the extractor now joins a wrapped line, not when two actions could be meant", async () => {
      const cut = action("Halton", 1, { text: "Improve the quality of supervision so that" });
      await store.syncActions([cut], T0);
      await store.assign(cut.id, "Cy", "Ann", T1);
      const whole = action("Halton", 9, { text: "Improve the quality of supervision so that social workers reflect on their practice." });
      const res = await store.syncActions([whole], T2);
      expect(res.renamed).toEqual([{ from: cut.id, to: whole.id }]);
      expect(await store.getAction(whole.id)).toMatchObject({ owner: "Cy", text: whole.text });

      // Two same-text actions of two other inspections, a third inspection's action: no guess.
      const a = action("Derby", 1, { text: "Publish the plan" });
      const b = action("Derby", 2, { text: "Publish the plan", inspection: { ...inspection("Derby", "2015-01-01"), id: "derby-2015" } });
      await store.syncActions([whole, a, b], T2);
      const c = action("Derby", 3, { text: "Publish the plan", inspection: { ...inspection("Derby", "2019-01-01"), id: "derby-2019" } });
      const guess = await store.syncActions([whole, c], T2);
      expect(guess).toMatchObject({ added: [c.id], renamed: [] });
      expect([...guess.archived].sort()).toEqual([a.id, b.id].sort());
    });

    it("does not take a later inspection's action in the same words for a moved one: the earlier row is archived, not renamed", async () => {
      const y2011 = action("Derby", 1, { text: "Improve the quality of supervision." });
      await store.syncActions([y2011], T0);
      await store.setStatus(y2011.id, "done", "Ann", T1);
      // The 2011 report leaves the corpus as the 2015 one, saying the same thing, arrives.
      const insp2015 = { ...inspection("Derby", "2015-06-01"), id: "derby-2015-04-13", start: "2015-04-13", end: "2015-05-07" };
      const y2015 = action("Derby", 2, { text: "Improve the quality of supervision.", inspection: insp2015 });
      const res = await store.syncActions([y2015], T2);
      expect(res).toMatchObject({ added: [y2015.id], archived: [y2011.id], renamed: [] });
      expect(await store.getAction(y2015.id)).toMatchObject({ status: "open" });

      // An undated report that moves (its inspection id comes from its file name) keeps its status.
      const undated = { ...inspection("Derby", null), id: "derby-derby-txt", start: null, end: null };
      const before = action("Derby", 3, { text: "Publish the plan.", inspection: undated });
      await store.syncActions([y2015, before], T2);
      await store.assign(before.id, "Bob", "Ann", T2);
      const moved = action("Derby", 4, { text: "Publish the plan.", inspection: { ...undated, id: "derby-old-derby-txt", file: "old/derby.txt" } });
      expect((await store.syncActions([y2015, moved], T2)).renamed).toEqual([{ from: before.id, to: moved.id }]);
      expect(await store.getAction(moved.id)).toMatchObject({ owner: "Bob" });
    });
  });

  describe("listActions and findActionIds", () => {
    beforeEach(async () => {
      await store.syncActions(corpus(), T0);
    });

    it("filters by authority (any case) and status, in a stable order", async () => {
      expect((await store.listActions({ authority: "oXfordSHIRE" })).map((a) => a.id)).toEqual([
        "oxfordshire-2011-03-07-1",
        "oxfordshire-2011-03-07-2",
      ]);
      await store.setStatus("oxfordshire-2011-03-07-1", "done", "Ann", T1);
      await store.setStatus("derby-2011-03-07-1", "in-progress", "Ann", T1);
      expect((await store.listActions({ status: "done" })).map((a) => a.id)).toEqual(["oxfordshire-2011-03-07-1"]);
      expect((await store.listActions({ status: ["open", "in-progress"] })).map((a) => a.authority)).toEqual(["Derby", "Halton", "Oxfordshire"]);
      expect(await store.listActions({ status: [] })).toEqual([]);
      expect(await store.listActions({ authority: "Nowhere" })).toEqual([]);
    });

    it("finds ids by short-id or id prefix, case-insensitively, wildcards literal", async () => {
      const id = "derby-2011-03-07-1";
      expect(await store.findActionIds(shortId(id))).toEqual([id]);
      expect(await store.findActionIds(shortId(id).slice(0, 5).toUpperCase())).toContain(id);
      expect(await store.findActionIds("DERBY-2011")).toEqual([id]);
      expect(await store.findActionIds("oxfordshire")).toHaveLength(2);
      expect(await store.findActionIds("%")).toEqual([]);
      expect(await store.findActionIds("derby_2011")).toEqual([]);
    });
  });

  describe("status, owner and history", () => {
    beforeEach(async () => {
      await store.syncActions(corpus(), T0);
    });

    it("records who changed what, when, from and to", async () => {
      const id = "oxfordshire-2011-03-07-1";
      expect(await store.setStatus(id, "in-progress", "Ann (U1)", T1)).toEqual({
        actionId: id,
        at: T1.toISOString(),
        by: "Ann (U1)",
        field: "status",
        from: "open",
        to: "in-progress",
      });
      await store.assign(id, "Bob", "Ann (U1)", T1);
      await store.setStatus(id, "done", "Bob (U2)", T2);
      await store.assign(id, null, "Bob (U2)", T2);
      expect(await store.history(id)).toEqual([
        { actionId: id, at: T1.toISOString(), by: "Ann (U1)", field: "status", from: "open", to: "in-progress" },
        { actionId: id, at: T1.toISOString(), by: "Ann (U1)", field: "owner", from: null, to: "Bob" },
        { actionId: id, at: T2.toISOString(), by: "Bob (U2)", field: "status", from: "in-progress", to: "done" },
        { actionId: id, at: T2.toISOString(), by: "Bob (U2)", field: "owner", from: "Bob", to: null },
      ]);
      expect(await store.getAction(id)).toMatchObject({ status: "done", owner: null, updatedAt: T2.toISOString() });
    });

    it("writes nothing when nothing changes", async () => {
      const id = "derby-2011-03-07-1";
      expect(await store.setStatus(id, "open", "Ann", T1)).toBeNull();
      expect(await store.assign(id, null, "Ann", T1)).toBeNull();
      expect(await store.history(id)).toEqual([]);
    });

    it("throws ACTION_NOT_FOUND for an unknown id", async () => {
      for (const call of [() => store.setStatus("nope", "done", "Ann", T1), () => store.assign("nope", "Bob", "Ann", T1), () => store.history("nope")]) {
        await expect(call()).rejects.toMatchObject({ code: "ACTION_NOT_FOUND" });
        await expect(call()).rejects.toBeInstanceOf(AppError);
      }
    });

    it("keeps one true history when two instances change one action at once", async () => {
      const other = await h.open();
      const id = "halton-2011-03-07-1";
      const results = await Promise.all([
        store.setStatus(id, "done", "Ann", T1),
        other.setStatus(id, "done", "Bob", T1),
        store.setStatus(id, "done", "Cy", T1),
        other.setStatus(id, "done", "Di", T1),
      ]);
      expect(results.filter((r) => r !== null)).toHaveLength(1);
      expect(await store.history(id)).toHaveLength(1);
    });

    it("survives a restart: statuses, owners and history", async () => {
      await store.setStatus("oxfordshire-2011-03-07-1", "done", "Ann", T1);
      await store.setStatus("derby-2011-03-07-1", "in-progress", "Ann", T1);
      await store.assign("derby-2011-03-07-1", "Bob", "Ann", T1);
      await store.subscribe("slack", "C1", "09:00", "Ann", T1);
      await store.close();

      const again = await h.open();
      // The bot re-reads the corpus at start: statuses must come through that too.
      await again.syncActions(corpus(), T2);
      expect(await again.getAction("oxfordshire-2011-03-07-1")).toMatchObject({ status: "done" });
      expect(await again.getAction("derby-2011-03-07-1")).toMatchObject({ status: "in-progress", owner: "Bob" });
      expect(await again.history("derby-2011-03-07-1")).toHaveLength(2);
      expect(await again.listSubscriptions()).toHaveLength(1);
    });
  });

  describe("subscriptions", () => {
    it("subscribes, changes the time, lists and unsubscribes", async () => {
      await store.subscribe("teams", "19:abc", "09:00", "Ann", T0);
      await store.subscribe("slack", "C2", "08:30", "Bob", T0);
      await store.subscribe("slack", "C1", "09:00", "Ann", T0);
      const changed = await store.subscribe("slack", "C1", "07:45", "Cy", T1);
      expect(changed).toEqual({ platform: "slack", destination: "C1", time: "07:45", authorities: [], createdBy: "Cy", createdAt: T1.toISOString() });
      expect((await store.listSubscriptions()).map((s) => `${s.platform}:${s.destination}@${s.time}`)).toEqual([
        "slack:C1@07:45",
        "slack:C2@08:30",
        "teams:19:abc@09:00",
      ]);
      expect(await store.listSubscriptions("teams")).toEqual([
        { platform: "teams", destination: "19:abc", time: "09:00", authorities: [], createdBy: "Ann", createdAt: T0.toISOString() },
      ]);
      // Scoped to some authorities; subscribing again replaces the scope (empty = all again).
      await store.subscribe("teams", "19:abc", "09:00", "Ann", T1, ["Halton", "Derby"]);
      expect((await store.listSubscriptions("teams"))[0].authorities).toEqual(["Halton", "Derby"]);
      await store.subscribe("teams", "19:abc", "09:00", "Ann", T1);
      expect((await store.listSubscriptions("teams"))[0].authorities).toEqual([]);
      expect(await store.unsubscribe("slack", "C2")).toBe(true);
      expect(await store.unsubscribe("slack", "C2")).toBe(false);
      expect(await store.listSubscriptions("slack")).toHaveLength(1);
    });
  });

  describe("digest sends", () => {
    const key: DigestSendKey = { platform: "slack", destination: "C1", day: "2024-05-01" };
    const lease = (from: Date, minutes = 10) => new Date(from.getTime() + minutes * MINUTE);

    it("lets one claim win, and never again once sent", async () => {
      expect(await store.claimDigestSend(key, "A", T0, lease(T0))).toBe(true);
      expect(await store.claimDigestSend(key, "B", T0, lease(T0))).toBe(false);
      expect(await store.claimDigestSend({ ...key, day: "2024-05-02" }, "B", T0, lease(T0))).toBe(true);
      expect(await store.markDigestSent(key, "A", T0)).toBe(true);
      const later = new Date(T0.getTime() + 60 * MINUTE);
      expect(await store.claimDigestSend(key, "B", later, lease(later))).toBe(false);
      expect(await store.getDigestSend(key)).toMatchObject({ state: "sent", claimedBy: "A", attempts: 1, sentAt: T0.toISOString() });
    });

    it("after a failure: not claimable before retryAt, claimable after, counted", async () => {
      await store.claimDigestSend(key, "A", T0, lease(T0));
      const retryAt = new Date(T0.getTime() + MINUTE);
      await store.releaseDigestSend(key, "A", "channel_not_found", T0, retryAt);
      expect(await store.getDigestSend(key)).toMatchObject({ state: "failed", lastError: "channel_not_found", sentAt: null });
      expect(await store.claimDigestSend(key, "B", T0, lease(T0))).toBe(false);
      expect(await store.claimDigestSend(key, "B", retryAt, lease(retryAt))).toBe(true);
      expect(await store.getDigestSend(key)).toMatchObject({ state: "claimed", claimedBy: "B", attempts: 2 });
      // A stale owner cannot release someone else's claim.
      await store.releaseDigestSend(key, "A", "late", retryAt, retryAt);
      expect(await store.getDigestSend(key)).toMatchObject({ state: "claimed", claimedBy: "B" });
    });

    it("lets another replica take over an expired claim; the old owner learns it lost it", async () => {
      await store.claimDigestSend(key, "A", T0, lease(T0));
      const expired = lease(T0);
      expect(await store.claimDigestSend(key, "B", new Date(expired.getTime() - 1), lease(expired))).toBe(false);
      expect(await store.claimDigestSend(key, "B", expired, lease(expired))).toBe(true);
      expect(await store.markDigestSent(key, "A", expired)).toBe(false);
      expect(await store.getDigestSend(key)).toMatchObject({ state: "sent" });
    });

    it("gives exactly one of many concurrent claims from two instances", async () => {
      const other = await h.open();
      const claims = Array.from({ length: 16 }, (_, i) => (i % 2 ? store : other).claimDigestSend(key, `R${i}`, T0, lease(T0)));
      expect((await Promise.all(claims)).filter(Boolean)).toHaveLength(1);
    });
  });

  describe("delivery memory", () => {
    const later = (from: Date, minutes: number) => new Date(from.getTime() + minutes * MINUTE);

    it("says first time once per key across instances, and again once the memory has expired", async () => {
      const other = await h.open();
      expect(await store.rememberDelivery("slack:event:Ev1", T0, later(T0, 60))).toBe(true);
      expect(await other.rememberDelivery("slack:event:Ev1", later(T0, 1), later(T0, 61))).toBe(false);
      expect(await store.rememberDelivery("slack:event:Ev1", later(T0, 59), later(T0, 119))).toBe(false);
      expect(await other.rememberDelivery("teams:19:abc|1", T0, later(T0, 60))).toBe(true);
      // Expired: offered again, it is new again (and remembered for its new time).
      expect(await other.rememberDelivery("slack:event:Ev1", later(T0, 60), later(T0, 120))).toBe(true);
      expect(await store.rememberDelivery("slack:event:Ev1", later(T0, 61), later(T0, 121))).toBe(false);
    });

    it("lets exactly one of many concurrent offers of one key win", async () => {
      const other = await h.open();
      const offers = Array.from({ length: 12 }, (_, i) => (i % 2 ? store : other).rememberDelivery("slack:event:EvX", T0, later(T0, 60)));
      expect((await Promise.all(offers)).filter(Boolean)).toHaveLength(1);
    });
  });

  describe("conversation references", () => {
    it("saves, replaces, reads and lists them", async () => {
      const ref = { conversation: { id: "19:abc" }, serviceUrl: "https://smba.example/", bot: { id: "b" } };
      expect(await store.getConversationReference("19:abc")).toBeNull();
      await store.saveConversationReference("19:abc", ref);
      await store.saveConversationReference("19:def", { n: 1 });
      await store.saveConversationReference("19:def", { n: 2 });
      expect(await store.getConversationReference("19:abc")).toEqual(ref);
      expect(await store.listConversationReferences()).toEqual([
        { conversationId: "19:abc", reference: ref },
        { conversationId: "19:def", reference: { n: 2 } },
      ]);
    });
  });

  defineFeedbackContract(() => ({ h, store }));
  defineFollowUpContract(() => ({ h, store }));
}
