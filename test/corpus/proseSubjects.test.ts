/**
 * Prose that puts a grade word beside an area's words without judging the area, as real
 * single inspection framework and ILACS reports do, and a grade column read down beside a
 * wrapped label: none of it is a judgement, so a report whose table is missing a row
 * answers nothing for that area rather than the prose's grade. The look-alikes that do
 * state a judgement are still read.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadBot } from "../../src/bot.js";
import { makePdf, prose, type RowSpec } from "./makePdf.js";

async function gradesOf(page: RowSpec[]): Promise<Record<string, string>> {
  const dir = mkdtempSync(join(tmpdir(), "prose-subjects-"));
  const cover = ["Wokingham Borough Council", "Inspection of services for children in need of help and protection, children looked", "after and care leavers", "Inspection date: 2 March 2015 to 26 March 2015", "Report published: 14 May 2015", null];
  writeFileSync(join(dir, "report.pdf"), await makePdf([[...cover, ...page]]));
  const bot = await loadBot({ corpusDir: dir });
  return Object.fromEntries(bot.reports[0].judgements.map((j) => [j.areaId, j.grade]));
}

describe("a grade word beside an area's words judges it only when said of it", () => {
  it("reads no grade from an area that qualifies another noun, a relative clause, a list after a preposition or a range", async () => {
    const g = await gradesOf(
      prose(
        [
          "The timeliness of visits to children looked after is good.",
          "Young people in care are well supported, and the service that care leavers receive is outstanding.",
          "Support for young people and care leavers in Wokingham remains inadequate.",
          "Far more children looked after attend primary schools that are good or better than attend secondary schools.",
        ].join("\n"),
      ),
    );
    expect(g).toEqual({});
  });

  it("reads no grade from a possessor, a clause of the area's own, a noun after the area or an unquoted 'requires improvement' after a preposition", async () => {
    const g = await gradesOf(
      prose(
        [
          "Young people looked after's attendance at college is good.",
          "Care leavers' access to housing is outstanding.",
          "When children become looked after, the standard of care planning for them is outstanding.",
          "Matching of placements when children first become looked after requires improvement.",
          "Many children looked after go to schools rated outstanding.",
          "Inspectors judged that provision for children looked after, care leavers and young people waiting for adoption is inadequate.",
          "Provision for care leavers requires improvement.",
        ].join("\n"),
      ),
    );
    expect(g).toEqual({});
  });

  it("still reads a finding reported with 'found that', a judgement noun before 'of' or 'for', a plain statement and areas joined by 'along with'", async () => {
    const g = await gradesOf(
      prose(
        [
          "Inspectors found that the experiences and progress of care leavers are good.",
          "The effectiveness of the Local Safeguarding Children Board is outstanding.",
          "The judgement for adoption performance was inadequate.",
          "Children looked after and achieving permanence require improvement.",
          "That leadership, management and governance, along with help and protection, is good.",
        ].join("\n"),
      ),
    );
    expect(g).toEqual({ "care-leavers": "Good", lscb: "Outstanding", adoption: "Inadequate", "looked-after-permanence": "Requires improvement", leadership: "Good", "help-protection": "Good" });
  });

  it("reads nothing from a grade column read down beside a wrapped label", async () => {
    // The grade cell's first word is lost, so no row reads it; read downwards the lines
    // make "… achieving improvement to be permanence good", which is no judgement.
    const g = await gradesOf([
      { cells: [{ text: "2. Children looked after and achieving", x: 72 }] },
      { cells: [{ text: "improvement to be", x: 400 }] },
      { cells: [{ text: "permanence", x: 90 }] },
      { cells: [{ text: "good", x: 400 }] },
    ]);
    expect(g["looked-after-permanence"]).toBeUndefined();
  });
});
