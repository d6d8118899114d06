/**
 * ask(question) → Answer: parses the question, picks the handler for its kind and the
 * authority it names. Never throws for a question it cannot answer: it says so, with
 * answered: false, and names what it does know.
 */
import type { Answer } from "../types.js";
import type { KnowledgeBase } from "../index/knowledgeBase.js";
import { parseQuestion } from "./parse.js";
import { actionAnswer } from "./actionAnswers.js";
import { factAnswer } from "./factAnswers.js";
import { compareAnswer, listAnswer, lookupAnswer, matchingJudgements } from "./judgementAnswers.js";
import { coverageAnswer, helpAnswer, scaleAnswer, searchAnswer } from "./otherAnswers.js";
import { ambiguousAuthority, answer, coverage, noReport, unknownAuthority } from "./format.js";

/** Answers one question from the knowledge base. */
export function ask(question: string, kb: KnowledgeBase): Answer {
  const text = question.trim().slice(0, 2000);
  const q = parseQuestion(text, kb.lex, (w) => kb.knowsWord(w));
  const withReport = q.authorities.filter((a) => kb.byAuthority.has(a));
  const missing = q.authorities.filter((a) => !kb.byAuthority.has(a));
  switch (q.intent) {
    case "help":
      return helpAnswer(q, kb);
    case "coverage":
      return coverageAnswer(q, kb);
    case "scale":
      return scaleAnswer(q, kb);
    case "list":
      return listAnswer(q, kb);
    case "compare":
      // "Compare all the councils on overall effectiveness": every authority with a report.
      if (q.authorities.length < 2 && /\b(all|every|each)\b/i.test(text)) return compareAnswer({ ...q, authorities: kb.authorities() }, kb);
      if (q.authorities.length < 2) {
        if (q.authorities.length === 1) return withReport.length ? lookupAnswer(q, kb, withReport[0]) : noReport(text, kb, q.authorities[0], q.year);
        return answer(text, "compare", false, `Which authorities should I compare? Name two or more. ${coverage(kb)}`);
      }
      return compareAnswer(q, kb);
    default:
      break;
  }
  if (!q.authorities.length) {
    if (q.ambiguous) {
      // "Kingston" with reports on only one of the Kingstons: answer for it, saying so.
      const withReports = q.ambiguous.authorities.filter((a) => kb.byAuthority.has(a));
      if (withReports.length !== 1) return ambiguousAuthority(text, kb, q.ambiguous.word, q.ambiguous.authorities);
      const named = text.replace(new RegExp(`\\b${q.ambiguous.word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`, "i"), withReports[0]);
      const a = ask(named, kb);
      return { ...a, question: text, text: `Taking "${q.ambiguous.word}" as ${withReports[0]}, the only one of ${q.ambiguous.authorities.join(" and ")} with a report here.\n${a.text}` };
    }
    // A judgement area beside a word no report uses ("northumbria overall effectiveness")
    // is a place the bot does not know, not a topic to search every report for.
    if (q.areas.length && q.unknownName) return unknownAuthority(text, kb, q.unknownName);
    const stray = q.areas.length ? q.rest.find((w) => w.length > 3 && !kb.knowsWord(w)) : undefined;
    if (stray) return unknownAuthority(text, kb, q.unknownName ?? q.tokens.find((t) => t.norm === stray)?.raw ?? stray);
    if (q.wantsGrade || q.intent === "lookup" || q.intent === "facts" || q.intent === "actions") return unknownAuthority(text, kb, q.unknownName);
    // A capitalised word may be a topic ("Early Help") rather than a place: look first.
    const found = searchAnswer(q, kb, null);
    return found.answered || !q.unknownName ? found : unknownAuthority(text, kb, q.unknownName);
  }
  if (!withReport.length) return noReport(text, kb, missing[0], q.year);
  const authority = withReport[0];
  // An unannounced inspection, a monitoring or focused visit is not the inspection whose
  // dates and grades the bot holds: what the report says of it is in its words.
  if (/\b(unannounced|monitoring visits?|focused visits?)\b/i.test(text)) return searchAnswer(q, kb, authority);
  switch (q.intent) {
    case "facts":
      return factAnswer(q, kb, authority);
    case "actions":
      return actionAnswer(q, kb, authority);
    case "lookup":
      return lookupAnswer(q, kb, authority);
    default: {
      // An authority and nothing else ("Derby", "How did Oxfordshire do?") → its table; an
      // area its report grades ("what did Ofsted say about Warrington's LSCB review?") → the
      // grade; anything else is looked for in its report's words.
      if (!q.rest.length && !q.areas.length) return lookupAnswer(q, kb, authority);
      const report = kb.reportFor(authority, q.year);
      if (report && q.areas.length && matchingJudgements(q, report).length) return lookupAnswer(q, kb, authority);
      return searchAnswer(q, kb, authority);
    }
  }
}
