/**
 * The feedback tables in SQLite (see feedbackTypes.ts). Plain functions over the open
 * database; SqliteStore wraps each in its transaction and error handling.
 */
import type Database from "better-sqlite3";
import type { FeedbackVote, PurgeResult, UnansweredQuestion, Vote, VoteInput } from "./feedbackTypes.js";
import { unansweredFromRow, voteFromRow } from "./feedbackRows.js";

type Row = Record<string, unknown>;

/** Inserts one unanswered question. */
export function recordUnanswered(db: Database.Database, q: Omit<UnansweredQuestion, "askedAt">, at: Date): void {
  db.prepare(
    `INSERT INTO unanswered_questions (platform, question, wording, kind, reason, not_understood, asked_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(q.platform, q.question, q.wording, q.kind, q.reason, JSON.stringify(q.notUnderstood), at.toISOString());
}

/** Unanswered questions since `since`, oldest first. */
export function listUnanswered(db: Database.Database, since: Date): UnansweredQuestion[] {
  const rows = db
    .prepare(
      `SELECT platform, question, wording, kind, reason, not_understood, asked_at FROM unanswered_questions
       WHERE asked_at >= ? ORDER BY asked_at, seq`,
    )
    .all(since.toISOString()) as Row[];
  return rows.map((r) => unansweredFromRow(r, String(r.asked_at)));
}

/** Upserts a vote; call inside a write transaction so the previous vote read is the one replaced. */
export function saveVote(db: Database.Database, v: VoteInput, at: Date): { previous: Vote | null } {
  const before = db
    .prepare("SELECT vote FROM feedback_votes WHERE answer_id = ? AND platform = ? AND user_id = ?")
    .get(v.answerId, v.platform, v.userId) as Row | undefined;
  const keepComment = v.vote === "down" && v.comment === undefined ? 1 : 0;
  db.prepare(
    `INSERT INTO feedback_votes (answer_id, platform, user_id, vote, comment, question, kind, answered, citations, created_at, updated_at)
     VALUES (@answerId, @platform, @userId, @vote, @comment, @question, @kind, @answered, @citations, @at, @at)
     ON CONFLICT (answer_id, platform, user_id) DO UPDATE SET vote = excluded.vote,
       comment = CASE WHEN @keepComment = 1 THEN feedback_votes.comment ELSE excluded.comment END,
       question = excluded.question, kind = excluded.kind, answered = excluded.answered, citations = excluded.citations,
       updated_at = excluded.updated_at`,
  ).run({
    answerId: v.answerId,
    platform: v.platform,
    userId: v.userId,
    vote: v.vote,
    comment: v.vote === "down" ? (v.comment ?? null) : null,
    question: v.question,
    kind: v.kind,
    answered: v.answered ? 1 : 0,
    citations: JSON.stringify(v.citations),
    at: at.toISOString(),
    keepComment,
  });
  return { previous: before ? (before.vote as Vote) : null };
}

/** Sets the comment of an existing vote. */
export function setVoteComment(db: Database.Database, key: Pick<FeedbackVote, "answerId" | "platform" | "userId">, comment: string | null, at: Date): boolean {
  return (
    db
      .prepare("UPDATE feedback_votes SET comment = ?, updated_at = ? WHERE answer_id = ? AND platform = ? AND user_id = ?")
      .run(comment, at.toISOString(), key.answerId, key.platform, key.userId).changes > 0
  );
}

/** Votes since `since`, oldest first. */
export function listVotes(db: Database.Database, since: Date): FeedbackVote[] {
  const rows = db
    .prepare(
      `SELECT answer_id, platform, user_id, vote, comment, question, kind, answered, citations, updated_at FROM feedback_votes
       WHERE updated_at >= ? ORDER BY updated_at, answer_id, user_id`,
    )
    .all(since.toISOString()) as Row[];
  return rows.map((r) => voteFromRow(r, r.answered === 1, String(r.updated_at)));
}

/** Deletes rows older than `before`. */
export function purgeQuestionLog(db: Database.Database, before: Date): PurgeResult {
  const cut = before.toISOString();
  return {
    unanswered: db.prepare("DELETE FROM unanswered_questions WHERE asked_at < ?").run(cut).changes,
    votes: db.prepare("DELETE FROM feedback_votes WHERE updated_at < ?").run(cut).changes,
  };
}
