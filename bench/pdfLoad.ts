/**
 * One load of a corpus, in its own process so its memory is its own: prints the time to
 * read, extract and index it, how many reports and skipped files, and the peak RSS.
 * Usage: node dist/bench/pdfLoad.js <corpus> [cacheDir]
 */
import { loadKnowledgeBase } from "../src/index/load.js";

const [corpusDir, cacheDir] = process.argv.slice(2);
const t0 = performance.now();
const cpu0 = process.cpuUsage();
const { kb, problems } = await loadKnowledgeBase({ corpusDir, cacheDir, clock: () => new Date("2026-12-01T09:00:00Z") });
kb.warm();
const ms = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
// CPU time of every thread (the PDF workers included): a figure that a busy machine inflates far less than the wall clock.
console.log(JSON.stringify({ ms: Math.round(ms), cpuMs: Math.round((cpu.user + cpu.system) / 1000), reports: kb.reports.length, problems: problems.length, maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024) }));
