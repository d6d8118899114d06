/**
 * Searchable passages: each rejoined block of the report (a paragraph, a list item), with
 * the lines it spans. Free-text answers quote from these. Headings and other blocks of
 * fewer than four words say nothing quotable and only weigh on the index, so they are left
 * out; table rows stay (a row can be the answer to "what did they say about X").
 */
import type { Passage } from "../types.js";
import type { Doc } from "./document.js";

/** The report's passages. Ids are assigned by the index, so they start at 0 here. */
export function extractPassages(doc: Doc, authority: string | null): Passage[] {
  return doc.blocks
    .filter((b) => /[a-z]{3}/i.test(b.text) && b.text.split(/\s+/).length >= 4)
    .map((b) => ({ id: 0, authority, file: doc.file, line: b.line, lineEnd: b.lineEnd, text: b.text }));
}
