/**
 * Extracts every file of a corpus, in file order; a file that fails is a problem, not a
 * crash. (Worker threads were tried: on the 2-core machines here two workers ran no faster
 * than one thread, the result cloning eating the gain, so extraction stays in-thread; it
 * runs while the PDF workers read, file by file, as load.ts hands them over.)
 */
import type { LoadProblem } from "../types.js";
import type { SourceFile } from "../corpus/read.js";
import type { Lexicon } from "../knowledge/lexicon.js";
import type { Passage, Report } from "../types.js";
import { extractReport } from "./report.js";
import type { ExtractedEntry, ReportCache } from "./reportCache.js";

/** What a corpus yields. `loose` are passages of files that name no authority (still searchable). */
export interface Extracted {
  reports: Report[];
  loose: Passage[];
  problems: LoadProblem[];
}

/** One file's extraction, or why it failed. */
export type FileExtraction = ExtractedEntry | { failed: string };

/** Extracts one file, taking it from `cache` when unchanged; never throws. */
export function extractFile(f: SourceFile, lex: Lexicon, cache?: ReportCache): FileExtraction {
  try {
    const key = cache?.key(f);
    let r = key ? cache!.get(key) : null;
    if (!r) {
      r = extractReport(f, lex);
      if (key) cache!.put(key, r);
    }
    return r;
  } catch (err) {
    // One odd file must not stop the rest of the corpus from loading.
    return { failed: (err as Error).message };
  }
}

/**
 * Gathers the files' extractions in file order; `done` holds those already made (while the
 * corpus was still being read), the rest are made here.
 */
export function extractFiles(files: SourceFile[], lex: Lexicon, cache?: ReportCache, done?: ReadonlyMap<string, FileExtraction>): Extracted {
  const out: Extracted = { reports: [], loose: [], problems: [] };
  for (const f of files) {
    const r = done?.get(f.file) ?? extractFile(f, lex, cache);
    if ("failed" in r) out.problems.push({ file: f.file, code: "FILE_UNPARSABLE", reason: `could not be parsed (${r.failed})` });
    else if (r.report) out.reports.push(r.report);
    else {
      out.loose.push(...(r.passagesOnly ?? []));
      out.problems.push({ file: f.file, code: "NO_AUTHORITY", reason: r.problem ?? "could not be read" });
    }
  }
  return out;
}
