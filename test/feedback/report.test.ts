/** The feedback core: wording, periods, the report's grouping, and what QUESTION_LOG_DAYS keeps. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { answerFeedbackCommand, isFeedbackCommand } from "../../src/feedback/command.js";
import { buildFeedbackReport, renderFeedbackText, topNotUnderstood } from "../../src/feedback/report.js";
import { FeedbackService } from "../../src/feedback/service.js";
import { parseSince } from "../../src/feedback/since.js";
import { normaliseWording, notUnderstoodOf, reasonOf } from "../../src/feedback/wording.js";
import { SqliteStore } from "../../src/store/sqlite.js";
import type { UnansweredQuestion } from "../../src/store/feedbackTypes.js";
import type { Answer } from "../../src/types.js";
import { testClock } from "../store/fixtures.js";

const NOW = new Date("2026-11-20T12:00:00.000Z");

function answer(question: string, over: Partial<Answer> = {}): Answer {
  return { question, kind: "unknown", answered: false, text: `I don't recognise "${question}".\nTry: Halton`, judgements: [], citations: [], ...over };
}

describe("wording", () => {
  it("groups a question's spellings of case, apostrophes, accents and punctuation together, and keeps different words apart", () => {
    expect(normaliseWording("Halton’s  grade?")).toBe(normaliseWording("haltons grade"));
    expect(normaliseWording("Café  results!")).toBe("cafe results");
    expect(normaliseWording("Halton grade")).not.toBe(normaliseWording("Halton grades"));
  });

  it("reads the reason from the answer's first line and the not-understood words when the answer names them", () => {
    expect(reasonOf(answer("x"))).toBe('I don\'t recognise "x".');
    expect(notUnderstoodOf(answer("x"))).toEqual([]);
    expect(notUnderstoodOf({ ...answer("x"), notUnderstood: [" quidditch", " "] })).toEqual(["quidditch"]);
  });
});

describe("parseSince", () => {
  it("takes hours, days, weeks back from now and dates", () => {
    expect(parseSince("7d", NOW).toISOString()).toBe("2026-11-13T12:00:00.000Z");
    expect(parseSince("12h", NOW).toISOString()).toBe("2026-11-20T00:00:00.000Z");
    expect(parseSince("2w", NOW).toISOString()).toBe("2026-11-06T12:00:00.000Z");
    expect(parseSince("2026-11-01", NOW).toISOString()).toBe("2026-11-01T00:00:00.000Z");
  });
  it("refuses anything else with a hint", () => {
    for (const bad of ["7", "seven days", "2026-02-30", "-3d"]) expect(() => parseSince(bad, NOW)).toThrow(/not a period or a date/);
  });
});

describe("the report", () => {
  const q = (question: string, askedAt: string, notUnderstood: string[] = []): UnansweredQuestion => ({
    platform: "slack",
    question,
    wording: normaliseWording(question),
    kind: "unknown",
    reason: `reason for ${question}`,
    notUnderstood,
    askedAt,
  });

  it("groups by wording, most asked first, with the latest wording and reason, and counts the words not understood per question asked", () => {
    const report = buildFeedbackReport(
      [q("Atlantis grade?", "2026-11-01T10:00:00.000Z", ["Atlantis"]), q("Gotham", "2026-11-02T10:00:00.000Z", ["Gotham"]), q("atlantis grade", "2026-11-03T10:00:00.000Z", ["Atlantis"])],
      [],
    );
    expect(report.unanswered).toEqual([
      { question: "atlantis grade", count: 2, lastAsked: "2026-11-03T10:00:00.000Z", reason: "reason for atlantis grade", notUnderstood: ["Atlantis"] },
      { question: "Gotham", count: 1, lastAsked: "2026-11-02T10:00:00.000Z", reason: "reason for Gotham", notUnderstood: ["Gotham"] },
    ]);
    expect(topNotUnderstood(report)).toEqual([
      { word: "atlantis", count: 2 },
      { word: "gotham", count: 1 },
    ]);
    const text = renderFeedbackText(report, { since: null, keepDays: 30 });
    expect(text).toContain('2× "atlantis grade" (last 2026-11-03): reason for atlantis grade');
    expect(text).toContain("Words most often not understood: atlantis (2), gotham (1)");
  });

  it("lists 👎 latest first with question and comment, and counts 👍", () => {
    const base = { answerId: "a", platform: "teams" as const, userId: "u", kind: "grade", answered: true, citations: [{ file: "f.txt", line: 3, lineEnd: 3, quote: "q" }] };
    const report = buildFeedbackReport(
      [],
      [
        { ...base, vote: "down", comment: "wrong year", question: "Q1", votedAt: "2026-11-01T00:00:00.000Z" },
        { ...base, vote: "up", comment: null, question: "Q2", votedAt: "2026-11-02T00:00:00.000Z" },
        { ...base, vote: "down", comment: null, question: "Q3", votedAt: "2026-11-03T00:00:00.000Z" },
      ],
    );
    expect(report.negative.map((n) => [n.question, n.comment])).toEqual([["Q3", null], ["Q1", "wrong year"]]);
    expect(report.positive).toBe(1);
    expect(renderFeedbackText(report, { since: null, keepDays: 30 })).toContain('- "Q1" (grade, citing f.txt line 3, teams 2026-11-01): wrong year');
  });
});

describe("FeedbackService", () => {
  let dir: string;
  let store: SqliteStore;
  const clock = testClock(NOW.toISOString());
  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "feedback-service-"));
    store = new SqliteStore({ file: path.join(dir, "bot.sqlite") });
    await store.migrate();
  });
  afterEach(async () => {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("keeps unanswered chat questions only, reports only what is younger than QUESTION_LOG_DAYS, and purges the rest", async () => {
    const svc = new FeedbackService({ store, clock, settings: { adminUsers: [], questionLogDays: 7 } });
    await svc.noteAnswer(answer("Atlantis"), "slack");
    await svc.noteAnswer(answer("help", { kind: "help", answered: true }), "slack");
    await svc.noteAnswer(answer("Halton", { kind: "grade", answered: true }), "slack");
    clock.set("2026-11-25T12:00:00.000Z");
    await svc.noteAnswer(answer("Gotham"), "teams");
    expect((await svc.report()).unanswered.map((g) => g.question)).toEqual(["Gotham", "Atlantis"]);
    clock.set("2026-11-28T12:00:00.000Z"); // Atlantis is 8 days old
    expect((await svc.report()).unanswered.map((g) => g.question)).toEqual(["Gotham"]);
    expect(await svc.purge()).toEqual({ unanswered: 1, votes: 0 });
    expect(await store.listUnanswered(new Date(0))).toHaveLength(1);
  });

  it("with QUESTION_LOG_DAYS=0 writes nothing, votes nothing, and the command says so", async () => {
    const svc = new FeedbackService({ store, clock, settings: { adminUsers: [], questionLogDays: 0 } });
    expect(svc.keeping).toBe(false);
    await svc.noteAnswer(answer("Atlantis"), "terminal");
    await svc.vote({ answerId: "a", platform: "slack", userId: "U1", vote: "down", comment: "x" }, answer("Atlantis"));
    expect(await store.listUnanswered(new Date(0))).toEqual([]);
    expect(await store.listVotes(new Date(0))).toEqual([]);
    expect((await answerFeedbackCommand(svc, "feedback", "U1")).text).toContain("QUESTION_LOG_DAYS is 0");
  });

  it("the feedback command is for ADMIN_USERS only when set, and takes a period", async () => {
    const svc = new FeedbackService({ store, clock, settings: { adminUsers: ["UADMIN"], questionLogDays: 30 } });
    expect(isFeedbackCommand("feedback")).toBe(true);
    expect(isFeedbackCommand("Feedback since 7d")).toBe(true);
    expect(isFeedbackCommand("feedback on Halton's report")).toBe(false);
    const refused = await answerFeedbackCommand(svc, "feedback", "USTAFF");
    expect(refused).toMatchObject({ ok: false, text: expect.stringContaining("ADMIN_USERS") });
    expect(refused.text).toContain("USTAFF");
    expect(await answerFeedbackCommand(svc, "feedback 7d", "UADMIN")).toMatchObject({ ok: true, text: expect.stringMatching(/^Feedback since .*: 0 unanswered questions/) });
    expect(await answerFeedbackCommand(svc, "feedback soon", "UADMIN")).toMatchObject({ ok: false, text: expect.stringContaining("not a period") });
  });

  it("a failing store costs the log a row, never the answer, and the log line holds no question text", async () => {
    const lines: string[] = [];
    const svc = new FeedbackService({ store, clock, settings: { adminUsers: [] }, log: (l) => lines.push(l) });
    await store.close();
    await expect(svc.noteAnswer(answer("Atlantis Street child J"), "teams")).resolves.toBeUndefined();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("STORE_FAILED");
    expect(lines[0]).not.toMatch(/atlantis|child J/i);
  });
});

describe("QUESTION_LOG_DAYS", () => {
  it("defaults to 30 days, takes 0 (keep nothing), and refuses anything but whole days", async () => {
    const { loadSettings } = await import("../../src/config.js");
    expect(loadSettings({}).questionLogDays).toBe(30);
    expect(loadSettings({ QUESTION_LOG_DAYS: "0" }).questionLogDays).toBe(0);
    expect(loadSettings({ QUESTION_LOG_DAYS: " 90 " }).questionLogDays).toBe(90);
    for (const bad of ["-1", "1.5", "thirty"]) expect(() => loadSettings({ QUESTION_LOG_DAYS: bad })).toThrow(/QUESTION_LOG_DAYS must be a whole number/);
  });
});

describe("the words an answer did not understand, from the real core", () => {
  it("names an unknown place and a condition it could not apply, and none for a question it answered", async () => {
    const { loadBot } = await import("../../src/bot.js");
    const bot = await loadBot({ corpusDir: "seeds" });
    expect(notUnderstoodOf(bot.ask("What is the weather in Paris?"))).toEqual(["Paris"]);
    expect(notUnderstoodOf(bot.ask("Which councils in Narnia were good?"))).toEqual(["narnia"]);
    expect(notUnderstoodOf(bot.ask("What was Halton's staying safe grade?"))).toEqual([]);
  });
});
