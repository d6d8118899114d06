/** The digest as plain text: the CLI prints it, adapters may use it as notification fallback text. */
import { formatActionLine } from "../actions/render.js";
import type { Digest, DigestGroup } from "./types.js";

/** The digest's title, the same on every platform: "Open inspection actions, 2011-09-01". */
export function digestTitle(d: Digest): string {
  return `Open inspection actions, ${d.date}`;
}

/** One authority's counts: "14 open, 12 overdue" or "3 open". */
export function groupCounts(g: DigestGroup): string {
  return `${g.actions.length} open${g.overdueCount ? `, ${g.overdueCount} overdue` : ""}`;
}

/** Plain text, no markup: a title, the summary, then each authority's actions. */
export function renderDigestText(d: Digest): string {
  const lines = [digestTitle(d), d.summary];
  for (const g of d.groups) {
    lines.push("", `${g.authority} (${groupCounts(g)})`);
    for (const a of g.actions) lines.push(formatActionLine(a));
  }
  return lines.join("\n");
}
