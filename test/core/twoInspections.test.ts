/** One council's two inspections asked about together are answered side by side, never one of them alone. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadBot } from "../../src/bot.js";

async function bot() {
  const dir = mkdtempSync(join(tmpdir(), "two-"));
  const write = (name: string, lines: string[]) => writeFileSync(join(dir, name), lines.join("\n"));
  const ilacs = (council: string, dates: string, grade: string) => [`Inspection of ${council} local authority children's services`, `Inspection dates: ${dates}`, "", `Overall effectiveness\t${grade}`];
  write("wokingham-2019.txt", ilacs("Wokingham", "4 to 8 March 2019", "Good"));
  write("wokingham-2023.txt", ilacs("Wokingham", "2 to 6 October 2023", "Outstanding"));
  write("rochdale-2016.txt", ["Rochdale Borough Council", "Inspection of services for children in need of help and protection, children looked after and care leavers", "Inspection date: 4 to 27 April 2016", "", "Children's services in Rochdale require improvement to be good"]);
  write("rochdale-2023.txt", ilacs("Rochdale", "6 to 10 March 2023", "Requires improvement to be good"));
  return loadBot({ corpusDir: dir });
}

describe("two inspections of one council", () => {
  it("puts two years named apart side by side, in any wording", async () => {
    const b = await bot();
    for (const q of ["Wokingham overall effectiveness in 2019 and 2023", "Was Wokingham's 2019 grade the same as its 2023 grade?", "Compare Wokingham's 2019 and 2023 inspections", "Did Wokingham's overall effectiveness go from good to outstanding?", "How did Wokingham's overall effectiveness grade change?"]) {
      const a = b.ask(q);
      expect(a.text, q).toContain("Good → Outstanding (improved)");
    }
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
    const a = b.ask("Which councils were good in 2019 and 2023?");
    expect(a.answered).toBe(false);
    expect(a.judgements).toEqual([]);
    expect(a.text).toContain("could not apply 'inspections in 2019 and 2023'");
  });
});
