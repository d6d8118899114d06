import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // The Slack/Teams tests bind loopback ports; forks keep native modules (better-sqlite3) isolated.
    pool: "forks",
  },
});
