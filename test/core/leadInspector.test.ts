/** Who led the inspection: only the report's own line naming its lead answers, in any wording of the question. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadBot } from "../../src/bot.js";

async function bot(files: Record<string, string[]>) {
  const dir = mkdtempSync(join(tmpdir(), "lead-"));
  for (const [name, lines] of Object.entries(files)) writeFileSync(join(dir, name), lines.join("\n"));
  return loadBot({ corpusDir: dir });
}

const ILACS_COVER = [
  "Inspection of Wokingham local authority children's services",
  "Inspection dates: 2 to 6 October 2023",
  "",
  "Lead inspector: Sam Rivers, His Majesty's Inspector",
  "",
  "Strong partnerships have led to an effective early help service, and the lead inspector met the chief executive.",
];

/** A single inspection framework report names its team at the end, the deputy after the lead. */
const SIF_TEAM = [
  "Inspection of services for children in need of help and protection, children looked after and care leavers",
  "Rochdale Borough Council",
  "Inspection date: 4 to 27 April 2016",
  "",
  "Child-led work has improved, and the board's chair led a review of thresholds.",
  "",
  "The inspection team",
  "",
  "Deputy lead inspector: Kim Lowe",
  "Lead inspector: Ade Brook",
  "Team inspectors: Jo Penn, Ray Hart",
];

describe("the lead inspector", () => {
  it("answers who led the inspection from the report's line naming the lead, in several wordings", async () => {
    const b = await bot({ "wokingham.txt": ILACS_COVER, "rochdale.txt": SIF_TEAM });
    for (const q of ["Who led the Wokingham inspection?", "Who was the lead inspector for Wokingham?", "Who inspected Wokingham?", "Who was the HMI for Wokingham?", "Lead inspector for Wokingham", "Which inspector led the inspection of Wokingham?", "Who was in charge of the Wokingham inspection?", "Who headed the inspection of Wokingham?"]) {
      const a = b.ask(q);
      expect(a.answered, q).toBe(true);
      expect(a.text, q).toContain("Sam Rivers");
      expect(a.text, q).not.toContain("Her Majesty's Inspector,");
      expect(a.citations[0].line, q).toBe(4);
    }
    // The deputy, the team and prose that says "led" are not the lead.
    const sif = b.ask("Who led the inspection of Rochdale?");
    expect(sif.text).toContain("Ade Brook");
    expect(sif.text).not.toMatch(/Kim Lowe|board's chair|Child-led/);
    // Asked for the deputy, the lead is not the answer.
    const deputy = b.ask("Who was the deputy lead inspector in Rochdale?");
    expect(deputy.text).not.toContain("Ade Brook");
    expect(deputy.text).toContain("Kim Lowe");
  });

  it("says it does not know when the report names no lead, rather than quoting prose that says 'led'", async () => {
    const b = await bot({ "wokingham.txt": ILACS_COVER.filter((l) => !l.startsWith("Lead inspector")) });
    const a = b.ask("Who led the Wokingham inspection?");
    expect(a.answered).toBe(false);
    expect(a.text).toContain("does not name its lead inspector");
    expect(a.text).not.toContain("partnerships");
  });

  it("reads a 'Reporting inspector' line with no colon, and the name on the line after a bare label", async () => {
    const b = await bot({
      "york.txt": ["Inspection of looked after children services", "City of York Council", "Inspection dates: 8 – 12 July 2013", "Reporting inspector Lee Marsh HMI"],
      "bury.txt": ["Inspection of Bury local authority children's services", "Inspection dates: 1 to 5 May 2023", "Lead inspector:", "Dana Lyle, His Majesty's Inspector"],
    });
    expect(b.ask("Who was the reporting inspector for York?").text).toContain("Lee Marsh");
    expect(b.ask("Who led the Bury inspection?").text).toContain("Dana Lyle");
  });
});
