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
 * The service of the column a cell stands in, or null when it stands in none clearly
 * (then the row's grades are not read: a grade given to the wrong service is worse than none).
 */
export function columnOf(cell: Cell, header: ServiceColumns): ServiceRef | null {
  if (!header.byPosition) return header.columns.find((c) => c.index === cell.index)?.service ?? null;
  // Space-aligned: the column whose start is nearest, within a few characters' slack.
  let best: ServiceColumns["columns"][number] | null = null;
  for (const c of header.columns) if (!best || Math.abs(c.start - cell.start) < Math.abs(best.start - cell.start)) best = c;
  return best && Math.abs(best.start - cell.start) <= 6 ? best.service : null;
}
