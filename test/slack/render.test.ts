import { describe, expect, it } from "vitest";
import { LIMITS, renderAnswer } from "../../adapters/slack/render.js";
import type { Answer } from "../../src/types.js";

const base: Answer = { question: "q", kind: "search", answered: true, text: "", judgements: [], citations: [] };

describe("Block Kit rendering", () => {
  it("escapes text from users and reports so nothing becomes a mention or a link", () => {
    const a: Answer = {
      ...base,
      text: 'About "<!channel> and <https://evil.example|click>" & more',
      citations: [{ file: "r.txt", line: 3, lineEnd: 3, quote: "<@U123> said <!here>" }],
    };
    const { text, blocks } = renderAnswer(a);
    const all = JSON.stringify(blocks) + text;
    expect(all).not.toMatch(/<!channel>|<!here>|<https:|<@U123>/);
    expect(all).toContain("&lt;!channel&gt;");
    expect(all).toContain("&amp; more");
  });

  it("splits and trims an answer longer than Slack allows, saying what was left out", () => {
    const a: Answer = {
      ...base,
      text: Array.from({ length: 2000 }, (_, i) => `Line ${i}: ${"words & <more> ".repeat(10)}`).join("\n"),
      judgements: Array.from({ length: 30 }, (_, i) => ({
        authority: "Halton",
        service: "Safeguarding services",
        area: `Area ${i}`,
        grade: "Good",
        inspection: { framework: "SLAC", start: null, end: null, published: null },
        citation: { file: "r.txt", line: i + 1, lineEnd: i + 1, quote: "x" },
      })),
      citations: Array.from({ length: 200 }, (_, i) => ({ file: "r.txt", line: i + 1, lineEnd: i + 1, quote: "q ".repeat(2000) })),
    };
    const { text, blocks } = renderAnswer(a, [{ type: "actions", elements: [] }]);
    expect(blocks.length).toBeLessThanOrEqual(LIMITS.blocks);
    expect(text.length).toBeLessThanOrEqual(LIMITS.fallbackText);
    for (const b of blocks) {
      const section = b as { text?: { text: string }; fields?: { text: string }[]; elements?: { text?: string }[] };
      if (section.text) expect(section.text.text.length).toBeLessThanOrEqual(LIMITS.sectionText);
      if (section.fields) {
        expect(section.fields.length).toBeLessThanOrEqual(LIMITS.fields);
        for (const f of section.fields) expect(f.text.length).toBeLessThanOrEqual(LIMITS.fieldText);
      }
      if (b.type === "context") {
        expect(section.elements!.length).toBeLessThanOrEqual(LIMITS.contextElements);
        for (const e of section.elements!) expect(e.text!.length).toBeLessThanOrEqual(LIMITS.contextText);
      }
    }
    const note = JSON.stringify(blocks);
    expect(note).toMatch(/\d+ more parts of the answer not shown/);
    expect(note).toMatch(/180 more sources not shown/);
    expect(blocks[blocks.length - 1].type).toBe("actions");
  });
});
