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
import { isWholeAreaName } from "./areas.js";
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
      if (grade && !grade.numeric && isWholeAreaName(left, framework, lex)) {
        rows.set(group[0].no, { label: left, grade, line: group[0].no, lineEnd: group[group.length - 1].no, quote: group.map((l) => l.text.trim()).join("\n") });
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
