/**
 * The daily digest as data, and the port each chat platform implements to post it.
 * Adapters turn a Digest into Block Kit (Slack) or an Adaptive Card (Teams), with a
 * "Done" button per action carrying `ActionView.id`.
 */
import type { ActionView } from "../actions/types.js";

/** The open actions of one authority. */
export interface DigestGroup {
  authority: string;
  /** Most pressing first: overdue (longest overdue first), then by due date, then undated. */
  actions: ActionView[];
  overdueCount: number;
}

/** What is still open on one day: the same for every destination. */
export interface Digest {
  /** The day (ISO, in DIGEST_TZ) the digest is for; "overdue" is worked out against it. */
  date: string;
  /** One line, plain text: "12 open actions across 4 authorities, 5 overdue." or "Nothing is open ...". */
  summary: string;
  openCount: number;
  overdueCount: number;
  /** Authorities with overdue actions first (most overdue first), then the rest by name. Empty when nothing is open. */
  groups: DigestGroup[];
}

/**
 * Posts a digest to one destination. The Slack adapter implements it with chat.postMessage
 * (destination = channel id), the Teams adapter with continueConversationAsync
 * (destination = conversation id, reference from the ConversationReferenceStore).
 *
 * Contract: resolve only once the platform has accepted the message; reject (throw) when
 * it has not, and the scheduler will retry on a later tick and not record the digest as
 * sent. Do not retry inside `send` for long: the scheduler's claim on the send lasts a
 * few minutes, and a post still running after it may be duplicated by another replica.
 * Long digests are the sender's to split or trim (Slack: 50 blocks a message).
 */
export interface DigestSender {
  send(destination: string, digest: Digest): Promise<void>;
}
