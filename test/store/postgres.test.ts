import { expect, it } from "vitest";
import { openStore } from "../../src/store/open.js";
import { defineStoreContract } from "./contract.js";
import { describePostgres, postgresHarness } from "./harness.js";

await describePostgres("PostgreSQL store", () => {
  defineStoreContract(postgresHarness);

  it("openStore with DATABASE_URL picks PostgreSQL; a dead server is STORE_FAILED with a hint", async () => {
    await expect(openStore({ dataDir: "unused", databaseUrl: "postgres://postgres@127.0.0.1:1/none" })).rejects.toMatchObject({
      code: "STORE_FAILED",
      hint: expect.stringContaining("DATABASE_URL"),
      cause: expect.objectContaining({ code: "ECONNREFUSED" }),
    });
  });
});
