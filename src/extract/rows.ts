/**
 * Table rows: "label<TAB>grade", "| label | grade |", "label    grade", "label: grade",
 * "1. label – grade", including a row the PDF export broke over two lines and section
 * header rows ("Safeguarding services") that set the service for the rows below.
 */
import type { FrameworkId } from "../types.js";
import type { Lexicon } from "../knowledge/lexicon.js";
import type { Line } from "./document.js";
import { readGradeCell, type ReadGrade } from "./grades.js";
import { tokenize } from "../text/words.js";
import { isWholeAreaName, longestArea } from "./areas.js";
import { headerlessWrappedRows, wrappedColumnRows } from "./wrappedColumns.js";
import type { Row } from "./row.js";
import { assignColumns, cellsOf, currentColumn, serviceColumns, type CurrentColumn, type ServiceColumns } from "./columns.js";

export type { Row } from "./row.js";

/** Lines that may be a header setting earlier grades beside this inspection's. */
const MAY_SET_YEARS = /previous|last|prior|earlier|current|this inspection|latest|\b(19|20)\d\d\b/i;

/** Lines that may be a header naming the services: checked before the costlier matching. */
const MAY_NAME_SERVICES = /safeguard|looked after|\blac\b|\bcla\b|in care/i;

/** Splits a line into cells, or null when it has no row shape. */
export function splitCells(body: string): string[] | null {
  const t = body.trim();
  // "| a | b |", "a | b |", and a bare "label | grade" (one pipe between two cells).
  const pipes = t.includes("|") ? (t.match(/\|/g) ?? []).length : 0;
  if (pipes >= 2 || (t.startsWith("|") && t.length > 1) || (pipes === 1 && onePipeRow(t))) {
    if (/^[|\s:-]+$/.test(t)) return null;
    return t.split("|").map((c) => c.trim()).filter((c, i, all) => c !== "" || (i > 0 && i < all.length - 1));
  }
  if (/\t/.test(body)) return body.split(/\t+/).map((c) => c.trim()).filter((c, i) => c !== "" || i === 0);
  if (/\S {2,}\S/.test(t)) return t.split(/ {2,}/).map((c) => c.trim());
  const m = /^(.{3,90}?)\s*(?::|\.{3,}|\s[–-]\s)\s*(\S.*)$/.exec(t);
  return m ? [m[1].trim(), m[2].trim()] : null;
}

/** Words that make a table's introduction about other councils or other inspections. */
const ELSEWHERE_INTRO = /\b(previous|previously|last|prior|earlier|national(ly)?|england|average|statistical|neighbours?|comparators?|other (councils|authorities|local authorities))\b/i;

/** "label | grade": one pipe with a label (letters) before it and a cell after it. */
function onePipeRow(t: string): boolean {
  const [left, right] = t.split("|");
  return /[a-z]/i.test(left) && /[a-z0-9]/i.test(right);
}

const NOT_THIS_INSPECTION = /\b(previous|last|prior|national|england|average|statistical|neighbours|20\d\d)\b/i;

/** Reads the row-shaped lines of a report, joining continuation rows to the row above. */
export function readRows(lines: Line[], framework: FrameworkId, lex: Lexicon): Map<number, Row> {
  const rows = new Map<number, Row>();
  let prev: Row | null = null;
  let prose: Line | null = null;
  // The last two lines that were not rows: the label of a table exported one cell a line.
  let recent: Line[] = [];
  // The service columns of the table being read, if its header named them; or its column
  // of this inspection's grades, if the header set earlier ones beside it.
  let header: ServiceColumns | null = null;
  let current: CurrentColumn | null = null;
  let elsewhere = false;
  for (const line of lines) {
    if (line.blank) continue;
    const cells = splitCells(line.body);
    const tabular = /\t|\|/.test(line.text) || /\S {2,}\S/.test(line.text.trim()) || (line.text.includes("....") && /\.{4,}\s*\S/.test(line.text));
    if (!cells || (!tabular && cells.length < 2)) {
      prev = null;
      header = null;
      current = null;
      const stacked = stackedRow(line, recent, framework, lex) ?? numberedAreaRow(line, framework, lex);
      if (stacked) {
        rows.set(line.no, stacked);
        prose = null;
        recent = [];
        continue;
      }
      prose = line;
      // Up to four: a label over two lines, then a grade over two.
      recent = [...recent.slice(-3), line];
      continue;
    }
    const recentBefore = recent;
    recent = [];
    // A table introduced as someone else's or an earlier inspection's grades ("At the
    // previous inspection the grades were:", "Statistical neighbours:") is not read.
    const intro = recentBefore.at(-1);
    // The first half of this row's label, broken before its cells (a contents entry's title
    // over two lines, its page number beside the second), starts no new table: the
    // contents' page numbers stay page numbers ("young people  4" is no Grade 4).
    if (intro && !labelStartsAbove(intro, line, cells)) elsewhere = line.no - intro.no <= 3 && (ELSEWHERE_INTRO.test(intro.text) || CONTENTS.test(intro.text));
    // A label the export broke before its cells: "The contribution of health agencies to
    // keeping children" on one line, "and young people safe    Good" on the next.
    if (tabular && prose && labelStartsAbove(prose, line, cells)) {
      cells[0] = `${prose.body.trim()} ${cells[0]}`;
      const row = rowFrom(cells, line, framework, lex);
      if (row) {
        // Inside a contents list or an earlier inspection's table, as any row there.
        if (row.grade && elsewhere) row.grade = null;
        row.line = prose.no;
        row.quote = `${prose.text.trim()}\n${row.quote}`;
        rows.set(line.no, row);
        prev = row;
        prose = null;
        continue;
      }
    }
    prose = null;
    const read = cells.map((c) => (c ? readGradeCell(c, framework, lex) : null));
    const gradeAt = read.findIndex((g, i) => i > 0 && g !== null);
    const label0 = (gradeAt > 0 ? cells.slice(0, gradeAt) : cells.filter((c, i) => c && !read[i])).join(" ").trim();
    // A label starting in lower case carries on the row above ("... keeping children" / "and young people safe").
    if (prev && prev.lineEnd >= line.no - 2 && /^[a-z]/.test(label0) && tabular) {
      const grade = gradeAt > 0 ? read[gradeAt] : null;
      prev.label = `${prev.label} ${label0}`;
      prev.lineEnd = line.no;
      prev.quote += `\n${line.text.trim()}`;
      if (!prev.grade || (prev.grade.fuzzy && grade && !grade.fuzzy)) prev.grade = grade ?? prev.grade;
      continue;
    }
    // Columns are placed on the line as written: normalising squeezes the spaces that align them.
    if (tabular && MAY_NAME_SERVICES.test(line.text)) header = serviceColumns(line.raw, lex) ?? header;
    if (tabular && MAY_SET_YEARS.test(line.text)) current = currentColumn(line.raw) ?? current;
    const made = rowFrom(cells, line, framework, lex);
    if (!made || (!made.grade && !tabular)) {
      prev = null;
      continue;
    }
    if (made.grade && elsewhere) made.grade = null;
    // "Staying safe ........ 4" is a contents line: the number is a page.
    if (made.grade?.numeric && /\.{4,}/.test(line.text)) made.grade = null;
    if (made.grade && tabular) placeGrades(made, line, header, current, framework, lex);
    // "Overall effectiveness" / "Judgement: Outstanding": the area is the label above.
    if (made.grade && GENERIC_LABEL.test(made.label)) {
      const above = areaLabelAbove(line, recentBefore, framework, lex);
      if (!above) {
        prev = null;
        continue;
      }
      made.label = above.label;
      made.line = above.lines[0].no;
      made.quote = [...above.lines, line].map((l) => l.text.trim()).join("\n");
    }
    rows.set(line.no, made);
    prev = made;
  }
  // Two-column tables with wrapped, hyphenated cells are read group by group instead.
  for (const [n, row] of wrappedColumnRows(lines, framework, lex)) rows.set(n, row);
  // Headerless groups only where no row of theirs already has a grade: they are the fallback.
  for (const [n, row] of headerlessWrappedRows(lines, framework, lex)) {
    const covered = [...rows].filter(([m, r]) => r.lineEnd >= n && m <= row.lineEnd);
    if (covered.some(([, r]) => r.grade)) continue;
    for (const [m] of covered) rows.delete(m);
    rows.set(n, row);
  }
  dropPageNumbers(rows);
  return rows;
}

/**
 * True when `above`, the line just over a row, is the first half of the row's label: the
 * row's label carries on in lower case ("young people  4" under "Overall effectiveness of
 * services for looked after children and") and `above` is short and ends no sentence.
 */
function labelStartsAbove(above: Line, row: Line, cells: string[]): boolean {
  return above.no === row.no - 1 && /^[a-z]/.test(cells[0]) && above.body.split(/\s+/).length <= 12 && !/[.:;!?]$/.test(above.body);
}

/** A heading that starts a table of contents. */
const CONTENTS = /^\s*(table of )?contents\s*:?\s*$/i;

/** The bare number a row's last line ends with ("Quality of provision  15"), or null. */
function trailingNumber(row: Row): number | null {
  const m = /(?:^|\s)(\d{1,3})\s*$/.exec(row.quote.split("\n").at(-1) ?? "");
  return m ? Number(m[1]) : null;
}

const neverDown = (numbers: number[]) => numbers.every((n, i) => i === 0 || n >= numbers[i - 1]);

/**
 * A block of rows whose grades are all bare numbers that never go down ("Overall
 * effectiveness 3", "Capacity for improvement 4", "Staying safe 4") is a list of pages,
 * not grades: its numbers are not read. So is a block whose rows end in numbers that never
 * go down, one of them past 4 ("Capacity to improve 4", "Outcomes … 8", "Quality of
 * provision 15"): no grade is 8, so its 4 is a page too, however few rows read as grades.
 */
function dropPageNumbers(rows: Map<number, Row>): void {
  const lines = [...rows.keys()].sort((a, b) => a - b);
  let block: Row[] = [];
  const close = () => {
    const graded = block.filter((r) => r.grade);
    const numbers = graded.map((r) => (r.grade?.numeric ? Number(/\d(?!.*\d)/.exec(r.quote)?.[0] ?? NaN) : NaN));
    if (graded.length >= 3 && numbers.every((n) => !Number.isNaN(n)) && neverDown(numbers)) for (const r of graded) r.grade = null;
    const pages = block.map(trailingNumber).filter((n): n is number => n !== null);
    if (pages.length >= 3 && pages.some((n) => n > 4) && neverDown(pages)) for (const r of block) if (r.grade?.numeric) r.grade = null;
    // A lone "Overall effectiveness 4" is as likely a contents line as a grade: only a run of three or more counts.
    const loose = block.filter((r) => r.loose);
    if (loose.length < 3) for (const r of loose) r.grade = null;
    block = [];
  };
  for (const n of lines) {
    if (block.length && n - block[block.length - 1].lineEnd > 2) close();
    block.push(rows.get(n)!);
  }
  close();
}

/**
 * A row with more than one grade cell: under a header naming services, each grade is
 * that column's service's; without one (or a grade outside every column) the grades are
 * not read unless they all agree, since "Good | Outstanding" may be two services or two
 * years and guessing which would be wrong half the time.
 */
function placeGrades(row: Row, line: Line, header: ServiceColumns | null, current: CurrentColumn | null, framework: FrameworkId, lex: Lexicon): void {
  const graded = cellsOf(line.raw)
    .cells.slice(1)
    .map((cell) => ({ cell, grade: cell.text ? readGradeCell(cell.text, framework, lex) : null }))
    .filter((g): g is { cell: (typeof g)["cell"]; grade: ReadGrade } => g.grade !== null);
  if (header && graded.length) {
    const at = assignColumns(graded.map((g) => g.cell), header.columns, header.byPosition);
    if (at.every((k) => k !== null)) row.byService = graded.map((g, i) => ({ service: header.columns[at[i]!].service, grade: g.grade }));
    else row.grade = null;
    return;
  }
  if (current && graded.length) {
    // Only this inspection's column counts; a grade in an earlier one is history.
    const at = assignColumns(graded.map((g) => g.cell), current.all, current.byPosition);
    const now = graded.filter((_, i) => at[i] !== null && current.all[at[i]!].index === current.current.index && current.all[at[i]!].start === current.current.start);
    row.grade = at.every((k) => k !== null) && now.length === 1 ? now[0].grade : null;
    return;
  }
  if (new Set(graded.map((g) => g.grade.key)).size > 1) row.grade = null;
}

/**
 * A table the PDF export wrote one cell a line: an area's name on its own line (or two),
 * then, after at most one blank line, a line holding nothing but a grade:
 *
 *     The experiences and progress of care leavers
 *
 *     Outstanding
 *
 * Only labels the framework's vocabulary knows as a judgement area count, and the grade
 * line must be words ("Good", "Grade 2"), not a bare number that may be a page number:
 * anything less would be a guess.
 */
function stackedRow(line: Line, recent: Line[], framework: FrameworkId, lex: Lexicon): Row | null {
  // Cheap checks first: this runs for every line that is not a row.
  if (!recent.length || line.no - recent[recent.length - 1].no > 2 || line.body.length > 60) return null;
  const cell = line.body.trim();
  if (!/[a-z]/i.test(cell) || cell.split(/\s+/).length > 6) return null;
  // A grade the export broke too: "Requires improvement to be" / "good". Read whole, or
  // not at all: the "good" on its own would be the wrong grade.
  const part = recent.at(-1)!;
  if (line.no - part.no <= 1 && part.body.length <= 40 && !readGradeCell(part.body, framework, lex)) {
    const joined = readGradeCell(`${part.body.trim()} ${cell}`, framework, lex);
    if (joined && !joined.fuzzy && /^(requires?|good|outstanding|inadequate|adequate)\b/i.test(part.body.trim())) {
      const above = areaLabelAbove(part, recent.slice(0, -1), framework, lex);
      return above ? { label: above.label, grade: joined, line: above.lines[0].no, lineEnd: line.no, quote: [...above.lines, part, line].map((l) => l.text.trim()).join("\n") } : null;
    }
  }
  const grade = readGradeCell(cell, framework, lex);
  if (!grade) return null;
  const above = areaLabelAbove(line, recent, framework, lex);
  return above ? { label: above.label, grade, line: above.lines[0].no, lineEnd: line.no, quote: [...above.lines, line].map((l) => l.text.trim()).join("\n") } : null;
}

/**
 * "Staying safe 2": an area's full name and a grade number with one space between, as
 * the PDF export leaves Ofsted's record of main findings. Only when the whole label is an
 * area the vocabulary knows; a table of contents reads the same, and is dropped later by
 * its page numbers never going down (dropPageNumbers).
 */
function numberedAreaRow(line: Line, framework: FrameworkId, lex: Lexicon): Row | null {
  const m = /^(\S.{2,118}?) ([1-4])$/.exec(line.body.trim());
  if (!m || NOT_THIS_INSPECTION.test(m[1])) return null;
  const grade = readGradeCell(m[2], framework, lex);
  if (!grade || !isWholeAreaName(m[1], framework, lex)) return null;
  return { label: m[1], grade, line: line.no, lineEnd: line.no, quote: line.text.trim(), loose: true };
}

/**
 * The judgement area named by the line (or two) just above `line`, at most one blank line
 * away: a label the framework's vocabulary knows, not a sentence. Null otherwise.
 */
function areaLabelAbove(line: Line, recent: Line[], framework: FrameworkId, lex: Lexicon): { label: string; lines: Line[] } | null {
  const last = recent.at(-1);
  if (!last || line.no - last.no > 2) return null;
  // A label broken over two lines: "The experiences and progress of children who need help" / "and protection".
  const before = recent.at(-2);
  const first = before && before.no === last.no - 1 && /^[a-z]/.test(last.body.trim()) ? before : last;
  const lines = first === last ? [last] : [first, last];
  const label = lines.map((l) => l.body.trim()).join(" ");
  if (/[.!?;]$/.test(label) || label.split(/\s+/).length > 20 || NOT_THIS_INSPECTION.test(label) || readGradeCell(label, framework, lex)) return null;
  const tokens = tokenize(label);
  const best = longestArea(tokens, framework, lex);
  if (!best || best.length * 2 < tokens.filter((t) => /\w/.test(t.norm)).length) return null;
  return { label, lines };
}

/** Labels that say "this is the grade" without naming what of: the area is the line above. */
const GENERIC_LABEL = /^(ofsted |overall |the )?(judge?ments?|grades?|ratings?)$/i;

/** Reads one line's cells as a row: its label and the first cell that is a grade. Null when it is no row. */
function rowFrom(cells: string[], line: Line, framework: FrameworkId, lex: Lexicon): Row | null {
  const read = cells.map((c) => (c ? readGradeCell(c, framework, lex) : null));
  let gradeAt = read.findIndex((g, i) => i > 0 && g !== null);
  // "Good – Staying safe": a grade first, then a label the vocabulary knows as an area.
  if (gradeAt < 0 && read[0] && cells.length === 2 && !read[1] && (lex.areasByFramework.get(framework) ?? lex.allAreas).findAll(tokenize(cells[1])).length) {
    cells = [cells[1], cells[0]];
    read.reverse();
    gradeAt = 1;
  }
  const label = (gradeAt > 0 ? cells.slice(0, gradeAt) : cells.filter((c, i) => c && !read[i])).join(" ").trim();
  const grade = gradeAt > 0 ? read[gradeAt] : null;
  if (!label || label.split(/\s+/).length > 20 || !/[a-z]/i.test(label)) return null;
  if (grade && NOT_THIS_INSPECTION.test(label)) return null;
  return { label, grade, line: line.no, lineEnd: line.no, quote: line.text.trim() };
}
