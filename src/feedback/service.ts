/**
 * Learning from use: keeps chat questions the bot could not answer, records 👍 / 👎 on
 * answers, builds the maintainers' report, and purges it all after QUESTION_LOG_DAYS.
 * Questions can name children or staff: with QUESTION_LOG_DAYS=0 nothing is written at
 * all, and no question text ever goes to the log.
 */
import type { Clock } from "../clock.js";
import { DEFAULT_QUESTION_LOG_DAYS, type Settings } from "../config.js";
import type { FeedbackStore, PurgeResult, QuestionPlatform, Vote } from "../store/feedbackTypes.js";
import type { Answer } from "../types.js";
import { buildFeedbackReport, type FeedbackReport } from "./report.js";
import { normaliseWording, notUnderstoodOf, reasonOf } from "./wording.js";

const DAY_MS = 86_400_000;

/** Longest comment kept ("what was wrong?" is a sentence or two, not an essay). */
export const MAX_COMMENT_CHARS = 1000;

/** Which vote, on which answer, by whom. */
export interface VoteRequest {
  answerId: string;
  platform: "slack" | "teams";
  userId: string;
  vote: Vote;
  /** Undefined keeps an earlier 👎 comment; a 👍 never has one. */
  comment?: string | null;
}

/** What FeedbackService needs. */
export interface FeedbackServiceOptions {
  store: FeedbackStore;
  clock: Clock;
  settings: Pick<Settings, "adminUsers" | "questionLogDays">;
  /** Where failures go (never with question text). */
  log?: (line: string) => void;
}

/** The feedback workflow the adapters, the terminal chat and the CLI share. */
export class FeedbackService {
  /** QUESTION_LOG_DAYS. */
  readonly keepDays: number;
  private readonly log: (line: string) => void;

  constructor(private readonly opts: FeedbackServiceOptions) {
    this.keepDays = opts.settings.questionLogDays ?? DEFAULT_QUESTION_LOG_DAYS;
    this.log = opts.log ?? (() => {});
  }

  /** False with QUESTION_LOG_DAYS=0: nothing is kept, so adapters show no feedback buttons. */
  get keeping(): boolean {
    return this.keepDays > 0;
  }

  /**
   * Keeps a chat question the answer could not answer (help and answered questions are
   * not kept). Never throws: a store failure costs the log a row, not the user their answer.
   */
  async noteAnswer(answer: Answer, platform: QuestionPlatform): Promise<void> {
    if (!this.keeping || answer.answered || answer.kind === "help" || !answer.question.trim()) return;
    try {
      await this.opts.store.recordUnanswered(
        { platform, question: answer.question, wording: normaliseWording(answer.question), kind: answer.kind, reason: reasonOf(answer), notUnderstood: notUnderstoodOf(answer) },
        this.opts.clock(),
      );
    } catch (err) {
      this.log(`feedback: could not keep an unanswered ${platform} question: ${errorCode(err)}`);
    }
  }

  /**
   * Records a person's 👍 / 👎 on `answer` (the answer their button was under), replacing
   * their earlier vote on it. Returns the vote replaced, or null; nothing is kept (and
   * null returned) with QUESTION_LOG_DAYS=0.
   */
  async vote(req: VoteRequest, answer: Answer): Promise<{ previous: Vote | null }> {
    if (!this.keeping) return { previous: null };
    return this.opts.store.saveVote(
      {
        answerId: req.answerId,
        platform: req.platform,
        userId: req.userId,
        vote: req.vote,
        comment: req.comment === undefined ? undefined : cleanComment(req.comment),
        question: answer.question,
        kind: answer.kind,
        answered: answer.answered,
        citations: answer.citations,
      },
      this.opts.clock(),
    );
  }

  /** Adds "what was wrong?" to a person's vote; false when they have no vote on that answer. */
  async comment(key: Pick<VoteRequest, "answerId" | "platform" | "userId">, comment: string | null): Promise<boolean> {
    if (!this.keeping) return false;
    return this.opts.store.setVoteComment(key, cleanComment(comment), this.opts.clock());
  }

  /** The service's clock, for "7d back from now". */
  now(): Date {
    return this.opts.clock();
  }

  /** True when `userId` may read the report: everyone when ADMIN_USERS is empty. */
  mayReadReport(userId: string): boolean {
    const admins = this.opts.settings.adminUsers;
    return admins.length === 0 || admins.includes(userId);
  }

  /** The report from `since` (default: everything kept); never older than QUESTION_LOG_DAYS. */
  async report(since?: Date): Promise<FeedbackReport> {
    if (!this.keeping) return { unanswered: [], negative: [], positive: 0 };
    const from = new Date(Math.max(since?.getTime() ?? 0, this.cutoff().getTime()));
    const [questions, votes] = await Promise.all([this.opts.store.listUnanswered(from), this.opts.store.listVotes(from)]);
    return buildFeedbackReport(questions, votes);
  }

  /** Deletes questions and votes older than QUESTION_LOG_DAYS (all of them when it is 0). */
  purge(): Promise<PurgeResult> {
    return this.opts.store.purgeQuestionLog(this.cutoff());
  }

  private cutoff(): Date {
    return new Date(this.opts.clock().getTime() - this.keepDays * DAY_MS);
  }
}

/** Trimmed, at most MAX_COMMENT_CHARS; empty becomes null. */
function cleanComment(c: string | null): string | null {
  const t = (c ?? "").trim();
  return t ? t.slice(0, MAX_COMMENT_CHARS) : null;
}

/** An error's code or class, never its message: a driver's message can quote the values written. */
export function errorCode(err: unknown): string {
  const code = (err as { code?: unknown })?.code;
  return typeof code === "string" ? code : err instanceof Error ? err.name : "unknown error";
}
