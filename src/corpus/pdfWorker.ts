/**
 * Worker thread body for pdfPool.ts: reads one PDF a message and posts back its text or
 * its problem.
 */
import { parentPort } from "node:worker_threads";
import { readPdf } from "./pdf.js";

parentPort?.on("message", (bytes: Uint8Array) => {
  void readPdf(bytes).then((r) => parentPort!.postMessage(r));
});
