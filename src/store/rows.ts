/**
 * What both backends share: how an extracted Action becomes a row, how a row becomes an
 * ActionRecord, the short id people type in chat, and the plan a corpus sync carries out.
 * Keeping this here means SQLite and PostgreSQL cannot drift apart on meaning, only on SQL.
 */
import { createHash } from "node:crypto";
import type { Action, Citation } from "../types.js";
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
  service: string | null;
  kind: Action["kind"];
  text: string;
  timescale: string | null;
  due: string | null;
  /** Citation as JSON text (stored as text in SQLite, jsonb in PostgreSQL). */
  citation: string;
}

/** An action row as both backends read it (snake_case columns mapped by each backend). */
export interface ActionRow extends ActionContent {
  status: ActionStatus;
  owner: string | null;
  archived: boolean;
  updatedAt: string;
}

/** The content columns of an extracted action. */
export function toContent(a: Action): ActionContent {
  return {
    id: a.id,
    shortId: shortId(a.id),
    authority: a.authority,
    inspectionId: a.inspection.id,
    published: a.inspection.published,
    service: a.service,
    kind: a.kind,
    text: a.text,
    timescale: a.timescale,
    due: a.due,
    citation: JSON.stringify(a.citation),
  };
}

/** Compares content so a sync only rewrites rows whose extraction really changed. */
export function sameContent(a: ActionContent, b: ActionContent): boolean {
  return (
    a.shortId === b.shortId &&
    a.authority === b.authority &&
    a.inspectionId === b.inspectionId &&
    a.published === b.published &&
    a.service === b.service &&
    a.kind === b.kind &&
    a.text === b.text &&
    a.timescale === b.timescale &&
    a.due === b.due &&
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
    service: r.service,
    kind: r.kind,
    text: r.text,
    timescale: r.timescale,
    due: r.due,
    citation: JSON.parse(r.citation) as Citation,
    status: r.status,
    owner: r.owner,
    archived: r.archived,
    updatedAt: r.updatedAt,
  };
}

/** What a sync must write, worked out from the rows held and the corpus read. */
export interface SyncPlan {
  insert: ActionContent[];
  update: ActionContent[];
  archive: string[];
  unarchive: string[];
  unchanged: number;
}

/**
 * Plans a sync. Duplicated ids in the corpus keep the first occurrence: the id is the
 * identity, and two actions with one id would otherwise fight over one row.
 */
export function planSync(held: ReadonlyMap<string, { content: ActionContent; archived: boolean }>, actions: readonly Action[]): SyncPlan {
  const plan: SyncPlan = { insert: [], update: [], archive: [], unarchive: [], unchanged: 0 };
  const seen = new Set<string>();
  for (const a of actions) {
    if (seen.has(a.id)) continue;
    seen.add(a.id);
    const content = toContent(a);
    const row = held.get(a.id);
    if (!row) {
      plan.insert.push(content);
      continue;
    }
    const changed = !sameContent(row.content, content);
    if (changed) plan.update.push(content);
    if (row.archived) plan.unarchive.push(a.id);
    if (!changed && !row.archived) plan.unchanged++;
  }
  for (const [id, row] of held) {
    if (!seen.has(id) && !row.archived) plan.archive.push(id);
  }
  return plan;
}

/** The result reported for a carried-out plan. */
export function syncResult(plan: SyncPlan): SyncResult {
  return {
    added: plan.insert.map((c) => c.id),
    updated: plan.update.map((c) => c.id),
    archived: [...plan.archive],
    unarchived: [...plan.unarchive],
    unchanged: plan.unchanged,
  };
}

/** The history row for an archive flag change made by a sync. */
export function archiveChange(actionId: string, archived: boolean, at: Date): ActionChange {
  return {
    actionId,
    at: at.toISOString(),
    by: CORPUS_ACTOR,
    field: "archived",
    from: String(!archived),
    to: String(archived),
  };
}

/** Escapes LIKE wildcards so an id prefix is matched literally (both backends use `\` as escape). */
export function likePrefix(prefix: string): string {
  return prefix.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`) + "%";
}
