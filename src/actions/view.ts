/** Turns stored records into what people see: short ids, overdue flags, a useful order. */
import { shortId } from "../store/rows.js";
import type { ActionRecord } from "../store/types.js";
import { daysBetween, howLongAgo } from "./dates.js";
import type { ActionView } from "./types.js";

/** The view of one record as of `today` (ISO date in the digest time zone). */
export function toView(r: ActionRecord, today: string): ActionView {
  // An archived action (gone from the corpus, or superseded by a later inspection) is no longer chased.
  const late = r.due !== null && r.status !== "done" && !r.archived ? daysBetween(r.due, today) : 0;
  // Everything the record says but when it was last touched, plus what people need to see.
  const { updatedAt: _updatedAt, ...record } = r;
  const publishedAgo = r.published ? howLongAgo(r.published, today) : null;
  const inspectedAgo = r.inspected ? howLongAgo(r.inspected, today) : null;
  return { ...record, ref: shortId(r.id), publishedAgo, inspectedAgo, overdue: late > 0, daysOverdue: Math.max(0, late) };
}

/**
 * Most pressing first: overdue (longest overdue first), then by due date, then undated;
 * ties by authority and text so the order is stable between runs and backends.
 */
export function byUrgency(a: ActionView, b: ActionView): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  if (a.daysOverdue !== b.daysOverdue) return b.daysOverdue - a.daysOverdue;
  if (a.due !== b.due) {
    if (a.due === null) return 1;
    if (b.due === null) return -1;
    return a.due < b.due ? -1 : 1;
  }
  return cmp(a.authority, b.authority) || cmp(a.citation.file, b.citation.file) || a.citation.line - b.citation.line || cmp(a.id, b.id);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Where an action stands for `list --all`: superseded or archived before its own status, which those keep underneath. */
export type ListedStatus = ActionView["status"] | "superseded" | "archived";

/** The status `list --all` reports: "superseded" (see `supersededBy`), "archived" (gone from the corpus), else the action's own. */
export function listedStatus(v: ActionView): ListedStatus {
  if (v.supersededBy) return "superseded";
  return v.archived ? "archived" : v.status;
}
