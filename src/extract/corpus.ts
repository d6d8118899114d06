/**
 * Extracts every file of a corpus, in this thread or spread over worker threads for large
 * corpora (extraction is CPU-bound and each file is independent). Either way the result is
 * in file order, and a file that fails is a problem, not a crash.
 */
import { cpus } from "node:os";
import { Worker } from "node:worker_threads";
import type { LoadProblem } from "../bot.js";
import type { SourceFile } from "../corpus/read.js";
import type { Lexicon } from "../knowledge/lexicon.js";
import type { Passage, Report } from "../types.js";
import { extractReport } from "./report.js";

/** What a corpus yields. `loose` are passages of files that name no authority (still searchable). */
export interface Extracted {
  reports: Report[];
  loose: Passage[];
  problems: LoadProblem[];
}

/** Extracts files in this thread. */
export function extractFiles(files: SourceFile[], lex: Lexicon): Extracted {
  const out: Extracted = { reports: [], loose: [], problems: [] };
  for (const f of files) {
    try {
      const r = extractReport(f, lex);
      if (r.report) out.reports.push(r.report);
      else {
        out.loose.push(...(r.passagesOnly ?? []));
        out.problems.push({ file: f.file, code: "NO_AUTHORITY", reason: r.problem ?? "could not be read" });
      }
    } catch (err) {
      // One odd file must not stop the rest of the corpus from loading.
      out.problems.push({ file: f.file, code: "FILE_UNPARSABLE", reason: `could not be parsed (${(err as Error).message})` });
    }
  }
  return out;
}

/** Below this many files, starting workers costs more than it saves. */
const PARALLEL_FROM = 400;

/**
 * Extracts files over worker threads when the corpus is large and the code runs built
 * (workers load dist/ JavaScript; tests run TypeScript and small corpora, in-thread).
 */
export async function extractCorpus(files: SourceFile[], lex: Lexicon, knowledgeDir?: string): Promise<Extracted> {
  const workerUrl = new URL("./worker.js", import.meta.url);
  const threads = Math.min(cpus().length, 8);
  if (files.length < PARALLEL_FROM || threads < 2 || !import.meta.url.endsWith(".js")) return extractFiles(files, lex);
  const chunks: SourceFile[][] = Array.from({ length: threads }, () => []);
  files.forEach((f, i) => chunks[Math.floor((i * threads) / files.length)].push(f));
  const parts = await Promise.all(
    chunks.map(
      (chunk) =>
        new Promise<Extracted>((resolve, reject) => {
          const w = new Worker(workerUrl, { workerData: { files: chunk, knowledgeDir } });
          w.once("message", (m: Extracted) => {
            resolve(m);
            void w.terminate();
          });
          w.once("error", reject);
        }),
    ),
  );
  return {
    reports: parts.flatMap((p) => p.reports),
    loose: parts.flatMap((p) => p.loose),
    problems: parts.flatMap((p) => p.problems),
  };
}
