/**
 * The maintainers' report: what people asked that the bot could not answer (grouped by
 * wording, most asked first), the words it most often did not understand, and the 👎
 * answers with their question and comment. Pure: built from the rows the store lists.
 */
import type { Citation } from "../types.js";
import type { FeedbackVote, UnansweredQuestion } from "../store/feedbackTypes.js";

/** Questions of one wording that went unanswered. */
export interface UnansweredGroup {
  /** The latest wording as asked. */
  question: string;
  count: number;
  /** ISO timestamp of the latest time it was asked. */
  lastAsked: string;
  /** The latest answer's reason. */
  reason: string;
  /** Every word the answers said they did not understand, most frequent first. */
  notUnderstood: string[];
}

/** A 👎 with what the person said was wrong. */
export interface NegativeFeedback {
  question: string;
  comment: string | null;
  kind: string;
  answered: boolean;
  citations: Citation[];
  platform: "slack" | "teams";
  votedAt: string;
}

/** The report, as `npm run feedback -- --json` prints it. */
export interface FeedbackReport {
  unanswered: UnansweredGroup[];
  negative: NegativeFeedback[];
  /** How many 👍. */
  positive: number;
}

/** Groups and counts the rows (of the period the caller listed). */
export function buildFeedbackReport(questions: readonly UnansweredQuestion[], votes: readonly FeedbackVote[]): FeedbackReport {
  const groups = new Map<string, { rows: UnansweredQuestion[]; words: Map<string, number> }>();
  for (const q of questions) {
    const g = groups.get(q.wording) ?? { rows: [], words: new Map<string, number>() };
    g.rows.push(q);
    for (const w of q.notUnderstood) g.words.set(w, (g.words.get(w) ?? 0) + 1);
    groups.set(q.wording, g);
  }
  const unanswered = [...groups.values()].map(({ rows, words }) => {
    const last = rows.reduce((a, b) => (b.askedAt >= a.askedAt ? b : a));
    return { question: last.question, count: rows.length, lastAsked: last.askedAt, reason: last.reason, notUnderstood: byCount(words) };
  });
  unanswered.sort((a, b) => b.count - a.count || b.lastAsked.localeCompare(a.lastAsked));
  const negative = votes
    .filter((v) => v.vote === "down")
    .map((v) => ({ question: v.question, comment: v.comment, kind: v.kind, answered: v.answered, citations: v.citations, platform: v.platform, votedAt: v.votedAt }))
    .sort((a, b) => b.votedAt.localeCompare(a.votedAt));
  return { unanswered, negative, positive: votes.filter((v) => v.vote === "up").length };
}

/** The words most often not understood across the report, each counted once per question asked. */
export function topNotUnderstood(report: FeedbackReport, max = 10): { word: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const g of report.unanswered) {
    for (const w of g.notUnderstood) counts.set(w.toLowerCase(), (counts.get(w.toLowerCase()) ?? 0) + g.count);
  }
  return byCount(counts)
    .slice(0, max)
    .map((word) => ({ word, count: counts.get(word)! }));
}

function byCount(m: Map<string, number>): string[] {
  return [...m.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([w]) => w);
}

/** What the report covers, for its heading. */
export interface ReportScope {
  /** Start of the period, or null for everything kept. */
  since: Date | null;
  /** QUESTION_LOG_DAYS. */
  keepDays: number;
}

/** Plain text (terminal, and the body of the chat replies; adapters escape it). At most `maxItems` per list. */
export function renderFeedbackText(report: FeedbackReport, scope: ReportScope, maxItems = 20): string {
  if (scope.keepDays === 0) {
    return "No questions or feedback are kept (QUESTION_LOG_DAYS is 0), so there is nothing to report.";
  }
  const period = scope.since ? `since ${scope.since.toISOString().slice(0, 16).replace("T", " ")} UTC` : `in the last ${scope.keepDays} days (all that is kept)`;
  const asked = report.unanswered.reduce((n, g) => n + g.count, 0);
  const lines = [`Feedback ${period}: ${asked} unanswered question${asked === 1 ? "" : "s"}, ${report.negative.length} 👎, ${report.positive} 👍.`];
  if (report.unanswered.length) {
    lines.push("", "Not answered (most asked first):");
    for (const g of report.unanswered.slice(0, maxItems)) {
      lines.push(`- ${g.count}× "${oneLine(g.question)}" (last ${g.lastAsked.slice(0, 10)}): ${oneLine(g.reason)}`);
    }
    more(lines, report.unanswered.length, maxItems);
  }
  const words = topNotUnderstood(report);
  if (words.length) lines.push("", `Words most often not understood: ${words.map((w) => `${w.word} (${w.count})`).join(", ")}`);
  if (report.negative.length) {
    lines.push("", "👎 answers (latest first):");
    for (const n of report.negative.slice(0, maxItems)) {
      const cite = n.citations[0] ? `, citing ${n.citations[0].file} line ${n.citations[0].line}` : "";
      lines.push(`- "${oneLine(n.question)}" (${n.kind}${n.answered ? "" : ", not answered"}${cite}, ${n.platform} ${n.votedAt.slice(0, 10)})${n.comment ? `: ${oneLine(n.comment)}` : ""}`);
    }
    more(lines, report.negative.length, maxItems);
  }
  return lines.join("\n");
}

function more(lines: string[], total: number, shown: number): void {
  if (total > shown) lines.push(`  … and ${total - shown} more (npm run feedback -- --json has them all)`);
}

function oneLine(s: string): string {
  const t = s.replace(/\s+/g, " ").trim();
  return t.length > 200 ? `${t.slice(0, 199)}…` : t;
}
