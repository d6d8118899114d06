/**
 * Backends for the contract tests: a fresh SQLite file or a fresh PostgreSQL schema per
 * test, and `open()` to get another Store on the same database (a restart, or a second
 * replica). PostgreSQL is found at TEST_DATABASE_URL; without it the PostgreSQL suites
 * skip with a notice, except under CI=true, where they fail.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { describe, it } from "vitest";
import type { Clock } from "../../src/clock.js";
import { PostgresStore } from "../../src/store/postgres.js";
import { SqliteStore } from "../../src/store/sqlite.js";
import type { Store } from "../../src/store/types.js";

/** One test's database. */
export interface StoreHarness {
  /** Opens (and migrates) a new Store instance on this test's database. */
  open(opts?: { clock?: Clock; migrate?: boolean }): Promise<Store>;
  /** Closes every store opened and removes the database. */
  cleanup(): Promise<void>;
}

/** Makes a fresh database for one test. */
export type HarnessFactory = () => Promise<StoreHarness>;

/** A fresh SQLite file in a temp folder. */
export const sqliteHarness: HarnessFactory = async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "actions-store-"));
  const opened: Store[] = [];
  return {
    async open(opts = {}) {
      const store = new SqliteStore({ file: path.join(dir, "bot.sqlite"), clock: opts.clock });
      opened.push(store);
      if (opts.migrate !== false) await store.migrate();
      return store;
    },
    async cleanup() {
      for (const s of opened) await s.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
};

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/test";

/** The URL with the search_path set to `schema` (pg passes `options` to the server at connect). */
export function withSearchPath(url: string, schema: string): string {
  const u = new URL(url);
  u.searchParams.set("options", `-c search_path=${schema}`);
  return u.toString();
}

/** A fresh schema `test_<random>` in the test database: its DATABASE_URL, and `drop()` to remove it. */
export async function freshSchema(): Promise<{ url: string; drop(): Promise<void> }> {
  const schema = `test_${randomBytes(6).toString("hex")}`;
  await admin(`CREATE SCHEMA ${schema}`);
  return { url: withSearchPath(TEST_DATABASE_URL, schema), drop: () => admin(`DROP SCHEMA IF EXISTS ${schema} CASCADE`) };
}

/** A fresh schema in the test database per test, dropped afterwards. */
export const postgresHarness: HarnessFactory = async () => {
  const schema = await freshSchema();
  const opened: Store[] = [];
  return {
    async open(opts = {}) {
      const store = new PostgresStore({ connectionString: schema.url, clock: opts.clock });
      opened.push(store);
      if (opts.migrate !== false) await store.migrate();
      return store;
    },
    async cleanup() {
      for (const s of opened) await s.close();
      await schema.drop();
    },
  };
};

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Why PostgreSQL cannot be used, or null when it answers. Probed once per test file. */
export async function postgresProblem(): Promise<string | null> {
  try {
    await admin("SELECT 1");
    return null;
  } catch (err) {
    return err instanceof Error ? err.message || err.constructor.name : String(err);
  }
}

let probed: Promise<string | null> | null = null;

/**
 * `describe` for PostgreSQL suites: runs them when PostgreSQL answers; otherwise skips them
 * with a visible notice, or under CI=true replaces them with one failing test, because CI
 * must really exercise PostgreSQL. Await it at the top level of the test file.
 */
export async function describePostgres(name: string, body: () => void): Promise<void> {
  probed ??= postgresProblem();
  const problem = await probed;
  if (problem === null) {
    describe(name, body);
    return;
  }
  const where = TEST_DATABASE_URL.replace(/\/\/[^@/]*@/, "//…@");
  if (process.env.CI === "true") {
    describe(name, () => {
      it("needs PostgreSQL (CI=true)", () => {
        throw new Error(`PostgreSQL at ${where} does not answer (${problem}); CI must run the PostgreSQL suites.`);
      });
    });
    return;
  }
  console.warn(`\n*** NOTICE: skipping "${name}": PostgreSQL at ${where} does not answer (${problem}). Set TEST_DATABASE_URL to run it. ***\n`);
  describe.skip(name, body);
}
