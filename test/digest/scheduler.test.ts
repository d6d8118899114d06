import { describe } from "vitest";
import { describePostgres, postgresHarness, sqliteHarness } from "../store/harness.js";
import { defineSchedulerSuite } from "./scheduler-suite.js";

describe("DigestScheduler on SQLite", () => defineSchedulerSuite(sqliteHarness));
await describePostgres("DigestScheduler on PostgreSQL", () => defineSchedulerSuite(postgresHarness));
