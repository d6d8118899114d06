import { beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync, copyFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadBot, type Bot } from "../../src/bot.js";

let bot: Bot;
beforeAll(async () => {
  bot = await loadBot({ corpusDir: "seeds" });
});

const grades = (q: string) => bot.ask(q).judgements.map((j) => `${j.authority}|${j.service ?? "-"}|${j.area}|${j.grade}`);

describe("grade lookups", () => {
  it("answers one grade with its citation and the inspection dates", () => {
    const a = bot.ask("What was Halton's Staying safe grade?");
    expect(a.answered).toBe(true);
    expect(a.kind).toBe("grade");
    expect(a.text).toContain("Outstanding");
    expect(a.text).toContain("7 to 18 February 2011");
    expect(a.judgements).toHaveLength(1);
    expect(a.judgements[0].citation).toMatchObject({ file: "002_f7ea8ef697b3b1a6.txt", line: 65, quote: "Staying safe\tOutstanding" });
  });

  it("gives both services when the question names none, one when it does", () => {
    expect(grades("Halton capacity for improvement")).toEqual([
      "Halton|Safeguarding services|Capacity for improvement|Outstanding",
      "Halton|Services for looked after children|Capacity for improvement|Outstanding",
    ]);
    expect(grades("durham quality of provision for looked after children")).toEqual(["Durham|Services for looked after children|Quality of provision|Good"]);
    expect(grades("stockton LAC overall effectiveness")).toEqual(["Stockton-on-Tees|Services for looked after children|Overall effectiveness|Good"]);
  });

  it("tolerates typos and informal names", () => {
    expect(grades("durham stayin safe")).toEqual(["Durham|Services for looked after children|Staying safe|Good"]);
    expect(grades("oxon overall effectivness safeguarding")).toEqual(["Oxfordshire|Safeguarding services|Overall effectiveness|Good"]);
    expect(grades("Halton economic wellbeing")).toEqual(["Halton|Services for looked after children|Economic well-being|Good"]);
  });

  it("returns an authority's whole table when no area is named", () => {
    const a = bot.ask("Derby");
    expect(a.kind).toBe("table");
    expect(a.judgements).toHaveLength(7);
    expect(a.text).toContain("Requires improvement");
  });

  it("reads a misspelt short council name, but never a word the reports use ('needs' is not Leeds)", () => {
    expect(grades("haltn stayng safe")).toEqual(["Halton|Services for looked after children|Staying safe|Outstanding"]);
    expect(bot.ask("durhm capacity for improvment").judgements.map((j) => j.authority)).toEqual(["Durham", "Durham"]);
    // Two letters swapped are one slip.
    expect(grades("hlaton staying safe")).toEqual(["Halton|Services for looked after children|Staying safe|Outstanding"]);
    const needs = bot.ask("What needs to improve in Halton?");
    expect(needs.kind).toBe("actions");
    expect(needs.text).not.toContain("Leeds");
  });

  it("narrows a table to the grade a question picks, and says when none has it", () => {
    expect(bot.ask("Did Oxfordshire get inadequate for anything?").text).toContain("I could read no Inadequate judgement in this report");
    const out = bot.ask("Which of Halton's grades were outstanding?");
    expect(out.kind).toBe("table");
    expect(out.judgements.length).toBeGreaterThan(3);
    expect(out.judgements.every((j) => j.grade === "Outstanding")).toBe(true);
    const none = bot.ask("Does Halton have any inadequate judgements?");
    expect(none.answered).toBe(false);
    expect(none.text).toContain("I could read no Inadequate judgement in this report");
    expect(none.judgements.some((j) => j.grade === "Inadequate")).toBe(false);
    // "How good was Halton?" picks no grade: the whole table.
    expect(bot.ask("How good was Halton?").judgements.length).toBe(bot.ask("Halton judgements").judgements.length);
  });

  it("lists the other grades for a negated question, widens 'at least good', and refuses two conditions at once", () => {
    const not = bot.ask("Which councils weren't good for staying safe?");
    expect(not.judgements.map((j) => j.grade)).not.toContain("Good");
    expect(not.text).toContain("other than Good");
    const atLeast = bot.ask("Which councils were at least good for overall effectiveness?");
    expect(new Set(atLeast.judgements.map((j) => j.grade))).toEqual(new Set(["Good", "Outstanding"]));
    expect(bot.ask("Which councils were outstanding for staying safe but not for being healthy?").answered).toBe(false);
  });

  it("lists and compares", () => {
    const list = bot.ask("Which authorities were rated outstanding for leadership and management?");
    expect([...new Set(list.judgements.map((j) => j.authority))].sort()).toEqual(["Durham", "Halton"]);
    const cmp = bot.ask("Compare Durham and Halton on overall effectiveness");
    expect(cmp.judgements.map((j) => j.authority)).toEqual(["Durham", "Durham", "Halton", "Halton"]);
  });
});

describe("saying so when the reports do not", () => {
  it("an authority with no report", () => {
    const a = bot.ask("What grade did Manchester get for overall effectiveness?");
    expect(a).toMatchObject({ answered: false, judgements: [] });
    expect(a.text).toContain("no report on Manchester");
    expect(a.text).toContain("Halton");
  });

  it("a name that is no English authority", () => {
    const a = bot.ask("What grade did Gotham get for overall effectiveness?");
    expect(a.answered).toBe(false);
    expect(a.text).toContain("Gotham");
  });

  it("a judgement the report does not give, naming what it does give", () => {
    for (const q of ["What was Durham's adoption performance grade?", "What was Halton's adoption grade?", "Oxfordshire enjoying and achieving"]) {
      const a = bot.ask(q);
      expect(a.answered, q).toBe(false);
      expect(a.judgements, q).toEqual([]);
      expect(a.text, q).toMatch(/states no .* judgement that I could read/);
    }
  });

  it("a topic that is no judgement area is not answered with the whole table", () => {
    const a = bot.ask("What was Derby's fostering grade?");
    expect(a.answered).toBe(false);
    expect(a.text).toContain('states no "fostering" judgement that I could read');
    expect(bot.ask("Derby ofsted results").kind).toBe("table");
    expect(bot.ask("What was Halton's worst grade?").kind).toBe("table");
  });

  it("says which councils it has reports on", () => {
    for (const q of ["Which councils do you have reports for?", "list the councils", "How many reports are there?"]) {
      const a = bot.ask(q);
      expect(a.text, q).toMatch(/^5 reports on 5 authorities:/);
      expect(a.text, q).toContain("- Halton: Inspection of safeguarding and looked after children services (2009-2012), inspected 7 to 18 February 2011");
    }
    expect(bot.ask("Which councils were outstanding for staying safe?").kind).toBe("list");
  });

  it("does not answer other things with this inspection's facts: other names, unannounced inspections, counts of other grades", () => {
    const tees = bot.ask("Tees Valley overall effectiveness");
    expect(tees.answered).toBe(false);
    expect(tees.text).toContain('"Tees Valley"');
    expect(bot.ask("Care Quality Commission overall effectiveness").answered).toBe(false);
    const unannounced = bot.ask("When was Durham's unannounced inspection?");
    expect(unannounced.kind).toBe("search");
    expect(unannounced.text).toContain("Feb 2011");
    expect(unannounced.text).not.toContain("28 November");
    const outstanding = bot.ask("How many authorities were judged outstanding under the SIF according to Derby's report?");
    expect(outstanding.text).not.toContain("146");
    expect(bot.ask("good morning").kind).toBe("help");
  });

  it("a year with no inspection", () => {
    const a = bot.ask("Halton staying safe in 2015");
    expect(a.answered).toBe(false);
    expect(a.text).toContain("no report of a 2015 inspection of Halton");
  });

  it("a question about nothing in the reports", () => {
    expect(bot.ask("What is the capital of France?").answered).toBe(false);
  });
});

describe("facts, actions, scale, search", () => {
  it("counts and dates with citations", () => {
    const files = bot.ask("How many case files did inspectors look at in Halton?");
    expect(files.text).toContain("75");
    expect(files.citations[0]).toMatchObject({ line: 38 });
    expect(bot.ask("When was Halton's Ofsted report published?").text).toContain("25 March 2011");
    expect(bot.ask("When did the Oxfordshire inspection take place?").text).toContain("7 to 18 March 2011");
    expect(bot.ask("When was Durham's report published?").answered).toBe(false);
  });

  it("a count is only what the number counts: 'eleven recommendations made by inspectors' is no count of inspectors", () => {
    const inspectors = bot.ask("How many inspectors were in the Derby team?");
    expect(inspectors.answered).toBe(false);
    expect(inspectors.text).not.toContain("11");
    expect(bot.ask("How many inspectors inspected Durham?").text).toContain("5 experienced inspectors");
    expect(bot.ask("How many meetings did the Halton inspection involve?").text).toContain("10");
  });

  it("'who' questions ask for a name, not the inspection dates", () => {
    // The Derby paper names no lead inspector: said so, not its inspection dates.
    const a = bot.ask("Who was the lead inspector for Derby?");
    expect(a.kind).toBe("facts");
    expect(a.answered).toBe(false);
    expect(a.text).toContain("does not name its lead inspector");
    expect(a.text).not.toContain("Ofsted inspected Derby");
    // Halton's paper lists "Lead Inspector" as a role above other roles: no name, so no answer.
    expect(bot.ask("Who led the Halton inspection?").answered).toBe(false);
    expect(bot.ask("Who was Halton's director of children's services?").kind).toBe("search");
  });

  it("recommendations by timescale", () => {
    for (const q of ["What did Ofsted tell Oxfordshire to do immediately?", "what must oxfordshire do immediately"]) {
      const a = bot.ask(q);
      expect(a.actions?.map((x) => x.citation.line), q).toEqual([63]);
      expect(a.text).toContain("6 May 2011");
    }
  });

  it("'what is grade 4' is the scale; 'compare all the councils' compares every one with a report", () => {
    expect(bot.ask("what is grade 4").kind).toBe("scale");
    expect(bot.ask("what is grade 4").text).toContain("Inadequate (Grade 4)");
    const all = bot.ask("Compare all the councils on overall effectiveness");
    expect(new Set(all.judgements.map((j) => j.authority))).toEqual(new Set(["Derby", "Durham", "Halton", "Oxfordshire", "Stockton-on-Tees"]));
  });

  it("the grade scale in the reports' own words", () => {
    const a = bot.ask("What does an outstanding grade mean?");
    expect(a.text).toContain("significantly exceeds minimum requirements");
    expect(a.citations.length).toBeGreaterThan(0);
  });

  it("free text from the named authority's report", () => {
    const a = bot.ask("What did the Durham report say about elected members?");
    expect(a.answered).toBe(true);
    expect(a.citations.every((c) => c.file === "000_fdbd3944c41145e0.txt")).toBe(true);
    expect(a.text).toContain("champions");
  });
});

describe("loading a corpus with bad files", () => {
  it("reports an empty and a binary file by name and loads the rest", async () => {
    const dir = mkdtempSync(join(tmpdir(), "corpus-"));
    copyFileSync("seeds/002_f7ea8ef697b3b1a6.txt", join(dir, "halton.txt"));
    writeFileSync(join(dir, "empty.txt"), "  \n\n");
    writeFileSync(join(dir, "scan.md"), Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02, 0xff, 0x00]));
    writeFileSync(join(dir, "notes.txt"), "Minutes of the allotment society.\nNothing about any council here.\n");
    const b = await loadBot({ corpusDir: dir });
    expect(b.reports.map((r) => r.file)).toEqual(["halton.txt"]);
    expect(b.problems.map((p) => [p.file, p.code])).toEqual([
      ["empty.txt", "FILE_EMPTY"],
      ["scan.md", "FILE_BINARY"],
      ["notes.txt", "NO_AUTHORITY"],
    ]);
    expect(b.ask("Halton staying safe").text).toContain("Outstanding");
    expect(b.ask("Durham staying safe").answered).toBe(false);
  });

  it("stops with a clear error when the corpus folder does not exist", async () => {
    await expect(loadBot({ corpusDir: "/no/such/folder" })).rejects.toMatchObject({ code: "CORPUS_NOT_FOUND" });
  });
});
