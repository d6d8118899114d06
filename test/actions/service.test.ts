import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { answerActionsCommand, handleActionsCommand } from "../../src/actions/command.js";
import { AppError } from "../../src/errors.js";
import { renderActionsReplyText } from "../../src/actions/render.js";
import { ActionsService } from "../../src/actions/service.js";
import type { ActionsContext } from "../../src/actions/types.js";
import { shortId } from "../../src/store/rows.js";
import type { Store } from "../../src/store/types.js";
import { corpus, testClock } from "../store/fixtures.js";
import { sqliteHarness, type StoreHarness } from "../store/harness.js";

const digest = { timeZone: "Europe/London", time: "09:00", days: "weekdays" };
const ann = { id: "U_ANN", name: "Ann" };
const bob = { id: "U_BOB", name: "Bob" };
const OX1 = "oxfordshire-2011-03-07-1";

describe("ActionsService", () => {
  let h: StoreHarness;
  let store: Store;
  // 23:30 UTC on 31 Aug 2011 is already 1 September in London (BST).
  const clock = testClock("2011-08-31T23:30:00Z");
  const service = (adminUsers: string[] = []) => new ActionsService({ store, clock, settings: { adminUsers, digest } });

  beforeEach(async () => {
    h = await sqliteHarness();
    store = await h.open();
    await store.syncActions(corpus(), clock());
  });
  afterEach(async () => {
    await h.cleanup();
  });

  it("lists open actions, overdue first, with days overdue as of today in DIGEST_TZ", async () => {
    const res = await service().list();
    expect(res.date).toBe("2011-09-01");
    expect(res.actions.map((a) => [a.authority, a.due, a.overdue, a.daysOverdue])).toEqual([
      ["Oxfordshire", "2011-05-06", true, 118],
      ["Oxfordshire", "2011-08-06", true, 26],
      ["Derby", "2017-09-20", false, 0],
      ["Halton", null, false, 0],
    ]);
    expect(res.actions[0].ref).toBe(shortId(OX1));
  });

  it("filters by authority (case-insensitive, or a unique part of a name) and overdue", async () => {
    expect((await service().list({ authority: "OXFORDSHIRE" })).actions).toHaveLength(2);
    expect((await service().list({ authority: "oxford" })).authority).toBe("Oxfordshire");
    expect((await service().list({ overdue: true })).actions.map((a) => a.authority)).toEqual(["Oxfordshire", "Oxfordshire"]);
    expect((await service().list({ overdue: true, date: "2011-05-06" })).actions).toEqual([]);
    await expect(service().list({ authority: "Nowhere" })).rejects.toMatchObject({ code: "BAD_REQUEST", hint: expect.stringContaining("Derby, Halton, Oxfordshire") });
  });

  it("marks done by short id (or a unique 4+ prefix) and records who did it", async () => {
    const s = service();
    const res = await s.markDone(shortId(OX1).slice(0, 5), ann);
    expect(res.action).toMatchObject({ id: OX1, status: "done", overdue: false });
    expect(res.change).toMatchObject({ by: "Ann (U_ANN)", from: "open", to: "done", at: clock().toISOString() });
    expect((await s.list()).actions.map((a) => a.id)).not.toContain(OX1);
    expect((await s.markDone(OX1, ann)).change).toBeNull();
    await s.reopen(OX1, bob);
    await s.setInProgress(OX1, bob);
    await s.assign(OX1, "Cy", bob);
    const { changes } = await s.history(OX1);
    expect(changes.map((c) => `${c.by}: ${c.field} ${c.from} -> ${c.to}`)).toEqual([
      "Ann (U_ANN): status open -> done",
      "Bob (U_BOB): status done -> open",
      "Bob (U_BOB): status open -> in-progress",
      "Bob (U_BOB): owner null -> Cy",
    ]);
  });

  it("refuses too-short, ambiguous and unknown ids", async () => {
    await expect(service().markDone("ab", ann)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(service().markDone("oxfordshire", ann)).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("matches 2") });
    await expect(service().markDone("zzzzzzzz", ann)).rejects.toMatchObject({ code: "ACTION_NOT_FOUND" });
  });

  it("with ADMIN_USERS, refuses anyone else's change, says why and who may; reading stays open", async () => {
    const s = service(["U_ANN", "U_CY"]);
    const refused = s.markDone(OX1, bob);
    await expect(refused).rejects.toMatchObject({
      code: "NOT_ALLOWED",
      message: expect.stringContaining("ADMIN_USERS"),
      hint: expect.stringMatching(/U_ANN, U_CY.*U_BOB/),
    });
    await expect(s.assign(OX1, "Bob", bob)).rejects.toMatchObject({ code: "NOT_ALLOWED" });
    expect((await store.getAction(OX1))?.status).toBe("open");
    expect(await store.history(OX1)).toEqual([]);
    expect((await s.list()).actions).toHaveLength(4);
    expect((await s.markDone(OX1, ann)).change?.to).toBe("done");
  });
});

describe("handleActionsCommand", () => {
  let h: StoreHarness;
  let store: Store;
  const clock = testClock("2011-09-01T08:00:00Z");
  const ctx: ActionsContext = { actor: bob, platform: "slack", destination: "C42" };

  beforeEach(async () => {
    h = await sqliteHarness();
    store = await h.open();
    await store.syncActions(corpus(), clock());
  });
  afterEach(async () => {
    await h.cleanup();
  });

  const run = (words: string, adminUsers: string[] = [], c = ctx) =>
    handleActionsCommand(new ActionsService({ store, clock, settings: { adminUsers, digest } }), words, c);

  it("lists, with a headline and the actions to render", async () => {
    const all = await run("");
    expect(all).toMatchObject({ command: "list", ok: true, text: "4 open actions, 2 overdue:" });
    expect(all.actions).toHaveLength(4);
    expect(await run("halton")).toMatchObject({ text: "1 open action for Halton, 0 overdue:" });
    expect(await run("overdue Halton")).toMatchObject({ command: "overdue", text: "Nothing overdue for Halton.", actions: [] });
    const text = renderActionsReplyText(await run("overdue"));
    expect(text).toContain(`${shortId(OX1)}  Oxfordshire: Recommendation 1 for Oxfordshire - overdue by 118 days (due 2011-05-06)`);
    expect(text).toContain("oxfordshire.txt, line 11");
  });

  it("marks done from chat words; the reply names the action", async () => {
    const reply = await run(`actions done ${shortId(OX1)}`);
    expect(reply).toMatchObject({ command: "done", ok: true, text: `Marked done: ${shortId(OX1)} (Oxfordshire).` });
    expect(reply.actions[0]).toMatchObject({ id: OX1, status: "done" });
    expect((await run(`done ${shortId(OX1)}`)).text).toBe(`${shortId(OX1)} was already done.`);
    expect((await run("")).actions.map((a) => a.id)).not.toContain(OX1);
  });

  it("turns a refusal or bad words into a reply with the code and a hint", async () => {
    const refused = await run(`done ${shortId(OX1)}`, ["U_ANN"]);
    expect(refused).toMatchObject({ command: "error", ok: false, error: { code: "NOT_ALLOWED", hint: expect.stringContaining("U_ANN") } });
    expect(refused.text).toContain("Sorry Bob");
    expect(await run("done")).toMatchObject({ ok: false, error: { code: "BAD_REQUEST" } });
    expect(await run("done 12345678")).toMatchObject({ ok: false, error: { code: "ACTION_NOT_FOUND" } });
    expect(await run("subscribe 25:00")).toMatchObject({ ok: false, error: { code: "BAD_REQUEST" } });
  });

  it("subscribes and unsubscribes the destination it came from", async () => {
    expect(await run("subscribe")).toMatchObject({ ok: true, text: expect.stringContaining("09:00 (Europe/London), on weekdays") });
    await run("subscribe 7:45", [], { actor: ann, platform: "teams", destination: "19:conv" });
    expect((await store.listSubscriptions()).map((s) => [s.platform, s.destination, s.time, s.createdBy])).toEqual([
      ["slack", "C42", "09:00", "Bob (U_BOB)"],
      ["teams", "19:conv", "07:45", "Ann (U_ANN)"],
    ]);
    expect((await run("unsubscribe")).text).toContain("Unsubscribed");
    expect((await run("unsubscribe")).text).toContain("was not subscribed");
  });

  it("answers help", async () => {
    expect((await run("help")).text).toContain("actions done <id>");
  });
});

describe("answerActionsCommand (what the chat adapters call)", () => {
  it("turns a store failure into a reply that says nothing was changed, and logs the details", async () => {
    const broken = {
      listActions: async () => {
        throw new AppError("STORE_FAILED", "connection to the database was lost");
      },
    } as unknown as Store;
    const service = new ActionsService({ store: broken, clock: testClock("2024-05-01T08:00:00Z"), settings: { adminUsers: [], digest } });
    const logs: string[] = [];
    const reply = await answerActionsCommand(service, "actions overdue", { actor: ann, platform: "slack", destination: "C1" }, (l) => logs.push(l));
    expect(reply).toMatchObject({ command: "error", ok: false, error: { code: "STORE_FAILED" } });
    expect(reply.text).toContain("nothing was changed");
    expect(logs.join("\n")).toContain("connection to the database was lost");
  });
});
