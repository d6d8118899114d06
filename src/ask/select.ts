/**
 * Which reports a query's inspection and framework slots select: for one authority
 * (one report to answer from) or across the corpus (every report that fits, for lists,
 * counts and mentions), recording which slots were applied.
 */
import type { Report } from "../types.js";
import type { KnowledgeBase } from "../index/knowledgeBase.js";
import { inspectionYear } from "../extract/metadata.js";
import type { Query } from "./parse.js";
import type { Applied } from "./interpret.js";
import type { InspectionSelector } from "./slots.js";
import { describeInspections } from "./interpret.js";

/** True when a report's inspection falls within the selector's year or range. */
function inYears(r: Report, s: InspectionSelector, strict = false): boolean {
  if (s.kind === "years") {
    // Each named year picks its inspection: the year it took place or, for one council, the year its report came out ("Sutton's 2017 and 2022 reports").
    const y = inspectionYear(r.inspection);
    return s.years.some((year) => y === year || (!strict && [r.inspection.end, r.inspection.published].some((d) => d?.startsWith(String(year)))));
  }
  if (s.kind !== "year" && s.kind !== "range") return true;
  const i = r.inspection;
  // An inspection's year is its start (else end, publication, report date): the year people name it by.
  const y = inspectionYear(i);
  if (y === null) return false;
  // One council's "2011 report" may be the inspection published in 2011; a list of 2011 inspections is of those that took place then.
  if (s.kind === "year") return y === s.year || (!strict && [i.end, i.published].some((d) => d?.startsWith(String(s.year))));
  const within = (year: number) => (s.from === null || year >= s.from) && (s.to === null || year <= s.to);
  // One council's "2017 to 2022" may name its inspections by their reports' years.
  return within(y) || (!strict && [i.end, i.published].some((d) => !!d && within(Number(d.slice(0, 4)))));
}

/** Days between two ISO dates, or null when either is missing. */
function daysApart(a: string | null, b: string | null): number | null {
  return a && b ? Math.abs(Date.parse(a) - Date.parse(b)) / 86_400_000 : null;
}

/**
 * The report before the latest, or the first of all: of another inspection, not a second
 * report on the latest one (a council's paper on an inspection is months, not years, after it).
 */
function earlierReport(kb: KnowledgeBase, authority: string, list: Report[], which: "previous" | "earliest"): Report | null {
  const latest = kb.reportFor(authority, null);
  if (!latest) return null;
  const when = (r: Report) => r.inspection.start ?? r.inspection.published ?? r.inspection.reportDate;
  const other = list.filter((r) => r !== latest && r.inspection.id !== latest.inspection.id && (daysApart(when(r), when(latest)) ?? 366) > 183 && (when(r) ?? "") < (when(latest) ?? "9999"));
  return (which === "previous" ? other[0] : other[other.length - 1]) ?? null;
}

/**
 * The one report of an authority to answer from: the year's or the range's latest, of
 * the framework named, else the latest. Null when none fits.
 */
export function pickReport(kb: KnowledgeBase, authority: string, q: Query, done?: Applied): Report | null {
  const s = q.inspections;
  let list = kb.byAuthority.get(authority) ?? [];
  if (q.framework) {
    list = list.filter((r) => r.inspection.framework === q.framework);
    done?.slots.add("framework");
  }
  if (s.kind === "year") {
    done?.slots.add("inspections");
    const exact = list.find((r) => inspectionYear(r.inspection) === s.year);
    return exact ?? list.find((r) => inYears(r, s)) ?? null;
  }
  if (s.kind === "range") {
    done?.slots.add("inspections");
    return list.find((r) => inYears(r, s)) ?? null;
  }
  if (s.kind === "previous" || s.kind === "earliest") {
    done?.slots.add("inspections");
    return earlierReport(kb, authority, list, s.kind);
  }
  // Two years name two inspections: one report cannot answer for both, so the slot stays unapplied (and is said so).
  if (s.kind === "latest") done?.slots.add("inspections");
  const latest = kb.reportFor(authority, null);
  return latest && list.includes(latest) ? latest : (list[0] ?? null);
}

/** "of a 2014 inspection", "under the single inspection framework": why no report fits. */
export function selectionWords(q: Query): string {
  const parts: string[] = [];
  const s = q.inspections;
  if (s.kind === "year") parts.push(`of a ${s.year} inspection`);
  else if (s.kind === "range") parts.push(describeInspections(s)!.replace(/^inspections /, "of an inspection "));
  else if (s.kind === "previous") parts.push("of an inspection before the latest");
  else if (s.kind === "earliest") parts.push("of an earlier inspection");
  if (q.framework) parts.push(`under ${q.framework}`);
  return parts.join(" ");
}

/**
 * Every report across the corpus a set question looks at: by place (region, council
 * type), framework and inspections. With no inspections named, every inspection
 * (`defaultAll`) or each authority's latest. `oneCouncil`: the reports of one council's
 * change question, where a year may also name the inspection by its report's year.
 */
export function selectReports(kb: KnowledgeBase, q: Query, done: Applied, defaultAll = true, oneCouncil = false): Report[] {
  const s = q.inspections;
  const lex = kb.lex;
  const fits = (authority: string) => {
    const info = lex.authorityInfo(authority);
    if (q.region && !(info?.region && q.region.regions.includes(info.region))) return false;
    // A council that was a county until a reorganisation (North Yorkshire until 2023) is either, by inspection.
    if (q.councilType && info?.type !== q.councilType && !(q.councilType === "county" && info?.countyUntil)) return false;
    return true;
  };
  /** The council's type when it was inspected: a county before its `countyUntil` year, its type now after. */
  const typeThen = (r: Report) => {
    const info = lex.authorityInfo(r.inspection.authority);
    const y = inspectionYear(r.inspection);
    return info?.countyUntil && y !== null && y < Number(info.countyUntil) ? "county" : info?.type;
  };
  if (q.region) done.slots.add("region");
  if (q.councilType) done.slots.add("councilType");
  if (q.framework) done.slots.add("framework");
  const out: Report[] = [];
  const latestOnly = s.kind === "latest" || (s.kind === "default" && !defaultAll);
  // Two years apart ("good in 2011 and 2016") are two conditions a list cannot hold at once: not applied, and said so.
  if (s.kind === "years" && !oneCouncil) return [];
  done.slots.add("inspections");
  done.when = latestOnly ? "latest inspections" : s.kind === "default" || s.kind === "all" ? "every inspection" : describeInspections(s)!;
  for (const a of kb.authorities()) {
    if (!fits(a)) continue;
    let list = kb.byAuthority.get(a) ?? [];
    if (q.framework) list = list.filter((r) => r.inspection.framework === q.framework);
    if (latestOnly) {
      const latest = kb.reportFor(a, null);
      list = latest && list.includes(latest) ? [latest] : list.slice(0, 1);
    } else if (s.kind === "previous" || s.kind === "earliest") {
      const earlier = earlierReport(kb, a, list, s.kind);
      list = earlier ? [earlier] : [];
    } else list = list.filter((r) => inYears(r, s, !oneCouncil));
    // "Safeguarding services" exist only in the 2009-12 framework: other inspections have no such service.
    if (q.serviceOnly) list = list.filter((r) => r.inspection.framework === "SLAC");
    if (q.councilType) list = list.filter((r) => typeThen(r) === q.councilType);
    out.push(...list);
  }
  return out;
}
