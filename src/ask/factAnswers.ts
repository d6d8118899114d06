/**
 * Answers about the inspection itself: when it took place, when the report was published,
 * when the council met, and counts of inspection activity ("how many case files").
 */
import type { Answer, Citation, Fact } from "../types.js";
import type { KnowledgeBase } from "../index/knowledgeBase.js";
import { formatDate, formatRange } from "../text/dates.js";
import type { GradeKey } from "../knowledge/lexicon.js";
import type { Query } from "./parse.js";
import { countedPhrase, singular, type FactSlot } from "./detailSlots.js";
import { countsWhatWasAsked } from "./countMatch.js";
import { answer, noSelectedReport, whenText } from "./format.js";
import { applied, type Applied } from "./interpret.js";
import { pickReport, selectionWords } from "./select.js";

/** Words a count of judgements says its grade with, by grade key. */
const GRADE_SAID: Record<GradeKey, string> = { outstanding: "outstanding", good: "good", adequate: "adequate", ri: "requires? improvement", inadequate: "inadequate" };

function bestFacts(q: Query, slot: Extract<FactSlot, { kind: "count" }>, facts: Fact[]): Fact[] {
  const want = slot.counted;
  if (!want.length) return [];
  // "How many authorities were judged outstanding?": the count must be of the outstanding ones.
  const gradeWords = q.grades.length ? GRADE_SAID[q.grades[0]] : null;
  if (gradeWords) {
    const countOfGrade = new RegExp(`\\b\\d+\\s+(\\(\\d+%\\)\\s+)?(\\w+\\s+){0,3}(were|was)?\\s*(judged|rated)?\\s*(as\\s+)?(to be\\s+)?'?(${gradeWords})`, "i");
    facts = facts.filter((f) => countOfGrade.test(f.citation.quote));
  }
  // The counted phrase as asked, read the way a report's is: up to its first plural noun
  // ("case files did they look at" → case, file; "inspectors took part" → inspector).
  const asked = slot.phrase;
  const context = new Set(q.rest.map(singular));
  // The question's other words ("adopted", "in care", "did inspectors speak to"), whichever slot
  // read them (an area, a service): each must be said of the count.
  const qualifiers = [...new Set(q.searchTerms.filter((w) => !/^\d+$/.test(w) && !asked.includes(singular(w)) && !["how", "many", "number"].includes(w)))];
  const scored = facts
    .map((f) => {
      const noun = countedPhrase(f.noun);
      // The head word asked about must be what the number counts.
      // (Checked first: most facts fail it, and the sentence need not be read for them.)
      if (!noun.includes(want[0])) return { f, score: 0 };
      const hits = want.filter((w) => noun.includes(w)).length;
      // The whole phrase asked about must be what is counted: "case files" is not "one case viewed".
      if (!asked.every((w) => noun.includes(w))) return { f, score: 0 };
      if (!countsWhatWasAsked(f.citation.quote, f.count, noun, asked[asked.length - 1] ?? want[0], qualifiers)) return { f, score: 0 };
      const ctx = f.citation.quote.toLowerCase().split(/[^a-z]+/).map(singular).filter((w) => context.has(w)).length;
      // The counted word right after the number, as typed ("inspectors", not "inspector"), ranks first.
      const exact = f.noun.split(" ")[0] === slot.typed ? 5 : 0;
      return { f, score: hits * 10 + ctx + exact };
    })
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score);
  if (!scored.length) return [];
  return scored.filter((x) => x.score === scored[0].score).map((x) => x.f);
}

/** Answers a facts question about one authority's inspection. */
export function factAnswer(q: Query, kb: KnowledgeBase, authority: string, done: Applied = applied()): Answer {
  const r = pickReport(kb, authority, q, done);
  if (!r) return noSelectedReport(q.text, kb, authority, selectionWords(q));
  done.slots.add("authorities");
  const i = r.inspection;
  const fact = q.fact ?? { kind: "dates" };
  if (fact.kind === "count") {
    const facts = bestFacts(q, fact, r.facts);
    if (!facts.length) return answer(q.text, "facts", false, `The ${authority} report (${whenText(r)}) doesn't state that number.`);
    const text = facts.map((f) => `${authority}: ${f.count.toLocaleString("en-GB")}, as the report says: "${f.citation.quote}"`).join("\n");
    return answer(q.text, "facts", true, text, [], facts.map((f) => f.citation));
  }
  if (fact.kind === "next") {
    // The reports record inspections that happened; none says when the next will be.
    return answer(q.text, "facts", false, `The reports say when Ofsted inspected ${authority}, not when it will inspect again (the latest inspection in the corpus: ${whenText(r)}).`);
  }
  if (fact.kind === "lead") {
    // Only the report's own line naming its lead: never a name from prose or another inspection.
    if (!r.lead) return answer(q.text, "facts", false, `The ${authority} report (${whenText(r)}) does not name its lead inspector that I could read.`);
    return answer(q.text, "facts", true, `The ${authority} inspection (${whenText(r)}) was led by ${r.lead.name}, as the report says: "${r.lead.citation.quote}"`, [], [r.lead.citation]);
  }
  const cites: Citation[] = [];
  const lines: string[] = [];
  if (fact.kind === "published") {
    if (i.published) {
      lines.push(`The Ofsted report on ${authority} was published on ${formatDate(i.published)}.`);
      if (i.citations.published) cites.push(i.citations.published);
    } else lines.push(`The ${authority} report does not say when Ofsted's report was published.`);
  } else if (fact.kind === "reportDate") {
    if (i.reportDate) {
      lines.push(`The ${authority} council report is dated ${formatDate(i.reportDate)}.`);
      if (i.citations.reportDate) cites.push(i.citations.reportDate);
    } else lines.push(`The ${authority} report is not dated.`);
  } else {
    if (i.start || i.end) {
      lines.push(`Ofsted inspected ${authority} from ${formatRange(i.start, i.end)}.`);
      if (i.citations.start) cites.push(i.citations.start);
      if (i.published) {
        lines.push(`The report was published on ${formatDate(i.published)}.`);
        if (i.citations.published) cites.push(i.citations.published);
      }
    } else lines.push(`The ${authority} report does not give the inspection dates.${i.reportDate ? ` It is a council report of ${formatDate(i.reportDate)}.` : ""}`);
  }
  // A council report's own date is not when the inspection happened: say so, unanswered.
  const answered = cites.length > 0;
  return answer(q.text, "facts", answered, lines.join(" "), [], cites);
}
