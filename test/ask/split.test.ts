import { beforeAll, describe, expect, it } from "vitest";
import { splitQuestion } from "../../src/ask/split.js";
import { loadBot, type Bot } from "../../src/bot.js";

describe("several questions in one", () => {
  it("splits where a new question starts, and nowhere else", () => {
    expect(splitQuestion("Halton's overall grade and when was it published")).toEqual(["Halton's overall grade", "when was it published"]);
    expect(splitQuestion("What was Derby's grade? Who led the inspection?")).toEqual(["What was Derby's grade?", "Who led the inspection?"]);
    expect(splitQuestion("Derby's grade; Halton's grade")).toEqual(["Derby's grade", "Halton's grade"]);
    expect(splitQuestion("Compare Durham and Halton on overall effectiveness")).toEqual(["Compare Durham and Halton on overall effectiveness"]);
    expect(splitQuestion("Which councils were good for staying safe and being healthy?")).toEqual(["Which councils were good for staying safe and being healthy?"]);
    expect(splitQuestion("What was Halton's grade and when?")).toEqual(["What was Halton's grade and when?"]);
  });

  let bot: Bot;
  beforeAll(async () => {
    bot = await loadBot({ corpusDir: "seeds" });
  });

  it("answers both parts, the second about the council the first names", () => {
    const a = bot.ask("Halton's overall grade and when was it published");
    expect(a.answered).toBe(true);
    expect(a.text).toContain("Overall effectiveness: Good");
    expect(a.text).toContain("published on 25 March 2011");
    expect(a.judgements.every((j) => j.authority === "Halton")).toBe(true);
    expect(a.interpretation).toContain("; then: Halton: when the report was published");
  });

  it("says which part it could not answer", () => {
    const a = bot.ask("What was Durham's staying safe grade? What was its adoption grade?");
    expect(a.answered).toBe(true);
    expect(a.text).toContain("Staying safe: Good");
    expect(a.text).toMatch(/states no .*adoption.* judgement that I could read/i);
  });

  it("a part naming a council the bot does not know is about that name, not the other part's council", () => {
    const a = bot.ask("Halton's overall grade and what about Gotham?");
    expect(a.text).toContain("Overall effectiveness: Good");
    expect(a.text).toContain('I don\'t recognise "Gotham"');
    expect(a.judgements.every((j) => j.authority === "Halton")).toBe(true);
  });
});
