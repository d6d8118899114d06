/**
 * One load of a corpus, in its own process so its memory is its own: prints the time to
 * read, extract and index it, how many reports and skipped files, and the peak RSS.
 * Usage: node dist/bench/pdfLoad.js <corpus> [cacheDir]
 */
import { loadKnowledgeBase } from "../src/index/load.js";

const [corpusDir, cacheDir] = process.argv.slice(2);
const t0 = performance.now();
const { kb, problems } = await loadKnowledgeBase({ corpusDir, cacheDir, clock: () => new Date("2026-12-01T09:00:00Z") });
kb.warm();
const ms = performance.now() - t0;
console.log(JSON.stringify({ ms: Math.round(ms), reports: kb.reports.length, problems: problems.length, maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024) }));
