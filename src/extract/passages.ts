/**
 * Searchable passages: each rejoined block of the report (a paragraph, a list item, a table
 * row), with the lines it spans. Free-text answers quote from these.
 */
import type { Passage } from "../types.js";
import type { Doc } from "./document.js";

/** The report's passages. Ids are assigned by the index, so they start at 0 here. */
export function extractPassages(doc: Doc, authority: string | null): Passage[] {
  return doc.blocks
    .filter((b) => /[a-z]{3}/i.test(b.text))
    .map((b) => ({ id: 0, authority, file: doc.file, line: b.line, lineEnd: b.lineEnd, text: b.text }));
}
