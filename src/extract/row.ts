/** The shape the table readers share (its own module, so rows.ts and wrappedColumns.ts need not import each other). */
import type { ServiceRef } from "../knowledge/lexicon.js";
import type { ReadGrade } from "./grades.js";

/** A row-shaped line or two: label cells and the first cell that reads as a grade. */
export interface Row {
  label: string;
  grade: ReadGrade | null;
  line: number;
  lineEnd: number;
  /** The row's text as quoted in citations (continuation lines joined with a newline). */
  quote: string;
  /** A row of a table with a grade column per service: each grade with its column's service. */
  byService?: { service: ServiceRef; grade: ReadGrade }[];
  /** "Staying safe 2" with no table structure: believed only in a run of such rows. */
  loose?: boolean;
}
