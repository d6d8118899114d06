/**
 * Answer → Adaptive Card: only elements Teams renders at version 1.4, at most 10
 * citations, and a reply too large for Teams trimmed under 80 KB with a note.
 */
import { describe, expect, it } from "vitest";
import type { Answer, AnswerJudgement, Citation } from "../../src/types.js";
import { MAX_REPLY_BYTES, renderAnswer, replyBytes, TRIMMED_NOTE } from "../../adapters/teams/render.js";
import { cardOf, cardStrings } from "./harness.js";

const ALLOWED = new Set(["AdaptiveCard", "TextBlock", "FactSet", "Container", "Action.Submit"]);

function citation(i: number, quoteChars = 200): Citation {
  return { file: `report_${i}.txt`, line: i + 1, lineEnd: i + 1, quote: `Quote ${i}: ${"the local authority's services ".repeat(quoteChars / 30)}`.slice(0, quoteChars) };
}

function judgement(i: number): AnswerJudgement {
  return {
    authority: `Authority ${i % 7}`,
    service: i % 2 ? "Safeguarding services" : null,
    area: `Judgement area number ${i} with a long descriptive name`,
    grade: ["Outstanding", "Good", "Requires improvement", "Inadequate"][i % 4],
    inspection: { framework: "SIF", start: "2017-03-07", end: "2017-03-30", published: null },
    citation: citation(i),
  };
}

function answer(over: Partial<Answer>): Answer {
  return { question: "q", kind: "search", answered: true, text: "An answer.", judgements: [], citations: [], ...over };
}

/** Every `type` in a card, recursively. */
function types(v: unknown, out: string[] = []): string[] {
  if (Array.isArray(v)) v.forEach((x) => types(x, out));
  else if (v && typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (typeof o.type === "string") out.push(o.type);
    Object.entries(o).forEach(([k, x]) => k !== "data" && types(x, out));
  }
  return out;
}

describe("renderAnswer", () => {
  it("uses only elements Teams renders, at card version 1.4", () => {
    const a = answer({ kind: "table", text: "Head\nA: Good", judgements: [judgement(1), judgement(2)], citations: [citation(1)], suggestions: ["grade Derby"] });
    const card = cardOf(renderAnswer(a) as Record<string, unknown>);
    expect(card.version).toBe("1.4");
    expect(types(card).filter((t) => !ALLOWED.has(t))).toEqual([]);
    // A table's rows are in the FactSet; only its headline stays as text.
    expect(cardStrings(card)).toContain("Head");
    expect(cardStrings(card)).not.toContain("A: Good");
  });

  it("shows at most 10 citations and says how many more there are", () => {
    const a = answer({ citations: Array.from({ length: 14 }, (_, i) => citation(i)) });
    const strings = cardStrings(cardOf(renderAnswer(a) as Record<string, unknown>));
    expect(strings.filter((s) => /^report_\d+\.txt, line/.test(s))).toHaveLength(10);
    expect(strings).toContain("…and 4 more sources not shown.");
  });

  it("trims a reply over 80 KB to fit, with a note", () => {
    const huge = answer({
      kind: "compare",
      text: `${"A very long answer line about inspections. ".repeat(40)}\n`.repeat(120),
      judgements: Array.from({ length: 400 }, (_, i) => judgement(i)),
      citations: Array.from({ length: 40 }, (_, i) => citation(i, 5000)),
    });
    const reply = renderAnswer(huge);
    expect(replyBytes(reply)).toBeLessThanOrEqual(MAX_REPLY_BYTES);
    const strings = cardStrings(cardOf(reply as Record<string, unknown>));
    expect(strings).toContain(TRIMMED_NOTE);
    // Still an answer: some judgements and some sources survive.
    expect(strings.some((s) => /more judgements not shown/.test(s))).toBe(true);
    expect(strings.some((s) => /^report_\d+\.txt, line/.test(s))).toBe(true);
    expect(String(cardOf(reply as Record<string, unknown>).fallbackText)).toContain(TRIMMED_NOTE);
  });

  it("trims one enormous answer text too", () => {
    const reply = renderAnswer(answer({ text: "x".repeat(300_000) }));
    expect(replyBytes(reply)).toBeLessThanOrEqual(MAX_REPLY_BYTES);
    expect(cardStrings(cardOf(reply as Record<string, unknown>))).toContain(TRIMMED_NOTE);
  });

  it("leaves a normal answer untouched", () => {
    const reply = renderAnswer(answer({ judgements: [judgement(1)], citations: [citation(1)] }));
    expect(cardStrings(cardOf(reply as Record<string, unknown>))).not.toContain(TRIMMED_NOTE);
  });
});
