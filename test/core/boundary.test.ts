import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith(".ts") ? [p] : [];
  });
}

describe("the core knows nothing of Slack or Teams", () => {
  it("no module under src/ imports a platform SDK or an adapter (the wiring is app/)", () => {
    const offenders = files("src")
      .filter((f) => /from\s+["'](@slack\/|botbuilder|botframework-|\.\.\/.*adapters\/)/.test(readFileSync(f, "utf8")));
    expect(offenders).toEqual([]);
  });

  it("only src/config.ts reads process.env", () => {
    const readers = [...files("src"), ...files("adapters"), ...files("app")].filter((f) => /process\.env/.test(readFileSync(f, "utf8")));
    expect(readers).toEqual([join("src", "config.ts")]);
  });
});

/** Relative imports of a file (static, type-only and dynamic), as repository paths. */
function importsOf(file: string): string[] {
  const src = readFileSync(file, "utf8");
  return [...src.matchAll(/(?:from\s+|import\s*\(\s*)["'](\.[^"']+)["']/g)].map((m) => relative(".", resolve(dirname(file), m[1].replace(/\.js$/, ".ts"))));
}

/** Every circle of an import graph, each as the files on it (Tarjan's strongly connected components). */
function circles(graph: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const out: string[][] = [];
  const visit = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    for (const w of graph.get(v)!) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (stack.includes(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const part: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      part.push(w);
    } while (w !== v);
    if (part.length > 1 || graph.get(v)!.includes(v)) out.push(part.sort());
  };
  for (const f of graph.keys()) if (!index.has(f)) visit(f);
  return out;
}

describe("the house has no import circles", () => {
  it("no module of src/, adapters/ or app/ imports, even for a type, a module that imports it back", () => {
    const all = [...files("src"), ...files("adapters"), ...files("app")];
    expect(circles(new Map(all.map((f) => [f, importsOf(f).filter((d) => all.includes(d))])))).toEqual([]);
  });

  it("the check reads every kind of import and finds circles through several files", () => {
    expect(importsOf(join("src", "bot.ts"))).toEqual(expect.arrayContaining([join("src", "types.ts"), join("src", "index", "load.ts")]));
    const graph = new Map([
      ["a", ["b"]],
      ["b", ["c"]],
      ["c", ["a"]],
      ["d", ["a", "d"]],
      ["e", []],
    ]);
    expect(circles(graph)).toEqual([["a", "b", "c"], ["d"]]);
  });
});
