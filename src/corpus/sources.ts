/**
 * `sources.csv` in the corpus folder: where each report was downloaded from (a `file`
 * column, relative to the folder, and a `url` column), so a citation can link to the
 * published report at its page. Optional; a bad row is named and skipped.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { LoadProblem } from "../types.js";

/** The file name the table is read from. */
export const SOURCES_FILE = "sources.csv";

/** Splits one CSV line into cells (double quotes around a cell, "" for a quote inside). */
function cells(line: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      }
      else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      out.push(cur.trim());
      cur = "";
    }
    else cur += ch;
  }
  out.push(cur.trim());
  return out;
}

/** The URL of each file the table names, with the rows it could not use. */
export function readSources(dir: string): { urls: Map<string, string>; problems: LoadProblem[] } {
  const urls = new Map<string, string>();
  const problems: LoadProblem[] = [];
  const path = join(dir, SOURCES_FILE);
  if (!existsSync(path)) return { urls, problems };
  const lines = readFileSync(path, "utf8").replace(/^\ufeff/, "").split(/\r?\n/);
  const header = cells(lines[0] ?? "").map((h) => h.toLowerCase());
  const [fileCol, urlCol] = [header.indexOf("file"), header.indexOf("url")];
  if (fileCol < 0 || urlCol < 0) {
    problems.push({ file: SOURCES_FILE, code: "SOURCES_INVALID", reason: 'has no "file" and "url" header: its first line must be file,url (the links are left out)' });
    return { urls, problems };
  }
  lines.slice(1).forEach((line, i) => {
    if (!line.trim()) return;
    const row = cells(line);
    const [file, url] = [row[fileCol] ?? "", row[urlCol] ?? ""];
    if (!file || !/^https?:\/\/\S+$/i.test(url)) {
      problems.push({ file: SOURCES_FILE, code: "SOURCES_INVALID", reason: `line ${i + 2} needs a file name and an http(s) address (that row is left out)` });
      return;
    }
    urls.set(file.replace(/\\/g, "/").replace(/^\.\//, ""), url);
  });
  return { urls, problems };
}
