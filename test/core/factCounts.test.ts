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

/** A report that counts many things, most of them not what a careless reading would take. */
async function statsBot() {
  const dir = mkdtempSync(join(tmpdir(), "counts-"));
  writeFileSync(
    join(dir, "rochdale.txt"),
    [
      "Inspection of services for children in need of help and protection, children looked after and care leavers",
      "Rochdale Borough Council",
      "Inspection date: 4 to 27 April 2016",
      "",
      "At 31 March 2016, 300 children were being looked after by the local authority.",
      "75 children ceased to be looked after, of whom 4% returned to care.",
      "In the past year, 40 adoption orders were granted and 35 children have been matched with adoptive parents.",
      "One care leaver told inspectors about the excellent support they receive.",
      "A clear pathway has seen eight newly qualified social workers complete their first year.",
      "Key Stage 2 children looked after do less well than their peers.",
      "Inspectors looked at 42 children's case records.",
      "At 31 March 2016, 1,214 children had been identified as being in need of a specialist service.",
      "At the time of the inspection, 13 children with a plan for adoption were waiting for a placement.",
      "Inspectors spoke to four Children's Services managers.",
      "There is good edge of care work to prevent",
      "",
      "2",
      "",
      "children from coming into care, and to help them return home.",
      "",
      "The inspection team consisted of six of Her Majesty's Inspectors (HMI) from",
      "Ofsted and one additional inspector.",
    ].join("\n"),
  );
  return loadBot({ corpusDir: dir });
}

describe("a count is of what the question asks, said of it", () => {
  it("answers the count whose noun and words are the question's", async () => {
    const b = await statsBot();
    const looked = b.ask("How many children are looked after in Rochdale?");
    expect(looked.text).toContain("Rochdale: 300");
    // Those who left care are another count.
    expect(looked.text).not.toContain("75");
    expect(b.ask("How many children ceased to be looked after in Rochdale?").text).toContain("Rochdale: 75");
    expect(b.ask("How many case records did inspectors look at in Rochdale?").text).toContain("Rochdale: 42");
    // A number with a thousands comma is one number, its noun after it.
    expect(b.ask("Number of children in need in Rochdale").text).toContain("Rochdale: 1,214");
    const hmi = b.ask("How many HMI were in the Rochdale inspection team?");
    expect(hmi.text).toContain("Rochdale: 6");
    // The sentence the line break after "from" split is read whole.
    expect(hmi.text).toContain("from Ofsted and one additional inspector");
  });

  it("does not answer with a number that counts something else", async () => {
    const b = await statsBot();
    // 35 children were matched with adoptive parents, which is not adopted; 40 counts orders.
    expect(b.ask("How many children were adopted in Rochdale?").answered).toBe(false);
    // A plan for adoption is no child adopted.
    expect(b.ask("How many children were adopted in Rochdale?").text).not.toContain("13");
    // "Children's" before the noun is whose managers they are: no children were counted.
    expect(b.ask("How many children did inspectors speak to in Rochdale?").answered).toBe(false);
    // One care leaver's story counts no care leavers.
    expect(b.ask("How many care leavers does Rochdale support?").answered).toBe(false);
    // Social workers completing their first year are not social workers inspectors spoke to.
    expect(b.ask("How many social workers did inspectors speak to in Rochdale?").answered).toBe(false);
    // "Key Stage 2" labels a stage; the page number "2" is no count of children.
    const inCare = b.ask("How many children were in care in Rochdale?");
    expect(inCare.text).not.toMatch(/Rochdale: 2\b/);
  });

  it("reads a sentence whole across a page number the page break left inside it", async () => {
    const b = await statsBot();
    const a = b.ask("What did the Rochdale report say about edge of care work?");
    expect(a.text).toContain("work to prevent children from coming into care");
  });
});
