/**
 * Where each slot of a parsed question stands in its words: the token spans of the
 * authorities, areas and services, inspections, grade, region, council type and framework.
 * A follow-up ("what about Derby?") is put into the previous question by replacing the
 * words of the slot it changes, so both need their slots' places. The slot finders are
 * run again in the parser's order, reading only what the Query holds; whatever they
 * disagree on is caught when the rewritten question is parsed and checked (followUp.ts).
 */
import type { Lexicon } from "../knowledge/lexicon.js";
import type { Token } from "../text/words.js";
import type { Query } from "./parse.js";
import { findAnyArea, findFramework, findInspections, gradeSlot } from "./slots.js";

/** The kinds of slot a follow-up can change. "what" is areas and services (or any area) together. */
export type FollowUpKind = "authorities" | "what" | "inspections" | "grade" | "region" | "councilType" | "framework";

/** Token spans, end exclusive. */
export interface Span {
  start: number;
  end: number;
}

/** Each kind's spans in a question, in order. */
export type SlotSpans = Record<FollowUpKind, Span[]>;

/** The kinds a query fills (what a follow-up changes, or what a previous question holds). */
export function filledKinds(q: Query): FollowUpKind[] {
  const out: FollowUpKind[] = [];
  if (q.authorities.length) out.push("authorities");
  if (q.areas.length || q.services.length || q.anyArea) out.push("what");
  if (q.inspections.kind !== "default") out.push("inspections");
  if (q.grade) out.push("grade");
  if (q.region) out.push("region");
  if (q.councilType) out.push("councilType");
  if (q.framework) out.push("framework");
  return out;
}

/** Finds where the query's slots stand among its tokens. */
export function slotSpans(q: Query, lex: Lexicon): SlotSpans {
  const tokens = q.tokens;
  const used = new Array<boolean>(tokens.length).fill(false);
  const spans: SlotSpans = { authorities: [], what: [], inspections: [], grade: [], region: [], councilType: [], framework: [] };
  const take = (kind: FollowUpKind) => (start: number, end: number) => {
    const s = Math.max(0, start);
    const e = Math.min(end, tokens.length);
    if (e <= s) return;
    spans[kind].push({ start: s, end: e });
    for (let i = s; i < e; i++) used[i] = true;
  };
  const free = (): Token[] => tokens.map((t, i) => (used[i] ? { ...t, norm: "\u0000" } : t));
  for (const m of lex.authorities.findAll(tokens, true)) if (q.authorities.includes(m.value)) take("authorities")(m.start, m.end);
  // A distinctive word of a name ("Wrekin"), as the parser reads one when no full name was found.
  if (q.authorities.length && !spans.authorities.length) {
    tokens.forEach((t, i) => {
      const names = lex.authoritiesWithWord(t.norm);
      if (names.length === 1 && q.authorities.includes(names[0])) take("authorities")(i, i + 1);
    });
  }
  if (q.councilType) {
    const m = lex.councilTypes.findAll(free()).find((x) => x.value === q.councilType);
    if (m) take("councilType")(m.start, m.end);
  }
  if (q.region) {
    const m = lex.regions.findAll(free()).find((x) => x.value.name === q.region!.name);
    if (m) take("region")(m.start, m.end);
  }
  for (const m of q.areas) take("what")(m.start, m.end);
  // Excluded areas are marked read (not a part to replace): the parser claims them too.
  for (const m of q.excludedAreas) for (let i = m.start; i < m.end; i++) used[i] = true;
  const serviceIds = new Set(q.services.map((s) => s.id));
  for (const m of lex.services.findAll(tokens, true)) if (serviceIds.has(m.value.id) && !overlaps(spans.what, m)) take("what")(m.start, m.end);
  if (q.grade) {
    const grades = lex.grades.findAll(free(), true).filter((m) => !overlaps(spans.what, m));
    if (grades.length) {
      grades.forEach((m) => take("grade")(m.start, m.end));
      gradeSlot(tokens, grades, take("grade"));
    } else {
      // "grade 4": the number is the grade.
      const at = tokens.findIndex((t, i) => t.norm === "grade" && /^[1-4]$/.test(tokens[i + 1]?.norm ?? ""));
      if (at >= 0) take("grade")(at, at + 2);
    }
  }
  if (q.framework) findFramework(free(), lex, take("framework"));
  if (q.inspections.kind !== "default") findInspections(tokens, used, take("inspections"));
  if (q.anyArea) findAnyArea(tokens, used, take("what"));
  for (const k of Object.keys(spans) as FollowUpKind[]) spans[k].sort((a, b) => a.start - b.start);
  return spans;
}

function overlaps(spans: Span[], m: Span): boolean {
  return spans.some((s) => m.start < s.end && s.start < m.end);
}
