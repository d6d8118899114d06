/** Builds the digest for one day from the store: what is not done, by authority and inspection, most pressing first. */
import type { ActionView } from "../actions/types.js";
import { byUrgency, toView } from "../actions/view.js";
import type { Store } from "../store/types.js";
import type { Digest, DigestGroup, DigestInspection } from "./types.js";

/** More open actions than this and the digest gives counts only, with a way to see them (it would not fit on a screen). */
export const DIGEST_MAX_ACTIONS = 30;

/** What a digest is limited to. */
export interface DigestScope {
  /** Canonical authority names (any case); empty or absent = all. */
  authorities?: readonly string[];
  /** Summarise above this many open actions (default DIGEST_MAX_ACTIONS). */
  maxActions?: number;
}

/**
 * The digest as of `date` (ISO day in DIGEST_TZ): open and in-progress actions of current
 * inspections (archived and superseded ones left out), grouped by authority and inspection,
 * of the authorities in `scope` (all by default). A long one is summarised with counts.
 */
export async function buildDigest(store: Store, date: string, scope: DigestScope = {}): Promise<Digest> {
  const wanted = new Set((scope.authorities ?? []).map((a) => a.toLowerCase()));
  const records = (await store.listActions({ status: ["open", "in-progress"] })).filter((r) => wanted.size === 0 || wanted.has(r.authority.toLowerCase()));
  const byAuthority = new Map<string, ActionView[]>();
  for (const r of records) {
    const list = byAuthority.get(r.authority) ?? [];
    list.push(toView(r, date));
    byAuthority.set(r.authority, list);
  }
  const summarised = records.length > (scope.maxActions ?? DIGEST_MAX_ACTIONS);
  const mostOverdue = new Map<string, number>();
  const groups: DigestGroup[] = [...byAuthority].map(([authority, all]) => {
    const actions = all.sort(byUrgency);
    mostOverdue.set(authority, actions[0]?.daysOverdue ?? 0);
    const overdueCount = actions.filter((a) => a.overdue).length;
    return { authority, actions: summarised ? [] : actions, openCount: actions.length, overdueCount, inspections: byInspection(actions, summarised) };
  });
  // Authorities with something overdue lead, the longest-overdue first; then by name.
  groups.sort((a, b) => {
    if ((a.overdueCount > 0) !== (b.overdueCount > 0)) return a.overdueCount > 0 ? -1 : 1;
    const late = mostOverdue.get(b.authority)! - mostOverdue.get(a.authority)!;
    if (late !== 0) return late;
    return a.authority < b.authority ? -1 : a.authority > b.authority ? 1 : 0;
  });
  const openCount = records.length;
  const overdueCount = groups.reduce((n, g) => n + g.overdueCount, 0);
  const more = summarised ? "To see an authority's actions: actions <authority> in chat (e.g. actions Halton), or npm run actions -- list --authority <authority>. To get a shorter digest: actions subscribe <authorities> [HH:MM]." : null;
  return { date, summary: summarise(openCount, overdueCount, groups.length, date), openCount, overdueCount, groups, scope: [...(scope.authorities ?? [])], summarised, more };
}

/** One authority's actions by inspection, latest report first. */
function byInspection(actions: ActionView[], summarised: boolean): DigestInspection[] {
  const out = new Map<string, DigestInspection>();
  for (const a of actions) {
    let i = out.get(a.inspectionId);
    if (!i) {
      i = { inspectionId: a.inspectionId, title: a.citation.source ?? `${a.authority} (${a.citation.file})`, published: a.published, publishedAgo: a.publishedAgo, inspected: a.inspected, inspectedAgo: a.inspectedAgo, openCount: 0, overdueCount: 0, actions: [] };
      out.set(a.inspectionId, i);
    }
    i.openCount++;
    if (a.overdue) i.overdueCount++;
    if (!summarised) i.actions.push(a);
  }
  return [...out.values()].sort((a, b) => (b.inspected ?? b.published ?? "").localeCompare(a.inspected ?? a.published ?? ""));
}

function summarise(open: number, overdue: number, authorities: number, date: string): string {
  if (open === 0) return `No open inspection actions as of ${date}: nothing to chase today.`;
  const across = authorities === 1 ? "for 1 authority" : `across ${authorities} authorities`;
  return `${open} open action${open === 1 ? "" : "s"} ${across}, ${overdue} overdue (as of ${date}).`;
}
