/**
 * Reads a PDF's text with Mozilla's PDF.js (pure JavaScript: nothing to install on the
 * server), page by page, laid out as `pdftotext -layout` would (see pdfLayout.ts), with
 * the page of every line kept for citations. A file that is not a usable PDF comes back
 * as a problem with a stable code and what to do about it, never as an exception.
 */
import { readFileSync } from "node:fs";
import { layoutPage, type PositionedText } from "./pdfLayout.js";

/** Text of a paged document: `pages[i]` is the 1-based page of `lines[i]`. */
export interface PagedText {
  lines: string[];
  pages: number[];
}

/** Why a file could not be read, with a stable code. */
export interface ReadProblem {
  code: string;
  reason: string;
}

/** True when the bytes start like a PDF (the header may follow a little junk). */
function hasPdfHeader(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString("latin1");
  return head.includes("%PDF-");
}

function notAPdf(bytes: Uint8Array): ReadProblem {
  const head = Buffer.from(bytes.subarray(0, 2048)).toString("utf8").toLowerCase();
  if (/<!doctype html|<html|<head|<body/.test(head)) {
    return { code: "NOT_A_PDF", reason: "is a web page saved with a .pdf name, not the report: download the PDF again from the report's page on reports.ofsted.gov.uk" };
  }
  return { code: "PDF_CORRUPT", reason: "is not a PDF (it has no PDF header): download it again" };
}

function damaged(err: unknown): ReadProblem {
  return { code: "PDF_CORRUPT", reason: `is a damaged PDF (${(err as Error).message}): download it again` };
}

/** Loads PDF.js once; its legacy build is the one meant for Node. */
let pdfjs: Promise<typeof import("pdfjs-dist/legacy/build/pdf.mjs")> | null = null;
function loadPdfjs() {
  pdfjs ??= importKeepingBuiltins();
  return pdfjs;
}

/**
 * The legacy build carries core-js, which on Node 20 replaces `Array.prototype.push`,
 * `JSON.parse` and `JSON.stringify` for the whole process with spec-edge-case versions
 * written in JavaScript. They are several times slower (a tenth of the time spent reading
 * a PDF was the replaced push) and slow every array and cache read in the bot besides.
 * Node's own versions do everything PDF.js needs, so they are put back once it has loaded.
 * What core-js only adds (Promise.withResolvers, Set methods …) is left in place.
 */
async function importKeepingBuiltins() {
  const push = Array.prototype.push;
  const { parse, stringify } = JSON;
  try {
    const lib = await import("pdfjs-dist/legacy/build/pdf.mjs");
    // Node has no web workers, so PDF.js runs its worker code in this thread; it would
    // import it (and core-js again) on the first document. Loading it here, where the
    // built-ins are put back afterwards, and handing it over the way PDF.js looks for it
    // (globalThis.pdfjsWorker) keeps the replaced built-ins out for good.
    const worker = (await import("pdfjs-dist/legacy/build/pdf.worker.mjs")) as { WorkerMessageHandler: unknown };
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker ??= { WorkerMessageHandler: worker.WorkerMessageHandler };
    return lib;
  } finally {
    Object.defineProperty(Array.prototype, "push", { value: push, writable: true, configurable: true, enumerable: false });
    Object.defineProperty(JSON, "parse", { value: parse, writable: true, configurable: true, enumerable: false });
    Object.defineProperty(JSON, "stringify", { value: stringify, writable: true, configurable: true, enumerable: false });
  }
}

/** Reads every page of a PDF. */
export async function readPdf(bytes: Uint8Array): Promise<PagedText | ReadProblem> {
  if (!hasPdfHeader(bytes)) return notAPdf(bytes);
  const { getDocument } = await loadPdfjs();
  // PDF.js takes ownership of (detaches) the buffer it is given: hand it a copy.
  const task = getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, stopAtErrors: false });
  let doc;
  try {
    doc = await task.promise;
  } catch (err) {
    const name = (err as Error).name;
    if (name === "PasswordException") return { code: "PDF_ENCRYPTED", reason: "is protected by a password: save an unprotected copy (or download it again from Ofsted)" };
    return damaged(err);
  }
  try {
    const lines: string[] = [];
    const pages: number[] = [];
    let textChars = 0;
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      const pageLines = layoutPage(content.items.filter((i): i is PositionedText & typeof i => "str" in i));
      for (const l of pageLines) {
        lines.push(l);
        pages.push(p);
        textChars += l.trim().length;
      }
      // A blank line between pages, as the page break a reader sees (it belongs to the page above).
      lines.push("");
      pages.push(p);
      page.cleanup();
    }
    if (textChars === 0) return { code: "PDF_NO_TEXT", reason: "has no text layer (a scanned document): run it through OCR and save the result as a PDF with text, or as .txt" };
    return { lines, pages };
  } catch (err) {
    return damaged(err);
  } finally {
    await doc.destroy();
  }
}

/**
 * A PDF to read: its bytes, or its file's path. A path is read where the PDF is parsed (in
 * a worker thread), so the caller need not hold every file of a large corpus in memory.
 */
export type PdfSource = Uint8Array | { path: string };

/** Reads a PDF from its bytes or its file; a file that cannot be opened is a problem too. */
export async function readPdfFrom(source: PdfSource): Promise<PagedText | ReadProblem> {
  let bytes: Uint8Array;
  try {
    bytes = "path" in source ? readFileSync(source.path) : source;
  } catch (err) {
    return { code: "FILE_UNREADABLE", reason: `cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})` };
  }
  return readPdf(bytes);
}
