/** PDF.js's worker module ships without types; the bot uses only its message handler. */
declare module "pdfjs-dist/legacy/build/pdf.worker.mjs" {
  export const WorkerMessageHandler: unknown;
}
