/**
 * ask(question) → Answer: parses the question into a Query, picks the handler for its
 * intent and the authority it names, and finishes the answer with its interpretation
 * (saying what it could not apply). Never throws for a question it cannot answer: it
 * says so, with answered: false, and names what it does know.
 */
import type { Answer } from "../types.js";
import type { KnowledgeBase } from "../index/knowledgeBase.js";
import { parseQuestion, type Query } from "./parse.js";
import { actionAnswer } from "./actionAnswers.js";
import { factAnswer } from "./factAnswers.js";
import { compareAnswer, listAnswer, lookupAnswer, matchingJudgements } from "./judgementAnswers.js";
import { coverageAnswer, helpAnswer, scaleAnswer, searchAnswer } from "./otherAnswers.js";
import { mentionsAnswer } from "./mentionAnswers.js";
import { changeAnswer } from "./changeAnswers.js";
import { ambiguousAnswer, ambiguousChoices, takenNote } from "./ambiguous.js";
import { answer, coverage, noReport, uniqueCitations, unknownAuthority } from "./format.js";
import { splitQuestion } from "./split.js";
import { applied, describeQuery, finish, type Applied } from "./interpret.js";
import { pickReport, selectReports } from "./select.js";

/** Answers one question from the knowledge base (each part of a question that asks several things). */
export function ask(question: string, kb: KnowledgeBase): Answer {
  const text = question.trim().slice(0, 2000);
  const parts = splitQuestion(text);
  if (parts.length > 1) return askParts(text, parts, kb);
  return askOne(text, kb);
}

/**
 * Answers each part; a part that names no council is about the one another part names
 * ("Halton's overall grade and when was it published"), read as such, not rewritten. The
 * parts' answers are joined; one that could not be answered says so in its place.
 */
function askParts(text: string, parts: string[], kb: KnowledgeBase): Answer {
  const parsed = parts.map((p) => parseQuestion(p, kb.lex, (w) => kb.knowsWord(w)));
  const councils = [...new Set(parsed.flatMap((q) => q.authorities))];
  // A shared name ("Kingston") and no council named: the whole question is asked back, choices and all.
  if (!councils.length && parsed.some((q) => q.ambiguous)) return askOne(text, kb);
  const answers = parts.map((p, i) => askOne(p, kb, councils.length === 1 && !parsed[i].authorities.length ? councils : []));
  const answered = answers.filter((a) => a.answered);
  const lead = answered[0] ?? answers[0];
  return {
    ...lead,
    question: text,
    answered: answered.length > 0,
    text: answers.map((a) => a.text).join("\n\n"),
    judgements: answered.flatMap((a) => a.judgements),
    citations: uniqueCitations(answered.flatMap((a) => a.citations)),
    actions: answered.some((a) => a.actions) ? answered.flatMap((a) => a.actions ?? []) : undefined,
    suggestions: answers.flatMap((a) => a.suggestions ?? []).slice(0, 3),
    interpretation: answers.map((a) => a.interpretation).join("; then: "),
  };
}

/** One question; `carried` are the councils another part of the question names. */
function askOne(text: string, kb: KnowledgeBase, carried: string[] = []): Answer {
  const q = parseQuestion(text, kb.lex, (w) => kb.knowsWord(w), carried);
  const done = applied();
  const a = route(q, kb, done);
  return finish(q, a, done, kb.lex);
}

/** Picks the handler; each records in `done` the slots it applied. */
function route(q: Query, kb: KnowledgeBase, done: Applied): Answer {
  const text = q.text;
  const withReport = q.authorities.filter((a) => kb.byAuthority.has(a));
  const missing = q.authorities.filter((a) => !kb.byAuthority.has(a));
  if (q.ambiguous) {
    // "Kingston": ask which, unless one choice is left once councils that no longer exist (with no report) are set aside.
    const choices = ambiguousChoices(q, kb);
    if (choices.length !== 1) {
      done.finished = true;
      return ambiguousAnswer(q, kb, choices);
    }
    const a = route({ ...q, authorities: choices, ambiguous: null }, kb, done);
    return { ...a, text: `${takenNote(q, kb, choices[0])}\n${a.text}` };
  }
  switch (q.intent) {
    case "help":
      return helpAnswer(q, kb);
    case "coverage":
      return coverageAnswer(q, kb, done);
    case "scale":
      done.slots.add("grade");
      return scaleAnswer(q, kb);
    case "list":
    case "count":
      if (!q.authorities.length) return listAnswer(q, kb, done);
      break;
    case "mentions":
      return mentionsAnswer(q, kb, done);
    case "change":
      if (q.authorities.length > 1) return answer(text, "change", false, "I can follow one council's grades across its inspections at a time, or list the councils that improved or declined: ask about one council, or without naming any.");
      if (q.authorities.length === 1 && !withReport.length) return noReport(text, kb, q.authorities[0], null);
      return changeAnswer(q, kb, withReport[0] ?? null, done);
    case "compare":
      // "Compare the London boroughs on adoption", "compare all the London boroughs": the authorities of that place, type or framework.
      if (!q.authorities.length && (q.region || q.councilType)) {
        const names = [...new Set(selectReports(kb, q, done, false).map((r) => r.inspection.authority))];
        done.when = undefined;
        if (names.length) return compareAnswer({ ...q, authorities: names }, kb, done);
        return answer(text, "compare", false, `The corpus has no report on ${describeQuery(q, done, kb.lex).split(" side by side")[0]}. ${coverage(kb)}`);
      }
      // "Compare all the councils on overall effectiveness": every authority with a report.
      if (q.everyCouncil) return compareAnswer({ ...q, authorities: kb.authorities() }, kb, done);
      if (q.authorities.length < 2) {
        // "Compare Sunderland's 2015 and 2025 inspections": one council's inspections side by side.
        if (q.authorities.length === 1 && withReport.length && (q.inspections.kind === "years" || q.inspections.kind === "all") && (kb.byAuthority.get(withReport[0])?.length ?? 0) > 1) return changeAnswer(q, kb, withReport[0], done);
        if (q.authorities.length === 1) return withReport.length ? lookupAnswer(q, kb, withReport[0], done) : noReport(text, kb, q.authorities[0], q.year);
        return answer(text, "compare", false, `Which authorities should I compare? Name two or more. ${coverage(kb)}`);
      }
      return compareAnswer(q, kb, done);
    default:
      break;
  }
  if (!q.authorities.length) {
    // A judgement area beside a word no report uses ("northumbria overall effectiveness")
    // is a place the bot does not know, not a topic to search every report for.
    if (q.areas.length && q.unknownName) return unknownAuthority(text, kb, q.unknownName);
    const stray = q.areas.length ? q.rest.find((w) => w.length > 3 && !kb.knowsWord(w)) : undefined;
    if (stray) return unknownAuthority(text, kb, q.unknownName ?? q.tokens.find((t) => t.norm === stray)?.raw ?? stray);
    if (q.wantsGrade || q.intent === "lookup" || q.intent === "facts" || q.intent === "actions") return unknownAuthority(text, kb, q.unknownName);
    // A capitalised word may be a topic ("Early Help") rather than a place: look first.
    const found = searchAnswer(q, kb, null, done);
    return found.answered || !q.unknownName ? found : unknownAuthority(text, kb, q.unknownName);
  }
  if (!withReport.length) return noReport(text, kb, missing[0], q.year);
  const authority = withReport[0];
  // "Hackney in London": a place that fits the council named is applied by naming it; one that does not is said not to apply.
  const info = kb.lex.authorityInfo(authority);
  if (q.region && info?.region && q.region.regions.includes(info.region)) done.slots.add("region");
  if (q.councilType && info?.type === q.councilType) done.slots.add("councilType");
  // An unannounced inspection, a monitoring or focused visit is not the inspection whose
  // dates and grades the bot holds: what the report says of it is in its words.
  if (q.otherVisit) return searchAnswer(q, kb, authority, done);
  switch (q.intent) {
    case "facts":
      return factAnswer(q, kb, authority, done);
    case "actions":
      return actionAnswer(q, kb, authority, done);
    case "lookup":
    case "list":
    case "count":
      // "Essex's grades at every inspection": the inspections side by side.
      // "Sutton's overall effectiveness in 2017 and 2022": those two inspections side by side.
      if ((q.inspections.kind === "all" || q.inspections.kind === "years") && (kb.byAuthority.get(authority)?.length ?? 0) > 1) return changeAnswer(q, kb, authority, done);
      return lookupAnswer(q, kb, authority, done);
    default: {
      // An authority and nothing else ("Derby", "How did Oxfordshire do?") → its table; an
      // area its report grades ("what did Ofsted say about Warrington's LSCB review?") → the
      // grade; anything else is looked for in its report's words.
      if (!q.rest.length && !q.areas.length) return lookupAnswer(q, kb, authority, done);
      const report = pickReport(kb, authority, q);
      if (report && q.areas.length && matchingJudgements(q, report).length) return lookupAnswer(q, kb, authority, done);
      return searchAnswer(q, kb, authority, done);
    }
  }
}
