/**
 * The feedback tables in PostgreSQL (see feedbackTypes.ts). Each function is one
 * statement, so it is atomic without an explicit transaction; PostgresStore passes its
 * `query` (which turns driver errors into STORE_FAILED).
 */
import type { FeedbackVote, PurgeResult, UnansweredQuestion, Vote, VoteInput } from "./feedbackTypes.js";
import { unansweredFromRow, voteFromRow } from "./feedbackRows.js";

type Row = Record<string, unknown>;

/** PostgresStore's query: `doing` names the work for the error message. */
export type Query = (doing: string, sql: string, args?: unknown[]) => Promise<Row[]>;

/** timestamptz comes back as a Date; everything leaves the store as ISO text. */
function iso(v: unknown): string {
  return v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString();
}

/** Inserts one unanswered question. */
export async function recordUnanswered(query: Query, q: Omit<UnansweredQuestion, "askedAt">, at: Date): Promise<void> {
  await query(
    "recording an unanswered question",
    `INSERT INTO unanswered_questions (platform, question, wording, kind, reason, not_understood, asked_at)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7)`,
    [q.platform, q.question, q.wording, q.kind, q.reason, JSON.stringify(q.notUnderstood), at],
  );
}

/** Unanswered questions since `since`, oldest first. */
export async function listUnanswered(query: Query, since: Date): Promise<UnansweredQuestion[]> {
  const rows = await query(
    "listing unanswered questions",
    `SELECT platform, question, wording, kind, reason, not_understood::text AS not_understood, asked_at FROM unanswered_questions
     WHERE asked_at >= $1 ORDER BY asked_at, seq`,
    [since],
  );
  return rows.map((r) => unansweredFromRow(r, iso(r.asked_at)));
}

/**
 * Upserts a vote in one statement; the CTE reads the row as it was before the statement,
 * so `previous` is the vote replaced even with two presses racing on two replicas.
 */
export async function saveVote(query: Query, v: VoteInput, at: Date): Promise<{ previous: Vote | null }> {
  const keepComment = v.vote === "down" && v.comment === undefined;
  const rows = await query(
    "saving a feedback vote",
    `WITH old AS (SELECT vote FROM feedback_votes WHERE answer_id = $1 AND platform = $2 AND user_id = $3)
     INSERT INTO feedback_votes (answer_id, platform, user_id, vote, comment, question, kind, answered, citations, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10, $10)
     ON CONFLICT (answer_id, platform, user_id) DO UPDATE SET vote = excluded.vote,
       comment = CASE WHEN $11 THEN feedback_votes.comment ELSE excluded.comment END,
       question = excluded.question, kind = excluded.kind, answered = excluded.answered, citations = excluded.citations,
       updated_at = excluded.updated_at
     RETURNING (SELECT vote FROM old) AS previous`,
    [
      v.answerId,
      v.platform,
      v.userId,
      v.vote,
      v.vote === "down" ? (v.comment ?? null) : null,
      v.question,
      v.kind,
      v.answered,
      JSON.stringify(v.citations),
      at,
      keepComment,
    ],
  );
  return { previous: (rows[0]?.previous as Vote | null | undefined) ?? null };
}

/** Sets the comment of an existing vote. */
export async function setVoteComment(query: Query, key: Pick<FeedbackVote, "answerId" | "platform" | "userId">, comment: string | null, at: Date): Promise<boolean> {
  const rows = await query(
    "saving a feedback comment",
    "UPDATE feedback_votes SET comment = $4, updated_at = $5 WHERE answer_id = $1 AND platform = $2 AND user_id = $3 RETURNING 1",
    [key.answerId, key.platform, key.userId, comment, at],
  );
  return rows.length > 0;
}

/** Votes since `since`, oldest first. */
export async function listVotes(query: Query, since: Date): Promise<FeedbackVote[]> {
  const rows = await query(
    "listing feedback votes",
    `SELECT answer_id, platform, user_id, vote, comment, question, kind, answered, citations::text AS citations, updated_at
     FROM feedback_votes WHERE updated_at >= $1 ORDER BY updated_at, answer_id COLLATE "C", user_id COLLATE "C"`,
    [since],
  );
  return rows.map((r) => voteFromRow(r, r.answered === true, iso(r.updated_at)));
}

/** Deletes rows older than `before`. */
export async function purgeQuestionLog(query: Query, before: Date): Promise<PurgeResult> {
  const rows = await query(
    "purging the question log",
    `WITH u AS (DELETE FROM unanswered_questions WHERE asked_at < $1 RETURNING 1),
          v AS (DELETE FROM feedback_votes WHERE updated_at < $1 RETURNING 1)
     SELECT (SELECT count(*) FROM u)::int AS unanswered, (SELECT count(*) FROM v)::int AS votes`,
    [before],
  );
  return { unanswered: Number(rows[0]?.unanswered ?? 0), votes: Number(rows[0]?.votes ?? 0) };
}
