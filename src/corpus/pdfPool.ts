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
import { readPdf, type PagedText, type ReadProblem } from "./pdf.js";

/** Below this many PDFs, workers are not worth starting. */
const MIN_FOR_WORKERS = 4;

/** The compiled worker script beside this module, or null when running from sources. */
function workerScript(): string | null {
  const path = fileURLToPath(new URL("./pdfWorker.js", import.meta.url));
  return existsSync(path) ? path : null;
}

/** Reads each PDF; results are in the order given. */
export async function readPdfs(files: readonly Uint8Array[], opts: { threads?: number } = {}): Promise<(PagedText | ReadProblem)[]> {
  const script = workerScript();
  const threads = Math.min(opts.threads ?? availableParallelism(), files.length);
  if (!script || threads < 2 || files.length < MIN_FOR_WORKERS) {
    const out: (PagedText | ReadProblem)[] = [];
    for (const f of files) out.push(await readPdf(f));
    return out;
  }
  const results: (PagedText | ReadProblem)[] = new Array(files.length);
  let next = 0;
  const runWorker = () =>
    new Promise<void>((resolve, reject) => {
      const worker = new Worker(script);
      let current = -1;
      const feed = () => {
        if (next >= files.length) {
          void worker.terminate().then(() => resolve());
          return;
        }
        current = next++;
        worker.postMessage(files[current]);
      };
      worker.on("message", (r: PagedText | ReadProblem) => {
        results[current] = r;
        feed();
      });
      worker.on("error", (err) => {
        // A worker that dies (out of memory on a huge file) loses only its current file.
        if (current >= 0) results[current] = { code: "PDF_CORRUPT", reason: `could not be read (${err.message})` };
        reject(err);
      });
      feed();
    });
  const workers = Array.from({ length: threads }, () => runWorker());
  await Promise.allSettled(workers);
  // Whatever a failed worker left unread is read here, so no file is silently dropped.
  for (let i = 0; i < files.length; i++) results[i] ??= await readPdf(files[i]);
  return results;
}
