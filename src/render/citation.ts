/**
 * How a citation is named to a person, on every platform: the report as people know it
 * first ("Halton, inspection of February 2011, p. 4"), then the file and lines a
 * maintainer can open. Adapters add their own markup (links, escaping) around these.
 */
import type { Citation } from "../types.js";

/** The report and page ("Halton, inspection of February 2011, p. 4"), or null when unknown. */
export function citationTitle(c: Pick<Citation, "source" | "page">): string | null {
  if (!c.source) return c.page ? `p. ${c.page}` : null;
  return c.page ? `${c.source}, p. ${c.page}` : c.source;
}

/** The file and lines ("002_f7ea8ef697b3b1a6.txt, lines 65-66"). */
export function citationFileLines(c: Pick<Citation, "file" | "line" | "lineEnd">): string {
  return c.line === c.lineEnd ? `${c.file}, line ${c.line}` : `${c.file}, lines ${c.line}-${c.lineEnd}`;
}

/** Both, in one plain line: "Halton, inspection of February 2011, p. 4 (002_….pdf, line 65)". */
export function citationPlace(c: Citation): string {
  const title = citationTitle(c);
  return title ? `${title} (${citationFileLines(c)})` : citationFileLines(c);
}
