/**
 * Current inspections only: an authority's actions are those of its latest inspection in
 * the corpus. The actions of an earlier inspection are superseded by the later one (the
 * store archives them, keeps their status and history, and brings them back if the later
 * report leaves the corpus).
 */
import type { Action, FrameworkId, Inspection } from "../types.js";
import { foldPhrase } from "../text/words.js";

/** The inspection that replaced an action's own, as `list --all` shows it. */
export interface SupersededBy {
  inspectionId: string;
  framework: FrameworkId;
  /** ISO dates as the later report states them (null when it does not). */
  start: string | null;
  published: string | null;
  /** The later report, as citations name it. */
  file: string;
}

/**
 * Two documents less than this far apart are taken for one inspection: the report and the
 * council's paper about it a few weeks later, which carry the same actions. Inspections of
 * one authority's children's services are years apart.
 */
const SAME_INSPECTION_DAYS = 183;

/** When an inspection happened, as far as its report says: its start, else its publication or report date. */
function whenOf(i: Inspection): string | null {
  return i.start ?? i.published ?? i.reportDate;
}

function daysApart(a: string, b: string): number {
  return Math.abs(Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / 86_400_000;
}

/**
 * For each action of an inspection that a later inspection of the same authority in the
 * same list replaces, the later inspection (by action id). Actions whose report gives no
 * date are never superseded: what cannot be ordered is not guessed at.
 */
export function supersessions(actions: readonly Action[]): Map<string, SupersededBy> {
  const latest = new Map<string, Inspection>();
  for (const a of actions) {
    const when = whenOf(a.inspection);
    if (!when) continue;
    const key = foldPhrase(a.authority);
    const best = latest.get(key);
    if (!best || when > whenOf(best)!) latest.set(key, a.inspection);
  }
  const out = new Map<string, SupersededBy>();
  for (const a of actions) {
    const when = whenOf(a.inspection);
    const last = latest.get(foldPhrase(a.authority));
    if (!when || !last) continue;
    const lastWhen = whenOf(last)!;
    if (lastWhen <= when || daysApart(lastWhen, when) < SAME_INSPECTION_DAYS) continue;
    out.set(a.id, { inspectionId: last.id, framework: last.framework, start: last.start, published: last.published, file: last.file });
  }
  return out;
}
