/**
 * Actions read from PDFs laid out as Ofsted lays out its lists: every item whole (wrapped
 * lines, page breaks with footers and page numbers between), no bullet or number left in,
 * "did not find any" read as no action, the LSCB's list owned by the board, and the prose
 * around the lists (numbered findings too) never an action.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadBot } from "../../src/bot.js";
import { BOARD } from "../../src/extract/actions.js";
import type { Action } from "../../src/types.js";
import { ilacsPdf, lacPdf, sifPdf } from "./reportPdfs.js";

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

async function actionsOf(files: Record<string, Uint8Array>): Promise<Action[]> {
  const dir = mkdtempSync(join(tmpdir(), "pdf-actions-"));
  dirs.push(dir);
  for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, name), bytes);
  const bot = await loadBot({ corpusDir: dir, clock: () => new Date("2026-01-05T09:00:00Z") });
  expect(bot.problems).toEqual([]);
  return [...bot.actions];
}

const ILACS_ITEMS = [
  ["The quality of plans for children in need, so that they say clearly what will", "happen and by when."],
  ["The response to children who go missing from home or care."],
  ["Management oversight and supervision, including for disabled children and", "for children who live out of the area, so that drift is challenged and", "plans progress."],
  ["The sufficiency of homes for children in care."],
];

describe("ILACS: the 'What needs to improve?' list", () => {
  it("reads every bullet item whole, over wraps and a page break, and nothing else", async () => {
    const actions = await actionsOf({ "ilacs.pdf": await ilacsPdf("Rutland", { inspected: "6 to 10 March 2023", published: "3 May 2023" }, ILACS_ITEMS) });
    expect(actions.map((a) => a.text)).toEqual(ILACS_ITEMS.map((lines) => lines.join(" ")));
    expect(actions.every((a) => a.kind === "area-for-improvement" && a.authority === "Rutland")).toBe(true);
    // ILACS sets no timescale: no due date is made up.
    expect(actions.map((a) => a.due)).toEqual([null, null, null, null]);
    // Cited where each item stands: the third starts on page 2 after the footer.
    expect(actions.map((a) => a.citation.page)).toEqual([1, 1, 2, 2]);
    expect(actions[2].citation.lineEnd - actions[2].citation.line).toBe(2);
  });
});

describe("SIF: numbered lists of the local authority and of the LSCB", () => {
  const areas = [
    ["Ensure that children's plans are specific and reviewed within", "statutory timescales."],
    ["Improve the timeliness of initial child protection conferences so that multi-", "agency plans are in place at the earliest opportunity."],
    ["Take urgent action to recruit and retain qualified staff. (Paras 139, 140)"],
  ];
  const board = [["Strengthen the board's oversight of multi-agency training so that", "lessons from serious case reviews are learnt."], ["Agree a timetable for publishing the annual report."]];

  it("reads priority items and areas for improvement whole, numbers and page breaks dropped, and the board's as the board's", async () => {
    const priority = [["Review all cases of children who are not allocated a social worker and", "ensure that they are safe."]];
    const actions = await actionsOf({ "sif.pdf": await sifPdf("Devon County", { inspected: "24 February – 18 March 2015", published: "12 May 2015" }, { priority, areas, board }) });
    const joined = (lines: string[]) => lines.join(" ").replace("multi- agency", "multi-agency");
    expect(actions.map((a) => a.text)).toEqual([...priority, ...areas, ...board].map(joined));
    expect(actions.filter((a) => a.service === BOARD).map((a) => a.text)).toEqual(board.map(joined));
    expect(actions.filter((a) => a.service !== BOARD)).toHaveLength(4);
    // No glyph, number or footer survives in any action.
    for (const a of actions) expect(a.text).not.toMatch(/^\d|inspection report|•/);
    // The item on page 3 is cited there.
    expect(actions.find((a) => a.text.startsWith("Improve the timeliness"))?.citation.page).toBe(3);
  });

  it("reads 'did not find any areas for priority and immediate action' as no action", async () => {
    const actions = await actionsOf({ "sif.pdf": await sifPdf("Devon County", { inspected: "24 February – 18 March 2015", published: "12 May 2015" }, { priority: null, areas, board }) });
    expect(actions.map((a) => a.text)).not.toContainEqual(expect.stringMatching(/did not find/));
    expect(actions).toHaveLength(areas.length + board.length);
  });

  it("never takes the findings' numbered paragraphs or prose for actions", async () => {
    const actions = await actionsOf({ "sif.pdf": await sifPdf("Devon County", { inspected: "24 February – 18 March 2015", published: "12 May 2015" }, { priority: null, areas, board }) });
    for (const a of actions) expect(a.text).not.toMatch(/strengths|leadership and partners|value their|should be commended/);
  });
});

describe("2013 looked after children: areas for improvement by timescale", () => {
  it("reads each bullet whole under its timescale, with the due date the timescale sets, and not the introducing paragraph", async () => {
    const immediately = [["ensure all children have a care plan which sets out their needs", "and how they will be met"], ["ensure all care leavers have a pathway plan"]];
    const threeMonths = [["ensure all children have a good quality personal education plan", "which addresses their educational needs"]];
    const actions = await actionsOf({ "lac.pdf": await lacPdf("Norfolk", "16 August 2013", [["Immediately:", immediately], ["Within three months:", threeMonths]]) });
    expect(actions.map((a) => [a.text, a.timescale, a.due])).toEqual([
      [immediately[0].join(" "), "Immediately", "2013-08-16"],
      [immediately[1].join(" "), "Immediately", "2013-08-16"],
      [threeMonths[0].join(" "), "Within three months", "2013-11-16"],
    ]);
  });
});
