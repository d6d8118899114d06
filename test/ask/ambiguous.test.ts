import { beforeAll, describe, expect, it } from "vitest";
import { cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadBot, type Bot } from "../../src/bot.js";
import { renderAnswer as renderSlack } from "../../adapters/slack/render.js";
import { renderAnswer as renderTeams } from "../../adapters/teams/render.js";
import { KnowledgeBase } from "../../src/index/knowledgeBase.js";
import { buildLexicon } from "../../src/knowledge/lexicon.js";
import { loadVocabulary } from "../../src/knowledge/load.js";
import { parseQuestion } from "../../src/ask/parse.js";
import { ambiguousChoices, takenNote } from "../../src/ask/ambiguous.js";

const lex = buildLexicon(loadVocabulary());

/**
 * A name several councils share is asked back, never rewritten and answered for one of
 * them. Corpus: the layout fixtures (Kingston upon Hull has a report, Kingston upon Thames
 * none).
 */
let bot: Bot;
beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), "ambiguous-corpus-"));
  cpSync("test/fixtures/reports", join(dir, "layouts"), { recursive: true });
  bot = await loadBot({ corpusDir: dir });
});

describe("a name several councils share", () => {
  it("asks which one, even when only one has a report, and offers each as the full question", () => {
    const a = bot.ask("What was Kingston's overall effectiveness grade?");
    expect(a.answered).toBe(false);
    expect(a.judgements).toEqual([]);
    expect(a.text).toContain("Which Kingston do you mean: Kingston upon Hull or Kingston upon Thames?");
    expect(a.text).toContain("reports on Kingston upon Hull, none on Kingston upon Thames");
    // The one with a report first; each suggestion is the question as asked, the full name in place.
    expect(a.suggestions).toEqual(["What was Kingston upon Hull's overall effectiveness grade?", "What was Kingston upon Thames's overall effectiveness grade?"]);
    expect(a.interpretation).toBe("Kingston upon Hull or Kingston upon Thames: Overall effectiveness");
    // Nothing was "not applied": the question is not answered yet.
    expect(a.text).not.toContain("could not apply");
  });

  it("a suggestion, asked, answers for that council", () => {
    const [hull] = bot.ask("Kingston judgements").suggestions!;
    const a = bot.ask(hull);
    expect(a.answered).toBe(true);
    expect(a.judgements.every((j) => j.authority === "Kingston upon Hull")).toBe(true);
  });

  it("lower-case, and with none of the choices in the corpus", () => {
    const a = bot.ask("sussex overall effectiveness");
    expect(a.text).toContain("Which Sussex do you mean: East Sussex or West Sussex? The corpus has no report on either.");
    expect(a.suggestions).toEqual(["East Sussex overall effectiveness", "West Sussex overall effectiveness"]);
  });

  it("a question of several parts that names only the shared word is asked back whole", () => {
    const a = bot.ask("Kingston's overall grade and when was it published?");
    expect(a.answered).toBe(false);
    expect(a.text).toMatch(/^Which Kingston do you mean/);
    expect(a.suggestions![0]).toBe("Kingston upon Hull's overall grade and when was it published?");
  });

  it("a council abolished with no report here is no choice: the one current council left is taken, and the answer says so", () => {
    // No word of today's knowledge/ reaches this (an abolished council's name is matched whole),
    // so the rule is checked on a query as the parser would give it for such a word.
    const kb = new KnowledgeBase(bot.reports, [], lex, () => new Date("2025-01-01"));
    const q = { ...parseQuestion("poole overall effectiveness", lex), authorities: [], ambiguous: { word: "poole", authorities: ["Bournemouth, Christchurch and Poole", "Poole"], start: 0, end: 5 } };
    expect(ambiguousChoices(q, kb)).toEqual(["Bournemouth, Christchurch and Poole"]);
    expect(takenNote(q, kb, "Bournemouth, Christchurch and Poole")).toBe('Taking "poole" as Bournemouth, Christchurch and Poole: Poole was abolished in 2019 and the corpus has no report on it.');
    // With a report on the abolished council, it is a choice again.
    const withPoole = new KnowledgeBase([...bot.reports, { ...bot.reports[0], inspection: { ...bot.reports[0].inspection, authority: "Poole" } }], [], lex, () => new Date("2025-01-01"));
    expect(ambiguousChoices(q, withPoole)).toEqual(["Bournemouth, Christchurch and Poole", "Poole"]);
    // Two current councils are both choices, whichever has reports.
    expect(ambiguousChoices(parseQuestion("Kingston judgements", lex), kb)).toEqual(["Kingston upon Hull", "Kingston upon Thames"]);
  });

  it("Slack and Teams show the choices as buttons that ask the full question", () => {
    const a = bot.ask("Kingston judgements");
    const slack = JSON.stringify(renderSlack(a));
    expect(slack).toContain('"value":"Kingston upon Hull judgements"');
    expect(slack).toContain('"value":"Kingston upon Thames judgements"');
    const teams = JSON.stringify(renderTeams(a));
    expect(teams).toContain("Kingston upon Thames judgements");
  });
});
