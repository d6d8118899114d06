/**
 * `npm run bench`: load+index time, memory, and answer latency per question kind on
 * synthetic corpora of 1,000 and 10,000 reports, beside plain minisearch on the same
 * passages and queries; then a 1,000-question --batch on the seeds, process start included.
 * Figures, not pass/fail: they are recorded in the README.
 */
import { spawnSync } from "node:child_process";
import { writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { cpus } from "node:os";
import MiniSearch from "minisearch";
import { loadVocabulary } from "../src/knowledge/load.js";
import { buildLexicon } from "../src/knowledge/lexicon.js";
import { loadKnowledgeBase } from "../src/index/load.js";
import { ask } from "../src/ask/ask.js";
import { syntheticCorpus } from "./corpus.js";
import { benchPdf } from "./pdf.js";

const ROOT = ".bench";
const sizes = (process.argv[2] ?? "1000,10000").split(",").map(Number).filter((n) => n > 0);
/** PDF reports for the ingest benchmark (third argument; 0 skips it). */
const pdfCount = Number(process.argv[3] ?? "500");

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

const fmt = (ms: number) => `${ms.toFixed(ms < 1 ? 3 : 1)} ms`;
const mb = (b: number) => `${Math.round(b / 1024 / 1024)} MB`;

function questions(authorities: string[]): Record<string, string[]> {
  const pick = (i: number) => authorities[i % authorities.length];
  const n = 300;
  const make = (f: (a: string, b: string, i: number) => string) => Array.from({ length: n }, (_, i) => f(pick(i * 7), pick(i * 13 + 5), i));
  return {
    grade: make((a, _b, i) => [`What was ${a}'s staying safe grade?`, `${a} overall effectiveness`, `${a} capacity for improvement safeguarding`, `${a} leadership and management`][i % 4]),
    table: make((a) => `${a} judgements`),
    list: make((_a, _b, i) => [`Which councils were outstanding for leadership and management?`, `Which authorities were rated inadequate for staying safe?`, `Which councils were good for overall effectiveness?`][i % 3]),
    compare: make((a, b) => `Compare ${a} and ${b} on overall effectiveness`),
    facts: make((a, _b, i) => [`How many case files did inspectors look at in ${a}?`, `When was ${a}'s report published?`, `When did the ${a} inspection take place?`][i % 3]),
    actions: make((a) => `What did Ofsted recommend for ${a}?`),
    freeText: make((a, _b, i) =>
      [`What did the ${a} report say about elected members?`, `children in care council imaginative work`, `electd membrs champions`, `What did ${a} say about the Serious Case Review?`, `CAMHS learning disabilities access`][i % 5],
    ),
  };
}

function time(f: () => void): number {
  const t = process.hrtime.bigint();
  f();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

async function benchSize(count: number): Promise<void> {
  const lex = buildLexicon(loadVocabulary());
  const names = lex.vocab.authorities.map((a) => a.name);
  const dir = syntheticCorpus(ROOT, count, names);
  if (global.gc) global.gc();
  const t0 = performance.now();
  const { kb } = await loadKnowledgeBase({ corpusDir: dir, clock: () => new Date("2026-11-22T09:00:00Z") });
  const loadOnly = performance.now() - t0;
  kb.warm();
  const loadMs = performance.now() - t0;
  const mem = process.memoryUsage();
  console.log(`\n== ${count} reports, ${kb.passages.length} passages`);
  console.log(`load + extract + index: ${(loadMs / 1000).toFixed(1)} s (read+extract ${(loadOnly / 1000).toFixed(1)} s, passage index ${((loadMs - loadOnly) / 1000).toFixed(1)} s); heap ${mb(mem.heapUsed)}, RSS ${mb(mem.rss)}`);
  const qs = questions(kb.authorities());
  for (const [kind, list] of Object.entries(qs)) {
    list.slice(0, 20).forEach((q) => ask(q, kb)); // warm the JIT and per-authority indexes
    const times = list.map((q) => time(() => ask(q, kb)));
    console.log(`${kind.padEnd(9)} p50 ${fmt(percentile(times, 50))}  p99 ${fmt(percentile(times, 99))}`);
  }
  // Plain minisearch: default options, fuzzy OR, on the same passages and free-text queries.
  // At 10,000 reports it takes about a second a query: compared at 1,000 only.
  if (count > 1000) return;
  const plain = new MiniSearch<{ id: number; text: string }>({ fields: ["text"] });
  const tp = performance.now();
  plain.addAll(kb.passages.map((p) => ({ id: p.id, text: p.text })));
  const plainIndexMs = performance.now() - tp;
  const exact = qs.freeText.map((q) => time(() => plain.search(q)));
  const fuzzy = qs.freeText.map((q) => time(() => plain.search(q, { fuzzy: 0.2 })));
  console.log(`plain minisearch (index ${(plainIndexMs / 1000).toFixed(1)} s): exact p50 ${fmt(percentile(exact, 50))} p99 ${fmt(percentile(exact, 99))}; fuzzy p50 ${fmt(percentile(fuzzy, 50))} p99 ${fmt(percentile(fuzzy, 99))}`);
}

function benchBatch(): void {
  const all = Object.values(questions(["Halton", "Derby", "Durham", "Oxfordshire", "Stockton-on-Tees", "Manchester"])).flat().slice(0, 1000);
  mkdirSync(ROOT, { recursive: true });
  const file = join(ROOT, "batch-1000.txt");
  writeFileSync(file, all.join("\n") + "\n");
  const t = performance.now();
  const run = spawnSync("node", ["dist/src/cli/ask.js", "--json", "--batch", file], { encoding: "utf8", maxBuffer: 1 << 28 });
  const ms = performance.now() - t;
  const lines = run.stdout.split("\n").filter((l) => l.startsWith("{")).length;
  console.log(`\n== --batch of ${all.length} questions on seeds/: ${Math.round(ms)} ms including process start (${lines} answers, exit ${run.status})`);
}

console.log(`machine: ${cpus().length} cores, ${cpus()[0]?.model ?? "unknown CPU"}, Node ${process.version}`);
for (const n of sizes) await benchSize(n);
benchBatch();
if (pdfCount > 0) await benchPdf(ROOT, pdfCount, buildLexicon(loadVocabulary()).vocab.authorities.map((a) => a.name));
