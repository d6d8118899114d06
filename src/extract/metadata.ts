/**
 * Reads who and when from a report: the authority (by its names and aliases in knowledge/),
 * the framework (by its names, the inspection year and the grade words used), the
 * inspection's start and end, the publication date and the meeting/report date.
 */
import type { Citation, FrameworkId, Inspection } from "../types.js";
import type { Lexicon } from "../knowledge/lexicon.js";
import { frameworkName } from "../knowledge/load.js";
import { findDates, findRanges } from "../text/dates.js";
import { foldPhrase, tokenize } from "../text/words.js";
import type { Doc, Sentence } from "./document.js";

function cite(doc: Doc, s: { line: number; lineEnd: number }): Citation {
  const quote = doc.lines
    .slice(s.line - 1, s.lineEnd)
    .filter((l) => !l.blank)
    .map((l) => l.text.trim())
    .join(" ");
  return { file: doc.file, line: s.line, lineEnd: s.lineEnd, quote };
}

/** Content lines at the top of a report that make up its title block. */
const TITLE_LINES = 12;

/**
 * The authority a report is about: the most mentioned one, with names in the title lines
 * counting triple. Null when no English authority is named at all.
 */
export function detectAuthority(doc: Doc, lex: Lexicon): string | null {
  const score = new Map<string, number>();
  const count = (text: string, weight: number) => {
    const tokens = tokenize(text);
    for (const m of lex.authorities.findAll(tokens)) {
      // Reports capitalise place names; this keeps "reading" and "bury" the verbs out.
      if (!/^[A-Z]/.test(tokens[m.start].raw)) continue;
      score.set(m.value, (score.get(m.value) ?? 0) + weight);
    }
  };
  // The title block is read as one text: a cover page breaks long names over lines
  // ("Royal Borough of Kingston upon" / "Thames"), and the name there is the report's subject.
  const content = doc.lines.filter((l) => !l.blank);
  count(content.slice(0, TITLE_LINES).map((l) => l.text.trim()).join(" "), 3);
  for (const line of content.slice(TITLE_LINES)) count(line.text, 1);
  let best: string | null = null;
  let bestScore = 0;
  for (const [name, s] of score) if (s > bestScore) [best, bestScore] = [name, s];
  return best;
}

/** The year an inspection belongs to, for choosing the latest and matching "in 2011". */
export function inspectionYear(i: Pick<Inspection, "start" | "end" | "published" | "reportDate">): number | null {
  const d = i.start ?? i.end ?? i.published ?? i.reportDate;
  return d ? Number(d.slice(0, 4)) : null;
}

function detectFramework(doc: Doc, lex: Lexicon, year: number | null): FrameworkId {
  // A title naming the looked after children services inspection (2012-13, a few
  // authorities) settles it: those years otherwise belong to the 2009-12 framework and the SIF.
  const title = doc.lines.filter((l) => !l.blank).slice(0, TITLE_LINES).map((l) => l.text.trim()).join(" ");
  if (lex.frameworkNames.findAll(tokenize(title)).some((m) => m.value === "LAC")) return "LAC";
  // The inspection year settles it except in 2018, when SIF gave way to ILACS.
  if (year && year >= 2009 && year <= 2012) return "SLAC";
  if (year && year >= 2013 && year <= 2017) return "SIF";
  if (year && year >= 2019) return "ILACS";
  const votes = new Map<FrameworkId, number>();
  const add = (f: FrameworkId, n: number) => votes.set(f, (votes.get(f) ?? 0) + n);
  for (const line of doc.lines) {
    if (line.blank) continue;
    const tokens = tokenize(line.text);
    for (const m of lex.frameworkNames.findAll(tokens)) add(m.value, 3);
    const folded = foldPhrase(line.text);
    if (/\brequires? improvement to be good\b/.test(folded)) add("ILACS", 2);
    if (/\bimpact of leaders on social work practice\b/.test(folded)) add("ILACS", 2);
    if (/\bachieving permanence\b|\badoption performance\b/.test(folded)) add("SIF", 2);
    if (/\brequires improvement\b/.test(folded) && !/\bto be good\b/.test(folded)) add("SIF", 1);
    if (/\badequate\b/.test(folded) && !/\binadequate\b/.test(folded)) add("SLAC", 1);
    if (/\b(being healthy|staying safe|enjoying and achieving|economic well ?being)\b/.test(folded)) add("SLAC", 2);
  }
  let best: FrameworkId = year === 2018 ? "ILACS" : "unknown";
  let bestVotes = 0;
  for (const [f, v] of votes) if (v > bestVotes) [best, bestVotes] = [f, v];
  return best;
}

const INSPECTION_WORDS = /\b(inspect(ion|ed|ors?)?|fieldwork|on[- ]site|visit(ed)?)\b/i;
const NOT_THIS_INSPECTION = /\b(unannounced|previous(ly)?|last inspection|prior|focused visit|monitoring visit|annual)\b/i;

function findInspectionRange(doc: Doc): { start: string; end: string; s: Sentence } | null {
  let fallback: { start: string; end: string; s: Sentence } | null = null;
  for (const s of doc.sentences) {
    const ranges = findRanges(s.text);
    if (!ranges.length) continue;
    const hit = { start: ranges[0].start, end: ranges[0].end, s };
    if (INSPECTION_WORDS.test(s.text) && !NOT_THIS_INSPECTION.test(s.text)) return hit;
    fallback ??= INSPECTION_WORDS.test(s.text) ? hit : null;
  }
  return fallback ?? singleInspectionDate(doc);
}

/** A one-day inspection on the cover: "Inspection date: 28 July 2016" (a small authority's). */
function singleInspectionDate(doc: Doc): { start: string; end: string; s: Sentence } | null {
  for (const s of doc.sentences) {
    if (s.line > COVER_LINES) break;
    if (!/^inspection dates?\s*:?/i.test(s.text) || NOT_THIS_INSPECTION.test(s.text)) continue;
    const dates = findDates(s.text);
    if (dates.length === 1) return { start: dates[0].iso, end: dates[0].iso, s };
  }
  return null;
}

/** Lines of a report's cover page, where its own inspection dates stand. */
const COVER_LINES = 40;

function findPublished(doc: Doc): { iso: string; s: Sentence } | null {
  for (const s of doc.sentences) {
    const m = /\b(published|publication(?: date)?)\b/i.exec(s.text);
    if (!m) continue;
    // The date must follow the word closely: "as at 5 January 2012 ... reports published" is not it.
    const after = findDates(s.text).find((d) => d.index > m.index && d.index - (m.index + m[0].length) < 60);
    if (after && !/\b(reports|authorities|inspections)\s+published\b/i.test(s.text.slice(0, after.index))) return { iso: after.iso, s };
  }
  return null;
}

const MEETING_WORDS = /\b(cabinet|council|committee|meeting|board|executive|date|scrutiny|panel)\b/i;

function findReportDate(doc: Doc): { iso: string; line: number } | null {
  let seen = 0;
  for (const line of doc.lines) {
    if (line.blank) continue;
    seen++;
    const dates = findDates(line.text);
    const words = line.text.split(/\s+/).length;
    if (dates.length && words <= 10 && (MEETING_WORDS.test(line.text) || seen <= 6) && !/\b(inspect\w*|publish\w*|visit\w*)\b/i.test(line.text)) return { iso: dates[0].iso, line: line.no };
    if (dates.length && MEETING_WORDS.test(line.text) && /^(date|meeting|date of meeting)\b/i.test(line.body)) return { iso: dates[0].iso, line: line.no };
  }
  return null;
}

/** Builds the inspection record of a report. `authority` comes from detectAuthority. */
export function extractInspection(doc: Doc, lex: Lexicon, authority: string): Inspection {
  const range = findInspectionRange(doc);
  const published = findPublished(doc);
  const reportDate = findReportDate(doc);
  const partial = { start: range?.start ?? null, end: range?.end ?? null, published: published?.iso ?? null, reportDate: reportDate?.iso ?? null };
  const framework = detectFramework(doc, lex, inspectionYear(partial));
  const slug = foldPhrase(authority).replace(/\s+/g, "-");
  const citations: Inspection["citations"] = {};
  if (range) citations.start = cite(doc, range.s);
  if (published) citations.published = cite(doc, published.s);
  if (reportDate) citations.reportDate = cite(doc, { line: reportDate.line, lineEnd: reportDate.line });
  return {
    id: `${slug}-${partial.start ?? partial.published ?? partial.reportDate ?? foldPhrase(doc.file).replace(/\s+/g, "-")}`,
    authority,
    framework,
    frameworkName: frameworkName(lex.vocab, framework),
    ...partial,
    file: doc.file,
    citations,
  };
}
