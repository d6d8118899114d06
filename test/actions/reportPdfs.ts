/**
 * Ofsted-shaped reports built as PDFs for the actions tests: the lists of what to improve
 * laid out as Ofsted lays them out (a bullet or number at the margin, the text set in,
 * wrapped lines under the text, lists running over a page break past the page number and
 * a running footer), with prose around them. Wording and grades are invented.
 */
import { makePdf, prose, type PdfRow, type RowSpec } from "../corpus/makePdf.js";

/** One listed item: its marker ("•", "1.") and its lines as wrapped on the page. */
export function item(marker: string, lines: string[], textX = 100): PdfRow[] {
  return lines.map((text, i) => ({ cells: i === 0 ? [{ text: marker, x: 72 }, { text, x: textX }] : [{ text, x: textX }] }));
}

/** A numbered paragraph of findings, laid out like a listed item (the shape that must not be read as one). */
export const paragraph = item;

/** The page's running footer and its number, as every page of a report ends. */
function footer(title: string, page: number): RowSpec[] {
  return [null, `${title}   ${page}`];
}

/** An ILACS report (2023 layout): a "What needs to improve?" bullet list running over a page break. */
export function ilacsPdf(authority: string, dates: { inspected: string; published: string }, items: string[][]): Promise<Uint8Array> {
  const title = `Inspection of ${authority} local authority children's services`;
  const page1: RowSpec[] = [
    `Inspection of ${authority} local authority`,
    "children's services",
    null,
    `Inspection dates: ${dates.inspected}`,
    `Report published: ${dates.published}`,
    null,
    ...prose(`Children in ${authority} are helped well by committed staff. Leaders know what\nneeds to improve and have plans to address the areas for improvement, which\nare making a discernible difference.`),
    null,
    "What needs to improve?",
    null,
  ];
  // The first items on page 1, the rest on page 2 after the footer and page number.
  const half = Math.ceil(items.length / 2);
  const bullets = (list: string[][]) => list.flatMap((lines) => [...item("•", lines, 90), null]);
  const page2: RowSpec[] = [
    ...bullets(items.slice(half)),
    "The experiences and progress of children who need help and",
    "protection: good",
    null,
    ...paragraph("1.", ["Children and families receive effective early help. Social workers", "visit children often and know them well."]),
    null,
    ...paragraph("2.", ["Leaders ensure that plans are reviewed regularly, and managers", "check that they are."]),
    ...footer(title, 2),
  ];
  const page3: RowSpec[] = ["The experiences and progress of children in care: good", null, ...paragraph("3.", ["Children in care live in stable homes."]), ...footer(title, 3)];
  return makePdf([[...page1, ...bullets(items.slice(0, half)), ...footer(title, 1)], page2, page3]);
}

/** What a single inspection framework (SIF) report lists, by heading. */
export interface SifLists {
  /** Items under "Priority and immediate action"; null prints "did not find any" instead. */
  priority: string[][] | null;
  /** Items under "Areas for improvement" (numbered on from the priority items). */
  areas: string[][];
  /** Items under "What does the LSCB need to improve?" ("Areas for improvement"). */
  board: string[][];
}

/** A SIF report (2015 layout) with the local authority's and the board's lists, numbered, over page breaks. */
export function sifPdf(authority: string, dates: { inspected: string; published: string }, lists: SifLists): Promise<Uint8Array> {
  const title = `${authority} inspection report`;
  let n = 0;
  const numbered = (list: string[][]) => list.flatMap((lines) => [...item(`${++n}.`, lines), null]);
  const page1: RowSpec[] = [
    `${authority} Council`,
    null,
    "Inspection of services for children in need of help and",
    "protection, children looked after and care leavers",
    "and",
    "Review of the effectiveness of the Local Safeguarding Children",
    "Board",
    `Inspection date: ${dates.inspected}`,
    `Report published: ${dates.published}`,
    null,
    "The overall judgement is that children's services require",
    "improvement",
    null,
    "The Local Safeguarding Children Board is good",
    ...footer(title, 1),
  ];
  const priority: RowSpec[] = lists.priority
    ? numbered(lists.priority)
    : ["The inspection did not find any areas for priority and immediate action.", null];
  // The areas for improvement start on page 2 and run over the break onto page 3.
  const areasHere = lists.areas.slice(0, 1);
  const page2: RowSpec[] = ["What does the local authority need to improve?", null, "Priority and immediate action", null, ...priority, "Areas for improvement", null, ...numbered(areasHere), ...footer(title, 2)];
  const page3: RowSpec[] = [
    ...numbered(lists.areas.slice(1)),
    "The local authority's strengths",
    null,
    ...paragraph(`${++n}.`, ["The local authority's leaders have a clear understanding of what needs", "to improve, and should be commended for it."]),
    null,
    ...paragraph(`${++n}.`, ["Managers review plans regularly and social workers value their", "supervision."]),
    ...footer(title, 3),
  ];
  const page4: RowSpec[] = [
    "What does the LSCB need to improve?",
    null,
    "Areas for improvement",
    null,
    ...numbered(lists.board),
    "Key strengths and weaknesses of the LSCB",
    null,
    ...paragraph(`${++n}.`, ["The LSCB's chair provides strong leadership and partners attend", "meetings regularly."]),
    ...footer(title, 4),
  ];
  return makePdf([page1, page2, page3, page4]);
}

/** A 2013 looked after children inspection report: "Areas for improvement" by timescale, bullets set in under each, over a page break. */
export function lacPdf(authority: string, published: string, byTimescale: [string, string[][]][]): Promise<Uint8Array> {
  const title = `${authority} Inspection of looked after children services`;
  const bullets = (items: string[][]) => items.flatMap((lines) => [...item("•", lines, 130).map((r) => ({ cells: r.cells.map((c) => ({ ...c, x: (c.x ?? 72) === 72 ? 115 : c.x })) })), null]);
  const page1: RowSpec[] = [
    `Inspection of looked after children services: ${authority}`,
    null,
    "Inspection dates: 1 - 12 July 2013",
    `Report published: ${published}`,
    null,
    "Areas for improvement",
    null,
    ...paragraph("15.", ["In order to improve the quality of provision and services for looked after", "children and young people, the local authority should take the following action."]),
    null,
    { cells: [{ text: byTimescale[0][0], x: 100 }] },
    null,
    ...bullets(byTimescale[0][1]),
    ...footer(title, 1),
  ];
  const page2: RowSpec[] = [
    ...byTimescale.slice(1).flatMap(([ts, items]) => [{ cells: [{ text: ts, x: 100 }] } as RowSpec, null, ...bullets(items)]),
    "Capacity to improve",
    null,
    ...paragraph("16.", ["The capacity to improve is adequate."]),
    ...footer(title, 2),
  ];
  const page3: RowSpec[] = ["Record of main findings", ...footer(title, 3)];
  return makePdf([page1, page2, page3]);
}
