/**
 * Result rows of the feedback tables → records, for both backends. The callers convert
 * what differs between drivers (timestamps, booleans) and pass JSON columns as text.
 */
import type { Citation } from "../types.js";
import type { FeedbackVote, UnansweredQuestion, Vote } from "./feedbackTypes.js";

type Row = Record<string, unknown>;

/** An unanswered_questions row (not_understood as JSON text) with its time as ISO. */
export function unansweredFromRow(r: Row, askedAt: string): UnansweredQuestion {
  return {
    platform: r.platform as UnansweredQuestion["platform"],
    question: String(r.question),
    wording: String(r.wording),
    kind: String(r.kind),
    reason: String(r.reason),
    notUnderstood: JSON.parse(String(r.not_understood)) as string[],
    askedAt,
  };
}

/** A feedback_votes row (citations as JSON text) with its flag and time converted. */
export function voteFromRow(r: Row, answered: boolean, votedAt: string): FeedbackVote {
  return {
    answerId: String(r.answer_id),
    platform: r.platform as FeedbackVote["platform"],
    userId: String(r.user_id),
    vote: r.vote as Vote,
    comment: (r.comment as string | null) ?? null,
    question: String(r.question),
    kind: String(r.kind),
    answered,
    citations: JSON.parse(String(r.citations)) as Citation[],
    votedAt,
  };
}
