/**
 * Reads a corpus folder: every .txt and .md file (sub-folders included), decoded and split
 * into lines. A file that cannot be read, is empty or is binary is reported by name with
 * the reason and skipped; the rest still loads.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { AppError } from "../errors.js";
import type { LoadProblem } from "../types.js";

/** One report file as text. */
export interface SourceFile {
  /** Path relative to the corpus folder, with forward slashes (what citations show). */
  file: string;
  /** Raw lines; lines[0] is line 1. */
  lines: string[];
}

const REPORT_FILE = /\.(txt|md)$/i;

function listFiles(dir: string): string[] {
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

/**
 * Reads every report in `dir`.
 * @throws AppError CORPUS_NOT_FOUND when the folder does not exist.
 */
export function readCorpus(dir: string): { dir: string; files: SourceFile[]; problems: LoadProblem[] } {
  const abs = resolve(dir);
  let isDir = false;
  try {
    isDir = statSync(abs).isDirectory();
  } catch {
    isDir = false;
  }
  if (!isDir) throw new AppError("CORPUS_NOT_FOUND", `The corpus folder ${abs} does not exist.`, "Pass --corpus DIR (or set CORPUS_DIR) to a folder of .txt/.md reports.");
  const files: SourceFile[] = [];
  const problems: LoadProblem[] = [];
  for (const path of listFiles(abs)) {
    const file = relative(abs, path).split(sep).join("/");
    let bytes: Buffer;
    try {
      bytes = readFileSync(path);
    } catch (err) {
      problems.push({ file, code: "FILE_UNREADABLE", reason: `cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})` });
      continue;
    }
    if (looksBinary(bytes)) {
      problems.push({ file, code: "FILE_BINARY", reason: "is a binary file, not text: export the report as .txt or .md" });
      continue;
    }
    const text = decode(bytes);
    if (!text.trim()) {
      problems.push({ file, code: "FILE_EMPTY", reason: "is empty" });
      continue;
    }
    files.push({ file, lines: text.split(/\r?\n|\r/) });
  }
  return { dir: abs, files, problems };
}
