/**
 * The shared backend: PostgreSQL through a `pg` Pool, for several bot replicas on one
 * database. Anything read-then-written runs in one transaction with the row locked
 * (SELECT ... FOR UPDATE) or under an advisory lock, so two replicas never interleave.
 *
 * The schema lives in the connection's search_path (the `public` schema by default; a
 * DATABASE_URL with `?options=-c%20search_path%3Dbot` puts it elsewhere).
 */
import pg from "pg";
import type { Action } from "../types.js";
import { systemClock, type Clock } from "../clock.js";
import { actionNotFound, storeFailed } from "./errors.js";
import { postgresMigrations, type Migration } from "./migrations.js";
import * as feedback from "./postgresFeedback.js";
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

/** Options for `PostgresStore`. */
export interface PostgresStoreOptions {
  connectionString: string;
  /** Time for rows the ConversationReferenceStore methods write (they take no time argument). */
  clock?: Clock;
  /** Pool size (default 5: the bot's database work is small and bursty). */
  maxConnections?: number;
  /** Migrations to apply (tests only; default the real schema). */
  migrations?: readonly Migration[];
}

type Row = Record<string, unknown>;

/**
 * Advisory lock keys (first half of the two-int form). The second half is the schema's
 * hash, so bots (or test runs) in different schemas of one database do not wait on each other.
 */
const LOCK_MIGRATE = 0x5eed01;
const LOCK_SYNC = 0x5eed02;

const ACTION_COLUMNS = `id, short_id AS "shortId", authority, inspection_id AS "inspectionId", published, inspected, service, kind, text,
  timescale, due, citation::text AS citation, superseded_by::text AS "supersededBy", status, owner, archived, updated_at AS "updatedAt"`;

/** The PostgreSQL store. Call `migrate()` before use (openStore does). */
export class PostgresStore implements Store {
  readonly backend = "postgres" as const;
  private readonly pool: pg.Pool;
  private readonly clock: Clock;
  private readonly migrations: readonly Migration[];

  constructor(opts: PostgresStoreOptions) {
    this.clock = opts.clock ?? systemClock;
    this.migrations = opts.migrations ?? postgresMigrations;
    this.pool = new pg.Pool({ connectionString: opts.connectionString, max: opts.maxConnections ?? 5 });
    // An idle client losing its connection must not crash the bot; the next query reconnects.
    this.pool.on("error", () => {});
  }

  private async query(doing: string, sql: string, args: unknown[] = []): Promise<Row[]> {
    try {
      return (await this.pool.query(sql, args)).rows as Row[];
    } catch (err) {
      throw storeFailed(err, doing, "postgres");
    }
  }

  /** Runs `fn` in a transaction on one client; rolls back on any error. */
  private async tx<T>(doing: string, fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (err) {
      throw storeFailed(err, doing, "postgres");
    }
    try {
      await client.query("BEGIN");
      const result = await fn(client);
      await client.query("COMMIT");
      return result;
    } catch (err) {
      await client.query("ROLLBACK").catch(() => {});
      throw storeFailed(err, doing, "postgres");
    } finally {
      client.release();
    }
  }

  async migrate(): Promise<void> {
    await this.tx("migrating the schema", async (c) => {
      // Two replicas starting together: the second waits here, then finds nothing to do.
      await c.query("SELECT pg_advisory_xact_lock($1, hashtext(current_schema()))", [LOCK_MIGRATE]);
      await c.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL)`);
      const done = new Set((await c.query("SELECT version FROM schema_migrations")).rows.map((r: Row) => Number(r.version)));
      for (const m of [...this.migrations].sort((a, b) => a.version - b.version)) {
        if (done.has(m.version)) continue;
        await c.query(m.sql);
        await c.query("INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)", [m.version, m.name, this.clock()]);
      }
    });
  }

  async syncActions(actions: readonly Action[], at: Date): Promise<SyncResult> {
    return this.tx("syncing actions from the corpus", async (c) => {
      // Replicas sync at start, often together: one at a time, or both would archive
      // the same action and write two history rows.
      await c.query("SELECT pg_advisory_xact_lock($1, hashtext(current_schema()))", [LOCK_SYNC]);
      const held = new Map<string, HeldAction>();
      for (const r of (await c.query(`SELECT ${ACTION_COLUMNS} FROM actions`)).rows as Row[]) {
        const row = mapAction(r);
        held.set(row.id, { content: row, archived: row.archived, status: row.status, owner: row.owner });
      }
      const plan = planSync(held, actions);
      for (const r of plan.rename) await rename(c, r.from, r.to, at);
      for (const a of plan.insert) {
        await c.query(
          `INSERT INTO actions (id, short_id, authority, inspection_id, published, service, kind, text, timescale, due, citation,
            created_at, updated_at, superseded_by, inspected) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb, $12, $12, $13::jsonb, $14)`,
          [a.id, a.shortId, a.authority, a.inspectionId, a.published, a.service, a.kind, a.text, a.timescale, a.due, a.citation, at, a.supersededBy, a.inspected],
        );
      }
      for (const a of plan.update) {
        await c.query(
          `UPDATE actions SET short_id = $2, authority = $3, inspection_id = $4, published = $5, service = $6, kind = $7,
            text = $8, timescale = $9, due = $10, citation = $11::jsonb, updated_at = $12, superseded_by = $13::jsonb, inspected = $14 WHERE id = $1`,
          [a.id, a.shortId, a.authority, a.inspectionId, a.published, a.service, a.kind, a.text, a.timescale, a.due, a.citation, at, a.supersededBy, a.inspected],
        );
      }
      for (const ca of plan.carry) {
        await c.query("UPDATE actions SET status = $2, owner = $3, updated_at = $4 WHERE id = $1", [ca.id, ca.status, ca.owner, at]);
        for (const change of carryChanges(ca, at)) await addChange(c, change);
      }
      const supersededBy = new Map([...plan.insert, ...plan.update].map((a) => [a.id, a.supersededBy]));
      for (const [ids, archived] of [[plan.archive, true], [plan.unarchive, false]] as const) {
        for (const id of ids) {
          await c.query("UPDATE actions SET archived = $2, updated_at = $3 WHERE id = $1", [id, archived, at]);
          await addChange(c, archiveChange(id, archived, at, archived ? (supersededBy.get(id) ?? held.get(id)?.content.supersededBy) : null));
        }
      }
      return syncResult(plan);
    });
  }

  async listActions(filter: ActionFilter = {}): Promise<ActionRecord[]> {
    const where: string[] = [];
    const args: unknown[] = [];
    if (filter.authority !== undefined) {
      args.push(filter.authority);
      where.push(`lower(authority) = lower($${args.length})`);
    }
    if (filter.status !== undefined) {
      const statuses = Array.isArray(filter.status) ? filter.status : [filter.status];
      if (statuses.length === 0) return [];
      args.push(statuses);
      where.push(`status = ANY($${args.length}::text[])`);
    }
    if (!filter.includeArchived) where.push("NOT archived");
    // COLLATE "C": the same byte order SQLite uses, so both backends list in one order.
    const rows = await this.query(
      "listing actions",
      `SELECT ${ACTION_COLUMNS} FROM actions ${where.length ? `WHERE ${where.join(" AND ")}` : ""}
        ORDER BY authority COLLATE "C", due IS NULL, due COLLATE "C", id COLLATE "C"`,
      args,
    );
    return rows.map((r) => toRecord(mapAction(r)));
  }

  async getAction(id: string): Promise<ActionRecord | null> {
    const rows = await this.query("reading an action", `SELECT ${ACTION_COLUMNS} FROM actions WHERE id = $1`, [id]);
    return rows[0] ? toRecord(mapAction(rows[0])) : null;
  }

  async findActionIds(prefix: string): Promise<string[]> {
    const rows = await this.query(
      "looking up an action id",
      `SELECT id FROM (SELECT id FROM actions WHERE short_id LIKE $1 ESCAPE '\\' OR lower(id) LIKE $1 ESCAPE '\\'
        UNION SELECT action_id FROM action_aliases WHERE alias_short LIKE $1 ESCAPE '\\' OR lower(alias) LIKE $1 ESCAPE '\\') found
        ORDER BY id COLLATE "C"`,
      [likePrefix(prefix)],
    );
    return rows.map((r) => String(r.id));
  }

  async setStatus(id: string, status: ActionStatus, by: string, at: Date): Promise<ActionChange | null> {
    return this.changeField(id, "status", status, by, at);
  }

  async assign(id: string, owner: string | null, by: string, at: Date): Promise<ActionChange | null> {
    return this.changeField(id, "owner", owner, by, at);
  }

  /** FOR UPDATE holds the row, so two replicas changing one action write a true from/to chain. */
  private async changeField(id: string, field: "status" | "owner", to: string | null, by: string, at: Date): Promise<ActionChange | null> {
    return this.tx(`changing the ${field} of action ${id}`, async (c) => {
      const r = (await c.query(`SELECT ${field} AS value FROM actions WHERE id = $1 FOR UPDATE`, [id])).rows[0] as Row | undefined;
      if (!r) throw actionNotFound(id);
      const from = (r.value as string | null) ?? null;
      if (from === to) return null;
      await c.query(`UPDATE actions SET ${field} = $2, updated_at = $3 WHERE id = $1`, [id, to, at]);
      const change: ActionChange = { actionId: id, at: at.toISOString(), by, field, from, to };
      await addChange(c, change);
      return change;
    });
  }

  async history(id: string): Promise<ActionChange[]> {
    const exists = await this.query("reading an action's history", "SELECT 1 FROM actions WHERE id = $1", [id]);
    if (exists.length === 0) throw actionNotFound(id);
    const rows = await this.query(
      "reading an action's history",
      `SELECT action_id, at, changed_by, field, from_value, to_value FROM action_changes WHERE action_id = $1 ORDER BY seq`,
      [id],
    );
    return rows.map((r) => ({
      actionId: String(r.action_id),
      at: iso(r.at),
      by: String(r.changed_by),
      field: r.field as ActionChange["field"],
      from: (r.from_value as string | null) ?? null,
      to: (r.to_value as string | null) ?? null,
    }));
  }

  async subscribe(platform: Platform, destination: string, time: string, by: string, at: Date, authorities: readonly string[] = []): Promise<Subscription> {
    await this.query(
      "saving a digest subscription",
      `INSERT INTO subscriptions (platform, destination, send_time, authorities, created_by, created_at) VALUES ($1, $2, $3, $4::jsonb, $5, $6)
        ON CONFLICT (platform, destination) DO UPDATE SET send_time = excluded.send_time, authorities = excluded.authorities,
          created_by = excluded.created_by, created_at = excluded.created_at`,
      [platform, destination, time, JSON.stringify(authorities), by, at],
    );
    return { platform, destination, time, authorities: [...authorities], createdBy: by, createdAt: at.toISOString() };
  }

  async unsubscribe(platform: Platform, destination: string): Promise<boolean> {
    const rows = await this.query(
      "removing a digest subscription",
      "DELETE FROM subscriptions WHERE platform = $1 AND destination = $2 RETURNING 1",
      [platform, destination],
    );
    return rows.length > 0;
  }

  async listSubscriptions(platform?: Platform): Promise<Subscription[]> {
    const rows = await this.query(
      "listing digest subscriptions",
      `SELECT platform, destination, send_time, authorities, created_by, created_at FROM subscriptions
        ${platform ? "WHERE platform = $1" : ""} ORDER BY platform COLLATE "C", destination COLLATE "C"`,
      platform ? [platform] : [],
    );
    return rows.map((r) => ({
      platform: r.platform as Platform,
      destination: String(r.destination),
      time: String(r.send_time),
      authorities: (r.authorities as string[] | null) ?? [],
      createdBy: String(r.created_by),
      createdAt: iso(r.created_at),
    }));
  }

  async claimDigestSend(key: DigestSendKey, owner: string, now: Date, leaseUntil: Date): Promise<boolean> {
    // ON CONFLICT DO UPDATE locks the conflicting row, so of two replicas racing here
    // exactly one sees its own claimed_by returned; the other gets no row.
    const rows = await this.query(
      "claiming a digest send",
      `INSERT INTO digest_sends (platform, destination, day, state, claimed_by, lease_until, attempts, updated_at)
        VALUES ($1, $2, $3, 'claimed', $4, $5, 1, $6)
        ON CONFLICT (platform, destination, day) DO UPDATE SET state = 'claimed', claimed_by = excluded.claimed_by,
          lease_until = excluded.lease_until, attempts = digest_sends.attempts + 1, updated_at = excluded.updated_at
        WHERE digest_sends.state <> 'sent' AND digest_sends.lease_until <= excluded.updated_at
        RETURNING claimed_by`,
      [key.platform, key.destination, key.day, owner, leaseUntil, now],
    );
    return rows[0]?.claimed_by === owner;
  }

  async markDigestSent(key: DigestSendKey, owner: string, at: Date): Promise<boolean> {
    return this.tx("recording a digest as sent", async (c) => {
      const before = (
        await c.query("SELECT state, claimed_by FROM digest_sends WHERE platform = $1 AND destination = $2 AND day = $3 FOR UPDATE", [
          key.platform,
          key.destination,
          key.day,
        ])
      ).rows[0] as Row | undefined;
      // Marked sent whoever holds the claim now: the post did go out, and recording it
      // stops a replica that took over an expired lease from posting a third copy.
      await c.query(
        `UPDATE digest_sends SET state = 'sent', sent_at = $4, last_error = NULL, updated_at = $4
          WHERE platform = $1 AND destination = $2 AND day = $3 AND state <> 'sent'`,
        [key.platform, key.destination, key.day, at],
      );
      return before?.state === "claimed" && before.claimed_by === owner;
    });
  }

  async releaseDigestSend(key: DigestSendKey, owner: string, error: string, at: Date, retryAt: Date): Promise<void> {
    await this.query(
      "releasing a digest send",
      `UPDATE digest_sends SET state = 'failed', lease_until = $5, last_error = $6, updated_at = $7
        WHERE platform = $1 AND destination = $2 AND day = $3 AND state = 'claimed' AND claimed_by = $4`,
      [key.platform, key.destination, key.day, owner, retryAt, error.slice(0, 1000), at],
    );
  }

  async rememberDelivery(key: string, now: Date, expiresAt: Date): Promise<boolean> {
    // One statement, so two replicas offered one key at once cannot both win.
    const rows = await this.query(
      "remembering a chat delivery",
      `WITH forgotten AS (DELETE FROM seen_deliveries WHERE expires_at <= $3 AND delivery_key <> $1)
        INSERT INTO seen_deliveries (delivery_key, expires_at) VALUES ($1, $2)
        ON CONFLICT (delivery_key) DO UPDATE SET expires_at = excluded.expires_at WHERE seen_deliveries.expires_at <= $3
        RETURNING delivery_key`,
      [key, expiresAt, now],
    );
    return rows.length === 1;
  }

  async getDigestSend(key: DigestSendKey): Promise<DigestSendRecord | null> {
    const rows = await this.query(
      "reading a digest send",
      "SELECT * FROM digest_sends WHERE platform = $1 AND destination = $2 AND day = $3",
      [key.platform, key.destination, key.day],
    );
    const r = rows[0];
    if (!r) return null;
    return {
      platform: r.platform as Platform,
      destination: String(r.destination),
      day: String(r.day),
      state: r.state as DigestSendRecord["state"],
      claimedBy: String(r.claimed_by),
      leaseUntil: iso(r.lease_until),
      attempts: Number(r.attempts),
      lastError: (r.last_error as string | null) ?? null,
      sentAt: r.sent_at ? iso(r.sent_at) : null,
      updatedAt: iso(r.updated_at),
    };
  }

  async saveConversationReference(conversationId: string, reference: unknown): Promise<void> {
    await this.query(
      "saving a conversation reference",
      `INSERT INTO conversation_references (conversation_id, reference, updated_at) VALUES ($1, $2::jsonb, $3)
        ON CONFLICT (conversation_id) DO UPDATE SET reference = excluded.reference, updated_at = excluded.updated_at`,
      [conversationId, JSON.stringify(reference), this.clock()],
    );
  }

  async getConversationReference(conversationId: string): Promise<unknown | null> {
    const rows = await this.query(
      "reading a conversation reference",
      "SELECT reference::text AS reference FROM conversation_references WHERE conversation_id = $1",
      [conversationId],
    );
    return rows[0] ? (JSON.parse(String(rows[0].reference)) as unknown) : null;
  }

  async listConversationReferences(): Promise<{ conversationId: string; reference: unknown }[]> {
    const rows = await this.query(
      "listing conversation references",
      `SELECT conversation_id, reference::text AS reference FROM conversation_references ORDER BY conversation_id COLLATE "C"`,
    );
    return rows.map((r) => ({ conversationId: String(r.conversation_id), reference: JSON.parse(String(r.reference)) as unknown }));
  }

  async saveFollowUpContext(key: string, question: string, now: Date, expiresAt: Date): Promise<void> {
    // One statement: the expired rows go as the new one comes in.
    await this.query(
      "saving a follow-up context",
      `WITH expired AS (DELETE FROM follow_up_contexts WHERE expires_at <= $4 AND context_key <> $1)
        INSERT INTO follow_up_contexts (context_key, question, expires_at) VALUES ($1, $2, $3)
        ON CONFLICT (context_key) DO UPDATE SET question = excluded.question, expires_at = excluded.expires_at`,
      [key, question, expiresAt, now],
    );
  }

  async getFollowUpContext(key: string, now: Date): Promise<string | null> {
    const rows = await this.query("reading a follow-up context", "SELECT question FROM follow_up_contexts WHERE context_key = $1 AND expires_at > $2", [key, now]);
    return rows.length ? String(rows[0].question) : null;
  }

  async purgeFollowUpContexts(now: Date): Promise<number> {
    const rows = await this.query("purging follow-up contexts", "DELETE FROM follow_up_contexts WHERE expires_at <= $1 RETURNING context_key", [now]);
    return rows.length;
  }

  private readonly feedbackQuery: feedback.Query = (doing, sql, args) => this.query(doing, sql, args);

  async recordUnanswered(q: Omit<UnansweredQuestion, "askedAt">, at: Date): Promise<void> {
    await feedback.recordUnanswered(this.feedbackQuery, q, at);
  }

  async listUnanswered(since: Date): Promise<UnansweredQuestion[]> {
    return feedback.listUnanswered(this.feedbackQuery, since);
  }

  async saveVote(v: VoteInput, at: Date): Promise<{ previous: Vote | null }> {
    return feedback.saveVote(this.feedbackQuery, v, at);
  }

  async setVoteComment(key: Pick<FeedbackVote, "answerId" | "platform" | "userId">, comment: string | null, at: Date): Promise<boolean> {
    return feedback.setVoteComment(this.feedbackQuery, key, comment, at);
  }

  async listVotes(since: Date): Promise<FeedbackVote[]> {
    return feedback.listVotes(this.feedbackQuery, since);
  }

  async purgeQuestionLog(before: Date): Promise<PurgeResult> {
    return feedback.purgeQuestionLog(this.feedbackQuery, before);
  }

  private closed = false;

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }
}

/** Moves a row, its history and its aliases to a new id; the old id becomes an alias. */
async function rename(c: pg.PoolClient, from: string, to: string, at: Date): Promise<void> {
  await c.query(
    `INSERT INTO actions (id, short_id, authority, inspection_id, published, inspected, service, kind, text, timescale, due, citation,
        superseded_by, status, owner, archived, created_at, updated_at)
      SELECT $2, $3, authority, inspection_id, published, inspected, service, kind, text, timescale, due, citation,
        superseded_by, status, owner, archived, created_at, $4 FROM actions WHERE id = $1`,
    [from, to, shortId(to), at],
  );
  await c.query("UPDATE action_changes SET action_id = $2 WHERE action_id = $1", [from, to]);
  await c.query("UPDATE action_aliases SET action_id = $2 WHERE action_id = $1", [from, to]);
  await c.query("DELETE FROM action_aliases WHERE alias = $1", [to]);
  await c.query("DELETE FROM actions WHERE id = $1", [from]);
  await c.query(
    `INSERT INTO action_aliases (alias, alias_short, action_id, created_at) VALUES ($1, $2, $3, $4)
      ON CONFLICT (alias) DO UPDATE SET action_id = excluded.action_id`,
    [from, shortId(from), to, at],
  );
}

async function addChange(c: pg.PoolClient, ch: ActionChange): Promise<void> {
  await c.query("INSERT INTO action_changes (action_id, at, changed_by, field, from_value, to_value) VALUES ($1, $2, $3, $4, $5, $6)", [
    ch.actionId,
    ch.at,
    ch.by,
    ch.field,
    ch.from,
    ch.to,
  ]);
}

/** timestamptz comes back as a Date; everything leaves the store as ISO text. */
function iso(v: unknown): string {
  return v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString();
}

function mapAction(r: Row): ActionRow {
  return { ...(r as unknown as ActionRow), archived: r.archived === true, updatedAt: iso(r.updatedAt) };
}
