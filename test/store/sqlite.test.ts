import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openStore, sqliteFile } from "../../src/store/open.js";
import { defineStoreContract } from "./contract.js";
import { sqliteHarness } from "./harness.js";

describe("SQLite store", () => {
  defineStoreContract(sqliteHarness);

  it("openStore without DATABASE_URL makes ${dataDir}/bot.sqlite in WAL mode", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "actions-open-"));
    const dataDir = path.join(dir, "nested", "data");
    const store = await openStore({ dataDir });
    try {
      expect(store.backend).toBe("sqlite");
      expect(fs.existsSync(sqliteFile(dataDir))).toBe(true);
      expect(sqliteFile(dataDir)).toBe(path.resolve(dataDir, "bot.sqlite"));
      expect(fs.existsSync(`${sqliteFile(dataDir)}-wal`)).toBe(true);
    } finally {
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("reports an unusable data folder as STORE_FAILED with a hint", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "actions-open-"));
    const file = path.join(dir, "not-a-dir");
    fs.writeFileSync(file, "x");
    // The driver's own error is kept as the cause, for the log.
    await expect(openStore({ dataDir: file })).rejects.toMatchObject({ code: "STORE_FAILED", hint: expect.stringContaining("DATA_DIR"), cause: expect.objectContaining({ code: expect.stringMatching(/^E[A-Z]+$/) }) });
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
