/**
 * The four shapes that gave wrong grades on real reports, each in a PDF built here: an
 * annex of earlier judgements, a grade cell wrapped beside a wrapped label, grade words in
 * prose, and a second grade beside the table's.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadBot } from "../../src/bot.js";
import { makePdf, prose, tableRow, type RowSpec } from "./makePdf.js";

async function botFor(pages: RowSpec[][]) {
  const dir = mkdtempSync(join(tmpdir(), "wrong-place-"));
  writeFileSync(join(dir, "report.pdf"), await makePdf(pages));
  return loadBot({ corpusDir: dir });
}

const grades = (bot: Awaited<ReturnType<typeof botFor>>) => Object.fromEntries(bot.reports[0].judgements.map((j) => [j.areaId, j.grade]));

describe("grades only from the right place", () => {
  it("reads a single inspection framework list whose grades wrap beside wrapped labels, and the annex adds nothing", async () => {
    const bot = await botFor([
      [
        "Wiltshire Council",
        "Inspection of services for children in need of help and protection, children looked",
        "after and care leavers",
        "Inspection date: 3 March 2015 to 26 March 2015",
        "Report published: 12 May 2015",
        null,
        "Children's services in Wiltshire require improvement",
        ...tableRow(["1. Children who need help and protection"], ["Requires improvement"], 400),
        null,
        ...tableRow(["2. Children looked after and achieving", "   permanence"], ["Requires improvement to", "be good"], 400),
        null,
        ...tableRow(["   2.1 Adoption performance"], ["Good"], 400),
        null,
        ...tableRow(["   2.2 Experiences and progress of care leavers"], ["Requires", "improvement"], 400),
        null,
        ...tableRow(["3. Leadership, management and governance"], ["Good"], 400),
      ],
      [
        "Previous Ofsted inspections",
        null,
        "The previous inspection of the local authority was in 2012. The judgements for the local authority were:",
        "  Overall effectiveness: good",
        "  Children looked after: outstanding",
        "  Adoption performance: inadequate",
      ],
    ]);
    const g = grades(bot);
    expect(g["looked-after-permanence"]).toBe("Requires improvement");
    expect(g["adoption"]).toBe("Good");
    expect(g["care-leavers"]).toBe("Requires improvement");
    expect(g["overall-effectiveness"]).toBe("Requires improvement");
    expect(bot.reports[0].judgements.every((j) => j.citation.page === 1)).toBe(true);
  });

  it("takes no grade from prose about something else, and none where the table is silent", async () => {
    const bot = await botFor([
      [
        "Inspection of Wokingham local authority children's services",
        "Inspection dates: 2 to 6 October 2023",
        null,
        ...prose("Children in care in Wokingham achieve well in school, and their attendance is good.\nPerformance on numbers of children adopted in Wokingham overall is good.\nCare leavers say that the support from their personal advisers is good."),
      ],
    ]);
    expect(bot.reports[0].judgements).toEqual([]);
    const a = bot.ask("What was Wokingham's grade for children in care?");
    expect(a.answered).toBe(false);
  });

  it("keeps the table's grade when prose states another for an overlapping or the same area", async () => {
    const bot = await botFor([
      [
        "Inspection of Wokingham local authority children's services",
        "Inspection dates: 2 to 6 October 2023",
        null,
        { cells: [{ text: "Judgement", x: 72 }, { text: "Grade", x: 330 }] },
        ...tableRow(["The impact of leaders on social work", "practice with children and families"], ["Good"]),
        null,
        ...tableRow(["The experiences and progress of", "children in care"], ["Outstanding"]),
        null,
        ...tableRow(["The experiences and progress of care", "leavers"], ["Outstanding"]),
        null,
        ...tableRow(["Overall effectiveness"], ["Outstanding"]),
        null,
        ...prose("The experiences and progress of children in care and care leavers are good.\nThe impact of leaders on social work practice with children and families is inadequate."),
      ],
    ]);
    const g = grades(bot);
    expect(g["in-care-and-leavers"]).toBeUndefined();
    expect(g["in-care"]).toBe("Outstanding");
    expect(g["leaders-impact"]).toBe("Good");
  });

  it("reads single inspection framework headlines broken over lines or naming 'the' council", async () => {
    const headline = async (lines: string[]) => {
      const bot = await botFor([["City of London Corporation", "Inspection date: 4 July 2016", "Report published: 20 September 2016", null, ...lines, null, ...tableRow(["1. Children who need help and protection"], ["Good"], 400), ...tableRow(["2.1 Adoption performance"], ["Good"], 400), ...tableRow(["3. Leadership, management and governance"], ["Outstanding"], 400)]]);
      // A one-day inspection's single date on the cover is its start and end.
      expect(bot.reports[0].inspection).toMatchObject({ start: "2016-07-04", end: "2016-07-04" });
      return grades(bot)["overall-effectiveness"];
    };
    expect(await headline(["Children's services in the City of London are good"])).toBe("Good");
    expect(await headline(["The overall judgement is that children's services require", "improvement"])).toBe("Requires improvement");
    expect(await headline(["The overall judgement is inadequate"])).toBe("Inadequate");
    expect(await headline(["The overall judgement at the previous inspection was that services were inadequate"])).toBeUndefined();
  });

  it("never gives overall effectiveness for an inspection after the April 2026 reform, and says why", async () => {
    const bot = await botFor([
      [
        "Inspection of Wokingham local authority children's services",
        "Inspection dates: 8 to 19 June 2026",
        null,
        { cells: [{ text: "Judgement", x: 72 }, { text: "Grade", x: 330 }] },
        ...tableRow(["The impact of leaders on social work", "practice with children and families"], ["Good"]),
        null,
        ...tableRow(["The experiences and progress of", "children who need help and protection"], ["Good"]),
        null,
        ...tableRow(["The experiences and progress of", "children in care"], ["Good"]),
        null,
        ...tableRow(["Overall effectiveness"], ["Good"]),
        null,
        ...prose("Children's services in Wokingham are good."),
      ],
    ]);
    expect(grades(bot)["overall-effectiveness"]).toBeUndefined();
    expect(grades(bot)["in-care"]).toBe("Good");
    const a = bot.ask("What was Wokingham's overall effectiveness?");
    expect(a.answered).toBe(false);
    expect(a.text).toMatch(/from 1 April 2026 give no overall effectiveness/i);
  });

  it("reads a grade standing alone between a wrapped label's lines, and a label with one stray word", async () => {
    const bot = await botFor([
      [
        "Inspection of Wokingham local authority children's services",
        "Inspection dates: 2 to 6 October 2023",
        null,
        { cells: [{ text: "The experiences and progress of children who need help and", x: 72 }] },
        { cells: [{ text: "Inadequate", x: 400 }] },
        { cells: [{ text: "protection", x: 72 }] },
        null,
        ...tableRow(["The impact of leaders on social work", "practice with children and families"], ["Good"], 400),
        null,
        { cells: [{ text: "Judgement", x: 72 }, { text: "Grade", x: 400 }] },
        null,
        ...tableRow(["The experiences and progress of", "children care leavers"], ["Outstanding"], 400),
        null,
        ...tableRow(["Overall effectiveness"], ["Good"], 400),
      ],
    ]);
    const g = grades(bot);
    expect(g["help-protection"]).toBe("Inadequate");
    expect(g["care-leavers"]).toBe("Outstanding");
    expect(g["in-care"]).toBeUndefined();
  });

  it("keeps the first page's grade when a body heading row on a later page states another", async () => {
    const bot = await botFor([
      [
        "Inspection of Wokingham local authority children's services",
        "Inspection dates: 2 to 6 October 2023",
        null,
        { cells: [{ text: "Judgement", x: 72 }, { text: "Grade", x: 330 }] },
        ...tableRow(["The impact of leaders on social work", "practice with children and families"], ["Good"]),
        null,
        ...tableRow(["The experiences and progress of", "children in care"], ["Outstanding"]),
        null,
        ...tableRow(["Overall effectiveness"], ["Good"]),
      ],
      [{ cells: [{ text: "The experiences and progress of children in care", x: 72 }, { text: "Good", x: 400 }] }, "Children in care are seen often by their social workers."],
    ]);
    expect(grades(bot)["in-care"]).toBe("Outstanding");
  });
});
