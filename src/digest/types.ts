/**
 * The daily digest as data, and the port each chat platform implements to post it.
 * Adapters turn a Digest into Block Kit (Slack) or an Adaptive Card (Teams), with a
 * "Done" button per action carrying `ActionView.id`.
 */
import type { ActionView } from "../actions/types.js";

/** The open actions of one inspection of an authority. */
export interface DigestInspection {
  inspectionId: string;
  /** The report as people know it ("Halton, inspection of May 2024"), else the authority and its file. */
  title: string;
  /** Publication date of its report (ISO), and how long before the digest's day that was. */
  published: string | null;
  publishedAgo: string | null;
  /** The day the inspection started (ISO), and how long before the digest's day that was. */
  inspected: string | null;
  inspectedAgo: string | null;
  openCount: number;
  overdueCount: number;
  /** Its actions, most pressing first; empty in a summarised digest (see `Digest.summarised`). */
  actions: ActionView[];
}

/** The open actions of one authority. */
export interface DigestGroup {
  authority: string;
  /** The actions shown, most pressing first: overdue (longest overdue first), then by due date, then undated. Empty in a summarised digest. */
  actions: ActionView[];
  /** Open (and in-progress) actions of the authority, shown or not. */
  openCount: number;
  overdueCount: number;
  /** The same actions by inspection (an authority has one current inspection, but a store may hold more). */
  inspections: DigestInspection[];
}

/** What is still open on one day for one scope: the same for every destination with that scope. */
export interface Digest {
  /** The day (ISO, in DIGEST_TZ) the digest is for; "overdue" is worked out against it. */
  date: string;
  /** One line, plain text: "12 open actions across 4 authorities, 5 overdue." or "Nothing is open ...". */
  summary: string;
  openCount: number;
  overdueCount: number;
  /** Authorities with overdue actions first (most overdue first), then the rest by name. Empty when nothing is open. */
  groups: DigestGroup[];
  /** The authorities it is limited to (canonical names); empty = all. */
  scope: string[];
  /** True when too many actions are open to list: groups give counts only, and `more` says how to see them. */
  summarised: boolean;
  /** How to see the actions a summarised digest leaves out (plain text), or null. */
  more: string | null;
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
