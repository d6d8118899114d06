/**
 * Small reports written for one extraction rule each: the shape that must be read, and
 * the look-alikes that must not be (a guess would be worse than a missed judgement).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadBot } from "../../src/bot.js";

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Loads one report (lines joined with \n) and returns its judgements as "area: grade @line". */
async function judgementsOf(lines: string[]): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), "extract-"));
  dirs.push(dir);
  writeFileSync(join(dir, "report.txt"), lines.join("\n"));
  const bot = await loadBot({ corpusDir: dir });
  expect(bot.reports, JSON.stringify(bot.problems)).toHaveLength(1);
  return bot.reports[0].judgements.map((j) => `${j.area}: ${j.grade} @${j.citation.line}`);
}

const SIF_HEAD = ["Herefordshire Council", "Inspection of services for children in need of help and protection, children looked after and care leavers", "Inspection dates: 14 March 2016 to 6 April 2016", ""];
const SLAC_HEAD = ["Wirral Metropolitan Borough Council", "Inspection of safeguarding and looked after children services", "Inspection dates: 5 to 16 March 2012", ""];
const ILACS_HEAD = ["Bristol City Council", "Inspection of local authority children's services", "Inspection dates: 9 to 20 January 2023", ""];

describe("the SIF / ILACS summary sentence", () => {
  it("reads 'Children's services in <council> require improvement to be good' as overall effectiveness", async () => {
    expect(await judgementsOf([...SIF_HEAD, "Children's services in Herefordshire require improvement to be good."])).toEqual([
      "Overall effectiveness: Requires improvement @5",
    ]);
    expect(await judgementsOf([...ILACS_HEAD, "Children’s services in Bristol are outstanding."])).toEqual(["Overall effectiveness: Outstanding @5"]);
    expect(await judgementsOf([...SIF_HEAD, "4.1 Ofsted concluded that children's services in Herefordshire require improvement to be good."])).toEqual([
      "Overall effectiveness: Requires improvement @5",
    ]);
  });

  it("does not read another council, the past, or a grade that does not end the sentence", async () => {
    for (const s of [
      "Children's services in Derby are good.",
      "Children's services in Herefordshire were inadequate.",
      "Children's services in Herefordshire are good at listening to children.",
      "At the last inspection Ofsted found that children's services in Herefordshire are inadequate.",
    ]) {
      expect(await judgementsOf([...SIF_HEAD, s]), s).toEqual([]);
    }
  });
});

describe("a table flattened onto one line", () => {
  it("reads area-grade pairs that follow one another", async () => {
    expect(
      await judgementsOf([
        ...ILACS_HEAD,
        "Judgement Grade The impact of leaders on social work practice with children and families Good The experiences and progress of care leavers Outstanding Overall effectiveness Good",
      ]),
    ).toEqual([
      "The impact of leaders on social work practice with children and families: Good @5",
      "The experiences and progress of care leavers: Outstanding @5",
      "Overall effectiveness: Good @5",
    ]);
  });
});

describe("words only questions may use", () => {
  it("does not read 'leaders are good' in a report as the leadership judgement", async () => {
    expect(await judgementsOf([...ILACS_HEAD, "Senior leaders are good role models for staff.", "Leaders are outstanding at listening to children."])).toEqual([]);
  });
});

describe("tables exported one cell a line", () => {
  it("reads an area's label followed, after a blank line, by its grade alone", async () => {
    const got = await judgementsOf([
      ...ILACS_HEAD,
      "The experiences and progress of children who need help and",
      "protection",
      "",
      "Good",
      "",
      "The experiences and progress of care leavers",
      "Inadequate",
    ]);
    expect(got).toEqual(["The experiences and progress of children who need help and protection: Good @5", "The experiences and progress of care leavers: Inadequate @10"]);
  });

  it("reads 'Judgement: Outstanding' under an area's heading, and not under anything else", async () => {
    expect(
      await judgementsOf([...ILACS_HEAD, "Overall effectiveness", "Judgement: Outstanding", "", "Summary of findings", "Judgement: Good"]),
    ).toEqual(["Overall effectiveness: Outstanding @5"]);
  });

  it("reads a grade the export broke over two lines as one grade, never as its last word", async () => {
    expect(
      await judgementsOf([
        ...ILACS_HEAD,
        "The impact of leaders on social work practice",
        "with children and families",
        "Requires improvement to be",
        "good",
        "The experiences and progress of care leavers Good",
      ]),
    ).toEqual([
      "The impact of leaders on social work practice with children and families: Requires improvement to be good @5",
      "The experiences and progress of care leavers: Good @9",
    ]);
  });

  it("reads 'Staying safe 2' (one space, a known area) but not a contents page written the same way", async () => {
    expect(
      await judgementsOf([
        ...SLAC_HEAD,
        "Contents page",
        "Being healthy 1",
        "Enjoying and achieving 2",
        "Economic well-being 4",
        "",
        "Record of main findings",
        "Staying safe 2",
        "Partnership working 3",
        "Equality and diversity 2",
        "Case files sampled 2",
      ]),
    ).toEqual(["Staying safe: Good @11", "Partnership working: Adequate @12", "Equality and diversity: Good @13"]);
  });

  it("does not read a lone 'Overall effectiveness 4' (a contents line as often as a grade)", async () => {
    expect(await judgementsOf([...SLAC_HEAD, "About this inspection 1", "Service information 2", "Overall effectiveness 4", "Capacity for improvement 5"])).toEqual([]);
  });

  it("does not read a bare number (a page number), a label the vocabulary does not know, or a sentence before a grade word", async () => {
    expect(
      await judgementsOf([
        ...ILACS_HEAD,
        "Overall effectiveness",
        "2",
        "",
        "The quality of the weekend duty rota",
        "Good",
        "",
        "Inspectors reviewed the experiences and progress of care leavers.",
        "Outstanding",
      ]),
    ).toEqual([]);
  });
});

describe("tables with a grade column per service", () => {
  const withService = async (lines: string[]) => {
    const dir = mkdtempSync(join(tmpdir(), "extract-"));
    dirs.push(dir);
    writeFileSync(join(dir, "report.txt"), lines.join("\n"));
    const bot = await loadBot({ corpusDir: dir });
    return bot.reports[0].judgements.map((j) => `${j.service ?? "-"} / ${j.area}: ${j.grade}`).sort();
  };

  it("reads each grade for the service whose column it stands in, empty tab cells included", async () => {
    expect(
      await withService([...SLAC_HEAD, "Judgement\tSafeguarding services\tServices for looked after children", "Overall effectiveness\tAdequate\tGood", "Being healthy\t\tGood"]),
    ).toEqual([
      "Safeguarding services / Overall effectiveness: Adequate",
      "Services for looked after children / Being healthy: Good",
      "Services for looked after children / Overall effectiveness: Good",
    ]);
  });

  it("reads only this inspection's column when a header sets an earlier one beside it", async () => {
    expect(
      await judgementsOf([
        ...ILACS_HEAD,
        "Area\tPrevious grade\tCurrent grade",
        "Overall effectiveness\tInadequate\tGood",
        "",
        "Judgement  2019  2023",
        "The experiences and progress of care leavers  Good  Outstanding",
      ]),
    ).toEqual(["Overall effectiveness: Good @6", "The experiences and progress of care leavers: Outstanding @9"]);
  });

  it("does not read a row of two different grades when no header says whose they are", async () => {
    expect(await withService([...SLAC_HEAD, "Grades at this and the previous inspection:", "Overall effectiveness  Good  Outstanding"])).toEqual([]);
  });
});

describe("rows that are not judgements", () => {
  it("does not read a table of contents' page numbers as grades", async () => {
    expect(
      await judgementsOf([
        ...SLAC_HEAD,
        "Contents",
        "Overall effectiveness\t3",
        "Capacity for improvement\t4",
        "",
        "Being healthy ............ 2",
        "Staying safe ............ 4",
        "",
        "Page list",
        "Equality and diversity\t1",
        "Partnership working\t2",
        "Quality of provision\t2",
        "",
        "Safeguarding services",
        "Overall effectiveness\tGrade 2 (good)",
      ]),
    ).toEqual(["Overall effectiveness: Good @18"]);
  });

  it("does not read a table introduced as an earlier inspection's or other councils' grades", async () => {
    expect(
      await judgementsOf([
        ...SLAC_HEAD,
        "At the previous inspection, in 2008, the grades were:",
        "Overall effectiveness\tInadequate",
        "",
        "Our statistical neighbours were judged:",
        "Capacity for improvement\tOutstanding",
        "",
        "This inspection's judgements:",
        "Staying safe\tGood",
      ]),
    ).toEqual(["Staying safe: Good @12"]);
  });

  it("does not read counts as grades, nor a lone heading word, nor unknown labels outside a table of judgements", async () => {
    expect(
      await judgementsOf([
        ...SLAC_HEAD,
        "Number of recommendations\t3",
        "Case files sampled\t2",
        "Overall effectiveness\tGood",
        "Priority: Good",
        "",
        "",
        "",
        "Staff morale in the duty team\tGood",
      ]),
    ).toEqual(["Overall effectiveness: Good @7"]);
    expect(await judgementsOf([...SLAC_HEAD, "Key", "Grade 1\tOutstanding", "Grade 2\tGood", "Overall effectiveness\tGood", "Outstanding\tGrade 1"])).toEqual([
      "Overall effectiveness: Good @8",
    ]);
  });
});

describe("sentences that state no judgement of this inspection", () => {
  it("skips other years, councils in general, aims, negations and definitions, and still reads the finding", async () => {
    expect(
      await judgementsOf([
        ...SLAC_HEAD,
        "In 2008, overall effectiveness of safeguarding services was judged adequate.",
        "Nationally, 40% of councils were judged good for capacity for improvement.",
        "The council aims to be judged outstanding for staying safe at its next inspection.",
        "Leadership and management was not judged to be outstanding.",
        "Ofsted's framework defines being healthy as good when children's health needs are met.",
        "The target is for partnership working to be rated outstanding by 2013.",
        "Equality and diversity is good.",
      ]),
    ).toEqual(["Equality and diversity: Good @11"]);
  });
});

describe("actions as reports list them", () => {
  it("joins an item the export wrapped onto the next line, and reads lettered items", async () => {
    const dir = mkdtempSync(join(tmpdir(), "extract-"));
    dirs.push(dir);
    writeFileSync(
      join(dir, "report.txt"),
      [
        ...ILACS_HEAD,
        "Report published: 3 March 2023",
        "What needs to improve?",
        "- The quality of care plans, so that they set out clearly what will happen and by",
        "  when.",
        "- The recording of children's views.",
        "",
        "Recommendations",
        "a. The quality of written plans for children in need.",
        "b. The timeliness of return home interviews.",
      ].join("\n"),
    );
    const bot = await loadBot({ corpusDir: dir });
    expect(bot.actions.map((a) => [a.text, a.citation.line, a.citation.lineEnd])).toEqual([
      ["The quality of care plans, so that they set out clearly what will happen and by when.", 7, 8],
      ["The recording of children's views.", 9, 9],
      ["The quality of written plans for children in need.", 12, 12],
      ["The timeliness of return home interviews.", 13, 13],
    ]);
  });
});
