/**
 * Answer → Slack message: Block Kit (the answer, the judgements as fields, the citations
 * with the report's words in context blocks) and a plain `text` fallback. Slack's limits
 * are kept: at most 50 blocks, 3,000 characters a section, 10 fields a section, 10
 * elements a context block; what does not fit is split or trimmed with a note.
 */
import type { Answer, Citation } from "../../src/types.js";
import { citationFileLines, citationPlace, citationTitle } from "../../src/render/citation.js";
import { clip, escapeSlack } from "./escape.js";

/** A Block Kit block (kept loose: Slack's own types are much wider than what is built here). */
export type Block = Record<string, unknown>;

/** A message ready for chat.postMessage or respond(). */
export interface SlackMessage {
  text: string;
  blocks: Block[];
}

/** Slack's limits, and ours: 20 sources are plenty to check an answer, more is noise. */
export const LIMITS = { blocks: 50, sectionText: 3000, fields: 10, fieldText: 2000, contextElements: 10, contextText: 2000, fallbackText: 3000, citations: 20 } as const;

/** Splits text into pieces of at most `max` characters, at line breaks where possible. */
export function splitText(text: string, max: number): string[] {
  const out: string[] = [];
  let rest = text;
  while (rest.length > max) {
    let cut = rest.lastIndexOf("\n", max);
    if (cut < max / 2) cut = rest.lastIndexOf(" ", max);
    if (cut < max / 2) cut = max;
    out.push(rest.slice(0, cut));
    rest = rest.slice(cut).replace(/^\n/, "");
  }
  if (rest) out.push(rest);
  return out;
}

/** Button action ids for a suggested question: `ask_suggestion:<n>`, the question in the value. */
export const SUGGESTION_ACTION = /^ask_suggestion:/;

/** "Did you mean …?" questions as buttons (at most 3) that ask them. */
function suggestionBlocks(a: Answer): Block[] {
  const qs = (a.suggestions ?? []).slice(0, 3);
  if (!qs.length) return [];
  return [
    {
      type: "actions",
      elements: qs.map((q, i) => ({ type: "button", action_id: `ask_suggestion:${i}`, text: { type: "plain_text", text: q.slice(0, 75) }, value: q.slice(0, 2000) })),
    },
  ];
}

/** The citation as people know the report, linked to the published report when the corpus says where it is. */
function where(c: Citation): string {
  const title = citationTitle(c);
  const fileLines = escapeSlack(citationFileLines(c));
  if (!title) return fileLines;
  // Slack link syntax <url|label>: the label is escaped; a URL with | or > is not linked.
  const label = c.url && !/[|<>\s]/.test(c.url) ? `<${c.url}|${escapeSlack(title)}>` : escapeSlack(title);
  return `${label} · ${fileLines}`;
}

/**
 * Renders an answer. `extra` blocks (e.g. a Share button) are kept within the limits too.
 * Everything from the user or a report is escaped.
 */
export function renderAnswer(a: Answer, extra: Block[] = []): SlackMessage {
  // Judgements and sources are what make an answer checkable: they get their blocks
  // first; the text takes the room left and is trimmed with a note when it overflows.
  const judgementBlocks: Block[] = [];
  if (a.judgements.length && a.judgements.length <= 40) {
    for (let i = 0; i < a.judgements.length; i += LIMITS.fields) {
      const fields = a.judgements.slice(i, i + LIMITS.fields).map((j) => ({
        type: "mrkdwn",
        text: clip(`*${escapeSlack([j.authority, j.service, j.area].filter(Boolean).join(" · "))}*\n${escapeSlack(j.grade)}`, LIMITS.fieldText),
      }));
      judgementBlocks.push({ type: "section", fields });
    }
  }
  const cites = a.citations.slice(0, LIMITS.citations);
  const citationBlocks: Block[] = [];
  for (let i = 0; i < cites.length; i += LIMITS.contextElements) {
    const elements = cites.slice(i, i + LIMITS.contextElements).map((c) => ({
      type: "mrkdwn",
      text: clip(`:page_facing_up: ${where(c)}: “${escapeSlack(c.quote.replace(/\s+/g, " ").trim())}”`, LIMITS.contextText),
    }));
    citationBlocks.push({ type: "context", elements });
  }
  // Escaping can lengthen text (& → &amp;), so split after escaping.
  const pieces = splitText(escapeSlack(a.text), LIMITS.sectionText);
  const suggestions = suggestionBlocks(a);
  const room = LIMITS.blocks - extra.length - suggestions.length - judgementBlocks.length - citationBlocks.length - 2; // a note and the interpretation
  const textBlocks: Block[] = pieces.slice(0, Math.max(1, room)).map((piece) => ({ type: "section", text: { type: "mrkdwn", text: piece } }));
  const notes: string[] = [];
  const trimmed = pieces.length - textBlocks.length;
  if (trimmed) notes.push(`${trimmed} more part${trimmed === 1 ? "" : "s"} of the answer not shown`);
  if (a.citations.length > cites.length) notes.push(`${a.citations.length - cites.length} more source${a.citations.length - cites.length === 1 ? "" : "s"} not shown`);
  const noteBlocks: Block[] = notes.length
    ? [{ type: "context", elements: [{ type: "mrkdwn", text: `_… ${notes.join("; ")}: ask a narrower question, or use the command line for everything._` }] }]
    : [];
  // What the bot understood, in small print under the answer.
  const interpretationBlocks: Block[] = a.interpretation
    ? [{ type: "context", elements: [{ type: "mrkdwn", text: clip(`Understood as: ${escapeSlack(a.interpretation)}`, LIMITS.contextText) }] }]
    : [];
  const blocks = [...textBlocks, ...interpretationBlocks, ...judgementBlocks, ...citationBlocks, ...noteBlocks, ...suggestions, ...extra];
  const firstCite = cites[0] ? ` (${escapeSlack(citationPlace(cites[0]))})` : "";
  return { text: clip(escapeSlack(a.text) + firstCite, LIMITS.fallbackText), blocks };
}
