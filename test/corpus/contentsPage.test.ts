/**
 * A 2012-13 looked after children report's table of contents lists its judgement sections
 * with page numbers ("Capacity to improve  4"), an entry's title wrapped over two lines;
 * the page numbers 1 to 4 read like grades. The report's grades are its section headings'
 * ("Grade 2 (good)") and its record of main findings, never the contents' page numbers.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadBot } from "../../src/bot.js";
import { makePdf, prose, tableRow, type RowSpec } from "./makePdf.js";

/** A contents entry: the title (one or two lines) with its page number at the right. */
const entry = (title: string[], page: number): RowSpec[] => [...tableRow(title, [...title.slice(1).map(() => ""), String(page)], 460), null];

/** The report's contents: a heading, then entries; the overall effectiveness entry wrapped or not. */
function contentsPage(opts: { blanksAfterHeading: number; wrapped: boolean; first: string }): RowSpec[] {
  return [
    "Contents",
    ...Array.from({ length: opts.blanksAfterHeading }, () => null),
    ...entry([opts.first], 2),
    ...entry(["The inspection judgements and what they mean"], 2),
    ...entry(["Service information"], 3),
    ...entry(opts.wrapped ? ["Overall effectiveness of services for looked after children and", "young people"] : ["Overall effectiveness"], 4),
    ...entry(["Capacity to improve"], 4),
    ...entry(["Outcomes for looked after children and young people"], 8),
    ...entry(["Quality of provision"], 12),
    ...entry(["Leadership and management"], 14),
    ...entry(["Record of main findings"], 17),
  ];
}

async function lacReport(contents: RowSpec[]) {
  const cover: RowSpec[] = ["Inspection of looked after children", "services", "Wokingham Borough Council", null, "Inspection dates: 3 - 7 June 2013", "Reporting inspector Sam Sample HMI", null, "Published: 12 July 2013"];
  const body: RowSpec[] = [
    "Overall effectiveness of services for looked",
    "after children and young people",
    "Grade 2 (good)",
    ...prose("8. Looked after children in Wokingham are well cared for and most make good progress."),
    null,
    "Capacity to improve",
    "Grade 2 (good)",
    ...prose("9. Leaders know their services well and have a record of improving them."),
    null,
    "Outcomes for looked after children and young people",
    "Grade 3 (adequate)",
    ...prose("10. Outcomes for looked after children are adequate overall."),
  ];
  const findings: RowSpec[] = [
    "Record of main findings",
    "Services for looked after children",
    null,
    ...tableRow(["Overall effectiveness"], ["Good"], 420),
    null,
    ...tableRow(["Capacity to improve"], ["Good"], 420),
    null,
    ...tableRow(["Outcomes for looked after children", "and young people"], ["Adequate"], 420),
    null,
    ...tableRow(["Quality of provision"], ["Good"], 420),
    null,
    ...tableRow(["Leadership and management"], ["Good"], 420),
  ];
  const dir = mkdtempSync(join(tmpdir(), "contents-"));
  writeFileSync(join(dir, "report.pdf"), await makePdf([cover, contents, body, findings]));
  return loadBot({ corpusDir: dir });
}

describe("a table of contents states no grade", () => {
  it("reads a 2013 looked after children report's grades from its sections and record of findings, none from the contents' page numbers", async () => {
    const bot = await lacReport(contentsPage({ blanksAfterHeading: 1, wrapped: true, first: "About this inspection" }));
    const report = bot.reports[0];
    expect(report.inspection.framework).toBe("LAC");
    const g = Object.fromEntries(report.judgements.map((j) => [j.areaId, j]));
    expect(g["overall-effectiveness"]?.grade).toBe("Good");
    expect(g["capacity"]?.grade).toBe("Good");
    expect(g["outcomes"]?.grade).toBe("Adequate");
    expect(g["quality-of-provision"]?.grade).toBe("Good");
    expect(report.judgements.every((j) => j.citation.page !== 2)).toBe(true);
    const a = bot.ask("What was Wokingham's capacity to improve?");
    expect(a.judgements.map((j) => j.grade)).toEqual(["Good"]);
  });

  it("knows a contents list by its page numbers when its heading stands further off: a page past 4 makes its 2s, 3s and 4s pages too", async () => {
    const bot = await lacReport(contentsPage({ blanksAfterHeading: 4, wrapped: true, first: "About this inspection" }));
    const g = Object.fromEntries(bot.reports[0].judgements.map((j) => [j.areaId, j]));
    expect(g["overall-effectiveness"]?.grade).toBe("Good");
    expect(g["capacity"]?.grade).toBe("Good");
    expect(bot.reports[0].judgements.every((j) => j.citation.page !== 2)).toBe(true);
  });
});
