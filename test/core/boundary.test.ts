import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith(".ts") ? [p] : [];
  });
}

describe("the core knows nothing of Slack or Teams", () => {
  it("no module under src/ (but the start-up wiring in src/cli) imports a platform SDK or an adapter", () => {
    const offenders = files("src")
      .filter((f) => !f.startsWith(join("src", "cli")))
      .filter((f) => /from\s+["'](@slack\/|botbuilder|botframework-|\.\.\/.*adapters\/)/.test(readFileSync(f, "utf8")));
    expect(offenders).toEqual([]);
  });

  it("only src/config.ts reads process.env", () => {
    const readers = [...files("src"), ...files("adapters")].filter((f) => /process\.env/.test(readFileSync(f, "utf8")));
    expect(readers).toEqual([join("src", "config.ts")]);
  });
});
