import { describe, expect, it, beforeAll } from "vitest";
import { loadBot, type Bot } from "../../src/bot.js";
import { SEED_JUDGEMENTS } from "./seedJudgements.js";

const SERVICE: Record<string, string | null> = { S: "Safeguarding services", L: "Services for looked after children", "-": null };

let bot: Bot;
beforeAll(async () => {
  bot = await loadBot({ corpusDir: "seeds" });
});

describe("seed corpus extraction", () => {
  it("loads all five reports without problems", () => {
    expect(bot.reports.map((r) => r.file).sort()).toEqual(Object.keys(SEED_JUDGEMENTS).sort());
    expect(bot.problems).toEqual([]);
  });

  for (const [file, { authority, rows }] of Object.entries(SEED_JUDGEMENTS)) {
    describe(`${authority} (${file})`, () => {
      it("names the authority", () => {
        expect(bot.reports.find((r) => r.file === file)?.inspection.authority).toBe(authority);
      });
      it("extracts exactly the judgements a person reads, each once, citing its line", () => {
        const report = bot.reports.find((r) => r.file === file)!;
        const got = report.judgements.map((j) => [j.service, j.area, j.grade]);
        const want = rows.map(([s, area, grade]) => [SERVICE[s], area, grade]);
        expect(got.sort()).toEqual(want.sort());
        for (const [s, area, , line] of rows) {
          const j = report.judgements.find((x) => x.service === SERVICE[s] && x.area === area)!;
          expect(j.citation.line <= line && line <= j.citation.lineEnd, `${area} cites ${j.citation.line}`).toBe(true);
        }
      });
    });
  }

  it("reads the inspection dates and publication dates the reports state", () => {
    const by = (a: string) => bot.reports.find((r) => r.inspection.authority === a)!.inspection;
    expect([by("Durham").start, by("Durham").end, by("Durham").published]).toEqual(["2011-11-28", "2011-12-13", null]);
    expect([by("Halton").start, by("Halton").end, by("Halton").published]).toEqual(["2011-02-07", "2011-02-18", "2011-03-25"]);
    expect([by("Derby").start, by("Derby").end, by("Derby").published, by("Derby").framework]).toEqual(["2017-03-07", "2017-03-30", "2017-06-13", "SIF"]);
    expect([by("Oxfordshire").start, by("Oxfordshire").end, by("Oxfordshire").published]).toEqual(["2011-03-07", "2011-03-18", "2011-05-06"]);
    expect([by("Stockton-on-Tees").start, by("Stockton-on-Tees").reportDate, by("Stockton-on-Tees").framework]).toEqual([null, "2010-10-28", "SLAC"]);
  });

  it("extracts Oxfordshire's recommendations with timescales and due dates", () => {
    const ox = bot.actions.filter((a) => a.authority === "Oxfordshire");
    expect(ox).toHaveLength(14);
    expect(ox.filter((a) => a.timescale === "Immediately").map((a) => a.due)).toEqual(["2011-05-06"]);
    expect(ox.filter((a) => a.timescale === "Within three months").every((a) => a.due === "2011-08-06")).toBe(true);
    expect(ox.find((a) => /independent reviewing officers/.test(a.text))?.service).toBe("Services for looked after children");
  });

  it("extracts Halton's areas for development and Derby's improvement plan deadline", () => {
    const halton = bot.actions.filter((a) => a.authority === "Halton");
    expect(halton.map((a) => a.citation.line)).toEqual([146, 147, 148, 149, 150, 151, 152]);
    expect(halton.every((a) => a.kind === "area-for-improvement")).toBe(true);
    const derby = bot.actions.filter((a) => a.authority === "Derby" && a.kind === "deadline");
    expect(derby.map((a) => a.due)).toEqual(["2017-09-20"]);
  });

  it("gives actions ids that stay the same when the corpus is read again", async () => {
    const again = await loadBot({ corpusDir: "seeds" });
    expect(again.actions.map((a) => a.id)).toEqual(bot.actions.map((a) => a.id));
    expect(new Set(bot.actions.map((a) => a.id)).size).toBe(bot.actions.length);
  });
});
