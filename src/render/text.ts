/**
 * Answer → terminal text: the answer, then its sources (file, lines, the quoted words).
 */
import type { Answer } from "../types.js";
import { citationPlace } from "./citation.js";

/** Renders an answer for a terminal or log. */
export function renderText(a: Answer, maxCitations = 10): string {
  const lines = [a.text];
  // What the bot understood, so a misreading shows at once.
  if (a.interpretation) lines.push(`(Understood as: ${a.interpretation})`);
  const cites = a.citations.slice(0, maxCitations);
  if (cites.length) {
    lines.push("", "Sources:");
    for (const c of cites) {
      const quote = c.quote.replace(/\s+/g, " ").trim();
      lines.push(`  ${citationPlace(c)}: "${quote.length > 160 ? quote.slice(0, 157) + "..." : quote}"`);
      if (c.url) lines.push(`    ${c.url}`);
    }
    if (a.citations.length > cites.length) lines.push(`  … and ${a.citations.length - cites.length} more`);
  }
  return lines.join("\n");
}
