import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

// test/eval holds a copy of the shared grader and public questions, so CI runs them from
// any checkout. The grader runs `npm run ask` (the built CLI), exactly as the evaluation does.
describe("answer evaluation", () => {
  it("passes every public question on the seed corpus", () => {
    const run = spawnSync("node", ["test/eval/grade.mjs", "--questions", "test/eval/questions.jsonl"], { encoding: "utf8" });
    expect(run.stdout).toContain("wrong or invented answers: 0");
    expect(run.stdout, run.stdout).toMatch(/eval: (\d+)\/\1 passed/);
    expect(run.status).toBe(0);
  });
});
