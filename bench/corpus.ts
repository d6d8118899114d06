/**
 * Synthetic corpora for the benchmark, shaped like the real reports: each file is one of
 * the seed reports with another authority's name, a different year within its
 * framework's span, and shuffled grades in its table rows.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { join } from "node:path";

const SEED_NAMES = /\b(County Durham|Durham|Stockton-on-Tees|Stockton on Tees|STOCKTON-ON-TEES|Stockton|Halton|Derby City|Derby|Oxfordshire|OXFORDSHIRE)\b/g;
const SLAC_GRADES = ["Outstanding", "Good", "Adequate", "Inadequate"];

/** A small deterministic PRNG so runs are comparable. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Writes `count` reports into `dir` (once; reused when already there) and returns the folder. */
export function syntheticCorpus(root: string, count: number, authorities: string[]): string {
  const dir = join(root, `corpus-${count}`);
  if (existsSync(dir) && readdirSync(dir).length === count) return dir;
  mkdirSync(dir, { recursive: true });
  const seeds = readdirSync("seeds").sort().map((f) => readFileSync(join("seeds", f), "utf8"));
  const rand = rng(count);
  for (let i = 0; i < count; i++) {
    const template = seeds[i % seeds.length];
    const name = authorities[Math.floor(rand() * authorities.length)];
    // Years move within the framework's span so the framework stays the same.
    const shift = Math.floor(rand() * 2);
    const text = template
      .replace(SEED_NAMES, name)
      .replace(/\b(2010|2011)\b/g, (y) => String(Number(y) + shift))
      .replace(/\t(Outstanding|Good|Adequate|Inadequate)\b/g, () => `\t${SLAC_GRADES[Math.floor(rand() * 4)]}`);
    writeFileSync(join(dir, `${String(i).padStart(5, "0")}.txt`), text);
  }
  return dir;
}
