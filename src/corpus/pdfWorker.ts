/**
 * Worker thread body for pdfPool.ts: reads the PDFs it is sent one after another (the pool
 * keeps a second one queued) and posts back each one's text or problem with its index.
 */
import { parentPort } from "node:worker_threads";
import { readPdfFrom, type PdfSource } from "./pdf.js";
import { useSyncDecompression } from "./syncDecompression.js";

/** A file to read, as the pool sends it. */
export interface PdfJob {
  index: number;
  source: PdfSource;
}

// This thread only reads PDFs: Node's web-stream DecompressionStream costs more than it saves here.
useSyncDecompression();

// One at a time: two documents read in parallel in one thread take no less time and twice the memory.
let queue: Promise<void> = Promise.resolve();
parentPort?.on("message", ({ index, source }: PdfJob) => {
  queue = queue.then(async () => parentPort!.postMessage({ index, result: await readPdfFrom(source) }));
});
