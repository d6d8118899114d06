/**
 * Counts of inspection activity ("inspecting 76 case files", "5 experienced inspectors",
 * "a team of five inspectors", "involving 385 people"): the number and the words it counts.
 */
import type { Fact, Inspection } from "../types.js";
import { numberValue, tokenize } from "../text/words.js";
import type { Doc } from "./document.js";

/** Words that follow a number without being what it counts. */
const NOT_COUNTED = /^(per|percent|%|years?|months?|weeks?|days?|hours?|minutes?|am|pm|st|nd|rd|th|point|and|to|or|of)$/i;
/** Words a number labels or ages rather than counts after: "Key Stage 1", "Year 12", "aged 16", "outcome 3", "paragraph 4". */
const LABELLED = /^(stage|year|level|grade|section|paragraph|para|paras|page|tier|article|outcome|enabler|step|phase|part|chapter|no|aged?|ages|under|over|appendix|annex|table|figure|principle|standard)$/;
const MONTH = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i;

const MAY_COUNT = /\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)\b/i;

/** Every counted thing in the report, each citing its sentence. */
export function extractFacts(doc: Doc, inspection: Inspection): Fact[] {
  const out: Fact[] = [];
  for (const s of doc.sentences) {
    if (!MAY_COUNT.test(s.text)) continue;
    const tokens = tokenize(s.text);
    tokens.forEach((t, i) => {
      // "1,479 children": the thousands after the comma are part of the number, and the noun comes after them.
      const groups = /^\d{1,3}$/.test(t.raw) ? /^(,\d{3})+(?!\d)/.exec(s.text.slice(t.end))?.[0] : undefined;
      const n = groups ? Number(t.raw + groups.replace(/,/g, "")) : numberValue(t.raw);
      if (groups) i += groups.length / 4;
      if (n === null || n === 0 || n > 100_000) return;
      if (/^(19|20)\d\d$/.test(t.raw)) return;
      // "Key Stage 1 children", "Year 12", "aged 16", "outcome 3": a label or an age, not a count.
      if (i > 0 && LABELLED.test(tokens[i - 1].norm)) return;
      // "six of Her Majesty's Inspectors": the inspectors are counted, not a part of something.
      const hmi = /^of her majesty'?s inspectors?\b/i.test(s.text.slice(t.end).trim().replace(/’/g, "'"));
      const next = tokens[i + 1];
      if (!next || (NOT_COUNTED.test(next.norm) && !hmi) || MONTH.test(next.norm) || /^\d/.test(next.raw)) return;
      // "4.2", "1.4" paragraph numbers and "(1%)" are not counts.
      const after = s.text.slice(groups ? t.end + groups.length : t.end, (groups ? t.end + groups.length : t.end) + 2);
      if (/^[.,]\d|^%|^\)/.test(after) || /\d[.,]$/.test(s.text.slice(Math.max(0, t.start - 2), t.start))) return;
      // "seven of Her Majesty's Inspectors (HMI)" counts HMI inspectors.
      const noun = hmi
        ? "hmi inspectors"
        : tokens
            .slice(i + 1, i + 5)
            // Lower case, a possessive kept ("children's case files": the files are counted).
            .map((x) => (/['’]s$/.test(x.raw) ? `${x.norm}'s` : x.norm))
            .join(" ");
      out.push({ authority: inspection.authority, inspection, count: n, noun, citation: { file: doc.file, line: s.line, lineEnd: s.lineEnd, quote: s.text } });
    });
  }
  return out;
}
