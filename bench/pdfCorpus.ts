/**
 * A PDF corpus for the benchmark, built once under .bench/: reports shaped like Ofsted's
 * (a judgement table on page 1, then the body) with the seeds' text as the body, each
 * about 20 pages of 11-point text, named after real authorities.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { makePdf, tableRow, type RowSpec } from "../test/corpus/makePdf.js";

const LINES_A_PAGE = 48;
const GRADES = ["Outstanding", "Good", "Requires improvement to be good", "Inadequate"];

/** Helvetica in pdf-lib writes WinAnsi only: other characters become a hyphen. */
function winAnsi(s: string): string {
  return s.replace(/[^\x20-\x7e\u00a0-\u00ff\u2018\u2019\u201c\u201d\u2013\u2014\u2022\u2026]/g, "-").slice(0, 110);
}

/** Writes `count` PDFs into `root/pdf-<count>` (reused when already there) and returns the folder. */
export async function pdfCorpus(root: string, count: number, authorities: string[]): Promise<string> {
  const dir = join(root, `pdf-${count}`);
  if (existsSync(dir) && readdirSync(dir).length === count) return dir;
  mkdirSync(dir, { recursive: true });
  const body = readdirSync("seeds")
    .sort()
    .flatMap((f) => readFileSync(join("seeds", f), "utf8").split(/\r?\n/))
    .map(winAnsi);
  for (let i = 0; i < count; i++) {
    const name = authorities[(i * 7) % authorities.length];
    const g = (k: number) => GRADES[(i + k) % GRADES.length];
    const first: RowSpec[] = [
      `Inspection of ${name} local authority children's services`,
      `Inspection dates: ${1 + (i % 20)} to ${5 + (i % 20)} March ${2019 + (i % 7)}`,
      null,
      { cells: [{ text: "Judgement", x: 72 }, { text: "Grade", x: 330 }] },
      ...tableRow(["The impact of leaders on social work", "practice with children and families"], [g(0)]),
      null,
      ...tableRow(["The experiences and progress of", "children who need help and protection"], [g(1)]),
      null,
      ...tableRow(["The experiences and progress of", "children in care"], [g(2)]),
      null,
      ...tableRow(["Overall effectiveness"], [g(3)]),
    ];
    // About twenty pages of body text, starting at a different place in each report.
    const start = (i * 131) % body.length;
    const text = [...body.slice(start), ...body].slice(0, LINES_A_PAGE * 19);
    const pages: RowSpec[][] = [first];
    for (let p = 0; p < text.length; p += LINES_A_PAGE) pages.push(text.slice(p, p + LINES_A_PAGE).map((l) => (l.trim() ? l : null)));
    writeFileSync(join(dir, `${String(i).padStart(4, "0")}_${name.toLowerCase().replace(/\W+/g, "-")}.pdf`), await makePdf(pages, { size: 10 }));
  }
  return dir;
}
