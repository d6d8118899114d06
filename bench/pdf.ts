/**
 * The PDF part of `npm run bench`: cold ingest (no text cache) and warm restart (cache
 * filled, files unchanged) of a PDF corpus the bench builds itself, each in a fresh
 * process (with the Node flags the bench itself runs with, as npm start has them) with its peak RSS; then the same for the shared sample of real Ofsted reports
 * when it is beside the project (../shared/reports).
 */
import { spawnSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { pdfCorpus } from "./pdfCorpus.js";

function load(corpus: string, cacheDir: string): { ms: number; reports: number; problems: number; maxRssMB: number } {
  const run = spawnSync("node", [...process.execArgv, "dist/bench/pdfLoad.js", corpus, cacheDir], { encoding: "utf8", maxBuffer: 1 << 26 });
  if (run.status !== 0) throw new Error(`load of ${corpus} failed: ${run.stderr.slice(-500)}`);
  return JSON.parse(run.stdout.trim().split("\n").pop()!);
}

function coldAndWarm(label: string, corpus: string, root: string): void {
  const cache = join(root, `text-cache-${label.replace(/\W+/g, "-")}`);
  rmSync(cache, { recursive: true, force: true });
  const cold = load(corpus, cache);
  const warm = load(corpus, cache);
  console.log(
    `${label}: cold ingest ${(cold.ms / 1000).toFixed(1)} s (${cold.reports} reports, ${cold.problems} skipped, peak RSS ${cold.maxRssMB} MB); ` +
      `restart with the text cache ${(warm.ms / 1000).toFixed(1)} s (peak RSS ${warm.maxRssMB} MB)`,
  );
}

/** Runs the PDF benchmark on `count` built reports (and the real sample when present). */
export async function benchPdf(root: string, count: number, authorities: string[]): Promise<void> {
  const t = performance.now();
  const dir = await pdfCorpus(root, count, authorities);
  console.log(`\n== PDF corpus: ${count} built reports of about 20 pages (built or reused in ${((performance.now() - t) / 1000).toFixed(1)} s)`);
  coldAndWarm(`${count} built PDFs`, dir, root);
  const real = resolve("../shared/reports");
  if (existsSync(real)) coldAndWarm("real Ofsted sample (../shared/reports)", real, root);
}
