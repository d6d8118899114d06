/**
 * "Which reports mention private fostering?", "which councils were told to improve
 * return home interviews?": every report that fits the question's places, framework and
 * inspections is searched for the words; each council is listed once, with the lines
 * that say them. Never a grade table.
 */
import type { Answer, Citation, Report } from "../types.js";
import type { KnowledgeBase } from "../index/knowledgeBase.js";
import type { Query } from "./parse.js";
import { answer, coverage } from "./format.js";
import { describeQuery, type Applied } from "./interpret.js";
import { inspectionWords } from "./judgementAnswers.js";
import { selectReports } from "./select.js";

/** At most this many cited lines per council: enough to check, not a transcript. */
const LINES_PER_COUNCIL = 2;

function escape(w: string): string {
  return w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The words as a phrase ("private fostering"), each allowing a plural or possessive ending. */
function phrasePattern(words: string[]): RegExp {
  return new RegExp(`\\b${words.map((w) => `${escape(w.replace(/s$/, ""))}(s|es|['’]s|s['’])?`).join("[\\s\\W]+")}\\b`, "i");
}

/** Where a report says the words: its actions (for "told to") or all its passages. */
function places(r: Report, q: Query): { text: string; citation: Citation }[] {
  if (q.mentionsIn === "actions") return r.actions.map((a) => ({ text: a.text, citation: a.citation }));
  return r.passages.map((p) => ({ text: p.text, citation: { file: p.file, line: p.line, lineEnd: p.lineEnd, quote: p.text } }));
}

/** The sentence of a passage that holds the phrase, for the quote. */
function sentenceWith(text: string, re: RegExp): string {
  const s = text.split(/(?<=[.!?])\s+(?=["'(]?[A-Z])/).find((x) => re.test(x)) ?? text;
  return s.replace(/\s+/g, " ").trim().slice(0, 400);
}

/** Lists each council whose reports say the topic words, with the cited lines. */
export function mentionsAnswer(q: Query, kb: KnowledgeBase, done: Applied): Answer {
  const words = q.topic.filter((w) => w.length > 1);
  if (!words.length) return answer(q.text, "mentions", false, `What should the reports mention? Name the words to look for. ${coverage(kb)}`);
  done.slots.add("topic");
  const reports = selectReports(kb, q, done);
  const phrase = phrasePattern(q.topicPhrase.length ? q.topicPhrase : words);
  // The phrase first; failing that, every word in one passage (said so in the answer).
  const everyWord = words.map((w) => new RegExp(`\\b${escape(w.replace(/s$/, ""))}`, "i"));
  let loose = false;
  const hitsBy = (test: (t: string) => boolean) => {
    const out = new Map<string, { r: Report; cites: Citation[] }[]>();
    for (const r of reports) {
      const cites = places(r, q).filter((p) => test(p.text)).map((p) => p.citation);
      if (!cites.length) continue;
      const list = out.get(r.inspection.authority) ?? [];
      list.push({ r, cites });
      out.set(r.inspection.authority, list);
    }
    return out;
  };
  let by = hitsBy((t) => phrase.test(t));
  if (!by.size && words.length > 1) {
    by = hitsBy((t) => everyWord.every((re) => re.test(t)));
    loose = true;
  }
  const what = describeQuery(q, done, kb.lex);
  const where = q.mentionsIn === "actions" ? "recommendations and areas for improvement" : "reports";
  if (!by.size) {
    const n = new Set(reports.map((r) => r.inspection.authority)).size;
    return answer(q.text, "mentions", false, `None of the ${where} of the ${n} authorit${n === 1 ? "y" : "ies"} that fit mention "${words.join(" ")}" (${what}).`);
  }
  const lines: string[] = [];
  const cites: Citation[] = [];
  const quoteRe = loose ? everyWord[0] : phrase;
  for (const [authority, found] of [...by].sort((a, b) => a[0].localeCompare(b[0]))) {
    const shown = found.flatMap((f) => f.cites.map((c) => ({ r: f.r, c }))).slice(0, LINES_PER_COUNCIL);
    const total = found.reduce((n, f) => n + f.cites.length, 0);
    const parts = shown.map(({ r, c }) => {
      const quote = sentenceWith(c.quote, quoteRe);
      cites.push({ ...c, quote });
      return `"${quote}" (${inspectionWords(r)}, ${c.file} line ${c.line})`;
    });
    lines.push(`- ${authority}: ${parts.join(" … ")}${total > shown.length ? ` (and ${total - shown.length} more)` : ""}`);
  }
  const head = `${what}${loose ? ` (the words "${words.join('", "')}" in one passage; no report has them as a phrase)` : ""}: ${by.size} council${by.size === 1 ? "" : "s"}.`;
  return answer(q.text, q.intent === "count" ? "count" : "mentions", true, `${head}\n${lines.join("\n")}`, [], cites);
}
