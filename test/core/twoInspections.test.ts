/** One council's two inspections asked about together are answered side by side, never one of them alone. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadBot } from "../../src/bot.js";

async function bot() {
  const dir = mkdtempSync(join(tmpdir(), "two-"));
  const write = (name: string, lines: string[]) => writeFileSync(join(dir, name), lines.join("\n"));
  const ilacs = (council: string, dates: string, grade: string, rows: string[] = []) => [`Inspection of ${council} local authority children's services`, `Inspection dates: ${dates}`, "", ...rows, `Overall effectiveness\t${grade}`];
  const rows = (leaders: string, help: string, care: string) => [`The impact of leaders on social work practice with children and families\t${leaders}`, `The experiences and progress of children who need help and protection\t${help}`, `The experiences and progress of children in care\t${care}`];
  write("wokingham-2023.txt", ilacs("Wokingham", "6 to 10 March 2023", "Good", rows("Good", "Good", "Requires improvement to be good")));
  write("wokingham-2026.txt", ilacs("Wokingham", "2 to 6 March 2026", "Outstanding", rows("Outstanding", "Good", "Good")));
  write("rochdale-2016.txt", ["Rochdale Borough Council", "Inspection of services for children in need of help and protection, children looked after and care leavers", "Inspection date: 4 to 27 April 2016", "", "Children's services in Rochdale require improvement to be good"]);
  write("rochdale-2023.txt", ilacs("Rochdale", "6 to 10 March 2023", "Requires improvement to be good"));
  return loadBot({ corpusDir: dir });
}

describe("two inspections of one council", () => {
  it("puts two years named apart side by side, in any wording", async () => {
    const b = await bot();
    for (const q of ["Wokingham overall effectiveness in 2023 and 2026", "Was Wokingham's 2023 grade the same as its 2026 grade?", "Compare Wokingham's 2023 and 2026 inspections", "Did Wokingham's overall effectiveness go from good to outstanding?", "How did Wokingham's overall effectiveness grade change?"]) {
      const a = b.ask(q);
      expect(a.text, q).toContain("Good → Outstanding (improved)");
    }
  });

  it("reads 'children in care' in a change question as the area, not the 2009-12 service no report has", async () => {
    const b = await bot();
    const a = b.ask("What changed for Wokingham's children in care?");
    expect(a.answered).toBe(true);
    expect(a.text).toContain("children in care: Requires improvement to be good → Good (improved)");
    expect(a.text).not.toContain("Overall effectiveness");
  });

  it("shows two frameworks' grades side by side without calling them one scale", async () => {
    const b = await bot();
    const a = b.ask("Rochdale overall effectiveness in 2016 and 2023");
    expect(a.text).toContain("not one scale");
    expect(a.text).not.toMatch(/\((improved|declined|no change)\)/);
    expect(a.text).toContain("SIF, inspected 4 to 27 April 2016: Requires improvement");
  });

  it("does not list councils for two years at once, nor answer for one of them", async () => {
    const b = await bot();
    const a = b.ask("Which councils were good in 2023 and 2026?");
    expect(a.answered).toBe(false);
    expect(a.judgements).toEqual([]);
    expect(a.text).toContain("could not apply 'inspections in 2023 and 2026'");
  });
});
