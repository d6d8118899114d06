/**
 * Actions and the daily digest → Adaptive Cards: each action as a Container (its words,
 * due date, citation) with a Done or Reopen button (Action.Submit in an ActionSet, which
 * Teams renders on desktop, web and mobile). Cards stay under Teams' size limit: actions
 * that do not fit are counted in a note.
 */
import { ActivityTypes, type Activity } from "botbuilder";
import { formatCitation, formatDue, formatStateAndOwner, renderActionsReplyText } from "../../src/actions/render.js";
import type { ActionView, ActionsReply } from "../../src/actions/types.js";
import { digestTitle, groupCounts, inspectionHeading, renderDigestText } from "../../src/digest/render.js";
import type { Digest } from "../../src/digest/types.js";
import { adaptiveCard, escapeMarkdown, textBlock, type CardElement } from "./card.js";
import { MAX_REPLY_BYTES, replyBytes } from "./render.js";

/** What a card button sends back (Action.Submit data → activity.value). */
export interface ActionSubmit {
  verb: "actions.done" | "actions.reopen";
  id: string;
}

/** Reads a card button's value; null when the value is not one of ours. */
export function readActionSubmit(value: unknown): ActionSubmit | null {
  const v = value as Partial<ActionSubmit> | null | undefined;
  if (!v || typeof v !== "object" || typeof v.id !== "string" || !v.id) return null;
  return v.verb === "actions.done" || v.verb === "actions.reopen" ? { verb: v.verb, id: v.id } : null;
}

/** More than this many actions in one card is a wall nobody reads; the note points to narrower lists. */
const MAX_ACTIONS = 40;

/** One action: words, due date (red when overdue), citation, and its button. */
export function actionContainer(v: ActionView, opts: { authority: boolean }): CardElement {
  const who = opts.authority ? `${v.authority}: ` : "";
  const submit: ActionSubmit = { verb: v.status === "done" ? "actions.reopen" : "actions.done", id: v.id };
  return {
    type: "Container",
    separator: true,
    items: [
      textBlock(escapeMarkdown(`${v.ref}  ${who}${v.text.replace(/\s+/g, " ").trim()}`)),
      textBlock(escapeMarkdown(formatDue(v) + formatStateAndOwner(v)), { spacing: "None", size: "Small", ...(v.overdue ? { color: "Attention", weight: "Bolder" } : { isSubtle: true }) }),
      textBlock(escapeMarkdown(formatCitation(v.citation)), { spacing: "None", size: "Small", isSubtle: true }),
      { type: "ActionSet", actions: [{ type: "Action.Submit", title: submit.verb === "actions.done" ? "Done" : "Reopen", data: submit }] },
    ],
  };
}

/** Builds the card with as many of `items` as fit, and a note for the rest. */
function fitCard(head: CardElement[], items: { element: CardElement; counts: boolean }[], more: string, summary: string, fallback: string): Partial<Activity> {
  let shown = Math.min(items.length, MAX_ACTIONS + items.filter((i) => !i.counts).length);
  for (;;) {
    const left = items.slice(shown).filter((i) => i.counts).length;
    const note = left ? [textBlock(`…${left} more action${left === 1 ? "" : "s"} not shown: ${more}`, { isSubtle: true, size: "Small", separator: true })] : [];
    const activity: Partial<Activity> = {
      type: ActivityTypes.Message,
      summary,
      attachments: [adaptiveCard([...head, ...items.slice(0, shown).map((i) => i.element), ...note], [], fallback.slice(0, 1500))],
    };
    if (shown === 0 || replyBytes(activity) <= MAX_REPLY_BYTES) return activity;
    shown = Math.floor(shown * 0.8);
  }
}

/** A reply to an actions message or button. */
export function renderActionsCard(r: ActionsReply): Partial<Activity> {
  const head = [textBlock(escapeMarkdown(r.text), r.ok ? {} : { color: "Warning" })];
  if (r.error?.hint) head.push(textBlock(escapeMarkdown(r.error.hint), { isSubtle: true, spacing: "None" }));
  const items = r.actions.map((v) => ({ element: actionContainer(v, { authority: true }), counts: true }));
  return fitCard(head, items, "narrow the list with actions <authority> or actions overdue.", r.text.slice(0, 150), renderActionsReplyText(r));
}

/** The daily digest: title, summary, then each authority's actions, overdue first. */
export function renderDigestCard(d: Digest): Partial<Activity> {
  const title = digestTitle(d);
  const head = [textBlock(title, { weight: "Bolder", size: "Medium" }), textBlock(escapeMarkdown(d.summary), { spacing: "None" })];
  const items: { element: CardElement; counts: boolean }[] = [];
  if (d.summarised) {
    // Counts only, one line per authority and its inspection, then how to see the actions.
    // Whole lines up to a size that leaves the card room; the rest counted.
    const lines: string[] = [];
    let size = 0;
    for (const g of d.groups) {
      const line = escapeMarkdown(`${g.authority}: ${groupCounts(g)} · ${g.inspections.map(inspectionHeading).join("; ")}`);
      if (size + line.length > 10_000) break;
      lines.push(line);
      size += line.length + 2;
    }
    const rest = d.groups.length - lines.length;
    if (rest) lines.push(`… and ${rest} more authorit${rest === 1 ? "y" : "ies"}.`);
    items.push({ element: textBlock(lines.join("\n\n"), { spacing: "Medium" }), counts: false });
    if (d.more) items.push({ element: textBlock(escapeMarkdown(d.more), { isSubtle: true }), counts: false });
  }
  for (const g of d.summarised ? [] : d.groups) {
    items.push({ element: textBlock(escapeMarkdown(`${g.authority}: ${groupCounts(g)}`), { weight: "Bolder", spacing: "Large" }), counts: false });
    for (const v of g.actions) items.push({ element: actionContainer(v, { authority: false }), counts: true });
  }
  return fitCard(head, items, "type actions to list them all.", `${title}: ${d.summary}`.slice(0, 150), renderDigestText(d));
}
