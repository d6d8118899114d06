/** A count answers only when the report counts exactly what was asked. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadBot } from "../../src/bot.js";

async function bot(sentence: string) {
  const dir = mkdtempSync(join(tmpdir(), "counts-"));
  writeFileSync(
    join(dir, "wokingham.txt"),
    ["Inspection of Wokingham local authority children's services", "Inspection dates: 2 to 6 October 2023", "", sentence, "", "Six inspectors took part in the inspection."].join("\n"),
  );
  return loadBot({ corpusDir: dir });
}

describe("counts of inspection activity", () => {
  it("does not give a count of something else for 'case files'", async () => {
    const b = await bot("Family group conferences are often recommended too late, and this was seen in one case viewed by inspectors.");
    const a = b.ask("How many case files did inspectors look at in Wokingham?");
    expect(a.answered).toBe(false);
    // The rest of the phrase is not part of what is counted: "inspectors took part" counts inspectors.
    expect(b.ask("How many inspectors took part in Wokingham's inspection?").text).toContain("Wokingham: 6");
  });

  it("gives the count when the report counts case files", async () => {
    const a = (await bot("Inspectors looked at 76 case files during the inspection.")).ask("How many case files did inspectors look at in Wokingham?");
    expect(a.answered).toBe(true);
    expect(a.text).toContain("Wokingham: 76");
  });
});
