/** Plain-text rendering of actions, shared by the CLI, the digest text and adapters' fallbacks. */
import type { Citation } from "../types.js";
import { BOARD } from "../extract/actions.js";
import type { ActionChange } from "../store/types.js";
import type { ActionView, ActionsReply } from "./types.js";

/** `file, line 12` or `file, lines 12-14`. */
export function formatCitation(c: Citation): string {
  return c.lineEnd > c.line ? `${c.file}, lines ${c.line}-${c.lineEnd}` : `${c.file}, line ${c.line}`;
}

/**
 * When it is due, in words: "overdue by 3 days (due 2011-05-06)", "due 2011-08-06". An
 * action without a stated timescale (ILACS sets none) gets no invented due date: it says
 * when its report was published and how long ago ("no due date set; report published
 * 2024-07-12, 1 year 4 months ago").
 */
export function formatDue(v: ActionView): string {
  if (v.due === null) {
    const set = v.timescale ? `no due date (${v.timescale})` : "no due date set";
    const when = sinceInspection(v);
    return when ? `${set}; ${when}` : set;
  }
  if (v.overdue) return `overdue by ${v.daysOverdue} day${v.daysOverdue === 1 ? "" : "s"} (due ${v.due})`;
  return `due ${v.due}`;
}

/** "report published 2024-07-12, 1 year 4 months ago", else "inspected 2024-05-13, 2 years ago", else null. */
export function sinceInspection(v: Pick<ActionView, "published" | "publishedAgo" | "inspected" | "inspectedAgo">): string | null {
  if (v.published) return `report published ${v.published}, ${v.publishedAgo}`;
  return v.inspected ? `inspected ${v.inspected}, ${v.inspectedAgo}` : null;
}

/** What chat shows after an action's due date: " · in-progress · owner Pat" (nothing for an open, unowned one). */
export function formatStateAndOwner(v: ActionView): string {
  return `${v.status === "open" ? "" : ` · ${v.status}`}${v.owner ? ` · owner ${v.owner}` : ""}`;
}

/**
 * One action on one line (plus its citation on the next), no markup. `since: false` leaves
 * out when an undated action's report was published (the digest says it once per inspection).
 */
export function formatActionLine(v: ActionView, opts: { authority?: boolean; since?: boolean } = {}): string {
  const status = (v.status === "open" ? "" : ` [${v.status}]`) + archivedNote(v);
  const owner = v.owner ? ` (owner: ${v.owner})` : "";
  const who = opts.authority ? `${v.authority}: ` : "";
  // The board's actions are the board's to act on, not the council's: say so.
  const board = v.service === BOARD ? `${BOARD}: ` : "";
  const due = opts.since === false && v.due === null ? (v.timescale ? `no due date (${v.timescale})` : "no due date set") : formatDue(v);
  return `- ${v.ref}  ${who}${board}${v.text} - ${due}${status}${owner}\n    ${formatCitation(v.citation)}`;
}

/** " [superseded by the ILACS inspection published 2024-07-12]", " [archived]", or nothing for a current action. */
export function archivedNote(v: ActionView): string {
  const by = v.supersededBy;
  if (by) return ` [superseded by the ${by.framework === "unknown" ? "later" : by.framework} inspection ${by.published ? `published ${by.published}` : by.start ? `of ${by.start}` : `in ${by.file}`}]`;
  return v.archived ? " [archived]" : "";
}

/** A whole chat reply as plain text: the headline, then the actions. */
export function renderActionsReplyText(r: ActionsReply): string {
  const lines = [r.text];
  for (const v of r.actions) lines.push(formatActionLine(v, { authority: true }));
  if (r.error?.hint) lines.push(r.error.hint);
  return lines.join("\n");
}

/** One history row: "2024-05-01T09:12:00.000Z  Ann (U1)  status: open -> done". */
export function formatChange(c: ActionChange): string {
  return `${c.at}  ${c.by}  ${c.field}: ${c.from ?? "(none)"} -> ${c.to ?? "(none)"}`;
}
