/**
 * Gives every citation of a report read from a paged file (PDF) the page its first line
 * stands on, so a person can open the report at that page. Done once after extraction, so
 * the extractors never need to know about pages.
 */
import type { Citation, Report } from "../types.js";

/** Sets `page` on every citation and passage of `report` from `pages` (page of each line, 0-based index). */
export function addPages(report: Report, pages: readonly number[] | undefined): Report {
  if (!pages) return report;
  const pageOf = (line: number) => pages[Math.min(Math.max(line - 1, 0), pages.length - 1)];
  const cite = (c: Citation | undefined) => {
    if (c) c.page = pageOf(c.line);
  };
  for (const j of report.judgements) cite(j.citation);
  for (const f of report.facts) cite(f.citation);
  for (const a of report.actions) cite(a.citation);
  for (const s of report.scale) cite(s.citation);
  const ic = report.inspection.citations;
  cite(ic.start);
  cite(ic.published);
  cite(ic.reportDate);
  for (const p of report.passages) p.page = pageOf(p.line);
  return report;
}
