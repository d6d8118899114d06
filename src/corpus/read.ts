/**
 * Reads a corpus folder: every .pdf, .docx, .txt and .md file (sub-folders included), as
 * lines (and, for PDFs, the page of each line). A file that cannot be used (unreadable,
 * empty, binary, a web page saved as .pdf, encrypted, scanned without text, damaged) is
 * reported by name with the reason and skipped; the rest still loads.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { setImmediate as yieldToEvents } from "node:timers/promises";
import { join, relative, resolve, sep } from "node:path";
import { AppError } from "../errors.js";
import type { LoadProblem } from "../types.js";
import { READER_VERSION, TextCache } from "./cache.js";
import { readDocx } from "./docx.js";
import type { ReadProblem } from "./pdf.js";
import { readPdfs, type PdfResult } from "./pdfPool.js";
import { readSources } from "./sources.js";

/** One report file as text. */
export interface SourceFile {
  /** Path relative to the corpus folder, with forward slashes (what citations show). */
  file: string;
  /** Raw lines; lines[0] is line 1. */
  lines: string[];
  /** For paged files (PDF): pages[i] is the 1-based page of lines[i]. */
  pages?: number[];
  /** Where the report was published (sources.csv), for links in citations. */
  url?: string;
}

/** Options for reading a corpus. */
export interface ReadOptions {
  /** Folder for extracted text, keyed by content hash (DATA_DIR/text-cache); none: no cache. */
  cacheDir?: string;
  /**
   * Called once for each file as soon as it is settled: its text, or why it is skipped.
   * Text files and cached PDFs come first, the other PDFs as the workers finish them, so
   * the caller's work on them (extraction, indexing) runs while the remaining PDFs are
   * still being read. `order` is the file's place in the listing (0-based, skipped files
   * included), for callers that must take the files in order.
   */
  onSettled?: (order: number, result: SourceFile | LoadProblem) => void;
  /**
   * Called once the folder is listed, before any file is settled, with a fingerprint of
   * every file's name and content: the same fingerprint, the same corpus.
   */
  onListed?: (fingerprint: string) => void;
}

const REPORT_FILE = /\.(txt|md|pdf|docx)$/i;

/** Every report file under `dir` (sub-folders included, dot-files skipped), sorted by name. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith(".")) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(path));
    else if (REPORT_FILE.test(entry.name)) out.push(path);
  }
  return out;
}

/** Decodes bytes as UTF-8, falling back to Windows-1252 (common in council exports) when UTF-8 is invalid. */
function decode(bytes: Buffer): string {
  const utf8 = bytes.toString("utf8");
  if (!utf8.includes("\ufffd")) return utf8.replace(/^\ufeff/, "");
  return new TextDecoder("windows-1252").decode(bytes);
}

/** True when the bytes look like a binary file (NULs, or many control characters). */
function looksBinary(bytes: Buffer): boolean {
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  // An indexed loop: iterating a Buffer with for...of is many times slower.
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i];
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return sample.length > 0 && control / sample.length > 0.05;
}

function readText(bytes: Buffer): { lines: string[] } | ReadProblem {
  if (looksBinary(bytes)) return { code: "FILE_BINARY", reason: "is a binary file, not text: save the report as .pdf, .docx, .txt or .md" };
  const text = decode(bytes);
  if (!text.trim()) return { code: "FILE_EMPTY", reason: "is empty" };
  return { lines: text.split(/\r?\n|\r/) };
}

function isProblem(r: object): r is ReadProblem {
  return "code" in r;
}

/**
 * Reads every report in `dir`. PDFs are read in worker threads (several at once) and
 * their text kept in the cache, so a restart with unchanged files reads no PDF again.
 * @throws AppError CORPUS_NOT_FOUND when the folder does not exist.
 */
export async function readCorpus(dir: string, opts: ReadOptions = {}): Promise<{ dir: string; files: SourceFile[]; problems: LoadProblem[] }> {
  const abs = resolve(dir);
  let isDir = false;
  try {
    isDir = statSync(abs).isDirectory();
  } catch {
    isDir = false;
  }
  if (!isDir) throw new AppError("CORPUS_NOT_FOUND", `The corpus folder ${abs} does not exist.`, "Pass --corpus DIR (or set CORPUS_DIR) to a folder of reports (.pdf, .docx, .txt or .md).");
  const cache = opts.cacheDir ? new TextCache(opts.cacheDir) : null;
  const sources = readSources(abs);
  const linked = (f: SourceFile): SourceFile => (sources.urls.has(f.file) ? { ...f, url: sources.urls.get(f.file) } : f);
  // Results by index, so the corpus keeps file order whatever order the workers finish in.
  const results: (SourceFile | LoadProblem)[] = [];
  // PDFs to read go to the workers by path: a corpus of hundreds is not held in memory here.
  const pdfJobs: { index: number; file: string; path: string; key: string | null }[] = [];
  const fingerprint = opts.onListed ? createHash("sha256").update(READER_VERSION) : null;
  for (const path of listFiles(abs)) {
    const file = relative(abs, path).split(sep).join("/");
    const index = results.length;
    let bytes: Buffer;
    try {
      bytes = readFileSync(path);
    } catch (err) {
      fingerprint?.update(`${file}\0unreadable\0`);
      results.push({ file, code: "FILE_UNREADABLE", reason: `cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})` });
      continue;
    }
    const ext = path.slice(path.lastIndexOf(".") + 1).toLowerCase();
    const key = cache && ext !== "txt" && ext !== "md" ? cache.key(bytes) : null;
    // A PDF's cache key is already its content's hash: no need to hash it twice.
    fingerprint?.update(`${file}\0`).update(key ?? bytes).update("\0");
    if (ext === "txt" || ext === "md") {
      const r = readText(bytes);
      results.push(isProblem(r) ? { file, ...r } : linked({ file, lines: r.lines }));
      continue;
    }
    const cached = key ? cache!.get(key) : null;
    if (cached) {
      results.push(isProblem(cached) ? { file, ...cached } : linked({ file, ...cached }));
      continue;
    }
    results.push({ file, code: "PENDING", reason: "" });
    if (ext === "pdf") pdfJobs.push({ index, file, path, key });
    else {
      const r = await readDocx(bytes);
      if (key) cache!.put(key, r);
      results[index] = isProblem(r) ? { file, ...r } : linked({ file, lines: r.lines });
    }
  }
  if (fingerprint) opts.onListed!(fingerprint.digest("hex"));
  const settledNow = results.flatMap((r, order) => ("code" in r && r.code === "PENDING" ? [] : [order]));
  const reading = readPdfs(
    pdfJobs.map((j) => ({ path: j.path })),
    {
      onRead: (i: number, r: PdfResult) => {
        const job = pdfJobs[i];
        if (job.key) cache!.put(job.key, r);
        results[job.index] = isProblem(r) ? { file: job.file, ...r } : linked({ file: job.file, lines: r.lines, pages: r.pages });
        opts.onSettled?.(job.index, results[job.index]);
      },
    },
  );
  // The files already here are handed over while the workers read, one at a time with a
  // turn of the event loop between, so a worker's finished file is taken up as it comes.
  if (opts.onSettled) {
    for (const order of settledNow) {
      opts.onSettled(order, results[order]);
      await yieldToEvents();
    }
  }
  await reading;
  const files: SourceFile[] = [];
  const problems: LoadProblem[] = [...sources.problems];
  for (const r of results) {
    if ("lines" in r) files.push(r);
    else problems.push(r);
  }
  return { dir: abs, files, problems };
}
