/**
 * The question log from the terminal chat to the report, as an operator runs them: the
 * built `npm start` (terminal chat, questions on stdin) and `npm run feedback`, spawned
 * with a clean environment and a SQLite DATA_DIR.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FeedbackReport } from "../../src/feedback/report.js";
import { sqliteFile } from "../../src/store/open.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const START = path.join(ROOT, "dist/app/start.js");
const FEEDBACK = path.join(ROOT, "dist/src/cli/feedback.js");

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a built CLI with only the variables given (and PATH, HOME, CORPUS_DIR), `input` on stdin. */
function run(script: string, args: string[], env: Record<string, string>, input = ""): Promise<Result> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [script, ...args],
      { cwd: ROOT, env: { PATH: process.env.PATH ?? "", HOME: os.tmpdir(), CORPUS_DIR: path.join(ROOT, "seeds"), ...env } },
      (err, stdout, stderr) => resolve({ code: err ? Number((err as { code?: number }).code ?? -1) : 0, stdout, stderr }),
    );
    child.stdin!.end(input);
  });
}

// Two wordings of one question the bot cannot answer (no such council), and one it can.
const UNANSWERABLE = ["What did Ofsted say about Atlantis?", "what did ofsted say about atlantis"];
const ANSWERABLE = "What was Halton's staying safe grade?";
// A list with a condition the bot cannot apply: withheld, naming the word.
const CONDITION = "Which councils were good at quidditch?";

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "feedback-cli-"));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function rows(table: string): number {
  const db = new Database(sqliteFile(dir), { readonly: true });
  try {
    return Number((db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n);
  } finally {
    db.close();
  }
}

describe("the question log from the terminal chat", () => {
  it("a question the bot cannot answer, asked twice, is in npm run feedback -- --json with count 2; its text is never logged", async () => {
    const chat = await run(START, [], { DATA_DIR: dir }, [...UNANSWERABLE, ANSWERABLE, CONDITION, "exit", ""].join("\n"));
    expect(chat.code, chat.stderr).toBe(0);
    expect(chat.stdout).toContain("Atlantis");
    expect(chat.stderr.toLowerCase()).not.toContain("atlantis");

    const res = await run(FEEDBACK, ["--json"], { DATA_DIR: dir });
    expect(res.code, res.stderr).toBe(0);
    const report = JSON.parse(res.stdout) as FeedbackReport;
    expect(Object.keys(report)).toEqual(["unanswered", "negative", "positive"]);
    expect(report.unanswered).toHaveLength(2);
    expect(report.unanswered[0]).toMatchObject({ question: UNANSWERABLE[1], count: 2, reason: expect.stringMatching(/atlantis/i) });
    expect(Object.keys(report.unanswered[0]).sort()).toEqual(["count", "lastAsked", "notUnderstood", "question", "reason"]);
    expect(Date.now() - Date.parse(report.unanswered[0].lastAsked)).toBeLessThan(60_000);
    expect(report.unanswered[1]).toMatchObject({ question: CONDITION, count: 1, notUnderstood: ["quidditch"] });
    expect(report).toMatchObject({ negative: [], positive: 0 });

    const text = await run(FEEDBACK, ["--since", "1d"], { DATA_DIR: dir });
    expect(text.stdout).toContain(`2× "${UNANSWERABLE[1]}"`);
    expect((await run(FEEDBACK, ["--since", "soon"], { DATA_DIR: dir })).stderr).toContain("[BAD_REQUEST]");

    // "feedback" in the terminal chat is the same report.
    const asked = await run(START, [], { DATA_DIR: dir }, "feedback 7d\n");
    expect(asked.stdout).toMatch(/3 unanswered questions, 0 👎, 0 👍/);
    expect(asked.stdout).toMatch(/Words most often not understood: .*quidditch \(1\)/);
  });

  it("with QUESTION_LOG_DAYS=0 nothing is kept, and what was kept before is purged at start", async () => {
    await run(START, [], { DATA_DIR: dir }, `${UNANSWERABLE[0]}\n`);
    expect(rows("unanswered_questions")).toBe(1);

    const chat = await run(START, [], { DATA_DIR: dir, QUESTION_LOG_DAYS: "0" }, UNANSWERABLE.join("\n") + "\n");
    expect(chat.code, chat.stderr).toBe(0);
    expect(rows("unanswered_questions")).toBe(0);
    expect(rows("feedback_votes")).toBe(0);
    const res = await run(FEEDBACK, ["--json"], { DATA_DIR: dir, QUESTION_LOG_DAYS: "0" });
    expect(JSON.parse(res.stdout)).toEqual({ unanswered: [], negative: [], positive: 0 });
  });

  it("a bad QUESTION_LOG_DAYS stops with the variable's name and the fix", async () => {
    const res = await run(FEEDBACK, [], { DATA_DIR: dir, QUESTION_LOG_DAYS: "a month" });
    expect(res.code).toBe(1);
    expect(res.stderr).toContain("QUESTION_LOG_DAYS must be a whole number of days");
  });
});
