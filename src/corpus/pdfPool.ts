/**
 * Reads many PDFs at once in worker threads: PDF.js is CPU-bound, so a corpus of hundreds
 * of reports loads in a fraction of the time on a machine with several cores. A few files,
 * or a run from TypeScript sources (tests), are read in this thread instead: starting a
 * worker costs more than it saves there.
 */
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { readPdfFrom, type PagedText, type PdfSource, type ReadProblem } from "./pdf.js";
import type { PdfJob } from "./pdfWorker.js";

/** Below this many PDFs, workers are not worth starting. */
const MIN_FOR_WORKERS = 4;

/**
 * Files handed to a worker before it has finished the one it is reading. The caller's
 * `onRead` (extraction) runs on this thread between messages; with one file queued the
 * worker never sits idle while this thread is busy with an earlier result.
 */
const IN_FLIGHT = 2;

/** One PDF's text, or why it could not be read. */
export type PdfResult = PagedText | ReadProblem;

/** Options for `readPdfs`. */
export interface PoolOptions {
  /** Worker threads (default: one per core). */
  threads?: number;
  /**
   * Called with each result as soon as it is read, in whatever order the files finish, so
   * the caller can work on it while the other files are still being read.
   */
  onRead?: (index: number, result: PdfResult) => void;
}

/** The compiled worker script beside this module, or null when running from sources. */
function workerScript(): string | null {
  const path = fileURLToPath(new URL("./pdfWorker.js", import.meta.url));
  return existsSync(path) ? path : null;
}

/** Reads each PDF (its bytes, or its file read in the worker); results are in the order given. */
export async function readPdfs(files: readonly PdfSource[], opts: PoolOptions = {}): Promise<PdfResult[]> {
  const results: PdfResult[] = new Array(files.length);
  const done = (i: number, r: PdfResult) => {
    results[i] = r;
    opts.onRead?.(i, r);
  };
  const script = workerScript();
  const threads = Math.min(opts.threads ?? availableParallelism(), files.length);
  if (!script || threads < 2 || files.length < MIN_FOR_WORKERS) {
    for (let i = 0; i < files.length; i++) done(i, await readPdfFrom(files[i]));
    return results;
  }
  let next = 0;
  const runWorker = () =>
    new Promise<void>((resolve, reject) => {
      const worker = new Worker(script);
      // The files this worker holds, until it answers for each.
      const queued = new Set<number>();
      const feed = () => {
        while (queued.size < IN_FLIGHT && next < files.length) {
          queued.add(next);
          worker.postMessage({ index: next, source: files[next++] } satisfies PdfJob);
        }
        if (!queued.size) void worker.terminate().then(() => resolve());
      };
      worker.on("message", ({ index: i, result: r }: { index: number; result: PdfResult }) => {
        queued.delete(i);
        // Next file first, so the worker reads on while this thread handles the result.
        feed();
        done(i, r);
      });
      worker.on("error", (err) => {
        // A worker that dies (out of memory on a huge file) loses only the file it was
        // reading (its first); the one queued behind it is read again below.
        const [current] = queued;
        if (current !== undefined) done(current, { code: "PDF_CORRUPT", reason: `could not be read (${err.message})` });
        reject(err);
      });
      feed();
    });
  const workers = Array.from({ length: threads }, () => runWorker());
  await Promise.allSettled(workers);
  // Whatever a failed worker left unread is read here, so no file is silently dropped.
  for (let i = 0; i < files.length; i++) if (!results[i]) done(i, await readPdfFrom(files[i]));
  return results;
}
