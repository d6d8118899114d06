/**
 * Free-text answers from the best passages, the grade scale, and help.
 */
import type { Answer, Citation } from "../types.js";
import type { KnowledgeBase } from "../index/knowledgeBase.js";
import type { Query } from "./parse.js";
import { answer, coverage, whenText } from "./format.js";
import { applied, type Applied } from "./interpret.js";
import { pickReport, selectReports } from "./select.js";

/** The sentences of a passage that hold the matched terms (at most two, for the quote). */
function bestSentences(text: string, terms: string[]): string {
  const sentences = text.split(/(?<=[.!?])\s+(?=["'(]?[A-Z])/);
  const scored = sentences.map((s, i) => ({ s, i, n: terms.filter((t) => s.toLowerCase().includes(t)).length })).filter((x) => x.n > 0);
  if (!scored.length) return text.slice(0, 400);
  const top = scored.sort((a, b) => b.n - a.n || a.i - b.i).slice(0, 2).sort((a, b) => a.i - b.i);
  return top.map((x) => x.s).join(" … ").slice(0, 600);
}

/** Answers from the passages that best match the question's content words. */
export function searchAnswer(q: Query, kb: KnowledgeBase, authority: string | null, done: Applied = applied()): Answer {
  const terms = [...new Set(q.searchTerms)];
  if (!terms.length) return answer(q.text, "search", false, `What would you like to know${authority ? ` about ${authority}` : ""}? Try a judgement area, a grade or a topic. ${coverage(kb)}`);
  const r = authority ? pickReport(kb, authority, q, done) : null;
  if (authority) done.slots.add("authorities");
  // A hit must carry at least half of the question's words: one common word is not an answer.
  const need = Math.max(1, Math.ceil(terms.length / 2));
  const good = kb.search(terms.join(" "), authority, r?.file, 3, need);
  if (!good.length) {
    return answer(q.text, "search", false, `I couldn't find anything about "${terms.join(" ")}" in ${authority ? `the ${authority} report` : "the reports"}. ${coverage(kb)}`);
  }
  const lines: string[] = [];
  const cites: Citation[] = [];
  for (const h of good.slice(0, 2)) {
    const quote = bestSentences(h.passage.text, h.terms);
    lines.push(`${h.passage.authority ?? h.passage.file} report (${h.passage.file}, line ${h.passage.line}): "${quote}"`);
    cites.push({ file: h.passage.file, line: h.passage.line, lineEnd: h.passage.lineEnd, quote, ...(h.passage.page ? { page: h.passage.page } : {}) });
  }
  return answer(q.text, "search", true, lines.join("\n"), [], cites);
}

/** What a grade means: in the reports' own words where they define it, else the curated scale. */
export function scaleAnswer(q: Query, kb: KnowledgeBase): Answer {
  const keys = q.grades;
  const fromReports = kb.reports.flatMap((r) => r.scale);
  const lines: string[] = [];
  const cites: Citation[] = [];
  for (const scale of kb.lex.vocab.scales) {
    for (const g of scale.grades) {
      const wanted = (q.gradeNumber !== null && g.number === q.gradeNumber) || keys.some((k) => kb.lex.gradeName(k, scale.framework) === g.grade);
      if (!wanted) continue;
      const stated = scale.framework === "SLAC" ? fromReports.find((s) => s.grade.toLowerCase().startsWith(g.grade.toLowerCase() + " ")) : undefined;
      if (stated) {
        lines.push(`${stated.grade}, ${kb.lex.vocab.frameworks.find((f) => f.id === scale.framework)?.name}: ${stated.meaning}`);
        cites.push(stated.citation);
      } else lines.push(`${g.grade} (Grade ${g.number}), ${kb.lex.vocab.frameworks.find((f) => f.id === scale.framework)?.name}: ${g.meaning}`);
    }
  }
  if (!lines.length) {
    const all = kb.lex.vocab.scales.map((s) => `${s.framework}: ${s.grades.map((g) => `${g.number} ${g.grade}`).join(", ")}`).join("\n");
    return answer(q.text, "scale", true, `Ofsted's grade scales:\n${all}`);
  }
  return answer(q.text, "scale", true, lines.join("\n"), [], cites);
}

/** Which councils the corpus has reports on, each with its inspections, latest first. */
export function coverageAnswer(q: Query, kb: KnowledgeBase, done: Applied = applied()): Answer {
  // "Which London boroughs do you have reports for?": the place and framework slots narrow it.
  const names = [...new Set(selectReports(kb, q, done).map((r) => r.inspection.authority))];
  done.when = undefined;
  if (!kb.authorities().length) return answer(q.text, "help", false, "The corpus holds no reports yet: add .txt or .md reports to the corpus folder.");
  if (!names.length) return answer(q.text, "help", false, `No report in the corpus fits that. ${coverage(kb)}`);
  const lines = names.map((a) => `- ${a}: ${(kb.byAuthority.get(a) ?? []).map((r) => `${r.inspection.frameworkName}, ${whenText(r)}`).join("; ")}`);
  const reports = names.reduce((n, a) => n + (kb.byAuthority.get(a)?.length ?? 0), 0);
  // A chat message is no place for a thousand lines: the first 60, and how many more.
  const shown = lines.length > 60 ? [...lines.slice(0, 60), `…and ${lines.length - 60} more authorities.`] : lines;
  return answer(q.text, "help", true, `${reports} report${reports === 1 ? "" : "s"} on ${names.length} authorit${names.length === 1 ? "y" : "ies"}:\n${shown.join("\n")}`);
}

/** What the bot can do, with examples drawn from the corpus. */
export function helpAnswer(q: Query, kb: KnowledgeBase): Answer {
  const a = kb.authorities()[0] ?? "Halton";
  const b = kb.authorities()[1] ?? "Derby";
  const text = [
    "I answer questions about Ofsted inspections of children's services from the councils' own reports, quoting the report and citing file and lines.",
    "Try:",
    `- What was ${a}'s overall effectiveness grade?`,
    `- ${a} judgements (the whole table)`,
    `- Compare ${a} and ${b} on leadership`,
    "- Which councils were outstanding for leadership and management?",
    `- What did Ofsted recommend for ${a}?`,
    `- How many case files did inspectors look at in ${b}?`,
    "- What does Grade 3 mean?",
    coverage(kb),
  ].join("\n");
  return answer(q.text, "help", true, text);
}
