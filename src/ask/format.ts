/**
 * Small shared pieces of answer-building: turning judgements into the answer format,
 * describing an inspection, and the "I don't know" answers.
 */
import type { Answer, AnswerJudgement, AnswerKind, Citation, Judgement, Report } from "../types.js";
import { formatDate, formatRange } from "../text/dates.js";
import type { KnowledgeBase } from "../index/knowledgeBase.js";

/** A judgement as the answer format wants it. */
export function toAnswerJudgement(j: Judgement): AnswerJudgement {
  const i = j.inspection;
  return {
    authority: j.authority,
    service: j.service,
    area: j.area,
    grade: j.grade,
    inspection: { framework: i.frameworkName, start: i.start, end: i.end, published: i.published },
    citation: j.citation,
  };
}

/** "inspected 7 to 18 February 2011" / "report of 28 October 2010" / "undated report". */
export function whenText(r: Report): string {
  const i = r.inspection;
  if (i.start || i.end) return `inspected ${formatRange(i.start, i.end)}`;
  if (i.published) return `report published ${formatDate(i.published)}`;
  if (i.reportDate) return `council report of ${formatDate(i.reportDate)}`;
  return `report ${r.file}`;
}

/** "Halton, services for looked after children, Staying safe: Outstanding" */
export function judgementLine(j: Judgement, withAuthority = true): string {
  const parts = [withAuthority ? j.authority : null, j.service ? j.service.toLowerCase() : null, j.area].filter(Boolean);
  return `${parts.join(", ")}: ${j.grade}`;
}

/** Removes duplicate citations (same file and lines), keeping order. */
export function uniqueCitations(cs: Citation[]): Citation[] {
  const seen = new Set<string>();
  return cs.filter((c) => {
    const k = `${c.file}:${c.line}:${c.lineEnd}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Builds an answer object. */
export function answer(question: string, kind: AnswerKind, answered: boolean, text: string, judgements: Judgement[] = [], citations: Citation[] = [], extra: Partial<Answer> = {}): Answer {
  const js = answered ? judgements.map(toAnswerJudgement) : [];
  return { question, kind, answered, text, judgements: js, citations: uniqueCitations([...js.map((j) => j.citation), ...citations]), ...extra };
}

/** "Reports cover: Derby, Durham, Halton." (trimmed for large corpora) */
export function coverage(kb: KnowledgeBase): string {
  const names = kb.authorities();
  if (!names.length) return "The corpus holds no reports yet.";
  const shown = names.slice(0, 12).join(", ");
  return `Reports cover ${names.length} authorit${names.length === 1 ? "y" : "ies"}: ${shown}${names.length > 12 ? `, and ${names.length - 12} more` : ""}.`;
}

/** The answer for an authority we know of but hold no report on (or not for that year). */
export function noReport(question: string, kb: KnowledgeBase, authority: string, year: number | null): Answer {
  const other = kb.byAuthority.get(authority);
  if (year && other?.length) {
    const years = other.map((r) => whenText(r)).join("; ");
    return answer(question, "unknown", false, `The corpus has no report of a ${year} inspection of ${authority} (a report may mention one, but its grades are not read from a mention). The reports on ${authority} are: ${years}.`);
  }
  return answer(question, "unknown", false, `There is no report on ${authority} in the corpus, so I can't say. ${coverage(kb)}`);
}

/** No report of the authority fits the question's inspections or framework: say which reports there are. */
export function noSelectedReport(question: string, kb: KnowledgeBase, authority: string, selection: string): Answer {
  const other = kb.byAuthority.get(authority);
  if (!other?.length || !selection) return noReport(question, kb, authority, null);
  const years = other.map((r) => `${r.inspection.framework}, ${whenText(r)}`).join("; ");
  return answer(question, "unknown", false, `The corpus has no report ${selection} of ${authority} (a report may mention one, but its grades are not read from a mention). The reports on ${authority} are: ${years}.`);
}

/** The answer when the question names no authority the bot recognises. */
export function unknownAuthority(question: string, kb: KnowledgeBase, name: string | null): Answer {
  const lead = name ? `I don't recognise "${name}" as an English local authority with children's services.` : "Which council do you mean? I couldn't find an authority's name in the question.";
  const suggestions = kb.authorities().slice(0, 3).map((a) => `${a} overall effectiveness`);
  return answer(question, "unknown", false, `${lead} ${coverage(kb)}`, [], [], { suggestions, ...(name ? { notUnderstood: [name] } : {}) });
}
