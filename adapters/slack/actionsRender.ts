/**
 * Actions and the daily digest → Slack messages: one section per action (text, due date,
 * citation) with a Done or Reopen button as its accessory, so a list of 40 actions still
 * fits Slack's 50 blocks. What does not fit is counted in a note, never dropped silently.
 */
import { formatCitation, formatDue, formatStateAndOwner } from "../../src/actions/render.js";
import type { ActionView, ActionsReply } from "../../src/actions/types.js";
import { digestTitle, groupCounts, inspectionHeading } from "../../src/digest/render.js";
import type { Digest } from "../../src/digest/types.js";
import { clip, escapeSlack } from "./escape.js";
import { LIMITS, type Block, type SlackMessage } from "./render.js";

/** Button action ids: `action_done:<ref>`; the suffix keeps ids unique within a message. */
export const ACTION_BUTTON = /^action_(done|reopen):/;

/** The button an action gets: Done while it is open or in progress, Reopen once done. */
function button(v: ActionView): Block {
  const verb = v.status === "done" ? "reopen" : "done";
  return {
    type: "button",
    action_id: `action_${verb}:${v.ref}`,
    text: { type: "plain_text", text: verb === "done" ? "Done" : "Reopen" },
    value: v.id,
    ...(verb === "done" ? { style: "primary" } : {}),
  };
}

/** One action as one section block (with its button when `buttons`). */
export function actionBlock(v: ActionView, opts: { authority: boolean; buttons: boolean }): Block {
  const who = opts.authority ? `${escapeSlack(v.authority)}: ` : "";
  const due = v.overdue ? `*${formatDue(v)}*` : formatDue(v);
  const text =
    `\`${v.ref}\` ${who}${escapeSlack(clip(v.text.replace(/\s+/g, " ").trim(), 2000))}\n` +
    `${escapeSlack(due + formatStateAndOwner(v))}\n:page_facing_up: ${escapeSlack(formatCitation(v.citation))}`;
  return { type: "section", text: { type: "mrkdwn", text: clip(text, LIMITS.sectionText) }, ...(opts.buttons ? { accessory: button(v) } : {}) };
}

/** Fills blocks up to Slack's limit, ending with a note when some had to be left out. */
function fit(head: Block[], items: { block: Block; counts: boolean }[], more: string): Block[] {
  const blocks = [...head];
  const room = LIMITS.blocks - head.length - 1; // one for the note
  const shown = items.length <= room + 1 ? items : items.slice(0, room);
  // An authority's heading with none of its actions under it says nothing: leave it for the note.
  while (shown.length < items.length && shown.length && !shown[shown.length - 1].counts) shown.pop();
  blocks.push(...shown.map((i) => i.block));
  const left = items.slice(shown.length).filter((i) => i.counts).length;
  if (left) blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: `_… ${left} more action${left === 1 ? "" : "s"} not shown: ${more}_` }] });
  return blocks;
}

/** A reply to `/actions …` (or a button): the headline, then the actions with buttons. */
export function renderActionsReply(r: ActionsReply): SlackMessage {
  const lines = [escapeSlack(r.text)];
  if (r.error?.hint) lines.push(`_${escapeSlack(r.error.hint)}_`);
  const head: Block[] = [{ type: "section", text: { type: "mrkdwn", text: clip(lines.join("\n"), LIMITS.sectionText) } }];
  const items = r.actions.map((v) => ({ block: actionBlock(v, { authority: true, buttons: true }), counts: true }));
  // The fallback text is mrkdwn too (notifications): escaped like the blocks.
  return { text: clip(escapeSlack(r.text), LIMITS.fallbackText), blocks: fit(head, items, "narrow the list with /actions &lt;authority&gt; or /actions overdue.") };
}

/** The daily digest: a header, the summary, then each authority's actions, overdue first. */
export function renderDigest(d: Digest): SlackMessage {
  const head: Block[] = [
    { type: "header", text: { type: "plain_text", text: digestTitle(d) } },
    { type: "section", text: { type: "mrkdwn", text: escapeSlack(d.summary) } },
  ];
  if (d.summarised) return { text: clip(escapeSlack(`${digestTitle(d)}: ${d.summary}`), LIMITS.fallbackText), blocks: [...head, ...summaryBlocks(d)] };
  const items: { block: Block; counts: boolean }[] = [];
  for (const g of d.groups) {
    items.push({ block: { type: "context", elements: [{ type: "mrkdwn", text: `*${escapeSlack(g.authority)}*: ${groupCounts(g)}` }] }, counts: false });
    for (const v of g.actions) items.push({ block: actionBlock(v, { authority: false, buttons: true }), counts: true });
  }
  return { text: clip(escapeSlack(`${digestTitle(d)}: ${d.summary}`), LIMITS.fallbackText), blocks: fit(head, items, "/actions lists them all.") };
}

/** A summarised digest: one line per authority and inspection with its counts, in as few sections as fit, then how to see the actions. */
function summaryBlocks(d: Digest): Block[] {
  const lines = d.groups.map((g) => `*${escapeSlack(g.authority)}*: ${groupCounts(g)} · ${g.inspections.map((i) => escapeSlack(inspectionHeading(i))).join("; ")}`);
  const blocks: Block[] = [];
  let chunk: string[] = [];
  const room = LIMITS.blocks - 4;
  for (const line of lines) {
    if (chunk.length && [...chunk, line].join("\n").length > LIMITS.sectionText - 100) {
      blocks.push({ type: "section", text: { type: "mrkdwn", text: chunk.join("\n") } });
      chunk = [];
    }
    chunk.push(clip(line, LIMITS.sectionText - 100));
  }
  if (chunk.length) blocks.push({ type: "section", text: { type: "mrkdwn", text: chunk.join("\n") } });
  const kept = blocks.slice(0, room);
  if (d.more) kept.push({ type: "context", elements: [{ type: "mrkdwn", text: `_${escapeSlack(d.more)}_` }] });
  return kept;
}
