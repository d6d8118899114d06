/** `npm run ask` as people run it: the built CLI in a child process. */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const ask = (...args: string[]) => spawnSync("node", ["dist/src/cli/ask.js", ...args], { encoding: "utf8" });

describe("npm run ask", () => {
  it("answers one question with its sources, and a batch as JSON lines (blank lines skipped)", () => {
    const one = ask("What was Halton's staying safe grade?");
    expect(one.status).toBe(0);
    expect(one.stdout).toContain("Outstanding");
    expect(one.stdout).toContain("002_f7ea8ef697b3b1a6.txt, line 65");
    const file = join(mkdtempSync(join(tmpdir(), "batch-")), "q.txt");
    writeFileSync(file, "Derby overall effectiveness\n\n  \nWhat was Gotham's grade?\n");
    const batch = ask("--json", "--batch", file);
    const answers = batch.stdout.trim().split("\n").map((l) => JSON.parse(l) as { answered: boolean });
    expect(answers.map((a) => a.answered)).toEqual([true, false]);
  });

  it("answers every batch line on its own: a follow-up-like line carries nothing from the line before", () => {
    const file = join(mkdtempSync(join(tmpdir(), "batch-")), "q.txt");
    writeFileSync(file, "What was Halton's staying safe grade?\nwhat about Derby?\n");
    const [, second] = ask("--json", "--batch", file).stdout.trim().split("\n");
    expect(second).toBe(ask("--json", "what about Derby?").stdout.trim());
    expect(JSON.parse(second)).not.toHaveProperty("asked");
    expect(second).not.toContain("following on");
  });

  it("says which file it could not read, with the fix, and exits 1", () => {
    const missing = ask("--batch", "/nonexistent/questions.txt");
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain("[FILE_UNREADABLE] Cannot read the questions file /nonexistent/questions.txt");
    expect(missing.stderr).toContain("How to fix");
    const corpus = ask("--corpus", "/nonexistent/corpus", "Derby");
    expect(corpus.status).toBe(1);
    expect(corpus.stderr).toContain("[CORPUS_NOT_FOUND]");
  });
});
