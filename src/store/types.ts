/**
 * The store port: one interface, two backends (SQLite by default, PostgreSQL with
 * DATABASE_URL). The actions workflow, the digest scheduler and the Teams adapter's
 * conversation references all go through it, so several replicas can share one database.
 */
import type { SupersededBy } from "../actions/supersede.js";
import type { Action } from "../types.js";
import type { FeedbackStore } from "./feedbackTypes.js";

/** Where an action stands. */
export type ActionStatus = "open" | "in-progress" | "done";

/** An action as tracked: the extracted action plus workflow state. */
export interface ActionRecord extends Omit<Action, "inspection"> {
  inspectionId: string;
  /** Publication date of the inspection report (ISO), when known. */
  published: string | null;
  /** The day the inspection started (ISO), when its report states it. */
  inspected: string | null;
  status: ActionStatus;
  owner: string | null;
  /** True when the action is no longer in the corpus, or a later inspection superseded it (kept, never deleted). */
  archived: boolean;
  /** The later inspection of the same authority that replaced this action's, or null while it is current. */
  supersededBy: SupersededBy | null;
  updatedAt: string;
}

/** One change to an action, kept forever. */
export interface ActionChange {
  actionId: string;
  at: string;
  by: string;
  field: "status" | "owner" | "archived";
  from: string | null;
  to: string | null;
}

/** A chat destination that asked for the daily digest. */
export interface Subscription {
  platform: "slack" | "teams";
  /** Slack channel id, or Teams conversation id. */
  destination: string;
  /** HH:MM in the digest time zone. */
  time: string;
  /** The authorities whose actions its digest lists (canonical names); empty = all. */
  authorities: string[];
  createdBy: string;
  createdAt: string;
}

/** Stores Bot Framework conversation references so the bot can post proactively. */
export interface ConversationReferenceStore {
  saveConversationReference(conversationId: string, reference: unknown): Promise<void>;
  getConversationReference(conversationId: string): Promise<unknown | null>;
  listConversationReferences(): Promise<{ conversationId: string; reference: unknown }[]>;
}

/**
 * The question each conversation's follow-ups build on ("and for care leavers?" after
 * "What was Halton's grade for adoption?"), kept only for a short while. Keys are opaque
 * (the caller hashes them); times come from the caller's clock.
 */
export interface FollowUpContextStore {
  /**
   * Keeps `question` as the conversation's context until `expiresAt`, replacing any earlier
   * one, and deletes every context that has expired by `now`.
   */
  saveFollowUpContext(key: string, question: string, now: Date, expiresAt: Date): Promise<void>;
  /** The conversation's context, or null when there is none or it has expired by `now`. */
  getFollowUpContext(key: string, now: Date): Promise<string | null>;
  /** Deletes every context that has expired by `now` (all of them with a `now` far enough ahead); returns how many. */
  purgeFollowUpContexts(now: Date): Promise<number>;
}

/** A chat platform the digest and the actions commands serve. */
export type Platform = Subscription["platform"];

/** What `Store.listActions` returns; every field is optional and they combine with AND. */
export interface ActionFilter {
  /** Canonical authority name, matched case-insensitively. */
  authority?: string;
  /** One status or several (e.g. `["open", "in-progress"]` for "not done"). */
  status?: ActionStatus | ActionStatus[];
  /** Archived actions (gone from the corpus) are left out unless this is true. */
  includeArchived?: boolean;
}

/** What one `Store.syncActions` call did, by action id. */
export interface SyncResult {
  added: string[];
  /** Text, due date or citation changed (status and owner never change on sync). */
  updated: string[];
  archived: string[];
  /** Of `archived`, those a later inspection of the same authority superseded. */
  superseded: string[];
  /** New actions of a later inspection that repeat a superseded one word for word and took its status and owner. */
  carried: { from: string; to: string }[];
  unarchived: string[];
  /**
   * Held actions the corpus now names by another id (an older id scheme, a report renamed
   * or moved together with a changed reading): carried over with status, owner and
   * history; the old id still resolves.
   */
  renamed: { from: string; to: string }[];
  unchanged: number;
}

/** One destination's digest on one day: the unit that is sent exactly once. */
export interface DigestSendKey {
  platform: Platform;
  destination: string;
  /** ISO date (YYYY-MM-DD) in the digest time zone. */
  day: string;
}

/**
 * The bookkeeping row behind exactly-once digests. `claimed` = some replica is posting it
 * (until `leaseUntil`); `failed` = the post failed and may be claimed again from
 * `leaseUntil`; `sent` = final, never claimed again.
 */
export interface DigestSendRecord extends DigestSendKey {
  state: "claimed" | "failed" | "sent";
  claimedBy: string;
  leaseUntil: string;
  attempts: number;
  lastError: string | null;
  sentAt: string | null;
  updatedAt: string;
}

/**
 * The whole store: actions with their workflow state and history, digest subscriptions,
 * digest delivery bookkeeping, Teams conversation references, the question log and
 * feedback votes (feedbackTypes.ts), and the follow-up contexts of conversations. Timestamps go in as
 * `Date` (from the caller's clock, never the database's) and come out as ISO strings.
 * Every method may throw AppError `STORE_FAILED`; the ones taking an action id throw
 * `ACTION_NOT_FOUND` for an id the store does not hold.
 */
export interface Store extends ConversationReferenceStore, FeedbackStore, FollowUpContextStore {
  /** Which backend this is, for logs and the health check. */
  readonly backend: "sqlite" | "postgres";
  /** Applies pending schema migrations (idempotent; safe with several replicas starting at once). */
  migrate(): Promise<void>;
  /**
   * Makes the store hold exactly the corpus's actions: new ones are added (status open),
   * known ones keep status and owner (their text, due date and citation are refreshed),
   * ones gone from the corpus are archived (never deleted), archived ones that are back are
   * unarchived. Archive changes are written to the history as by `corpus`.
   */
  syncActions(actions: readonly Action[], at: Date): Promise<SyncResult>;
  /** Actions matching the filter, by authority then due date. */
  listActions(filter?: ActionFilter): Promise<ActionRecord[]>;
  /** One action by its full id, or null. */
  getAction(id: string): Promise<ActionRecord | null>;
  /**
   * Full ids of actions whose id or short id starts with `prefix` (case-insensitive),
   * archived included; also of actions once known by such an id (see SyncResult.renamed).
   */
  findActionIds(prefix: string): Promise<string[]>;
  /** Sets the status; returns the change written, or null when the status was already that. */
  setStatus(id: string, status: ActionStatus, by: string, at: Date): Promise<ActionChange | null>;
  /** Sets (or with null clears) the owner; returns the change written, or null when unchanged. */
  assign(id: string, owner: string | null, by: string, at: Date): Promise<ActionChange | null>;
  /** Every change to an action, oldest first. */
  history(id: string): Promise<ActionChange[]>;
  /**
   * Subscribes a destination to the daily digest at `time` (HH:MM in the digest time zone),
   * of `authorities` only (empty or absent = all). Subscribing again replaces the time, the
   * authorities, and `createdBy`/`createdAt` with the new request.
   */
  subscribe(platform: Platform, destination: string, time: string, by: string, at: Date, authorities?: readonly string[]): Promise<Subscription>;
  /** Removes a subscription; false when there was none. */
  unsubscribe(platform: Platform, destination: string): Promise<boolean>;
  /** Every subscription (of one platform when given), by platform then destination. */
  listSubscriptions(platform?: Platform): Promise<Subscription[]>;
  /**
   * Atomically claims the right to post one digest. True only for the one caller that got
   * it: no row yet, or a `claimed`/`failed` row whose lease has run out by `now`. Never
   * true once the row is `sent`.
   */
  claimDigestSend(key: DigestSendKey, owner: string, now: Date, leaseUntil: Date): Promise<boolean>;
  /** Records the digest as sent (after the post succeeded). Returns false if `owner` had lost its claim. */
  markDigestSent(key: DigestSendKey, owner: string, at: Date): Promise<boolean>;
  /** Gives a claim back after a failed post: it may be claimed again from `retryAt`. */
  releaseDigestSend(key: DigestSendKey, owner: string, error: string, at: Date, retryAt: Date): Promise<void>;
  /** The bookkeeping row for one digest, or null when nobody has claimed it. */
  getDigestSend(key: DigestSendKey): Promise<DigestSendRecord | null>;
  /**
   * Remembers one chat delivery (a Slack event id, a Teams activity id) until `expiresAt`,
   * so a platform's retry that reaches another replica is not answered again. True for the
   * one caller that offered the key first (or again after it expired); false for every
   * repeat, from any instance. Expired keys are forgotten as new ones come in.
   */
  rememberDelivery(key: string, now: Date, expiresAt: Date): Promise<boolean>;
  /** Releases the connection(s). The store is unusable afterwards. */
  close(): Promise<void>;
}
