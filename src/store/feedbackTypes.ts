/**
 * The store's part in learning from use: questions the bot could not answer, and the 👍 /
 * 👎 people gave answers in Slack and Teams. Both rows hold question text, which can name
 * children or staff, so both are purged after QUESTION_LOG_DAYS (see src/feedback).
 */
import type { Citation } from "../types.js";

/** Where a question was asked. The `ask` CLI's batches are never logged. */
export type QuestionPlatform = "slack" | "teams" | "terminal";

/** A chat question answered `answered: false`, as stored. */
export interface UnansweredQuestion {
  platform: QuestionPlatform;
  /** The question as asked. */
  question: string;
  /** The grouping key: the question's normalised wording (see src/feedback/wording.ts). */
  wording: string;
  /** The answer's kind (`unknown`, `grade` …). */
  kind: string;
  /** Why it was not answered: the answer's first sentence. */
  reason: string;
  /** Words of the question the bot said it did not understand (empty when it named none). */
  notUnderstood: string[];
  /** ISO timestamp. */
  askedAt: string;
}

/** 👍 or 👎. */
export type Vote = "up" | "down";

/** One person's vote on one answer (pressing again changes it; there is one row per person and answer). */
export interface FeedbackVote {
  /** The id the adapter gave the answer when it rendered its buttons. */
  answerId: string;
  platform: "slack" | "teams";
  /** Slack user id or Teams Entra object id: who voted (so a second press changes their vote only). */
  userId: string;
  vote: Vote;
  /** "What was wrong?" for a 👎, when given. */
  comment: string | null;
  question: string;
  kind: string;
  answered: boolean;
  citations: Citation[];
  /** ISO timestamp of the latest press. */
  votedAt: string;
}

/** What `saveVote` writes; `comment` undefined keeps a 👎's earlier comment (a 👍 always clears it). */
export type VoteInput = Omit<FeedbackVote, "votedAt" | "comment"> & { comment?: string | null };

/** How many rows a purge removed. */
export interface PurgeResult {
  unanswered: number;
  votes: number;
}

/**
 * The feedback half of the store. Times go in as `Date` from the caller's clock and come
 * out as ISO strings, like the rest of the store.
 */
export interface FeedbackStore {
  /** Keeps one unanswered question (`askedAt` is ignored: `at` is used). */
  recordUnanswered(q: Omit<UnansweredQuestion, "askedAt">, at: Date): Promise<void>;
  /** Unanswered questions asked at or after `since`, oldest first. */
  listUnanswered(since: Date): Promise<UnansweredQuestion[]>;
  /**
   * Records a person's vote on an answer, replacing their earlier vote on it (never anyone
   * else's). Returns the vote it replaced, or null for a first press.
   */
  saveVote(v: VoteInput, at: Date): Promise<{ previous: Vote | null }>;
  /** Sets the comment on a person's vote; false when they have no vote on that answer. */
  setVoteComment(key: Pick<FeedbackVote, "answerId" | "platform" | "userId">, comment: string | null, at: Date): Promise<boolean>;
  /** Votes cast (or last changed) at or after `since`, oldest first. */
  listVotes(since: Date): Promise<FeedbackVote[]>;
  /** Deletes unanswered questions and votes older than `before` (everything when `before` is now or later). */
  purgeQuestionLog(before: Date): Promise<PurgeResult>;
}
