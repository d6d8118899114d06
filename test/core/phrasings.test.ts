import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Questions in staff's own words (test/fixtures/phrasings.jsonl), in the shapes of issue 9:
 * places and kinds of council, frameworks and time, change, words in the reports, any area,
 * every inspection, several questions in one, counts, actions by timescale, and conditions
 * the bot has no meaning for. Written from the fixture reports (layouts and query reports
 * together: two councils with two inspections of one framework), not from the bot's answers.
 */
describe("questions in staff's own words", () => {
  it("answers every one rightly, and none wrongly (no council that does not fit, no condition dropped)", () => {
    const dir = mkdtempSync(join(tmpdir(), "phrasings-corpus-"));
    cpSync("test/fixtures/reports", join(dir, "layouts"), { recursive: true });
    cpSync("test/fixtures/query-reports", join(dir, "query"), { recursive: true });
    const run = spawnSync("node", ["test/eval/grade.mjs", "--corpus", dir, "--questions", "test/fixtures/phrasings.jsonl", "--max-wrong", "0"], { encoding: "utf8" });
    expect(run.stdout).toContain("wrong or invented answers: 0");
    expect(run.stdout, run.stdout).toMatch(/eval: (\d+)\/\1 passed/);
    expect(run.status).toBe(0);
  });
});
