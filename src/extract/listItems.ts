/**
 * The pieces of a report's layout that decide where a listed item starts and ends: list
 * markers (bullets, `◼`, numbers up to 999 as in "155." of a board's list), the column a
 * line starts in, and page furniture (page numbers, running headers and footers) that a
 * page break drops between two halves of one item.
 */
import type { Doc, Line } from "./document.js";

/** A list marker at the start of a line, as the normalised text shows it (PDF glyphs are folded to "-"). */
const MARKER = /^\s*(?:[-*+–](?=\s)|\(?[a-z]\)(?=\s)|[a-h]\.(?=\s+[A-Z])|\(?[ivx]{1,4}\)(?=\s)|\d{1,3}\)(?=\s)|\d{1,3}(?:\.\d{1,2}){0,2}\.(?=\s)|\d{1,2}\.\d{1,2}(?=\s))\s*/;

/** A line's marker and the text after it, or null when the line does not open an item. */
export function itemStart(line: Line): { body: string } | null {
  if (line.blank) return null;
  if (line.bullet || line.numbered) return { body: line.body };
  const m = MARKER.exec(line.text);
  return m ? { body: line.text.slice(m[0].length).trim() } : null;
}

/** The column a line starts in (its leading spaces in the laid-out text). */
export function indentOf(line: Line): number {
  return /^[ \t]*/.exec(line.raw)![0].replace(/\t/g, "    ").length;
}

/** Digits and spacing do not count when comparing running headers from page to page. */
function furnitureKey(text: string): string {
  return text.replace(/\d+/g, "#").replace(/\s+/g, " ").trim().toLowerCase();
}

/**
 * Which lines are page furniture: a page number alone ("4", "Page 4 of 40"), or a line
 * with a number in it repeated on three or more pages in the same words (a running
 * header such as "Norfolk County Council Inspection of looked after children services 6").
 * Such lines sit between the halves of an item a page break split; they are never text.
 */
export function furnitureLines(doc: Doc): Set<number> {
  const counts = new Map<string, number>();
  for (const l of doc.lines) {
    if (l.blank || !/\d/.test(l.text)) continue;
    const k = furnitureKey(l.text);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const out = new Set<number>();
  for (const l of doc.lines) {
    if (l.blank) continue;
    const t = l.text.trim();
    if (/^(page\s+)?\d{1,3}(\s+of\s+\d{1,3})?$/i.test(t) || (/\d/.test(t) && (counts.get(furnitureKey(t)) ?? 0) >= 3)) out.add(l.no);
  }
  return out;
}

/** Joins a continuation line onto an item: a word the export hyphenated at the line end ("up-" / "to-date") keeps its hyphen without a space. */
export function joinWrapped(text: string, more: string): string {
  return /\w-$/.test(text) && /^\w/.test(more) ? `${text}${more}` : `${text} ${more}`;
}
