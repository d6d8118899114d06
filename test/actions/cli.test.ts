/**
 * The built command-line tools (dist/, as `npm test` builds it), spawned as an operator
 * would run them: `actions done <id>` takes an action out of the next `digest` and is in
 * its history, on SQLite (DATA_DIR) and PostgreSQL (DATABASE_URL).
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Digest } from "../../src/digest/types.js";
import { describePostgres, TEST_DATABASE_URL, withSearchPath } from "../store/harness.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const DIGEST = path.join(ROOT, "dist/src/cli/digest.js");
const ACTIONS = path.join(ROOT, "dist/src/cli/actions.js");
const run = promisify(execFile);

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a built CLI with a clean environment: only what the test sets reaches the settings. */
async function cli(script: string, args: string[], env: Record<string, string>): Promise<Result> {
  try {
    const { stdout, stderr } = await run(process.execPath, [script, ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? "", HOME: os.tmpdir(), CORPUS_DIR: path.join(ROOT, "seeds"), ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === "number" ? e.code : -1, stdout: e.stdout ?? "", stderr: e.stderr ?? "" };
  }
}

function cliSuite(env: () => Record<string, string>): void {
  beforeAll(() => {
    if (!fs.existsSync(DIGEST) || !fs.existsSync(ACTIONS)) throw new Error("Build first: npx tsc -p . (npm test does it).");
  });

  it("actions done <id> removes it from the next digest, and it is in the history", async () => {
    const before = await cli(DIGEST, ["--json", "--date", "2011-09-01"], env());
    expect(before.code, before.stderr).toBe(0);
    const digest = JSON.parse(before.stdout) as Digest;
    const ox = digest.groups.find((g) => g.authority === "Oxfordshire");
    const target = ox?.actions.find((a) => a.timescale === "Immediately");
    expect(target).toMatchObject({ due: "2011-05-06", overdue: true, daysOverdue: 118 });

    const done = await cli(ACTIONS, ["done", target!.ref, "--by", "Pat Jones"], env());
    expect(done.code, done.stderr).toBe(0);
    expect(done.stdout).toContain(`done: ${target!.ref} (Oxfordshire) status open -> done`);

    const after = JSON.parse((await cli(DIGEST, ["--json", "--date", "2011-09-01"], env())).stdout) as Digest;
    expect(after.openCount).toBe(digest.openCount - 1);
    expect(after.groups.flatMap((g) => g.actions.map((a) => a.id))).not.toContain(target!.id);
    const text = await cli(DIGEST, ["--date", "2011-09-01", "--no-sync"], env());
    expect(text.stdout).not.toContain(target!.ref);
    expect(text.stdout).toContain("Open inspection actions, 2011-09-01");

    const history = await cli(ACTIONS, ["history", target!.ref, "--json"], env());
    expect(JSON.parse(history.stdout).changes).toEqual([
      { actionId: target!.id, at: expect.any(String), by: "Pat Jones (cli)", field: "status", from: "open", to: "done" },
    ]);
    const listed = await cli(ACTIONS, ["list", "--authority", "oxfordshire", "--overdue", "--date", "2011-09-01", "--no-sync"], env());
    expect(listed.stdout).not.toContain(target!.ref);

    const reopened = await cli(ACTIONS, ["reopen", target!.id, "--by", "Pat Jones", "--no-sync"], env());
    expect(reopened.code).toBe(0);
    const back = JSON.parse((await cli(DIGEST, ["--json", "--date", "2011-09-01", "--no-sync"], env())).stdout) as Digest;
    expect(back.openCount).toBe(digest.openCount);
  });

  it("fails with the error code, a hint and exit code 1", async () => {
    const unknown = await cli(ACTIONS, ["done", "zzzzzzzz", "--no-sync"], env());
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/\[ACTION_NOT_FOUND\][^\n]*\n\s+How to fix: /);
    const badDate = await cli(DIGEST, ["--date", "2011-02-30"], env());
    expect(badDate).toMatchObject({ code: 1, stderr: expect.stringContaining("[BAD_REQUEST]") });
    const noCorpus = await cli(DIGEST, ["--corpus", path.join(os.tmpdir(), "no-such-corpus-dir")], env());
    expect(noCorpus).toMatchObject({ code: 1, stderr: expect.stringContaining("[CORPUS_NOT_FOUND]") });
  });
}

describe("CLI on SQLite (DATA_DIR)", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "actions-cli-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  cliSuite(() => ({ DATA_DIR: dir }));
});

await describePostgres("CLI on PostgreSQL (DATABASE_URL)", () => {
  const schema = `test_${randomBytes(6).toString("hex")}`;
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await c.connect();
    await c.query(sql).finally(() => c.end());
  };
  beforeAll(() => admin(`CREATE SCHEMA ${schema}`));
  afterAll(() => admin(`DROP SCHEMA IF EXISTS ${schema} CASCADE`));
  cliSuite(() => ({ DATA_DIR: path.join(os.tmpdir(), "unused-data-dir"), DATABASE_URL: withSearchPath(TEST_DATABASE_URL, schema) }));
});
