/**
 * The platform-neutral shapes of the actions workflow. Adapters render these (Slack Block
 * Kit with buttons, Teams Adaptive Cards with Action.Submit) and never see the store.
 */
import type { Citation } from "../types.js";
import type { SupersededBy } from "./supersede.js";
import type { ErrorCode } from "../errors.js";
import type { ActionStatus, Platform } from "../store/types.js";

/** Who is asking or changing: a Slack user id or a Teams AAD object id, and a display name. */
export interface Actor {
  id: string;
  name: string;
}

/** An action as shown to people, worked out as of one day. */
export interface ActionView {
  /** Full stable id: put this in button payloads. */
  id: string;
  /** Short id to show and to type (`actions done 1a2b3c4d`); any unique prefix works too. */
  ref: string;
  authority: string;
  inspectionId: string;
  /** Publication date of the inspection report (ISO), when known. */
  published: string | null;
  /** How long before the view's day the report was published ("1 year 4 months ago"), when known. */
  publishedAgo: string | null;
  /** The day the inspection started (ISO), when its report states it. */
  inspected: string | null;
  /** How long before the view's day the inspection started, when known. */
  inspectedAgo: string | null;
  service: string | null;
  kind: "recommendation" | "priority-action" | "area-for-improvement" | "deadline";
  text: string;
  /** As the report words it ("Immediately", "Within three months"), or null. */
  timescale: string | null;
  /** ISO due date, or null when none could be worked out. */
  due: string | null;
  status: ActionStatus;
  owner: string | null;
  archived: boolean;
  /** The later inspection of the same authority that replaced this action's (it is then archived), or null. */
  supersededBy: SupersededBy | null;
  /** True when due before the day the view was made for and not done. */
  overdue: boolean;
  /** Whole days past the due date (0 when not overdue). */
  daysOverdue: number;
  citation: Citation;
}

/** Where a chat command came from. */
export interface ActionsContext {
  actor: Actor;
  /** "terminal" for the terminal chat, which has nowhere to post a digest. */
  platform: Platform | "terminal";
  /** Slack channel id or Teams conversation id: where a subscription would post. */
  destination: string;
}

/** What a chat command produced; `text` is plain (no markup), adapters escape and decorate. */
export interface ActionsReply {
  /** Which command ran (or "error" when the words could not be understood or the change was refused). */
  command: "list" | "overdue" | "done" | "reopen" | "start" | "assign" | "subscribe" | "unsubscribe" | "help" | "error";
  ok: boolean;
  /** A headline or the whole answer, plain text. */
  text: string;
  /** Actions to show under the text, each with its buttons (done / reopen / start). */
  actions: ActionView[];
  /** Set when ok is false. */
  error?: { code: ErrorCode; message: string; hint?: string };
}
