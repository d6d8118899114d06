/**
 * Rebuilds a page's lines from PDF.js text items, the way `pdftotext -layout` lays them
 * out: items on one baseline make one line, words keep one space, and a wide gap (a table
 * column) becomes at least two spaces padded to the item's column, so a grade column lines
 * up across rows and a wrapped cell stays beside its row. The extractors were written
 * against that layout; keeping it means a PDF reads exactly like its hand-converted text.
 */

/** The part of a PDF.js `TextItem` the layout needs. */
export interface PositionedText {
  str: string;
  /** The text matrix [a, b, c, d, e, f]: e/f are the baseline origin in PDF points. */
  transform: number[];
  width: number;
}

interface Item {
  s: string;
  x: number;
  y: number;
  w: number;
  size: number;
}

interface Row {
  /** Baseline of the first (highest) item, and the lowest baseline joined to the row. */
  y: number;
  minY: number;
  size: number;
  items: Item[];
}

/** Items closer than this share a line (a superscript footnote mark rides on its word's line). */
const SAME_LINE = 0.5;
/** A gap under this many font sizes is a word space (justified text stretches spaces). */
const WORD_GAP = 1.0;
/** A gap under this many font sizes is no space at all (kerning, a split apostrophe). */
const TOUCHING = 0.12;
/** Blank lines kept between two rows at most, however far apart they stand. */
const MAX_BLANKS = 3;

function horizontalItems(items: readonly PositionedText[]): Item[] {
  const out: Item[] = [];
  for (const it of items) {
    if (!it.str || !it.str.trim()) continue;
    const [a, b, c, d, x, y] = it.transform;
    // Rotated or mirrored text (margin stamps, watermarks) is not part of the reading order.
    if (Math.abs(b) > 0.01 || Math.abs(c) > 0.01 || a <= 0) continue;
    out.push({ s: it.str, x, y, w: it.width, size: Math.abs(d) || a });
  }
  return out;
}

function groupRows(items: Item[]): Row[] {
  items.sort((p, q) => q.y - p.y || p.x - q.x);
  const rows: Row[] = [];
  for (const it of items) {
    const cur = rows[rows.length - 1];
    if (cur && cur.y - it.y <= SAME_LINE * Math.max(cur.size, it.size)) {
      cur.items.push(it);
      cur.size = Math.max(cur.size, it.size);
      cur.minY = Math.min(cur.minY, it.y);
    } else rows.push({ y: it.y, minY: it.y, size: it.size, items: [it] });
  }
  return rows;
}

function rowText(row: Row, minX: number, charW: number): string {
  row.items.sort((p, q) => p.x - q.x);
  let s = "";
  let end: number | null = null;
  for (const it of row.items) {
    const col = Math.round((it.x - minX) / charW);
    if (end === null) s = " ".repeat(Math.max(0, col));
    else {
      const gap = it.x - end;
      if (gap >= WORD_GAP * it.size) s += " ".repeat(Math.max(2, col - s.length));
      else if (gap >= TOUCHING * it.size && !s.endsWith(" ")) s += " ";
    }
    s += it.s;
    end = it.x + it.w;
  }
  return s.replace(/\s+$/, "");
}

/**
 * The page's text as lines, top to bottom, with blank lines where the page leaves
 * vertical space (one per missing line of text, at most three).
 */
export function layoutPage(items: readonly PositionedText[]): string[] {
  const its = horizontalItems(items);
  if (its.length === 0) return [];
  // One character pitch for the whole page, so columns line up from row to row.
  let chars = 0;
  let width = 0;
  let minX = Infinity;
  for (const it of its) {
    chars += it.s.length;
    width += it.w;
    minX = Math.min(minX, it.x);
  }
  const charW = Math.max(1, width / chars);
  const out: string[] = [];
  let prev: Row | null = null;
  for (const row of groupRows(its)) {
    if (prev) {
      const pitch = 1.2 * Math.min(prev.size, row.size);
      const blanks = Math.min(MAX_BLANKS, Math.max(0, Math.round((prev.minY - row.y) / pitch) - 1));
      for (let i = 0; i < blanks; i++) out.push("");
    }
    out.push(rowText(row, minX, charW));
    prev = row;
  }
  return out;
}
