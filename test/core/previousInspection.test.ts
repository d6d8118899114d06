/** "The previous inspection" is the one before the latest, never the latest in its place. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadBot } from "../../src/bot.js";

async function bot() {
  const dir = mkdtempSync(join(tmpdir(), "previous-"));
  const write = (name: string, lines: string[]) => writeFileSync(join(dir, name), lines.join("\n"));
  write("rochdale-2016.txt", [
    "Rochdale Borough Council",
    "Inspection of services for children in need of help and protection, children looked after and care leavers",
    "Inspection date: 4 to 27 April 2016",
    "",
    "Children's services in Rochdale are inadequate",
    "",
    "Recommendations",
    "1. Ensure that every child at risk of harm has an allocated social worker.",
  ]);
  write("rochdale-2023.txt", [
    "Inspection of Rochdale local authority children's services",
    "Inspection dates: 6 to 10 March 2023",
    "",
    "Overall effectiveness\tGood",
    "",
    "What needs to improve?",
    "- The timeliness of strategy meetings.",
  ]);
  // The council's own paper on the 2023 inspection, two months later: the same inspection, not a previous one.
  write("rochdale-cabinet.txt", ["Rochdale Borough Council", "Cabinet, 12 May 2023", "", "Report on the Ofsted inspection of children's services held from 6 to 10 March 2023."]);
  write("wokingham.txt", ["Inspection of Wokingham local authority children's services", "Inspection dates: 2 to 6 October 2023", "", "Overall effectiveness\tInadequate"]);
  return loadBot({ corpusDir: dir });
}

describe("the previous inspection", () => {
  it("answers from the inspection before the latest", async () => {
    const b = await bot();
    const a = b.ask("What were the recommendations in the previous Rochdale inspection?");
    expect(a.text).toContain("allocated social worker");
    expect(a.text).not.toContain("strategy meetings");
    expect(b.ask("What was Rochdale's overall effectiveness at its earlier inspection?").text).toContain("Inadequate");
    expect(b.ask("When was Rochdale's previous inspection?").text).toContain("April 2016");
  });

  it("says when a council has no inspection before the latest, and lists only those that have one", async () => {
    const b = await bot();
    const none = b.ask("What did Wokingham's previous inspection say needs to improve?");
    expect(none.answered).toBe(false);
    expect(none.text).toContain("no report of an inspection before the latest");
    const list = b.ask("Which councils were inadequate at their previous inspection?");
    expect(list.judgements.map((j) => j.authority)).toEqual(["Rochdale"]);
  });
});
