/**
 * What both backends share: how an extracted Action becomes a row, how a row becomes an
 * ActionRecord, the short id people type in chat, and the plan a corpus sync carries out.
 * Keeping this here means SQLite and PostgreSQL cannot drift apart on meaning, only on SQL.
 */
import { createHash } from "node:crypto";
import type { Action, Citation } from "../types.js";
import { actionKey, legacyActionId } from "../extract/actionId.js";
import { supersessions, type SupersededBy } from "../actions/supersede.js";
import type { ActionChange, ActionRecord, ActionStatus, SyncResult } from "./types.js";

/** Who archive/unarchive changes are recorded as. */
export const CORPUS_ACTOR = "corpus";

/**
 * The short, typeable id shown in chat: the first 8 characters of the stable id when it is
 * already a hex hash (as the extractor makes them), so what people see in JSON and in chat
 * agree; otherwise 8 hex characters of a hash of it, which keeps it fixed-length,
 * lower-case and well spread whatever shape an id takes (slugs share long prefixes).
 */
export function shortId(id: string): string {
  if (/^[0-9a-f]{8,}$/i.test(id)) return id.slice(0, 8).toLowerCase();
  return createHash("sha256").update(id).digest("hex").slice(0, 8);
}

/** The columns a sync writes: everything extracted, nothing workflow. */
export interface ActionContent {
  id: string;
  shortId: string;
  authority: string;
  inspectionId: string;
  published: string | null;
  /** The day the inspection started (ISO), when its report states it. */
  inspected: string | null;
  service: string | null;
  kind: Action["kind"];
  text: string;
  timescale: string | null;
  due: string | null;
  /** Citation as JSON text (stored as text in SQLite, jsonb in PostgreSQL). */
  citation: string;
  /** The later inspection that replaced this action's (SupersededBy as JSON text), or null while current. */
  supersededBy: string | null;
}

/** An action row as both backends read it (snake_case columns mapped by each backend). */
export interface ActionRow extends ActionContent {
  status: ActionStatus;
  owner: string | null;
  archived: boolean;
  updatedAt: string;
}

/** The content columns of an extracted action (and the later inspection replacing its own, if any). */
export function toContent(a: Action, supersededBy: SupersededBy | null = null): ActionContent {
  return {
    id: a.id,
    shortId: shortId(a.id),
    authority: a.authority,
    inspectionId: a.inspection.id,
    published: a.inspection.published,
    inspected: a.inspection.start,
    service: a.service,
    kind: a.kind,
    text: a.text,
    timescale: a.timescale,
    due: a.due,
    citation: JSON.stringify(a.citation),
    supersededBy: supersededBy ? JSON.stringify(supersededBy) : null,
  };
}

/** Compares content so a sync only rewrites rows whose extraction really changed. */
export function sameContent(a: ActionContent, b: ActionContent): boolean {
  return (
    a.shortId === b.shortId &&
    a.authority === b.authority &&
    a.inspectionId === b.inspectionId &&
    a.published === b.published &&
    a.inspected === b.inspected &&
    a.service === b.service &&
    a.kind === b.kind &&
    a.text === b.text &&
    a.timescale === b.timescale &&
    a.due === b.due &&
    (a.supersededBy === null) === (b.supersededBy === null) &&
    (a.supersededBy === null || canonicalJson(JSON.parse(a.supersededBy)) === canonicalJson(JSON.parse(b.supersededBy!))) &&
    // Compare canonically: jsonb hands keys back in its own order.
    canonicalJson(JSON.parse(a.citation)) === canonicalJson(JSON.parse(b.citation))
  );
}

/** JSON with object keys sorted, so equal values give equal text whatever the key order. */
function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(",")}]`;
  if (v !== null && typeof v === "object") {
    const entries = Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${canonicalJson(x)}`).join(",")}}`;
  }
  return JSON.stringify(v);
}

/** A row as an ActionRecord. */
export function toRecord(r: ActionRow): ActionRecord {
  return {
    id: r.id,
    authority: r.authority,
    inspectionId: r.inspectionId,
    published: r.published,
    inspected: r.inspected ?? null,
    service: r.service,
    kind: r.kind,
    text: r.text,
    timescale: r.timescale,
    due: r.due,
    citation: JSON.parse(r.citation) as Citation,
    status: r.status,
    owner: r.owner,
    archived: r.archived,
    supersededBy: r.supersededBy ? (JSON.parse(r.supersededBy) as SupersededBy) : null,
    updatedAt: r.updatedAt,
  };
}

/** A row the store holds, as a sync sees it. */
export interface HeldAction {
  content: ActionContent;
  archived: boolean;
  /** Its workflow state, for carrying it over to a later inspection's action in the same words. */
  status?: ActionStatus;
  owner?: string | null;
}

/** A new action that takes the status and owner of a superseded one in the same words. */
export interface CarryOver {
  id: string;
  from: string;
  status: ActionStatus;
  owner: string | null;
}

/** What a sync must write, worked out from the rows held and the corpus read. */
export interface SyncPlan {
  /**
   * Rows carried over to the id the corpus now gives them, written first: the row, its
   * history and its aliases move to `to`, and `from` becomes an alias that still resolves.
   */
  rename: { from: string; to: string }[];
  insert: ActionContent[];
  update: ActionContent[];
  archive: string[];
  unarchive: string[];
  /** Of `archive`, those archived because a later inspection replaced theirs (their rows stay in the corpus). */
  superseded: string[];
  /** New actions that repeat a superseded one word for word: they start with its status and owner (written after `insert`). */
  carry: CarryOver[];
  unchanged: number;
}

/**
 * Plans a sync. Duplicated ids in the corpus keep the first occurrence: the id is the
 * identity, and two actions with one id would otherwise fight over one row. A corpus
 * action whose id the store does not hold takes over a held row the corpus no longer
 * names (see `findSuccessors`), so its status, owner and history are never cut off.
 */
export function planSync(held: ReadonlyMap<string, HeldAction>, actions: readonly Action[]): SyncPlan {
  const plan: SyncPlan = { rename: [], insert: [], update: [], archive: [], unarchive: [], superseded: [], carry: [], unchanged: 0 };
  const corpus = [...new Map(actions.map((a) => [a.id, a] as const).reverse()).values()].reverse();
  const ids = new Set(corpus.map((a) => a.id));
  const orphans = new Map([...held].filter(([id]) => !ids.has(id)));
  const successors = findSuccessors(orphans, corpus.filter((a) => !held.has(a.id)));
  // Only the latest inspection of each authority is current: the actions of earlier ones
  // are archived as superseded, and come back if the later report leaves the corpus.
  const replaced = supersessions(corpus);
  const archive = (id: string) => {
    plan.archive.push(id);
    plan.superseded.push(id);
  };
  for (const a of corpus) {
    const content = toContent(a, replaced.get(a.id) ?? null);
    const superseded = content.supersededBy !== null;
    const from = successors.get(a.id);
    const row = from !== undefined ? held.get(from) : held.get(a.id);
    if (!row) {
      plan.insert.push(content);
      if (superseded) archive(a.id);
      continue;
    }
    if (from !== undefined) plan.rename.push({ from, to: a.id });
    const changed = !sameContent({ ...row.content, id: a.id, shortId: shortId(a.id) }, content);
    if (changed) plan.update.push(content);
    if (row.archived && !superseded) plan.unarchive.push(a.id);
    if (!row.archived && superseded) archive(a.id);
    if (!changed && row.archived === superseded && from === undefined) plan.unchanged++;
  }
  plan.carry = carryOvers(held, corpus, plan.insert, replaced);
  const renamed = new Set(plan.rename.map((r) => r.from));
  for (const [id, row] of orphans) {
    if (!renamed.has(id) && !row.archived) plan.archive.push(id);
  }
  return plan;
}

/**
 * Work on an action a later inspection repeats in the same words carries on: an action new
 * to the store, of a current inspection, whose authority, kind and folded text are those of
 * a held action of an earlier inspection now superseded starts with that action's owner,
 * and in progress if it was. An earlier "done" is not carried: the later inspection saying
 * it again means it is open again (and nothing is carried from a report that merely left
 * the corpus: see findSuccessors). Only when that earlier action is the one match.
 */
function carryOvers(held: ReadonlyMap<string, HeldAction>, corpus: readonly Action[], inserted: readonly ActionContent[], replaced: ReadonlyMap<string, SupersededBy>): CarryOver[] {
  const worked = new Map<string, [string, HeldAction][]>();
  for (const [id, row] of held) {
    const superseded = replaced.has(id) || row.content.supersededBy !== null;
    if (!superseded || !row.status || (row.status !== "in-progress" && !row.owner)) continue;
    const key = contentKey(row.content);
    worked.set(key, [...(worked.get(key) ?? []), [id, row]]);
  }
  if (worked.size === 0) return [];
  const isNew = new Set(inserted.map((c) => c.id));
  const out: CarryOver[] = [];
  for (const a of corpus) {
    if (!isNew.has(a.id) || replaced.has(a.id)) continue;
    const match = worked.get(contentKey(a));
    if (match?.length !== 1) continue;
    const [from, row] = match[0];
    // Work under way goes on; a "done" the later inspection repeats is open again.
    out.push({ id: a.id, from, status: row.status === "in-progress" ? "in-progress" : "open", owner: row.owner ?? null });
  }
  return out;
}

/** The history rows a carry-over writes: status and owner as the superseded action had them. */
export function carryChanges(c: CarryOver, at: Date): ActionChange[] {
  const by = `${CORPUS_ACTOR}: carried over from ${shortId(c.from)}`;
  const out: ActionChange[] = [];
  if (c.status !== "open") out.push({ actionId: c.id, at: at.toISOString(), by, field: "status", from: "open", to: c.status });
  if (c.owner) out.push({ actionId: c.id, at: at.toISOString(), by, field: "owner", from: null, to: c.owner });
  return out;
}

/** What identifies an action whatever its id: authority, kind and folded text. */
function contentKey(c: Pick<ActionContent, "authority" | "kind" | "text">): string {
  return `${c.authority.toLowerCase()}\n${c.kind}\n${actionKey(c.text)}`;
}

/**
 * Pairs corpus actions new to the store with held rows the corpus no longer names, by
 * (in this order): the id the first releases gave the action (a store written before ids
 * were stable); the same authority, kind and folded text (an id scheme or inspection date
 * read differently); the same inspection and one text the start of the other (an extractor
 * that now joins a wrapped line). A pairing is made only when it is the one candidate
 * (preferring the same inspection, then the same publication date, then rows not
 * archived): an action is never given another's status by a guess.
 * @returns new id -> held id
 */
export function findSuccessors(orphans: ReadonlyMap<string, HeldAction>, newcomers: readonly Action[]): Map<string, string> {
  const out = new Map<string, string>();
  const taken = new Set<string>();
  const claim = (a: Action, id: string) => {
    out.set(a.id, id);
    taken.add(id);
  };
  for (const a of newcomers) {
    const legacy = legacyActionId(a.citation.file, a.authority, a.text);
    if (orphans.has(legacy) && !taken.has(legacy)) claim(a, legacy);
  }
  const free = () => [...orphans].filter(([id]) => !taken.has(id));
  for (const a of newcomers) {
    if (out.has(a.id)) continue;
    const key = contentKey(a);
    const one = onlyCandidate(a, free().filter(([, row]) => contentKey(row.content) === key));
    if (one) claim(a, one);
  }
  // A row two newcomers both extend (the extractor now splits what it joined) goes to neither.
  const extend = (x: string, y: string) => y.split(" ").length >= 4 && x.startsWith(`${y} `);
  const picks = new Map<string, Action[]>();
  for (const a of newcomers) {
    if (out.has(a.id)) continue;
    const mine = actionKey(a.text);
    const fits = free().filter(([, row]) => {
      const theirs = actionKey(row.content.text);
      const same = row.content.inspectionId === a.inspection.id && row.content.authority.toLowerCase() === a.authority.toLowerCase() && row.content.kind === a.kind;
      return same && (extend(mine, theirs) || extend(theirs, mine));
    });
    const one = onlyCandidate(a, fits);
    if (one) picks.set(one, [...(picks.get(one) ?? []), a]);
  }
  for (const [id, as] of picks) if (as.length === 1) claim(as[0], id);
  return out;
}

/** True when an action's inspection states no date at all. */
function undated(a: Action): boolean {
  return a.inspection.start === null && a.inspection.end === null && a.inspection.published === null && a.inspection.reportDate === null;
}

/** The one held row `a` most plausibly continues, or null when there is none or no single one. */
function onlyCandidate(a: Action, candidates: [string, HeldAction][]): string | null {
  const tiers: ((row: HeldAction) => boolean)[] = [
    (row) => row.content.inspectionId === a.inspection.id,
    (row) => a.inspection.published !== null && row.content.published === a.inspection.published,
    // Only when neither side is dated can two inspection ids be the same inspection (an
    // undated report's id comes from its file name); otherwise a later inspection repeating
    // an earlier one's recommendation would inherit its status.
    (row) => undated(a) && row.content.published === null,
  ];
  for (const tier of tiers) {
    const fit = candidates.filter(([, row]) => tier(row));
    if (fit.length === 1) return fit[0][0];
    if (fit.length > 1) {
      const live = fit.filter(([, row]) => !row.archived);
      return live.length === 1 ? live[0][0] : null;
    }
  }
  return null;
}

/** The result reported for a carried-out plan. */
export function syncResult(plan: SyncPlan): SyncResult {
  return {
    added: plan.insert.map((c) => c.id),
    updated: plan.update.map((c) => c.id),
    archived: [...plan.archive],
    superseded: [...plan.superseded],
    carried: plan.carry.map((c) => ({ from: c.from, to: c.id })),
    unarchived: [...plan.unarchive],
    renamed: plan.rename.map((r) => ({ ...r })),
    unchanged: plan.unchanged,
  };
}

/**
 * The history row for an archive flag change made by a sync; one archiving an action
 * because a later inspection replaced its own says so ("corpus: superseded by ...").
 */
export function archiveChange(actionId: string, archived: boolean, at: Date, supersededBy?: string | null): ActionChange {
  const by = supersededBy ? `${CORPUS_ACTOR}: superseded by ${(JSON.parse(supersededBy) as SupersededBy).inspectionId}` : CORPUS_ACTOR;
  return {
    actionId,
    at: at.toISOString(),
    by,
    field: "archived",
    from: String(!archived),
    to: String(archived),
  };
}

/** Escapes LIKE wildcards so an id prefix is matched literally (both backends use `\` as escape). */
export function likePrefix(prefix: string): string {
  return prefix.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`) + "%";
}
