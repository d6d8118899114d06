/**
 * Answer → Teams reply: an Adaptive Card with the answer, the judgements as a FactSet,
 * and the sources with the report's own words; a plain-text fallback for clients that
 * cannot show cards. Keeps within Teams' limits: at most 10 citations a message, and a
 * reply over MAX_REPLY_BYTES is shortened (text, facts, quotes, sources) with a note.
 */
import { citationFileLines, citationTitle } from "../../src/render/citation.js";
import { ActivityTypes, type Activity } from "botbuilder";
import type { Answer, AnswerJudgement, Citation } from "../../src/types.js";
import { renderText } from "../../src/render/text.js";
import { adaptiveCard, escapeMarkdown, factSet, sayAction, textBlock, textLines, type CardElement } from "./card.js";

/** Teams shows at most 10 citations in a message (platform guidance); more are counted, not shown. */
export const MAX_CITATIONS = 10;

/** Teams refuses messages over about 100 KB including its own envelope; stay well under. */
export const MAX_REPLY_BYTES = 80_000;

/** The note on a reply that had to be shortened. */
export const TRIMMED_NOTE =
  "This answer was shortened to fit Teams' message size limit. Ask a narrower question, or open the report for the rest.";

/** How much of each part of the answer a rendering may show. */
interface Limits {
  textChars: number;
  facts: number;
  citations: number;
  quoteChars: number;
}

/** Options for renderAnswer. */
export interface RenderOptions {
  /** Largest reply, in bytes of activity JSON (default MAX_REPLY_BYTES). */
  maxBytes?: number;
}

/** Renders an answer as a message activity holding one Adaptive Card. */
export function renderAnswer(answer: Answer, opts: RenderOptions = {}): Partial<Activity> {
  const maxBytes = opts.maxBytes ?? MAX_REPLY_BYTES;
  let limits: Limits = {
    textChars: answer.text.length,
    facts: answer.judgements.length,
    citations: Math.min(MAX_CITATIONS, answer.citations.length),
    quoteChars: 600,
  };
  let reply = buildReply(answer, limits, false);
  // Shrinking every part by the same factor keeps the shape of the answer (some text,
  // some grades, some sources) rather than dropping whole sections; it ends, at worst,
  // at an almost empty card, far under any limit.
  for (let i = 0; i < 60 && replyBytes(reply) > maxBytes; i++) {
    const shrink = (n: number) => Math.floor(n * 0.7);
    limits = {
      textChars: shrink(limits.textChars),
      facts: shrink(limits.facts),
      citations: shrink(limits.citations),
      quoteChars: shrink(limits.quoteChars),
    };
    reply = buildReply(answer, limits, true);
  }
  return reply;
}

/** Size of an activity as Teams counts it: UTF-8 bytes of its JSON. */
export function replyBytes(activity: Partial<Activity>): number {
  return Buffer.byteLength(JSON.stringify(activity), "utf8");
}

function buildReply(answer: Answer, limits: Limits, trimmed: boolean): Partial<Activity> {
  const body: CardElement[] = [];
  // A table or list answer restates its judgements one a line: the FactSet shows them,
  // so only the headline line is kept as text.
  const onlyHeadline = (answer.kind === "table" || answer.kind === "list") && answer.judgements.length > 0;
  const text = onlyHeadline ? answer.text.split("\n")[0] : answer.text;
  body.push(...textLines(shorten(text, limits.textChars), answer.answered ? {} : { color: "Warning" }));
  // What the bot understood, in subtle small text under the answer.
  if (answer.interpretation) body.push(textBlock(escapeMarkdown(`Understood as: ${answer.interpretation}`), { isSubtle: true, size: "Small", spacing: "Small" }));
  if (answer.judgements.length) body.push(...judgementFacts(answer.judgements, limits.facts));
  if (answer.citations.length) body.push(...sources(answer.citations, limits));
  if (trimmed) body.push(textBlock(TRIMMED_NOTE, { color: "Attention", isSubtle: true, size: "Small", separator: true }));
  const actions = (answer.suggestions ?? []).slice(0, 3).map((s) => sayAction(s, s));
  const plain = renderText(answer, MAX_CITATIONS);
  const short = shorten(plain, Math.min(1500, Math.max(200, limits.textChars)));
  const fallback = trimmed ? `${short}\n\n${TRIMMED_NOTE}` : short;
  return {
    type: ActivityTypes.Message,
    // No `text`: Teams would print it above the card, saying everything twice. The
    // summary is what notifications and the activity feed show; fallbackText (in the
    // card) is what a client that cannot render cards shows.
    summary: shorten(answer.text.split("\n")[0], 150),
    attachments: [adaptiveCard(body, actions, fallback)],
  };
}

/** The judgements as title: grade rows; the authority is left out when there is only one. */
function judgementFacts(js: AnswerJudgement[], max: number): CardElement[] {
  const oneAuthority = new Set(js.map((j) => j.authority)).size === 1;
  const facts = js.slice(0, max).map((j) => ({
    title: [oneAuthority ? null : j.authority, j.service, j.area].filter(Boolean).join(" · "),
    value: j.grade,
  }));
  const out: CardElement[] = facts.length ? [factSet(facts)] : [];
  if (js.length > facts.length) out.push(textBlock(`…and ${js.length - facts.length} more judgements not shown.`, { isSubtle: true, size: "Small" }));
  return out;
}

/** "Sources", then each citation: where (file, lines) and the quoted words. */
function sources(cs: Citation[], limits: Limits): CardElement[] {
  const shown = cs.slice(0, Math.min(MAX_CITATIONS, limits.citations));
  const out: CardElement[] = [];
  if (shown.length) {
    out.push(textBlock("Sources", { weight: "Bolder", separator: true, spacing: "Medium" }));
    for (const c of shown) out.push(citationBlock(c, limits.quoteChars));
  }
  if (cs.length > shown.length) {
    out.push(textBlock(`…and ${cs.length - shown.length} more source${cs.length - shown.length === 1 ? "" : "s"} not shown.`, { isSubtle: true, size: "Small" }));
  }
  return out;
}

function citationBlock(c: Citation, quoteChars: number): CardElement {
  const quote = shorten(c.quote.replace(/\s+/g, " ").trim(), quoteChars);
  const title = citationTitle(c);
  // The report as people know it first (a link to the published report when the corpus has
  // one), the file and lines second: "Halton, inspection of February 2011, p. 4 · 002_….pdf, line 65".
  const named = title ? (c.url && !/[()\s]/.test(c.url) ? `[${escapeMarkdown(title)}](${c.url})` : escapeMarkdown(title)) : null;
  const place = named ? `${named} · ${escapeMarkdown(citationFileLines(c))}` : escapeMarkdown(citationFileLines(c));
  return {
    type: "Container",
    spacing: "Small",
    items: [
      textBlock(place, { isSubtle: true, size: "Small" }),
      ...(quote ? textLines(`“${quote}”`, { spacing: "None" }) : []),
    ],
  };
}

/** Cuts text to `max` characters, at a line end when one is near, marking the cut with "…". */
function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return "";
  const cut = text.slice(0, max - 1);
  const nl = cut.lastIndexOf("\n");
  return `${nl > max / 2 ? cut.slice(0, nl) : cut.trimEnd()}…`;
}
