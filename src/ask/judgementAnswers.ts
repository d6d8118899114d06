/**
 * Answers about grades: one authority's grade for an area (both services when none is
 * named), its whole table, lists of authorities by grade, and comparisons.
 */
import type { Answer, FrameworkId, Judgement, Report } from "../types.js";
import type { AreaRef, Lexicon } from "../knowledge/lexicon.js";
import { notJudgedThen } from "../knowledge/areaDates.js";
import type { KnowledgeBase } from "../index/knowledgeBase.js";
import type { Query } from "./parse.js";
import { answer, coverage, judgementLine, noSelectedReport, whenText } from "./format.js";
import { applied, describeGrade, describeQuery, type Applied } from "./interpret.js";
import { pickReport, selectReports, selectionWords } from "./select.js";
import { gradeMeets } from "./slots.js";

/** Area ids the query names that exist in the report's framework (empty: none apply). */
function areaIdsFor(q: Query, r: Report): Set<string>[] {
  const fw = r.inspection.framework;
  return q.areas
    .map((m) => new Set(m.value.filter((ref: AreaRef) => fw === "unknown" || ref.framework === fw).map((ref) => ref.id)))
    .filter((s) => s.size > 0);
}

/** Keeps judgements of the service the question names (2009-12 framework only; others have none). */
function serviceFilter(q: Query, framework: FrameworkId): (j: Judgement) => boolean {
  if (framework !== "SLAC" || q.services.length !== 1) return () => true;
  const name = q.services[0].name;
  return (j) => j.service === name || j.service === null;
}

/** Judgements of a report matching the query's areas (and service), in table order. */
export function matchingJudgements(q: Query, r: Report): Judgement[] {
  const wanted = areaIdsFor(q, r);
  const bySvc = serviceFilter(q, r.inspection.framework);
  // When several areas matched, the most specific one the report actually grades wins per
  // phrase; "looked after children" as a service word also matches no SLAC area, harmlessly.
  const out: Judgement[] = [];
  for (const ids of wanted) out.push(...r.judgements.filter((j) => j.areaId && ids.has(j.areaId) && bySvc(j) && !out.includes(j)));
  return out;
}

function areaNames(q: Query): string {
  return [...new Set(q.areas.map((m) => m.value[0].name))].join(", ") || "that";
}

function tableText(r: Report, js: Judgement[]): string {
  const lines: string[] = [];
  let service: string | null | undefined;
  for (const j of js) {
    if (j.service !== service && j.service) lines.push(`${j.service}:`);
    service = j.service;
    lines.push(`${j.service ? "  " : ""}${j.area}: ${j.grade}`);
  }
  return lines.join("\n");
}

/** Safeguarding first, then looked after children, then service-less; in report order within. */
function ordered(r: Report): Judgement[] {
  const svc = (j: Judgement) => (j.service ? (/safeguarding/i.test(j.service) ? 0 : 1) : 2);
  return [...r.judgements].sort((a, b) => svc(a) - svc(b) || a.citation.line - b.citation.line);
}

/** "The report states no X judgement that I could read", naming the judgements it could read. */
function notStated(q: Query, r: Report, authority: string, what: string, forService = "", lex?: Lexicon): Answer {
  const list = [...new Set(ordered(r).map((j) => j.area))].join(", ");
  // An area this inspection's framework does not judge at all: say so, not just "could not read".
  const why = lex ? [...new Set(areaIdsFor(q, r).flatMap((ids) => [...ids]).map((id) => notJudgedThen(lex, id, r.inspection)).filter((n): n is string => !!n))] : [];
  return answer(
    q.text,
    "grade",
    false,
    `The ${authority} report (${r.inspection.frameworkName}, ${whenText(r)}) states no ${what} judgement${why.length ? "" : " that I could read"}${forService}. ${why.length ? `${why.join(" ")} ` : ""}${list ? `The judgements I could read: ${list}.` : "I could read no graded judgements in it."}`,
    [],
    [],
    { suggestions: [`${authority} judgements`] },
  );
}

/** A grade lookup, or the whole table when no area is named. */
export function lookupAnswer(q: Query, kb: KnowledgeBase, authority: string, done: Applied = applied()): Answer {
  const r = pickReport(kb, authority, q, done);
  if (!r) return noSelectedReport(q.text, kb, authority, selectionWords(q));
  done.slots.add("authorities");
  // The grade is shown beside each judgement (and narrows a table when the question picks one).
  if (q.grade) done.slots.add("grade");
  // A 2009-12 service asked of a later inspection ("Derby's safeguarding services") cannot be applied: it has none.
  if (q.services.length && (r.inspection.framework === "SLAC" || !q.serviceOnly)) done.slots.add("services");
  if (q.areas.length) done.slots.add("areas");
  if (q.anyArea) done.slots.add("anyArea");
  if (!q.areas.length) {
    // "Southend's fostering grade": a topic no judgement area matches is not the whole table.
    const topic = q.rest.filter((w) => w.length > 3 && !TABLE_WORDS.has(w) && !/^\d+$/.test(w));
    if (topic.length && !q.grades.length) return notStated(q, r, authority, `"${topic.join(" ")}"`);
    done.area = "all judgements";
    return tableAnswer(q, r, kb);
  }
  // "stockton LAC": the words name a service of this framework, not one of its areas.
  if (!areaIdsFor(q, r).length && q.services.length === 1 && r.inspection.framework === "SLAC") {
    // The words named the service, not an area of this framework: its whole table.
    done.area = "all judgements";
    return tableAnswer(q, r, kb);
  }
  const found = matchingJudgements(q, r);
  if (!found.length && q.inspections.kind === "default" && !q.framework) {
    // An area the latest framework no longer grades ("staying safe" after 2012) may stand
    // in an earlier inspection: give that, saying plainly which inspection it is.
    const older = (kb.byAuthority.get(authority) ?? []).filter((o) => o !== r).find((o) => matchingJudgements(q, o).length);
    if (older) {
      const js = matchingJudgements(q, older);
      const lead = `The latest ${authority} inspection (${r.inspection.frameworkName}, ${whenText(r)}) has no ${areaNames(q)} judgement. The earlier inspection (${whenText(older)}) gave:`;
      done.area = [...new Set(js.map((j) => j.area))].join(", ");
      done.when = `the earlier inspection (${whenText(older)})`;
      return answer(q.text, "grade", true, `${lead}\n${js.map((j) => `${judgementLine(j)}.`).join("\n")}`, js);
    }
  }
  if (!found.length) {
    const forService = q.services.length === 1 && r.inspection.framework === "SLAC" ? ` for ${q.services[0].name.toLowerCase()}` : "";
    return notStated(q, r, authority, areaNames(q), forService, kb.lex);
  }
  const text = found.map((j) => `${judgementLine(j)} (${whenText(r)}).`).join("\n");
  done.area = [...new Set(found.map((j) => j.area))].join(", ");
  return answer(q.text, "grade", true, text, found);
}

/** The whole judgement table of one report, or only its judgements of one grade when the question picks one. */
export function tableAnswer(q: Query, r: Report, kb: KnowledgeBase): Answer {
  const js = ordered(r).filter(serviceFilter(q, r.inspection.framework));
  if (!js.length) return answer(q.text, "table", false, `The ${r.inspection.authority} report (${r.file}, ${whenText(r)}) states no graded judgements I could read.`);
  const head = `${r.inspection.authority}: ${r.inspection.frameworkName}, ${whenText(r)}.`;
  // A grade with an operator ("anything below good", "at least good") always picks: the table alone would not answer it.
  if (q.grade && (q.anyArea || q.grade.op !== "is" || q.gradePicks)) {
    const slot = q.grade;
    const names = slot.keys.map((g) => kb.lex.gradeName(g, r.inspection.framework));
    const picked = js.filter((j) => gradeMeets(slot, kb.lex.gradeKey(j.grade)));
    const what = slot.op === "is" ? names.join(" or ") : describeGrade({ ...slot, keys: slot.keys }).replace(/^judged /, "");
    // "None was inadequate" would be a claim about the whole report; only what could be read is known.
    if (!picked.length) return answer(q.text, "table", false, `${head}\nI could read no ${slot.op === "is" ? `${what} judgement` : `judgement ${what}`} in this report. The judgements I could read:\n${tableText(r, js)}`, [], js.map((j) => j.citation));
    return answer(q.text, "table", true, `${head}\n${slot.op === "is" ? `${what} judgements` : `Judgements ${what}`}:\n${tableText(r, picked)}`, picked);
  }
  return answer(q.text, "table", true, `${head}\n${tableText(r, js)}`, js);
}

/** Words that ask for an authority's judgements without naming one area. */
const TABLE_WORDS = new Set([
  "grade", "grades", "graded", "grading", "rating", "ratings", "rated", "result", "results", "outcome", "outcomes", "judgement", "judgements",
  "judgment", "judgments", "judged", "latest", "recent", "last", "report", "reports", "inspection", "inspections", "ofsted", "table", "summary",
  "overall", "services", "service", "council", "council's", "children", "children's", "score", "scores", "full", "whole", "every", "each", "their",
  "what", "which", "show", "give", "tell", "list", "performance", "findings", "worst", "best", "lowest", "highest", "weakest", "strongest",
  "main", "key", "areas", "area", "current", "most", "final",
]);

/** One collator for sorting names (String.localeCompare would set one up on every call). */
const byName = new Intl.Collator("en");

/** "SLAC, inspected 7 to 18 February 2011": which inspection a line comes from. */
export function inspectionWords(r: Report): string {
  return `${r.inspection.framework === "unknown" ? r.inspection.frameworkName : r.inspection.framework}, ${whenText(r)}`;
}

/**
 * Authorities with a judgement that fits: in the region, of the council type, under the
 * framework and in the inspections asked (every inspection unless the question picks),
 * for the areas named (any area, or overall effectiveness by default), with the grade
 * and its operator. Each line says which inspection it comes from. Counts are lists with
 * the number first.
 */
export function listAnswer(q: Query, kb: KnowledgeBase, done: Applied = applied()): Answer {
  const kind = q.intent === "count" ? "count" : "list";
  // "… but not for being healthy": two conditions at once; saying so beats answering half.
  if (q.notUnderstood.includes("not") && q.grade?.op !== "not") {
    return answer(q.text, "list", false, "I can only list one condition at a time: ask which councils were given a grade for one area, then for the other.");
  }
  // Each authority's latest inspection unless the question picks others ("ever", "in 2014", "since 2015").
  const reports = selectReports(kb, q, done, false);
  const areaGiven = q.areas.length > 0;
  if (areaGiven) done.slots.add("areas");
  else if (q.anyArea) done.slots.add("anyArea");
  // Left-out areas apply to "any area": with one area named or overall effectiveness, they say nothing.
  const left = (j: Judgement) => q.excludedAreas.some((m) => m.value.some((ref) => ref.id === j.areaId && ref.framework === j.inspection.framework));
  if (q.anyArea && !areaGiven && q.excludedAreas.length) done.slots.add("excludedAreas");
  else done.area = "overall effectiveness";
  if (q.services.length) done.slots.add("services");
  if (q.grade) done.slots.add("grade");
  const gradeOk = (j: Judgement) => !q.grade || gradeMeets(q.grade, kb.lex.gradeKey(j.grade));
  const hits: { r: Report; js: Judgement[] }[] = [];
  for (const r of reports) {
    const bySvc = serviceFilter(q, r.inspection.framework);
    // "Good for adoption and care leavers": every area named must fit, each with its own judgement.
    if (areaGiven && q.areas.length > 1 && q.areasJoin === "and") {
      const each = q.areas.map((m) => matchingJudgements({ ...q, areas: [m] }, r).filter(gradeOk));
      if (each.every((js) => js.length)) hits.push({ r, js: [...new Set(each.flat())] });
      continue;
    }
    const js = (areaGiven ? matchingJudgements(q, r) : q.anyArea ? ordered(r).filter((j) => bySvc(j) && !left(j)) : r.judgements.filter((j) => j.areaId === "overall-effectiveness" && bySvc(j))).filter(gradeOk);
    if (js.length) hits.push({ r, js });
  }
  const authorities = new Set(reports.map((r) => r.inspection.authority));
  // None of the latest inspections fits, but an earlier one may: answer from those, saying so.
  if (!hits.length && q.inspections.kind === "default") {
    const earlier = listAnswer({ ...q, inspections: { kind: "all" } }, kb, applied());
    if (earlier.answered) {
      done.when = "every inspection";
      return { ...earlier, text: `No authority's latest inspection fits; earlier inspections do.\n${earlier.text}` };
    }
  }
  const what = describeQuery(q, done, kb.lex);
  // An empty list is only as good as the tables that could be read: say so, unanswered.
  if (!authorities.size) return answer(q.text, kind, false, `The corpus has no report that fits (${what}). ${coverage(kb)}`);
  if (!hits.length) {
    return answer(q.text, kind, false, `I could not find any of the ${authorities.size} authorities that fit (${what}) in the judgements I could read.`);
  }
  hits.sort((a, b) => byName.compare(a.r.inspection.authority, b.r.inspection.authority));
  const found = new Set(hits.map((h) => h.r.inspection.authority));
  const lines = hits.map(({ r, js }) => `- ${r.inspection.authority} (${inspectionWords(r)}): ${js.map((j) => `${j.service ? j.service.toLowerCase() + ", " : ""}${j.area}: ${j.grade}`).join("; ")}`);
  return answer(q.text, kind, true, `${what}: ${found.size} of the ${authorities.size} authorit${authorities.size === 1 ? "y" : "ies"} with such inspections in the corpus.\n${lines.join("\n")}`, hits.flatMap((h) => h.js));
}

/** Two or more authorities side by side on the named areas (overall effectiveness by default). */
export function compareAnswer(q: Query, kb: KnowledgeBase, done: Applied = applied()): Answer {
  const lines: string[] = [];
  const all: Judgement[] = [];
  done.slots.add("authorities");
  if (q.areas.length) done.slots.add("areas");
  else done.area = "overall effectiveness and capacity for improvement";
  if (q.services.length) done.slots.add("services");
  for (const a of q.authorities) {
    const r = pickReport(kb, a, q, done);
    if (!r) {
      lines.push(`${a}: no report ${selectionWords(q)} in the corpus.`.replace("  ", " "));
      continue;
    }
    const js = q.areas.length ? matchingJudgements(q, r) : r.judgements.filter((j) => j.areaId === "overall-effectiveness" || j.areaId === "capacity");
    if (!js.length) lines.push(`${a} (${whenText(r)}): no ${q.areas.length ? areaNames(q) : "overall effectiveness"} judgement in the report.`);
    else lines.push(`${a} (${whenText(r)}): ${js.map((j) => `${j.service ? j.service.toLowerCase() + ", " : ""}${j.area}: ${j.grade}`).join("; ")}`);
    all.push(...js);
  }
  return answer(q.text, "compare", all.length > 0, lines.join("\n"), all);
}
