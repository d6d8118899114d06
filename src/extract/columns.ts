/**
 * Tables with a grade column per service (2009-12 reports):
 *
 *     Judgement                  Safeguarding services    Services for looked after children
 *     Overall effectiveness      Adequate                 Good
 *     Staying safe                                        Adequate
 *
 * A header line naming the services sets the columns; each grade of a row below is read
 * for the service whose column it stands in. Cells are placed by position for tables laid
 * out with spaces, by index for tab- and pipe-separated ones (where empty cells are kept).
 */
import type { Lexicon, ServiceRef } from "../knowledge/lexicon.js";
import { tokenize } from "../text/words.js";

/** One cell of a line and where it stands. */
export interface Cell {
  text: string;
  /** Index among the line's cells (empty ones counted for tabs and pipes). */
  index: number;
  /** Character offset in the line (meaningful for space-aligned tables). */
  start: number;
}

/** A header's columns and how rows are matched to them. */
export interface ServiceColumns {
  byPosition: boolean;
  columns: { service: ServiceRef; index: number; start: number }[];
}

/** The cells of a line, keeping empty ones where the separator allows telling. */
export function cellsOf(text: string): { cells: Cell[]; byPosition: boolean } {
  if ((text.match(/\|/g) ?? []).length >= 2) {
    const parts = text.trim().replace(/^\||\|$/g, "").split("|");
    return { cells: parts.map((p, index) => ({ text: p.trim(), index, start: 0 })), byPosition: false };
  }
  if (text.includes("\t")) return { cells: text.split("\t").map((p, index) => ({ text: p.trim(), index, start: 0 })), byPosition: false };
  const cells: Cell[] = [];
  for (const m of text.matchAll(/\S+(?: \S+)*/g)) cells.push({ text: m[0], index: cells.length, start: m.index ?? 0 });
  return { cells, byPosition: true };
}

/** The service columns a header line sets, or null when it names fewer than two services. */
export function serviceColumns(text: string, lex: Lexicon): ServiceColumns | null {
  const { cells, byPosition } = cellsOf(text);
  const columns: ServiceColumns["columns"] = [];
  for (const c of cells.slice(1)) {
    if (!c.text) continue;
    const found = lex.services.findAll(tokenize(c.text));
    if (found.length === 1) columns.push({ service: found[0].value, index: c.index, start: c.start });
  }
  return columns.length >= 2 && new Set(columns.map((c) => c.service.id)).size === columns.length ? { byPosition, columns } : null;
}

/**
 * Which header column each graded cell stands in (positions in `columns`), or null for a
 * cell that stands in none clearly. A row with a grade in every column takes them in
 * order; otherwise each cell goes to the nearest column within a few characters, and two
 * cells in one column make the whole row unreadable (a grade given to the wrong service or
 * year is worse than none).
 */
export function assignColumns(cells: Cell[], columns: { index: number; start: number }[], byPosition: boolean): (number | null)[] {
  if (!byPosition) return cells.map((c) => {
    const k = columns.findIndex((col) => col.index === c.index);
    return k < 0 ? null : k;
  });
  if (cells.length === columns.length) return cells.map((_, i) => i);
  const out = cells.map((c) => {
    let best = 0;
    for (let k = 1; k < columns.length; k++) if (Math.abs(columns[k].start - c.start) < Math.abs(columns[best].start - c.start)) best = k;
    return Math.abs(columns[best].start - c.start) <= 6 ? best : null;
  });
  const placed = out.filter((k) => k !== null);
  return new Set(placed).size === placed.length ? out : out.map(() => null);
}

/** A header with this inspection's grade column beside earlier ones ("Judgement | 2014 | 2018", "Current | Previous"). */
export interface CurrentColumn {
  byPosition: boolean;
  current: { index: number; start: number };
  /** Every grade column, the current one included (a grade must stand in one of them). */
  all: { index: number; start: number }[];
}

const EARLIER = /\b(previous|previously|last|prior|earlier|former|old)\b/i;
const NOW = /\b(current|this|latest|new|now|present)\b/i;

/**
 * The column holding this inspection's grades when a header sets earlier ones beside it:
 * by words ("previous" / "current") or by years (the latest is this inspection). Null
 * when the header does not tell them apart.
 */
export function currentColumn(text: string): CurrentColumn | null {
  const { cells, byPosition } = cellsOf(text);
  const heads = cells.slice(1).filter((c) => c.text);
  if (heads.length < 2) return null;
  const years = heads.map((c) => Number(/\b(?:19|20)\d\d\b/.exec(c.text)?.[0] ?? NaN));
  const latest = Math.max(...years.filter((y) => !Number.isNaN(y)));
  const isNow = heads.map((c, i) => (NOW.test(c.text) && !EARLIER.test(c.text)) || (Number.isFinite(latest) && years[i] === latest && years.filter((y) => !Number.isNaN(y)).length >= 2));
  const isEarlier = heads.map((c, i) => EARLIER.test(c.text) || (Number.isFinite(latest) && !Number.isNaN(years[i]) && years[i] < latest));
  const now = heads.filter((_, i) => isNow[i]);
  if (now.length !== 1 || !isEarlier.some(Boolean)) return null;
  const place = (c: Cell) => ({ index: c.index, start: c.start });
  return { byPosition, current: place(now[0]), all: heads.map(place) };
}
