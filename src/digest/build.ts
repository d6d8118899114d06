/** Builds the digest for one day from the store: what is not done, grouped, most pressing first. */
import type { ActionView } from "../actions/types.js";
import { byUrgency, toView } from "../actions/view.js";
import type { Store } from "../store/types.js";
import type { Digest, DigestGroup } from "./types.js";

/**
 * The digest as of `date` (ISO day in DIGEST_TZ): open and in-progress actions, archived
 * ones left out, grouped by authority.
 */
export async function buildDigest(store: Store, date: string): Promise<Digest> {
  const records = await store.listActions({ status: ["open", "in-progress"] });
  const byAuthority = new Map<string, ActionView[]>();
  for (const r of records) {
    const list = byAuthority.get(r.authority) ?? [];
    list.push(toView(r, date));
    byAuthority.set(r.authority, list);
  }
  const groups: DigestGroup[] = [...byAuthority].map(([authority, actions]) => ({
    authority,
    actions: actions.sort(byUrgency),
    overdueCount: actions.filter((a) => a.overdue).length,
  }));
  // Authorities with something overdue lead, the longest-overdue first; then by name.
  groups.sort((a, b) => {
    const lateA = a.actions[0]?.daysOverdue ?? 0;
    const lateB = b.actions[0]?.daysOverdue ?? 0;
    if ((a.overdueCount > 0) !== (b.overdueCount > 0)) return a.overdueCount > 0 ? -1 : 1;
    if (lateA !== lateB) return lateB - lateA;
    return a.authority < b.authority ? -1 : a.authority > b.authority ? 1 : 0;
  });
  const openCount = records.length;
  const overdueCount = groups.reduce((n, g) => n + g.overdueCount, 0);
  return { date, summary: summarise(openCount, overdueCount, groups.length, date), openCount, overdueCount, groups };
}

function summarise(open: number, overdue: number, authorities: number, date: string): string {
  if (open === 0) return `No open inspection actions as of ${date}: nothing to chase today.`;
  const across = authorities === 1 ? "for 1 authority" : `across ${authorities} authorities`;
  return `${open} open action${open === 1 ? "" : "s"} ${across}, ${overdue} overdue (as of ${date}).`;
}
