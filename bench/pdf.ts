/**
 * The PDF part of `npm run bench`: cold ingest (no text cache) and warm restart (cache
 * filled, files unchanged) of a PDF corpus the bench builds itself, each in a fresh
 * process (with the Node flags the bench itself runs with, as npm start has them) with its peak RSS; then the same for the shared sample of real Ofsted reports
 * when it is beside the project (../shared/reports).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, symlinkSync } from "node:fs";
import { join, resolve } from "node:path";
import { pdfCorpus } from "./pdfCorpus.js";

function load(corpus: string, cacheDir: string): { ms: number; cpuMs: number; reports: number; problems: number; maxRssMB: number } {
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
    `${label}: cold ingest ${(cold.ms / 1000).toFixed(1)} s (CPU ${(cold.cpuMs / 1000).toFixed(1)} s; ${cold.reports} reports, ${cold.problems} skipped, peak RSS ${cold.maxRssMB} MB); ` +
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
  if (!existsSync(real)) return;
  coldAndWarm("real Ofsted sample (../shared/reports)", real, root);
  coldAndWarm(`the real sample repeated to ${count} PDFs`, repeatedSample(real, root, count), root);
}

/**
 * The real sample's PDFs linked over and over under .bench until there are `count`: a cold
 * load of as many real reports as the target speaks of (every copy is read, since nothing
 * is cached before a cold start), without keeping Ofsted's files anywhere but beside the project.
 */
function repeatedSample(real: string, root: string, count: number): string {
  const dir = join(root, `real-sample-x${count}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const pdfs = readdirSync(real).filter((f) => f.toLowerCase().endsWith(".pdf"));
  for (let i = 0; i < count && pdfs.length; i++) symlinkSync(join(real, pdfs[i % pdfs.length]), join(dir, `${String(Math.floor(i / pdfs.length)).padStart(2, "0")}-${pdfs[i % pdfs.length]}`));
  return dir;
}
