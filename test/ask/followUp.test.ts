import { describe, expect, it } from "vitest";
import { loadVocabulary } from "../../src/knowledge/load.js";
import { buildLexicon } from "../../src/knowledge/lexicon.js";
import { followOn, type FollowUpKind } from "../../src/ask/followUp.js";

/**
 * Follow-ups put into the previous question: one row a previous question, what was typed
 * next, and the whole question it stands for (null: not a follow-up, answered on its own).
 */
const lex = buildLexicon(loadVocabulary());

const HALTON = "What was Halton's grade for staying safe?";
const LIST = "Which London boroughs were good for adoption?";

const rows: [string, string, string | null, FollowUpKind[]?][] = [
  // A council replaces the council, in many phrasings; the possessive is kept.
  [HALTON, "what about Derby?", "What was Derby's grade for staying safe?", ["authorities"]],
  [HALTON, "How about Derby?", "What was Derby's grade for staying safe?"],
  [HALTON, "and Derby?", "What was Derby's grade for staying safe?"],
  [HALTON, "And for Derby?", "What was Derby's grade for staying safe?"],
  [HALTON, "what about derby instead?", "What was Derby's grade for staying safe?"],
  [HALTON, "and Derby too?", "What was Derby's grade for staying safe?"],
  [HALTON, "Same for Derby", "What was Derby's grade for staying safe?"],
  [HALTON, "same question for Derby", "What was Derby's grade for staying safe?"],
  [HALTON, "The same for Derby please", "What was Derby's grade for staying safe?"],
  [HALTON, "ok, and Derby?", "What was Derby's grade for staying safe?"],
  [HALTON, "what of Durham?", "What was Durham's grade for staying safe?"],
  [HALTON, "or Oxfordshire?", "What was Oxfordshire's grade for staying safe?"],
  [HALTON, "what about oxon?", "What was Oxfordshire's grade for staying safe?"],
  [HALTON, "And what about Stockton?", "What was Stockton-on-Tees's grade for staying safe?"],
  // An area replaces the area.
  [HALTON, "and for care leavers?", "What was Halton's grade for care leavers?", ["what"]],
  [HALTON, "and care leavers?", "What was Halton's grade for care leavers?"],
  [HALTON, "care leavers?", "What was Halton's grade for care leavers?"],
  [HALTON, "what about being healthy?", "What was Halton's grade for being healthy?"],
  // A year or range is added (or replaces the one asked).
  [HALTON, "And in 2014?", "What was Halton's grade for staying safe in 2014?", ["inspections"]],
  [HALTON, "2011?", "What was Halton's grade for staying safe in 2011?"],
  [HALTON, "what about before 2012?", "What was Halton's grade for staying safe before 2012?"],
  [HALTON, "and since 2015?", "What was Halton's grade for staying safe since 2015?"],
  [HALTON, "and between 2014 and 2017?", "What was Halton's grade for staying safe between 2014 and 2017?"],
  [HALTON, "and the latest?", "What was Halton's grade for staying safe at the latest inspection?"],
  ["Halton staying safe in 2011", "and in 2014?", "Halton staying safe in 2014"],
  ["Halton staying safe in 2011", "and Derby?", "Derby staying safe in 2011"],
  // With a lead word, several slots at once.
  [HALTON, "what about Derby in 2017?", "What was Derby's grade for staying safe in 2017?", ["authorities", "inspections"]],
  [HALTON, "and Derby's adoption?", "What was Derby's grade for adoption?", ["authorities", "what"]],
  [HALTON, "and under ILACS?", "What was Halton's grade for staying safe under ILACS?", ["framework"]],
  // Lists and counts: places, grades with their operators, frameworks.
  [LIST, "and metropolitan boroughs?", "Which metropolitan boroughs were good for adoption?", ["councilType"]],
  [LIST, "what about counties?", "Which counties were good for adoption?"],
  [LIST, "and outstanding?", "Which London boroughs were outstanding for adoption?", ["grade"]],
  [LIST, "and at least good?", "Which London boroughs were at least good for adoption?"],
  [LIST, "and not good?", "Which London boroughs were not good for adoption?"],
  [LIST, "and in 2014?", "Which London boroughs were good for adoption in 2014?"],
  [LIST, "what about under the SIF?", "Which London boroughs were good for adoption under the SIF?"],
  [LIST, "and for care leavers?", "Which London boroughs were good for care leavers?"],
  [LIST, "and for anything?", "Which London boroughs were good for anything?"],
  // A council after a list: that council's grade for the same thing.
  ["Which councils were good for adoption?", "what about Derby?", "Which councils were good for adoption (Derby)?", ["authorities"]],
  ["Which councils in the North West were judged good?", "how about the South East?", "Which councils in the South East were judged good?", ["region"]],
  ["Which councils were good for adoption?", "and in the North West?", "Which councils were good for adoption in North West?"],
  ["How many metropolitan boroughs were inadequate?", "and London boroughs?", "How many London boroughs were inadequate?"],
  ["How many metropolitan boroughs were inadequate?", "what about outstanding?", "How many metropolitan boroughs were outstanding?"],
  ["Which councils got an adequate grade excluding health?", "and inadequate?", "Which councils got an inadequate grade excluding health?"],
  ["Which councils were good for adoption and care leavers?", "what about staying safe?", "Which councils were good for staying safe?"],
  ["Which councils were at least good for adoption?", "and inadequate ones?", "Which councils were inadequate for adoption?"],
  ["Did Oxfordshire get inadequate for anything?", "and Derby?", "Did Derby get inadequate for anything?"],
  ["Did Oxfordshire get inadequate for anything?", "and for adoption?", "Did Oxfordshire get inadequate for adoption?"],
  // Other kinds of question keep their kind.
  ["Compare Durham and Halton on overall effectiveness", "what about Derby and Oxfordshire?", "Compare Derby and Oxfordshire on overall effectiveness"],
  ["Compare Durham and Halton on overall effectiveness", "and on staying safe?", "Compare Durham and Halton on staying safe"],
  ["Has Essex improved?", "what about Sheffield?", "Has Sheffield improved?"],
  ["How many case files did inspectors look at in Halton?", "and Durham?", "How many case files did inspectors look at in Durham?"],
  ["When was Halton's report published?", "and Derby's?", "When was Derby's report published?"],
  ["What did Ofsted tell Oxfordshire to do within three months?", "what about Halton?", "What did Ofsted tell Halton to do within three months?"],
  ["Halton's overall grade and when was it published", "what about Derby?", "Derby's overall grade and when was it published"],
  ["Derby", "and for adoption?", "Derby for adoption"],
  ["Which councils were good under the SIF?", "and under ILACS?", "Which councils were good under ILACS?"],

  // Look-alikes: questions of their own, never merged.
  [HALTON, "And what was Halton's overall grade?", null],
  [HALTON, "And when was it published?", null],
  [HALTON, "What about the recommendations?", null],
  [HALTON, "and how many inspectors?", null],
  [HALTON, "and which councils were good?", null],
  [HALTON, "Derby's grade?", null],
  [HALTON, "Compare Derby", null],
  // Two slots without a lead word is a whole question ("Halton staying safe"), not a follow-up.
  [HALTON, "Halton staying safe", null],
  [HALTON, "Derby adoption", null],
  // A council alone is a subject: "Derby" asks for its table.
  [HALTON, "Derby?", null],
  [HALTON, "derby", null],
  // Nothing a slot takes, or words the bot cannot place.
  [HALTON, "and?", null],
  [HALTON, "what about it?", null],
  [HALTON, "thanks", null],
  [HALTON, "help", null],
  [HALTON, "what about private fostering?", null],
  [HALTON, "and improved?", null],
  [HALTON, "what about Gotham?", null],
  [HALTON, "and Kingston?", null],
  // Two years are two questions; a place instead of named councils changes more than one slot.
  [HALTON, "and in 2011 and 2016?", null],
  [HALTON, "what about the north west?", null],
  [HALTON, "and London boroughs?", null],
  [HALTON, "and excluding health?", null],
  // A previous question that was help has nothing to follow on from.
  ["help", "what about Derby?", null],
  ["", "what about Derby?", null],
  // The rewrite must keep the rest: a mentions question about one council is another question.
  ["Which reports mention private fostering?", "what about Derby?", null],
  ["Which councils got an adequate grade excluding health?", "and for adoption?", null],
];

describe("follow-ups put into the previous question", () => {
  it.each(rows)("%s + %s", (previous, question, want, changed) => {
    const got = followOn(previous, question, lex);
    expect(got?.question ?? null).toBe(want);
    if (changed) expect(got?.changed).toEqual(changed);
  });

  it("reads a misspelt council only when it is no word the reports use", () => {
    expect(followOn(HALTON, "what about haltn?", lex, (w) => w !== "haltn")?.question).toBe("What was Halton's grade for staying safe?");
    expect(followOn(HALTON, "what about haltn?", lex, () => true)).toBeNull();
  });
});
