import { beforeAll, describe, expect, it } from "vitest";
import { cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadBot, type Bot } from "../../src/bot.js";
import { renderText } from "../../src/render/text.js";
import { renderAnswer as renderSlack } from "../../adapters/slack/render.js";
import { renderAnswer as renderTeams } from "../../adapters/teams/render.js";

/**
 * Every filled slot is applied or said to be not applied. The corpus: the layout
 * fixtures plus test/fixtures/query-reports (London boroughs, a county and a
 * metropolitan borough with two inspections of one framework; invented grades).
 */
let bot: Bot;
beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), "query-corpus-"));
  cpSync("test/fixtures/reports", join(dir, "layouts"), { recursive: true });
  cpSync("test/fixtures/query-reports", join(dir, "query"), { recursive: true });
  bot = await loadBot({ corpusDir: dir });
});

const who = (q: string) => [...new Set(bot.ask(q).judgements.map((j) => j.authority))].sort();

describe("places: region and council type", () => {
  it("lists only London boroughs, with the grade operator applied", () => {
    expect(who("Which London boroughs were good?")).toEqual(["Hackney"]);
    expect(who("Which London boroughs were at least good?")).toEqual(["Camden", "Hackney"]);
    expect(who("which London boroughs were not good")).toEqual(["Camden", "Lewisham"]);
    const a = bot.ask("Which London boroughs were good?");
    expect(a.interpretation).toBe("London boroughs judged Good for overall effectiveness, latest inspections");
  });

  it("lists only councils of the region asked", () => {
    const nw = bot.ask("Which councils in the North West were judged good for overall effectiveness?");
    expect(nw.answered).toBe(true);
    for (const j of nw.judgements) expect(["Warrington", "Wigan", "Wirral", "Bolton", "Bury"]).toContain(j.authority);
    expect(who("which councils in London were inadequate")).toEqual(["Lewisham"]);
  });

  it("counts: how many London boroughs were inadequate", () => {
    const a = bot.ask("how many London boroughs were inadequate");
    expect(a.kind).toBe("count");
    expect(a.text).toContain("1 of the 3");
    expect(who("how many London boroughs were inadequate")).toEqual(["Lewisham"]);
  });

  it("a council reorganised since is typed as it was when inspected (North Yorkshire was a county until 2023)", () => {
    expect(who("which county councils were outstanding")).toContain("North Yorkshire");
    expect(who("which unitary authorities were outstanding")).not.toContain("North Yorkshire");
  });

  it("county councils and metropolitan boroughs", () => {
    expect(who("which county councils required improvement")).toEqual(["Kent", "Norfolk", "Surrey"]);
    const met = who("which metropolitan boroughs required improvement for overall effectiveness");
    expect(met).toContain("Sheffield");
    expect(met).not.toContain("Essex");
  });
});

describe("framework, years and inspections", () => {
  it("under the SIF: only SIF inspections", () => {
    const a = bot.ask("which councils were good under the SIF");
    expect(a.answered).toBe(true);
    expect(a.judgements.every((j) => /single inspection/i.test(j.inspection.framework))).toBe(true);
    expect(a.interpretation).toContain("under the single inspection framework");
  });

  it("before, since and between years pick inspections by their dates", () => {
    // Kent's inspection began in December 2014: an inspection is dated by its start.
    expect(who("which councils required improvement for overall effectiveness before 2015")).toEqual(["Essex", "Kent"]);
    expect(who("which councils were good for overall effectiveness between 2013 and 2014")).toEqual(["Sheffield"]);
    const since = bot.ask("which London boroughs were inadequate since 2019");
    expect(since.judgements.map((j) => j.authority)).toEqual(["Lewisham"]);
    expect(since.interpretation).toContain("inspections in 2019 or later");
  });

  it("the latest inspection by default; every inspection when asked, saying which one each line is from", () => {
    expect(who("which councils required improvement for adoption")).not.toContain("Essex");
    const ever = bot.ask("which councils have ever been judged requires improvement for overall effectiveness");
    expect(ever.judgements.map((j) => j.authority)).toContain("Essex");
    expect(ever.text).toMatch(/Essex \(SIF, inspected 3 to 26 February 2014\)/);
    expect(ever.interpretation).toContain("every inspection");
  });

  it("one council under a framework it was never inspected under says so", () => {
    const a = bot.ask("Hackney's overall effectiveness under ILACS");
    expect(a.answered).toBe(false);
    expect(a.text).toContain("no report under ILACS of Hackney");
  });
});

describe("one council's table picked by a grade with its operator", () => {
  it("'anything below good' lists only the judgements below Good", () => {
    const a = bot.ask("Did Hackney get anything below good?");
    expect(a.judgements.map((j) => j.grade)).toEqual(["Requires improvement"]);
    expect(a.text).toContain("Judgements worse than Good:");
    const atLeast = bot.ask("Which of Essex's judgements were at least good in 2014?");
    expect(new Set(atLeast.judgements.map((j) => j.grade))).toEqual(new Set(["Good"]));
  });
  it("'at every inspection' sets one council's inspections side by side", () => {
    const a = bot.ask("Essex grades at every inspection");
    expect(a.kind).toBe("change");
    expect(a.text).toContain("Requires improvement → Good");
  });
});

describe("several areas", () => {
  it("'and' needs every area to fit, 'or' any one", () => {
    const both = bot.ask("which London boroughs were good for adoption and leadership");
    expect([...new Set(both.judgements.map((j) => j.authority))]).toEqual(["Hackney"]);
    expect(both.judgements.map((j) => j.area).sort()).toEqual(["Adoption performance", "Leadership, management and governance"]);
    const either = who("which councils were outstanding for adoption or help and protection");
    expect(either).toEqual(["Camden", "Essex", "Leeds", "North Yorkshire"]);
  });
});

describe("any area", () => {
  it("an outstanding grade is any area, not overall effectiveness", () => {
    const a = bot.ask("which London boroughs got an outstanding grade");
    expect(a.judgements.length).toBeGreaterThan(1);
    expect(a.judgements.every((j) => j.grade === "Outstanding" && j.authority === "Camden")).toBe(true);
    expect(who("which county councils had an outstanding judgement")).toEqual(["Essex", "North Yorkshire"]);
    expect(bot.ask("which county councils had an outstanding judgement").interpretation).toContain("any area");
  });
});

describe("areas left out", () => {
  it("'any area excluding X' leaves X out, and says so in the interpretation", () => {
    const a = bot.ask("which London boroughs had an inadequate judgement other than leadership");
    expect(a.answered).toBe(true);
    expect(a.judgements.map((j) => j.area).sort()).toEqual(["Overall effectiveness", "The experiences and progress of children who need help and protection"]);
    expect(a.interpretation).toContain("any area except");
  });
  it("a left-out area with no 'any area' to leave it out of is not applied, and the list is withheld", () => {
    const a = bot.ask("which councils were good excluding adoption");
    expect(a.answered).toBe(false);
    expect(a.text).toContain("I could not apply 'excluding Adoption performance'");
  });
});

describe("no silent drops", () => {
  it("a condition no slot understands withholds the list and says what it could not apply", () => {
    for (const q of ["which rural councils were good", "which councils were good for fostering", "which inner London boroughs were good"]) {
      const a = bot.ask(q);
      expect(a.answered, q).toBe(false);
      expect(a.judgements, q).toEqual([]);
      expect(a.text, q).toMatch(/I could not apply '/);
    }
  });

  it("a comparison on a topic that is no area says so instead of comparing overall", () => {
    const a = bot.ask("Compare Essex and Sheffield on fostering");
    expect(a.answered).toBe(false);
    expect(a.text).toContain("'fostering'");
  });

  it("a one-council answer keeps its content and names the slot it could not apply", () => {
    const a = bot.ask("What was Hackney's overall effectiveness in the North West?");
    expect(a.text).toContain("I could not apply 'North West'");
  });

  it("every answer carries an interpretation", () => {
    for (const q of ["Derby", "help", "Which councils do you have reports for?", "What does grade 3 mean?", "Essex judgements", "When was Camden's report published?", "What did Ofsted recommend for Lewisham?", "Gotham overall effectiveness", "which reports mention private fostering", "has Essex improved"]) {
      expect(bot.ask(q).interpretation, q).toMatch(/\w/);
    }
  });

  it("the interpretation is shown in the terminal, in Slack (a context block) and in Teams (subtle text)", () => {
    const a = bot.ask("Which London boroughs were good?");
    expect(renderText(a)).toContain(`Understood as: ${a.interpretation}`);
    const slack = renderSlack(a);
    const ctx = slack.blocks.find((b) => b.type === "context" && JSON.stringify(b).includes("Understood as"));
    expect(ctx).toBeDefined();
    expect(JSON.stringify(ctx)).toContain("London boroughs judged Good");
    const teams = JSON.stringify(renderTeams(a));
    expect(teams).toMatch(/"text":"Understood as: London boroughs judged Good[^"]*","wrap":true,"isSubtle":true/);
  });
});

describe("mentions", () => {
  it("which reports mention private fostering: each council once, with cited lines, never a grade table", () => {
    const a = bot.ask("which reports mention private fostering");
    expect(a.kind).toBe("mentions");
    expect(a.answered).toBe(true);
    expect(a.judgements).toEqual([]);
    const lines = a.text.split("\n").filter((l) => l.startsWith("- "));
    expect(lines.map((l) => l.slice(2).split(":")[0]).sort()).toEqual(["Hackney", "Sheffield"]);
    expect(a.citations.every((c) => /private fostering/i.test(c.quote))).toBe(true);
  });

  it("which councils were told to: only what they were told, not what the report says elsewhere", () => {
    const a = bot.ask("which councils were told to improve return home interviews");
    const names = a.text.split("\n").filter((l) => l.startsWith("- ")).map((l) => l.slice(2).split(":")[0]);
    expect(names).toContain("Essex");
    expect(names).toContain("Lewisham");
    // Norfolk's report praises its return home interviews; it was not told to improve them.
    expect(names).not.toContain("Norfolk");
  });

  it("mentions are narrowed by place", () => {
    const a = bot.ask("which London boroughs' reports mention private fostering");
    expect(a.text).toContain("Hackney");
    expect(a.text).not.toContain("Sheffield");
  });
});

describe("change over time", () => {
  it("one council: each area with its direction, within one framework", () => {
    const a = bot.ask("Has Essex improved?");
    expect(a.kind).toBe("change");
    expect(a.answered).toBe(true);
    expect(a.text).toContain("Overall effectiveness: Requires improvement → Good (improved)");
    expect(a.text).toContain("Adoption performance: Good → Outstanding (improved)");
    expect(bot.ask("Did Sheffield get worse?").text).toContain("Overall effectiveness: Good → Requires improvement (declined)");
  });

  it("says so when two inspections are of different frameworks, and does not compare them", () => {
    const a = bot.ask("Has Warrington improved?");
    expect(a.answered).toBe(false);
    expect(a.text).toContain("different frameworks");
    expect(a.judgements).toEqual([]);
  });

  it("which councils improved or declined between their last two inspections", () => {
    expect(who("which councils improved")).toEqual(["Essex"]);
    expect(who("which councils got worse between inspections")).toEqual(["Sheffield"]);
    expect(who("which metropolitan boroughs improved")).toEqual([]);
  });
});

describe("comparisons by place", () => {
  it("compares the councils of a region or type, and no others", () => {
    const a = bot.ask("compare councils in the West Midlands");
    expect(a.kind).toBe("compare");
    expect([...new Set(a.judgements.map((j) => j.authority))].sort()).toEqual(["Herefordshire", "Sandwell", "Telford and Wrekin"]);
    expect(bot.ask("compare the metropolitan boroughs in London").answered).toBe(false);
  });
});

describe("facts and actions read their slots, not the question's words", () => {
  it("a timescale is a value: 'within 6 months' and 'in the next six months' are the report's 'Within six months'", () => {
    for (const q of ["What did Ofsted want Bolton to do within 6 months?", "What has Bolton got to do in the next six months?"]) {
      const a = bot.ask(q);
      expect(a.actions?.map((x) => x.timescale), q).toEqual(["Within six months"]);
      expect(a.interpretation, q).toBe("Bolton: what Ofsted asked the council to do within 6 months");
    }
    // Northumberland's three-month list, without its immediate and six-month ones.
    const three = bot.ask("What has Northumberland got to do in the next three months?");
    expect(new Set(three.actions?.map((x) => x.timescale))).toEqual(new Set(["Within three months"]));
  });

  it("a timescale with no such actions says so, naming it", () => {
    const a = bot.ask("What must Wirral do in the next six months?");
    expect(a.answered).toBe(false);
    expect(a.text).toContain("lists no recommendations or areas for improvement to act on within 6 months");
  });

  it("a timescale no handler can apply is said, and a list is withheld", () => {
    const a = bot.ask("Which councils were told to improve supervision within three months?");
    expect(a.answered).toBe(false);
    expect(a.text).toContain("I could not apply 'within 3 months'");
  });

  it("the fact asked is in the interpretation", () => {
    expect(bot.ask("How many inspectors took part in Hull's inspection?").interpretation).toBe("Kingston upon Hull: the number of inspectors");
    expect(bot.ask("When was Camden's report published?").interpretation).toBe("Camden: when the report was published");
    expect(bot.ask("When was Norfolk inspected?").interpretation).toBe("Norfolk: the inspection dates");
  });

  it("'compare every council' compares each council with a report; 'compare all the London boroughs' only those", () => {
    const every = bot.ask("compare every council on overall effectiveness");
    expect(every.kind).toBe("compare");
    expect(new Set(every.judgements.map((j) => j.authority)).size).toBeGreaterThan(20);
    expect(who("Compare all the London boroughs on overall effectiveness")).toEqual(["Camden", "Hackney", "Lewisham"]);
  });
});
