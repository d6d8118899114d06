/**
 * A judgement table laid out in two columns by the PDF export (pdftotext -layout), with
 * both the area and the grade wrapped, even hyphenated, over several lines:
 *
 *     Judgement                                        Grade
 *
 *     The impact of leaders on social work prac-       Requires im-
 *     tice with children and families                  provement to be
 *                                                      good
 *
 * After a header naming a judgement and a grade column, each group of lines (up to a blank
 * line) is cut at the grade column: the left parts make the area, the right parts the
 * grade, joined with the hyphens undone. A group is a row only when its left is an area the
 * vocabulary knows and its right reads whole as a grade; page headers and footers between
 * groups are passed over, and prose running across the column ends the table.
 */
import type { FrameworkId } from "../types.js";
import type { Lexicon } from "../knowledge/lexicon.js";
import type { Line } from "./document.js";
import { wholeAreaLabel } from "./areas.js";
import { readGradeCell } from "./grades.js";
import type { Row } from "./row.js";

const HEADER = /^\s*(judge?ments?|areas?|judge?ment areas?)\s{3,}(grades?|judge?ments?|ratings?)\s*$/i;

/** Joins wrapped parts: "prac-" + "tice" → "practice", else with a space. */
function join(parts: string[]): string {
  return parts.reduce((acc, p) => (acc.endsWith("-") && /^[a-z]/.test(p) ? acc.slice(0, -1) + p : acc ? `${acc} ${p}` : p), "");
}

/** The rows of every two-column wrapped table in the report, keyed by their first line. */
export function wrappedColumnRows(lines: Line[], framework: FrameworkId, lex: Lexicon): Map<number, Row> {
  const rows = new Map<number, Row>();
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i].raw;
    const h = HEADER.exec(raw);
    if (!h) continue;
    const column = raw.toLowerCase().lastIndexOf(h[2].toLowerCase());
    let group: Line[] = [];
    const close = () => {
      if (!group.length) return;
      const left = join(group.map((l) => l.raw.slice(0, column).trim()).filter(Boolean));
      const right = join(group.map((l) => l.raw.slice(column).trim()).filter(Boolean));
      const grade = right ? readGradeCell(right, framework, lex) : null;
      const label = grade && !grade.numeric ? wholeAreaLabel(left, framework, lex) : null;
      if (grade && label) {
        rows.set(group[0].no, { label, grade, line: group[0].no, lineEnd: group[group.length - 1].no, quote: group.map((l) => l.text.trim()).join("\n") });
      }
      group = [];
    };
    for (let j = i + 1; j < lines.length; j++) {
      const line = lines[j];
      const text = line.raw.replace(/\f/g, "");
      if (!text.trim()) {
        close();
        continue;
      }
      // Prose running across the grade column (no gap before it) ends the table.
      const crosses = text.length > column && /\S/.test(text[column - 1] ?? "") && /\S/.test(text[column] ?? "") && text.trim().split(/\s+/).length > 12;
      if (crosses) break;
      group.push(line);
    }
    close();
  }
  return rows;
}

/** A right-hand cell: text after a gap of three or more spaces, to the end of the line. */
const RIGHT_CELL = /^(.*\S)\s{3,}(\S.*)$/;
/** A line indented this far holds only a right-hand cell's words. */
const RIGHT_ONLY_INDENT = 20;
/** A paragraph number opening a label ("2.", "2.1"). */
const LABEL_NUMBER = /^\d{1,2}(\.\d{1,2})*\.?\s+/;

/**
 * The same wrapped rows without a header, as single inspection framework lists come out:
 *
 *     2. Children looked after and achieving          Requires improvement to
 *        permanence                                   be good
 *
 * A group of two to six lines (up to a blank line) in which two or more lines have a right
 * cell starting at one column is cut there; it is a row only when the right parts read
 * whole as a grade and the left parts as an area's name. Reading the grade whole is what
 * keeps "be good" from being taken for Good.
 */
export function headerlessWrappedRows(lines: Line[], framework: FrameworkId, lex: Lexicon): Map<number, Row> {
  const rows = new Map<number, Row>();
  let group: Line[] = [];
  const close = () => {
    const g = group;
    group = [];
    if (g.length < 2 || g.length > 6) return;
    // Each line is a label part, a label part with a right cell after a wide gap, or only
    // a right cell's words (indented far): the grade may sit on the first line, wrap over
    // two, or stand alone between the label's two lines.
    const parts = g.map((l) => {
      const text = l.raw.replace(/\f/g, "");
      const m = RIGHT_CELL.exec(text);
      if (m) return { left: m[1].trim(), right: m[2].trim(), start: text.length - m[2].length, rightOnly: false };
      const indent = text.length - text.trimStart().length;
      return indent >= RIGHT_ONLY_INDENT ? { left: "", right: text.trim(), start: indent, rightOnly: true } : { left: text.trim(), right: "", start: -1, rightOnly: false };
    });
    const starts = parts.filter((p) => p.start >= 0).map((p) => p.start);
    // Two right cells in one column, or one that stands alone on its line: a lone right cell
    // beside its label on the same line is an ordinary row, read elsewhere.
    if (!(starts.length >= 2 || parts.some((p) => p.rightOnly)) || Math.max(...starts) - Math.min(...starts) > 2) return;
    const left = join(parts.map((p) => p.left).filter(Boolean)).replace(LABEL_NUMBER, "");
    const right = join(parts.map((p) => p.right).filter(Boolean));
    const grade = readGradeCell(right, framework, lex);
    const label = grade && !grade.numeric ? wholeAreaLabel(left, framework, lex) : null;
    if (grade && label) {
      rows.set(g[0].no, { label, grade, line: g[0].no, lineEnd: g[g.length - 1].no, quote: g.map((l) => l.text.trim()).join("\n") });
    }
  };
  for (const line of lines) {
    if (line.blank) close();
    else group.push(line);
  }
  close();
  return rows;
}
