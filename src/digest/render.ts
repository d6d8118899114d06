/** The digest as plain text: the CLI prints it, adapters may use it as notification fallback text. */
import { formatActionLine } from "../actions/render.js";
import type { Digest } from "./types.js";

/** Plain text, no markup: a title, the summary, then each authority's actions. */
export function renderDigestText(d: Digest): string {
  const lines = [`Open inspection actions, ${d.date}`, d.summary];
  for (const g of d.groups) {
    const late = g.overdueCount ? `, ${g.overdueCount} overdue` : "";
    lines.push("", `${g.authority} (${g.actions.length} open${late})`);
    for (const a of g.actions) lines.push(formatActionLine(a));
  }
  return lines.join("\n");
}
