/**
 * Extracts every file of a corpus, in file order; a file that fails is a problem, not a
 * crash. (Worker threads were tried: on the 2-core machines here two workers ran no faster
 * than one thread, the result cloning eating the gain, so extraction stays in-thread.)
 */
import type { LoadProblem } from "../types.js";
import type { SourceFile } from "../corpus/read.js";
import type { Lexicon } from "../knowledge/lexicon.js";
import type { Passage, Report } from "../types.js";
import { extractReport } from "./report.js";
import type { ReportCache } from "./reportCache.js";

/** What a corpus yields. `loose` are passages of files that name no authority (still searchable). */
export interface Extracted {
  reports: Report[];
  loose: Passage[];
  problems: LoadProblem[];
}

/** Extracts files in this thread, taking unchanged ones from `cache` when given. */
export function extractFiles(files: SourceFile[], lex: Lexicon, cache?: ReportCache): Extracted {
  const out: Extracted = { reports: [], loose: [], problems: [] };
  for (const f of files) {
    try {
      const key = cache?.key(f);
      let r = key ? cache!.get(key) : null;
      if (!r) {
        r = extractReport(f, lex);
        if (key) cache!.put(key, r);
      }
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
