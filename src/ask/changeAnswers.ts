/**
 * Change over time: one council's judgements side by side across its inspections with
 * the direction of each, or the councils that improved or declined between their last
 * two inspections. Grades of different frameworks are not one scale (Adequate is not
 * Requires improvement, and the areas differ): only inspections of one framework are
 * compared, and the answer says so when they differ.
 */
import type { Answer, Judgement, Report } from "../types.js";
import type { KnowledgeBase } from "../index/knowledgeBase.js";
import type { Query } from "./parse.js";
import { answer } from "./format.js";
import { describeQuery, type Applied } from "./interpret.js";
import { inspectionWords, matchingJudgements } from "./judgementAnswers.js";
import { selectReports } from "./select.js";
import { searchAnswer } from "./otherAnswers.js";
import { GRADE_LEVEL } from "./slots.js";

type Direction = "improved" | "declined" | "same";

/** The judgements of a report the question is about: the areas named, else every one. */
function judgementsOf(q: Query, r: Report, overallOnly: boolean): Judgement[] {
  return q.areas.length ? matchingJudgements(q, r) : r.judgements.filter((j) => j.areaId && (!overallOnly || j.areaId === "overall-effectiveness"));
}

const key = (j: Judgement) => `${j.service ?? ""}|${j.areaId}`;

/** Each area both reports grade, with its direction (lower level is better). */
function pairUp(q: Query, kb: KnowledgeBase, before: Report, after: Report, overallOnly = false): { was: Judgement; now: Judgement; dir: Direction }[] {
  const old = new Map(judgementsOf(q, before, overallOnly).map((j) => [key(j), j]));
  const out: { was: Judgement; now: Judgement; dir: Direction }[] = [];
  for (const now of judgementsOf(q, after, overallOnly)) {
    const was = old.get(key(now));
    const a = was && kb.lex.gradeKey(was.grade);
    const b = kb.lex.gradeKey(now.grade);
    if (!was || !a || !b) continue;
    const d = GRADE_LEVEL[b] - GRADE_LEVEL[a];
    out.push({ was, now, dir: d < 0 ? "improved" : d > 0 ? "declined" : "same" });
  }
  return out;
}

/** Oldest first. */
function chronological(reports: Report[]): Report[] {
  const when = (r: Report) => r.inspection.start ?? r.inspection.end ?? r.inspection.published ?? r.inspection.reportDate ?? "";
  return [...reports].sort((a, b) => when(a).localeCompare(when(b)));
}

function pairLine(p: { was: Judgement; now: Judgement; dir: Direction }): string {
  const label = `${p.now.service ? p.now.service.toLowerCase() + ", " : ""}${p.now.area}`;
  return `${label}: ${p.was.grade} → ${p.now.grade} (${p.dir === "same" ? "no change" : p.dir})`;
}

/** One council across its inspections. */
function oneCouncil(q: Query, kb: KnowledgeBase, authority: string, done: Applied): Answer {
  const reports = chronological(selectReports(kb, { ...q, region: null, councilType: null, authorities: [authority] }, done, true, true).filter((r) => r.inspection.authority === authority));
  done.slots.add("authorities");
  if (q.areas.length) done.slots.add("areas");
  // "Has anything changed in Dorset?": every area both inspections judge is compared.
  if (q.anyArea) done.slots.add("anyArea");
  // "Portsmouth's children in care": words that also name an area are applied as the area; a 2009-12 service alone only to such inspections.
  if (q.services.length && (reports.some((r) => r.inspection.framework === "SLAC") || !q.serviceOnly)) done.slots.add("services");
  if (q.change) done.slots.add("change");
  if (reports.length < 2) {
    const only = reports[0];
    // One inspection has no grades to compare, but its report may say what improved: its words, said plainly.
    if (only) {
      const said = searchAnswer(q, kb, authority, done);
      if (said.answered) return { ...said, text: `The corpus has one inspection of ${authority} (${inspectionWords(only)}), so I cannot compare its grades with an earlier one. Its report says:\n${said.text}` };
    }
    return answer(q.text, "change", false, `The corpus has ${only ? `only one report on ${authority} that fits (${inspectionWords(only)})` : `no report on ${authority} that fits`}, so I cannot say how its grades changed.`);
  }
  const lines: string[] = [];
  const js: Judgement[] = [];
  let compared = 0;
  for (let i = 1; i < reports.length; i++) {
    const before = reports[i - 1];
    const after = reports[i];
    const head = `${inspectionWords(before)} → ${inspectionWords(after)}`;
    if (before.inspection.framework !== after.inspection.framework) {
      lines.push(`${head}: different frameworks, whose grades and areas are not one scale, so I do not compare them.`);
      continue;
    }
    const pairs = pairUp(q, kb, before, after);
    if (!pairs.length) {
      lines.push(`${head}: no judgement area both reports grade${q.areas.length ? " for what you asked" : ""} that I could read.`);
      continue;
    }
    compared++;
    lines.push(`${head}:`, ...pairs.map((p) => `  ${pairLine(p)}`));
    for (const p of pairs) js.push(p.was, p.now);
  }
  const what = describeQuery(q, done, kb.lex);
  if (!compared) {
    const overall = reports.map((r) => `${inspectionWords(r)}: ${r.judgements.filter((j) => j.areaId === "overall-effectiveness").map((j) => `${j.service ? j.service.toLowerCase() + ", " : ""}${j.grade}`).join("; ") || "no overall effectiveness judgement I could read"}`);
    const frameworks = new Set(reports.map((r) => r.inspection.framework)).size;
    return answer(q.text, "change", false, `${what}: I cannot compare ${authority}'s inspections.\n${lines.join("\n")}\nEach inspection's overall effectiveness, for reading side by side${frameworks > 1 ? " (not one scale)" : ""}:\n${overall.join("\n")}`);
  }
  return answer(q.text, "change", true, `${what}.\n${lines.join("\n")}`, js);
}

/** The councils whose last two inspections (of one framework) moved the way asked. */
function acrossCouncils(q: Query, kb: KnowledgeBase, done: Applied): Answer {
  const reports = selectReports(kb, q, done);
  if (q.areas.length) done.slots.add("areas");
  else done.area = "overall effectiveness";
  if (q.change) done.slots.add("change");
  const byAuthority = new Map<string, Report[]>();
  for (const r of reports) byAuthority.set(r.inspection.authority, [...(byAuthority.get(r.inspection.authority) ?? []), r]);
  const lines: string[] = [];
  const js: Judgement[] = [];
  let comparable = 0;
  let otherFramework = 0;
  for (const [authority, list] of [...byAuthority].sort((a, b) => a[0].localeCompare(b[0]))) {
    const ordered = chronological(list);
    if (ordered.length < 2) continue;
    const [before, after] = ordered.slice(-2);
    if (before.inspection.framework !== after.inspection.framework) {
      otherFramework++;
      continue;
    }
    const pairs = pairUp(q, kb, before, after, true);
    if (!pairs.length) continue;
    comparable++;
    const fit = pairs.filter((p) => (q.change === "changed" || !q.change ? p.dir !== "same" : p.dir === q.change));
    if (!fit.length) continue;
    lines.push(`- ${authority} (${inspectionWords(before)} → ${inspectionWords(after)}): ${fit.map(pairLine).join("; ")}`);
    for (const p of fit) js.push(p.was, p.now);
  }
  const what = describeQuery(q, done, kb.lex);
  const note = otherFramework ? ` ${otherFramework} authorit${otherFramework === 1 ? "y's" : "ies'"} last two inspections were under different frameworks, whose grades are not one scale: not compared.` : "";
  if (!lines.length) return answer(q.text, "change", false, `${what}: none of the ${comparable} authorit${comparable === 1 ? "y" : "ies"} with two comparable inspections in the corpus.${note}`);
  return answer(q.text, "change", true, `${what}, last two inspections of one framework: ${lines.length} of the ${comparable} authorit${comparable === 1 ? "y" : "ies"} with two comparable inspections.${note}\n${lines.join("\n")}`, js);
}

/** A change question: one council's inspections side by side, or the councils that moved. */
export function changeAnswer(q: Query, kb: KnowledgeBase, authority: string | null, done: Applied): Answer {
  return authority ? oneCouncil(q, kb, authority, done) : acrossCouncils(q, kb, done);
}
