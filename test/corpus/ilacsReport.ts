/**
 * An ILACS-shaped report (2023 layout) for the reading tests, written for them: a
 * two-column judgement table with wrapped cells on page 1, prose that uses grade words,
 * and an annex quoting an earlier inspection's judgements on the last page. The grades
 * are invented; only the shape is Ofsted's.
 */
import { makePdf, prose, tableRow, type RowSpec } from "./makePdf.js";

/** The report's grades as the first page's table states them. */
export const TABLE = {
  leaders: "Good",
  help: "Requires improvement to be good",
  care: "Outstanding",
  leavers: "Good",
  overall: "Good",
};

/** Builds the report as a PDF of three pages. */
export function makeIlacsReport(authority = "Rutland"): Promise<Uint8Array> {
  const page1: RowSpec[] = [
    `Inspection of ${authority} local authority`,
    "children's services",
    null,
    "Inspection dates: 6 to 10 March 2023",
    "Lead inspector: Pat Example, His Majesty's Inspector",
    null,
    { cells: [{ text: "Judgement", x: 72 }, { text: "Grade", x: 330 }] },
    null,
    ...tableRow(["The impact of leaders on social work", "practice with children and families"], [TABLE.leaders]),
    null,
    ...tableRow(["The experiences and progress of", "children who need help and protection"], ["Requires improvement", "to be good"]),
    null,
    ...tableRow(["The experiences and progress of", "children in care"], [TABLE.care]),
    null,
    ...tableRow(["The experiences and progress of care", "leavers"], [TABLE.leavers]),
    null,
    ...tableRow(["Overall effectiveness"], [TABLE.overall]),
    null,
    ...prose(`Children in ${authority} achieve well at school, and their attendance is good.\nServices for care leavers remain good overall, and adoption performance is good.`),
  ];
  const page2: RowSpec[] = [
    ...prose("What needs to improve?\nThe timeliness of assessments for children in need of help."),
    null,
    ...prose("The experiences and progress of children in care: outstanding"),
    null,
    ...prose("1. Children in care are seen often by social workers who know them well."),
  ];
  const page3: RowSpec[] = [
    "Previous Ofsted inspections",
    null,
    "The judgements for the local authority were:",
    "Overall effectiveness: inadequate",
    "The experiences and progress of children in care: inadequate",
    "The impact of leaders on social work practice: inadequate",
  ];
  return makePdf([page1, page2, page3]);
}
