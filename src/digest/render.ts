/** The digest as plain text: the CLI prints it, adapters may use it as notification fallback text. */
import { formatActionLine, sinceInspection } from "../actions/render.js";
import type { Digest, DigestGroup, DigestInspection } from "./types.js";

/** The digest's title, the same on every platform: "Open inspection actions, 2011-09-01". */
export function digestTitle(d: Digest): string {
  return `Open inspection actions, ${d.date}`;
}

/** One authority's (or inspection's) counts: "14 open, 12 overdue" or "3 open". */
export function groupCounts(g: Pick<DigestGroup, "openCount" | "overdueCount">): string {
  return `${g.openCount} open${g.overdueCount ? `, ${g.overdueCount} overdue` : ""}`;
}

/** An inspection's heading: "Halton, inspection of May 2024 · report published 2024-07-12, 1 year 4 months ago". */
export function inspectionHeading(i: DigestInspection): string {
  const when = sinceInspection(i);
  return when ? `${i.title} · ${when}` : i.title;
}

/**
 * Plain text, no markup: a title, the summary, then each authority's inspections and their
 * actions; a summarised digest gives one line of counts per authority and inspection.
 */
export function renderDigestText(d: Digest): string {
  const lines = [digestTitle(d), d.summary];
  if (d.scope.length) lines.push(`For ${d.scope.join(", ")}.`);
  if (d.summarised) lines.push("");
  for (const g of d.groups) {
    if (d.summarised) {
      for (const i of g.inspections) lines.push(`${inspectionHeading(i)}: ${groupCounts(i)}`);
      continue;
    }
    lines.push("", `${g.authority} (${groupCounts(g)})`);
    for (const i of g.inspections) {
      lines.push(`  ${inspectionHeading(i)}`);
      for (const a of i.actions) lines.push(formatActionLine(a, { since: false }));
    }
  }
  if (d.more) lines.push("", d.more);
  return lines.join("\n");
}
