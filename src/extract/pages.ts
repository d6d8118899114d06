/**
 * Makes every citation of a report openable by a person: the page its first line stands
 * on (for PDFs), the report as people know it ("Halton, inspection of February 2011") and,
 * when the corpus has a sources.csv, a link to the published report at that page. Done
 * once after extraction, so the extractors never need to know about any of it.
 */
import { formatMonthYear } from "../text/dates.js";
import type { Citation, Inspection, Report } from "../types.js";

/** "Halton, inspection of February 2011", or the report's date when the inspection's is not stated. */
export function reportTitle(i: Inspection): string {
  if (i.start) return `${i.authority}, inspection of ${formatMonthYear(i.start)}`;
  const date = i.published ?? i.reportDate;
  return date ? `${i.authority}, report of ${formatMonthYear(date)}` : `${i.authority} report`;
}

/** Sets page, source and url on every citation and passage of `report`. */
export function addPlaces(report: Report, where: { pages?: readonly number[]; url?: string }): Report {
  const { pages, url } = where;
  const pageOf = (line: number) => (pages ? pages[Math.min(Math.max(line - 1, 0), pages.length - 1)] : undefined);
  const source = reportTitle(report.inspection);
  const place = (c: Citation | undefined) => {
    if (!c) return;
    const page = pageOf(c.line);
    if (page) c.page = page;
    c.source = source;
    if (url) c.url = page ? `${url.replace(/#.*$/, "")}#page=${page}` : url;
  };
  for (const j of report.judgements) place(j.citation);
  for (const f of report.facts) place(f.citation);
  for (const a of report.actions) place(a.citation);
  for (const s of report.scale) place(s.citation);
  place(report.lead?.citation);
  const ic = report.inspection.citations;
  place(ic.start);
  place(ic.published);
  place(ic.reportDate);
  for (const p of report.passages) {
    const page = pageOf(p.line);
    if (page) p.page = page;
  }
  return report;
}
