/**
 * A report's lists of actions kept apart: the single inspection framework's "Priority and
 * immediate action" is not its "Areas for improvement", and the Local Safeguarding
 * Children Board's lists are the board's. Answers say how many there are.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadBot } from "../../src/bot.js";

const SIF = [
  "Rochdale Borough Council",
  "Inspection of services for children in need of help and protection, children looked after and care leavers",
  "and",
  "Review of the effectiveness of the local safeguarding children board",
  "Inspection date: 4 to 27 April 2016",
  "Report published: 20 June 2016",
  "",
  "What does the local authority need to improve?",
  "Priority and immediate action",
  "",
  "1. Ensure that every child at risk of harm has an allocated social worker.",
  "",
  "2. Review the cases of all children placed with their parents.",
  "",
  "Areas for improvement",
  "",
  "3. Improve the quality of pathway plans for care leavers.",
  "",
  "4. Improve the timeliness of initial health assessments.",
  "",
  "Summary for children and young people",
  "",
  "Inspectors met many of you and your carers.",
  "",
  "Review of the Local Safeguarding Children Board",
  "",
  "What does the LSCB need to improve?",
  "Priority and immediate action",
  "",
  "40. The LSCB should publish its annual report on time.",
  "",
  "Areas for improvement",
  "",
  "41. The LSCB should evaluate the impact of its early help strategy.",
];

const ILACS = [
  "Inspection of Wokingham local authority children's services",
  "Inspection dates: 2 to 6 October 2023",
  "",
  "What needs to improve?",
  "- The quality of support for care leavers aged over 21.",
  "- The timeliness of strategy meetings.",
  "",
  "The experiences and progress of children who need help and protection: good",
];

async function bot() {
  const dir = mkdtempSync(join(tmpdir(), "actions-"));
  writeFileSync(join(dir, "rochdale.txt"), SIF.join("\n"));
  writeFileSync(join(dir, "wokingham.txt"), ILACS.join("\n"));
  return loadBot({ corpusDir: dir });
}

describe("a report's lists of actions", () => {
  it("keeps priority and immediate actions apart from areas for improvement", async () => {
    const b = await bot();
    for (const q of ["What are Rochdale's priority and immediate actions?", "What must Rochdale do immediately?", "Rochdale priority actions"]) {
      const a = b.ask(q);
      expect(a.answered, q).toBe(true);
      expect(a.text, q).toContain("allocated social worker");
      expect(a.text, q).not.toContain("pathway plans");
    }
    const areas = b.ask("What are Rochdale's areas for improvement?");
    expect(areas.text).toContain("pathway plans");
    expect(areas.text).not.toContain("allocated social worker");
    // Asked for all it was told, every list comes, each under its own heading.
    const all = b.ask("What did Ofsted recommend for Rochdale?");
    expect(all.text).toMatch(/6 actions for Rochdale .*\nPriority and immediate actions \(2\):\n- Ensure that every child/);
    expect(all.text).toContain("Areas for improvement (2):");
    expect(all.text).toContain("Local Safeguarding Children Board, priority and immediate actions (1):");
  });

  it("answers about the board with the board's own actions, or says there are none", async () => {
    const b = await bot();
    for (const q of ["What did Ofsted recommend for the Rochdale LSCB?", "What should Rochdale's safeguarding board do?"]) {
      const a = b.ask(q);
      expect(a.text, q).toContain("publish its annual report");
      expect(a.text, q).toContain("evaluate the impact of its early help");
      expect(a.text, q).not.toContain("allocated social worker");
      expect(a.interpretation, q).toContain("Local Safeguarding Children Board");
    }
    const none = b.ask("What did Ofsted recommend for the LSCB in Wokingham?");
    expect(none.answered).toBe(false);
    expect(none.text).not.toContain("strategy meetings");
  });

  it("says how many there are, and that it could not narrow them to an area", async () => {
    const b = await bot();
    expect(b.ask("How many things does Wokingham need to improve?").text).toContain("2 areas for improvement for Wokingham");
    const leavers = b.ask("What needs to improve for Wokingham's care leavers?");
    expect(leavers.text).toContain("timeliness of strategy meetings");
    expect(leavers.text).toContain("could not narrow them to");
  });

  it("says a report has no priority list rather than giving its other lists in its place", async () => {
    const b = await bot();
    const a = b.ask("What are Wokingham's priority and immediate actions?");
    expect(a.answered).toBe(false);
    expect(a.text).not.toContain("strategy meetings");
  });
});

describe("an item with sub-items", () => {
  it("reads every sub-item set in below an item that ends with a colon as part of it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "actions-"));
    writeFileSync(
      join(dir, "rochdale.txt"),
      [
        ...SIF.slice(0, 7),
        "Recommendations",
        "6.       Ensure that plans are specific about the outcome to be achieved.",
        "",
        "7.       Strengthen the response to children who go missing, by:",
        "",
        "          - making sure that every child is offered a return home interview",
        "            soon after they come back",
        "",
        "          - sharing what children say with the police and schools.",
        "",
        "8.       Review the cases of children placed with their parents.",
      ].join("\n"),
    );
    const b = await loadBot({ corpusDir: dir });
    const a = b.ask("What did Ofsted recommend for Rochdale?");
    expect(a.text).toContain("3 recommendations for Rochdale");
    expect(a.actions?.map((x) => x.text)).toEqual([
      "Ensure that plans are specific about the outcome to be achieved.",
      "Strengthen the response to children who go missing, by: making sure that every child is offered a return home interview soon after they come back sharing what children say with the police and schools.",
      "Review the cases of children placed with their parents.",
    ]);
  });
});

describe("the same question in other words", () => {
  it("reads 'must improve', 'needed improving', 'improvement areas' and 'asked of' as what the council was told to improve", async () => {
    const b = await bot();
    for (const q of ["What did inspectors say Wokingham must improve?", "What improvements were asked of Wokingham?", "What are the improvement areas for Wokingham?", "What did Ofsted find needed improving in Wokingham?"]) {
      const a = b.ask(q);
      expect(a.kind, q).toBe("actions");
      expect(a.text, q).toContain("2 areas for improvement for Wokingham");
    }
  });

  it("says no report knows when the next inspection will be, rather than giving the last one's dates", async () => {
    const b = await bot();
    for (const q of ["When is the next inspection of Wokingham?", "When will Ofsted next inspect Wokingham?", "When is Wokingham due to be inspected?"]) {
      const a = b.ask(q);
      expect(a.answered, q).toBe(false);
      expect(a.text, q).toContain("not when it will inspect again");
    }
  });

  it("looks for children's homes, not every mention of homes", async () => {
    const dir = mkdtempSync(join(tmpdir(), "mentions-"));
    writeFileSync(join(dir, "wokingham.txt"), [...ILACS, "", "Most children live in stable homes with carers who know them well."].join("\n"));
    writeFileSync(join(dir, "rochdale.txt"), [...SIF, "", "Two children live in unregistered children's homes."].join("\n"));
    const b = await loadBot({ corpusDir: dir });
    const a = b.ask("Which reports mention children's homes?");
    expect(a.text).toContain("Rochdale");
    expect(a.text).not.toContain("Wokingham");
  });
});
