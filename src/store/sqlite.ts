/**
 * The embedded backend: one SQLite file (`${dataDir}/bot.sqlite`) through better-sqlite3.
 * better-sqlite3 is synchronous, so every method does its work in one synchronous
 * transaction: nothing else in this process can interleave, and BEGIN IMMEDIATE plus the
 * busy timeout serialise it against other processes (the CLI next to a running bot).
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import type { Action } from "../types.js";
import { systemClock, type Clock } from "../clock.js";
import { actionNotFound, storeFailed } from "./errors.js";
import { sqliteMigrations, type Migration } from "./migrations.js";
import * as feedback from "./sqliteFeedback.js";
import type { FeedbackVote, PurgeResult, UnansweredQuestion, Vote, VoteInput } from "./feedbackTypes.js";
import { archiveChange, carryChanges, likePrefix, planSync, shortId, syncResult, toRecord, type ActionRow, type HeldAction } from "./rows.js";
import type {
  ActionChange,
  ActionFilter,
  ActionRecord,
  ActionStatus,
  DigestSendKey,
  DigestSendRecord,
  Platform,
  Store,
  Subscription,
  SyncResult,
} from "./types.js";

/** Options for `SqliteStore`. */
export interface SqliteStoreOptions {
  /** Path of the database file, or ":memory:". */
  file: string;
  /** Time for rows the ConversationReferenceStore methods write (they take no time argument). */
  clock?: Clock;
  /** How long to wait for another process's write lock, ms (default 5000). */
  busyTimeoutMs?: number;
  /** Migrations to apply (tests only; default the real schema). */
  migrations?: readonly Migration[];
}

type Row = Record<string, unknown>;

const ACTION_COLUMNS = `id, short_id AS shortId, authority, inspection_id AS inspectionId, published, inspected, service, kind, text,
  timescale, due, citation, superseded_by AS supersededBy, status, owner, archived, updated_at AS updatedAt`;

/** The SQLite store. Call `migrate()` before use (openStore does). */
export class SqliteStore implements Store {
  readonly backend = "sqlite" as const;
  private readonly db: Database.Database;
  private readonly clock: Clock;
  private readonly migrations: readonly Migration[];

  constructor(opts: SqliteStoreOptions) {
    this.clock = opts.clock ?? systemClock;
    this.migrations = opts.migrations ?? sqliteMigrations;
    try {
      if (opts.file !== ":memory:") fs.mkdirSync(path.dirname(opts.file), { recursive: true });
      this.db = new Database(opts.file);
      // WAL: readers (the CLI) never block the bot's writes; NORMAL sync is safe with WAL.
      this.db.pragma("journal_mode = WAL");
      this.db.pragma("synchronous = NORMAL");
      this.db.pragma(`busy_timeout = ${opts.busyTimeoutMs ?? 5000}`);
      this.db.pragma("foreign_keys = ON");
    } catch (err) {
      throw storeFailed(err, `opening ${opts.file}`, "sqlite");
    }
  }

  /** Runs `fn` in one write transaction (BEGIN IMMEDIATE), turning driver errors into STORE_FAILED. */
  private write<T>(doing: string, fn: () => T): T {
    try {
      return this.db.transaction(fn).immediate();
    } catch (err) {
      throw storeFailed(err, doing, "sqlite");
    }
  }

  private read<T>(doing: string, fn: () => T): T {
    try {
      return fn();
    } catch (err) {
      throw storeFailed(err, doing, "sqlite");
    }
  }

  async migrate(): Promise<void> {
    this.write("migrating the schema", () => {
      this.db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
      const done = new Set((this.db.prepare("SELECT version FROM schema_migrations").all() as Row[]).map((r) => Number(r.version)));
      for (const m of [...this.migrations].sort((a, b) => a.version - b.version)) {
        if (done.has(m.version)) continue;
        this.db.exec(m.sql);
        this.db
          .prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)")
          .run(m.version, m.name, this.clock().toISOString());
      }
    });
  }

  async syncActions(actions: readonly Action[], at: Date): Promise<SyncResult> {
    return this.write("syncing actions from the corpus", () => {
      const held = new Map<string, HeldAction>();
      for (const r of this.db.prepare(`SELECT ${ACTION_COLUMNS} FROM actions`).all() as Row[]) {
        const row = mapAction(r);
        held.set(row.id, { content: row, archived: row.archived, status: row.status, owner: row.owner });
      }
      const plan = planSync(held, actions);
      const now = at.toISOString();
      const insert = this.db.prepare(`INSERT INTO actions (id, short_id, authority, inspection_id, published, inspected, service, kind, text,
        timescale, due, citation, superseded_by, created_at, updated_at)
        VALUES (@id, @shortId, @authority, @inspectionId, @published, @inspected, @service, @kind, @text, @timescale, @due, @citation, @supersededBy, @now, @now)`);
      const update = this.db.prepare(`UPDATE actions SET short_id = @shortId, authority = @authority, inspection_id = @inspectionId,
        published = @published, inspected = @inspected, service = @service, kind = @kind, text = @text, timescale = @timescale, due = @due,
        citation = @citation, superseded_by = @supersededBy, updated_at = @now WHERE id = @id`);
      const setArchived = this.db.prepare("UPDATE actions SET archived = ?, updated_at = ? WHERE id = ?");
      for (const r of plan.rename) this.rename(r.from, r.to, now);
      for (const c of plan.insert) insert.run({ ...c, now });
      for (const c of plan.update) update.run({ ...c, now });
      const carry = this.db.prepare("UPDATE actions SET status = ?, owner = ?, updated_at = ? WHERE id = ?");
      for (const c of plan.carry) {
        carry.run(c.status, c.owner, now, c.id);
        for (const change of carryChanges(c, at)) this.addChange(change);
      }
      const supersededBy = new Map([...plan.insert, ...plan.update].map((c) => [c.id, c.supersededBy]));
      for (const id of plan.archive) {
        setArchived.run(1, now, id);
        this.addChange(archiveChange(id, true, at, supersededBy.get(id) ?? held.get(id)?.content.supersededBy));
      }
      for (const id of plan.unarchive) {
        setArchived.run(0, now, id);
        this.addChange(archiveChange(id, false, at));
      }
      return syncResult(plan);
    });
  }

  /** Moves a row, its history and its aliases to a new id; the old id becomes an alias. */
  private rename(from: string, to: string, now: string): void {
    const args = { from, to, toShort: shortId(to), fromShort: shortId(from), now };
    this.db
      .prepare(`INSERT INTO actions (id, short_id, authority, inspection_id, published, inspected, service, kind, text, timescale, due, citation,
          superseded_by, status, owner, archived, created_at, updated_at)
        SELECT @to, @toShort, authority, inspection_id, published, inspected, service, kind, text, timescale, due, citation,
          superseded_by, status, owner, archived, created_at, @now FROM actions WHERE id = @from`)
      .run(args);
    this.db.prepare("UPDATE action_changes SET action_id = @to WHERE action_id = @from").run(args);
    this.db.prepare("UPDATE action_aliases SET action_id = @to WHERE action_id = @from").run(args);
    this.db.prepare("DELETE FROM action_aliases WHERE alias = @to").run(args);
    this.db.prepare("DELETE FROM actions WHERE id = @from").run(args);
    this.db
      .prepare(`INSERT INTO action_aliases (alias, alias_short, action_id, created_at) VALUES (@from, @fromShort, @to, @now)
        ON CONFLICT (alias) DO UPDATE SET action_id = excluded.action_id`)
      .run(args);
  }

  private addChange(c: ActionChange): void {
    this.db
      .prepare("INSERT INTO action_changes (action_id, at, changed_by, field, from_value, to_value) VALUES (?, ?, ?, ?, ?, ?)")
      .run(c.actionId, c.at, c.by, c.field, c.from, c.to);
  }

  async listActions(filter: ActionFilter = {}): Promise<ActionRecord[]> {
    return this.read("listing actions", () => {
      const where: string[] = [];
      const args: unknown[] = [];
      if (filter.authority !== undefined) {
        where.push("lower(authority) = lower(?)");
        args.push(filter.authority);
      }
      if (filter.status !== undefined) {
        const statuses = Array.isArray(filter.status) ? filter.status : [filter.status];
        if (statuses.length === 0) return [];
        where.push(`status IN (${statuses.map(() => "?").join(", ")})`);
        args.push(...statuses);
      }
      if (!filter.includeArchived) where.push("archived = 0");
      const sql = `SELECT ${ACTION_COLUMNS} FROM actions ${where.length ? `WHERE ${where.join(" AND ")}` : ""}
        ORDER BY authority, due IS NULL, due, id`;
      return (this.db.prepare(sql).all(...args) as Row[]).map((r) => toRecord(mapAction(r)));
    });
  }

  async getAction(id: string): Promise<ActionRecord | null> {
    return this.read("reading an action", () => {
      const r = this.db.prepare(`SELECT ${ACTION_COLUMNS} FROM actions WHERE id = ?`).get(id) as Row | undefined;
      return r ? toRecord(mapAction(r)) : null;
    });
  }

  async findActionIds(prefix: string): Promise<string[]> {
    return this.read("looking up an action id", () => {
      const like = likePrefix(prefix);
      const rows = this.db
        .prepare(`SELECT id FROM actions WHERE short_id LIKE @like ESCAPE '\\' OR lower(id) LIKE @like ESCAPE '\\'
          UNION SELECT action_id FROM action_aliases WHERE alias_short LIKE @like ESCAPE '\\' OR lower(alias) LIKE @like ESCAPE '\\'
          ORDER BY 1`)
        .all({ like }) as Row[];
      return rows.map((r) => String(r.id));
    });
  }

  async setStatus(id: string, status: ActionStatus, by: string, at: Date): Promise<ActionChange | null> {
    return this.changeField(id, "status", status, by, at);
  }

  async assign(id: string, owner: string | null, by: string, at: Date): Promise<ActionChange | null> {
    return this.changeField(id, "owner", owner, by, at);
  }

  /** Reads, compares and writes in one transaction so the history's `from` is the real previous value. */
  private changeField(id: string, field: "status" | "owner", to: string | null, by: string, at: Date): ActionChange | null {
    return this.write(`changing the ${field} of action ${id}`, () => {
      const r = this.db.prepare(`SELECT ${field} AS value FROM actions WHERE id = ?`).get(id) as Row | undefined;
      if (!r) throw actionNotFound(id);
      const from = (r.value as string | null) ?? null;
      if (from === to) return null;
      this.db.prepare(`UPDATE actions SET ${field} = ?, updated_at = ? WHERE id = ?`).run(to, at.toISOString(), id);
      const change: ActionChange = { actionId: id, at: at.toISOString(), by, field, from, to };
      this.addChange(change);
      return change;
    });
  }

  async history(id: string): Promise<ActionChange[]> {
    return this.read("reading an action's history", () => {
      if (!this.db.prepare("SELECT 1 FROM actions WHERE id = ?").get(id)) throw actionNotFound(id);
      const rows = this.db
        .prepare(`SELECT action_id AS actionId, at, changed_by AS "by", field, from_value AS "from", to_value AS "to"
          FROM action_changes WHERE action_id = ? ORDER BY seq`)
        .all(id) as ActionChange[];
      return rows.map((c) => ({ ...c }));
    });
  }

  async subscribe(platform: Platform, destination: string, time: string, by: string, at: Date, authorities: readonly string[] = []): Promise<Subscription> {
    return this.write("saving a digest subscription", () => {
      this.db
        .prepare(`INSERT INTO subscriptions (platform, destination, send_time, authorities, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)
          ON CONFLICT (platform, destination) DO UPDATE SET send_time = excluded.send_time, authorities = excluded.authorities,
            created_by = excluded.created_by, created_at = excluded.created_at`)
        .run(platform, destination, time, JSON.stringify(authorities), by, at.toISOString());
      return { platform, destination, time, authorities: [...authorities], createdBy: by, createdAt: at.toISOString() };
    });
  }

  async unsubscribe(platform: Platform, destination: string): Promise<boolean> {
    return this.write("removing a digest subscription", () => {
      return this.db.prepare("DELETE FROM subscriptions WHERE platform = ? AND destination = ?").run(platform, destination).changes > 0;
    });
  }

  async listSubscriptions(platform?: Platform): Promise<Subscription[]> {
    return this.read("listing digest subscriptions", () => {
      const sql = `SELECT platform, destination, send_time AS time, authorities, created_by AS createdBy, created_at AS createdAt
        FROM subscriptions ${platform ? "WHERE platform = ?" : ""} ORDER BY platform, destination`;
      const rows = this.db.prepare(sql).all(...(platform ? [platform] : [])) as (Omit<Subscription, "authorities"> & { authorities: string | null })[];
      return rows.map((r) => ({ ...r, authorities: JSON.parse(r.authorities ?? "[]") as string[] }));
    });
  }

  async claimDigestSend(key: DigestSendKey, owner: string, now: Date, leaseUntil: Date): Promise<boolean> {
    return this.write("claiming a digest send", () => {
      // One statement: insert, or take over a failed/expired claim; a sent row is never touched.
      const r = this.db
        .prepare(`INSERT INTO digest_sends (platform, destination, day, state, claimed_by, lease_until, attempts, updated_at)
          VALUES (@platform, @destination, @day, 'claimed', @owner, @leaseUntil, 1, @now)
          ON CONFLICT (platform, destination, day) DO UPDATE SET state = 'claimed', claimed_by = excluded.claimed_by,
            lease_until = excluded.lease_until, attempts = digest_sends.attempts + 1, updated_at = excluded.updated_at
          WHERE digest_sends.state <> 'sent' AND digest_sends.lease_until <= excluded.updated_at
          RETURNING claimed_by`)
        .get({ ...key, owner, now: now.toISOString(), leaseUntil: leaseUntil.toISOString() }) as Row | undefined;
      return r?.claimed_by === owner;
    });
  }

  async markDigestSent(key: DigestSendKey, owner: string, at: Date): Promise<boolean> {
    return this.write("recording a digest as sent", () => {
      const before = this.db
        .prepare("SELECT state, claimed_by FROM digest_sends WHERE platform = ? AND destination = ? AND day = ?")
        .get(key.platform, key.destination, key.day) as Row | undefined;
      // Marked sent whoever holds the claim now: the post did go out, and recording it
      // stops a replica that took over an expired lease from posting a third copy.
      this.db
        .prepare(`UPDATE digest_sends SET state = 'sent', sent_at = ?, last_error = NULL, updated_at = ?
          WHERE platform = ? AND destination = ? AND day = ? AND state <> 'sent'`)
        .run(at.toISOString(), at.toISOString(), key.platform, key.destination, key.day);
      return before?.state === "claimed" && before.claimed_by === owner;
    });
  }

  async releaseDigestSend(key: DigestSendKey, owner: string, error: string, at: Date, retryAt: Date): Promise<void> {
    this.write("releasing a digest send", () => {
      this.db
        .prepare(`UPDATE digest_sends SET state = 'failed', lease_until = ?, last_error = ?, updated_at = ?
          WHERE platform = ? AND destination = ? AND day = ? AND state = 'claimed' AND claimed_by = ?`)
        .run(retryAt.toISOString(), error.slice(0, 1000), at.toISOString(), key.platform, key.destination, key.day, owner);
    });
  }

  async rememberDelivery(key: string, now: Date, expiresAt: Date): Promise<boolean> {
    return this.write("remembering a chat delivery", () => {
      const at = now.toISOString();
      this.db.prepare("DELETE FROM seen_deliveries WHERE expires_at <= ? AND delivery_key <> ?").run(at, key);
      const r = this.db
        .prepare(`INSERT INTO seen_deliveries (delivery_key, expires_at) VALUES (?, ?)
          ON CONFLICT (delivery_key) DO UPDATE SET expires_at = excluded.expires_at WHERE seen_deliveries.expires_at <= ?
          RETURNING delivery_key`)
        .get(key, expiresAt.toISOString(), at);
      return r !== undefined;
    });
  }

  async getDigestSend(key: DigestSendKey): Promise<DigestSendRecord | null> {
    return this.read("reading a digest send", () => {
      const r = this.db
        .prepare(`SELECT platform, destination, day, state, claimed_by AS claimedBy, lease_until AS leaseUntil, attempts,
            last_error AS lastError, sent_at AS sentAt, updated_at AS updatedAt
          FROM digest_sends WHERE platform = ? AND destination = ? AND day = ?`)
        .get(key.platform, key.destination, key.day) as DigestSendRecord | undefined;
      return r ? { ...r } : null;
    });
  }

  async saveConversationReference(conversationId: string, reference: unknown): Promise<void> {
    this.write("saving a conversation reference", () => {
      this.db
        .prepare(`INSERT INTO conversation_references (conversation_id, reference, updated_at) VALUES (?, ?, ?)
          ON CONFLICT (conversation_id) DO UPDATE SET reference = excluded.reference, updated_at = excluded.updated_at`)
        .run(conversationId, JSON.stringify(reference), this.clock().toISOString());
    });
  }

  async getConversationReference(conversationId: string): Promise<unknown | null> {
    return this.read("reading a conversation reference", () => {
      const r = this.db.prepare("SELECT reference FROM conversation_references WHERE conversation_id = ?").get(conversationId) as
        | Row
        | undefined;
      return r ? (JSON.parse(String(r.reference)) as unknown) : null;
    });
  }

  async listConversationReferences(): Promise<{ conversationId: string; reference: unknown }[]> {
    return this.read("listing conversation references", () => {
      const rows = this.db.prepare("SELECT conversation_id, reference FROM conversation_references ORDER BY conversation_id").all() as Row[];
      return rows.map((r) => ({ conversationId: String(r.conversation_id), reference: JSON.parse(String(r.reference)) as unknown }));
    });
  }

  async saveFollowUpContext(key: string, question: string, now: Date, expiresAt: Date): Promise<void> {
    this.write("saving a follow-up context", () => {
      this.db.prepare("DELETE FROM follow_up_contexts WHERE expires_at <= ?").run(now.toISOString());
      this.db
        .prepare(`INSERT INTO follow_up_contexts (context_key, question, expires_at) VALUES (?, ?, ?)
          ON CONFLICT (context_key) DO UPDATE SET question = excluded.question, expires_at = excluded.expires_at`)
        .run(key, question, expiresAt.toISOString());
    });
  }

  async getFollowUpContext(key: string, now: Date): Promise<string | null> {
    return this.read("reading a follow-up context", () => {
      const r = this.db.prepare("SELECT question FROM follow_up_contexts WHERE context_key = ? AND expires_at > ?").get(key, now.toISOString()) as Row | undefined;
      return r ? String(r.question) : null;
    });
  }

  async purgeFollowUpContexts(now: Date): Promise<number> {
    return this.write("purging follow-up contexts", () => this.db.prepare("DELETE FROM follow_up_contexts WHERE expires_at <= ?").run(now.toISOString()).changes);
  }

  async recordUnanswered(q: Omit<UnansweredQuestion, "askedAt">, at: Date): Promise<void> {
    this.write("recording an unanswered question", () => feedback.recordUnanswered(this.db, q, at));
  }

  async listUnanswered(since: Date): Promise<UnansweredQuestion[]> {
    return this.read("listing unanswered questions", () => feedback.listUnanswered(this.db, since));
  }

  async saveVote(v: VoteInput, at: Date): Promise<{ previous: Vote | null }> {
    return this.write("saving a feedback vote", () => feedback.saveVote(this.db, v, at));
  }

  async setVoteComment(key: Pick<FeedbackVote, "answerId" | "platform" | "userId">, comment: string | null, at: Date): Promise<boolean> {
    return this.write("saving a feedback comment", () => feedback.setVoteComment(this.db, key, comment, at));
  }

  async listVotes(since: Date): Promise<FeedbackVote[]> {
    return this.read("listing feedback votes", () => feedback.listVotes(this.db, since));
  }

  async purgeQuestionLog(before: Date): Promise<PurgeResult> {
    return this.write("purging the question log", () => feedback.purgeQuestionLog(this.db, before));
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

/** A SQLite result row as an ActionRow (archived is 0/1 there). */
function mapAction(r: Row): ActionRow {
  return { ...(r as unknown as ActionRow), archived: r.archived === 1 || r.archived === true };
}
