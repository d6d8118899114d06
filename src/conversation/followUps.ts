/**
 * Conversations: a follow-up ("and for care leavers?", "what about Derby?", "and in
 * 2014?") builds on the last question of the same conversation, which adapters name with
 * an opaque key (a Slack thread, a Teams conversation, a terminal session). That question
 * is kept in the Store, so replicas share it, for FOLLOW_UP_MINUTES after it was asked,
 * measured on the injected clock; then it is neither read nor kept. Only the question's
 * text is kept, under a hash of the key. The core stays free of the platforms: it never
 * reads a key, only compares its hash.
 */
import { createHash } from "node:crypto";
import type { Bot } from "../bot.js";
import type { Clock } from "../clock.js";
import type { Settings } from "../config.js";
import type { FollowUpContextStore } from "../store/types.js";
import type { Answer } from "../types.js";
import { MemoryFollowUpContexts } from "./memory.js";

/** How long a conversation's last question can be followed on from. */
export const FOLLOW_UP_MINUTES = 30;

/** What Conversations needs. */
export interface ConversationsOptions {
  store: FollowUpContextStore;
  clock: Clock;
  /** How long a question can be followed on from (default FOLLOW_UP_MINUTES). */
  ttlMs?: number;
  /** Where store failures go (never with question text). */
  log?: (line: string) => void;
}

/** The words put before a follow-up's interpretation, so the user sees what was assumed. */
export const FOLLOWING_ON = "following on from your last question: ";

/** Answers questions within conversations, following on where a question is a follow-up. */
export class Conversations {
  private readonly ttlMs: number;
  private readonly log: (line: string) => void;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly opts: ConversationsOptions) {
    this.ttlMs = opts.ttlMs ?? FOLLOW_UP_MINUTES * 60_000;
    this.log = opts.log ?? (() => {});
  }

  /**
   * Answers `question` asked in `conversation`. A follow-up of the conversation's last
   * question (asked within the expiry) is answered as that question with the new slot;
   * the answer's `question` is then the whole question answered, `asked` what was typed,
   * and its interpretation starts "following on from your last question". Anything else is
   * answered on its own. Never throws for a store failure: the question is then answered
   * on its own.
   */
  async ask(bot: Pick<Bot, "ask" | "followOn">, conversation: string, question: string): Promise<Answer> {
    const key = contextKey(conversation);
    const now = this.opts.clock();
    let previous: string | null = null;
    try {
      previous = await this.opts.store.getFollowUpContext(key, now);
    } catch (err) {
      this.log(`conversations: could not read a follow-up context; answering on its own: ${errorCode(err)}`);
    }
    const followed = previous ? bot.followOn(previous, question) : null;
    let answer = bot.ask(followed?.question ?? question);
    if (followed) answer = { ...answer, asked: question, interpretation: `${FOLLOWING_ON}${answer.interpretation ?? ""}` };
    // Help is no question to follow on from; anything else asked is the conversation's last question.
    if (answer.kind !== "help" && answer.question.trim()) {
      try {
        await this.opts.store.saveFollowUpContext(key, answer.question, now, new Date(now.getTime() + this.ttlMs));
      } catch (err) {
        this.log(`conversations: could not keep a follow-up context: ${errorCode(err)}`);
      }
    }
    return answer;
  }

  /** Deletes the contexts that have expired; returns how many. */
  async purge(): Promise<number> {
    return this.opts.store.purgeFollowUpContexts(this.opts.clock());
  }

  /**
   * Purges expired contexts now and every `intervalMs` (default 10 minutes) until `stop()`, so a
   * conversation's last question is gone soon after it expires even when nobody asks
   * anything else (saving a context purges too).
   */
  startPurging(intervalMs = 10 * 60_000): void {
    if (this.timer) return;
    const tick = () => void this.purge().catch((err: unknown) => this.log(`conversations: purge failed, will try again: ${errorCode(err)}`));
    this.timer = setInterval(tick, intervalMs);
    // A ten-minute timer must not keep a process alive that has nothing else to do.
    this.timer.unref();
    // Rows left by a bot that stopped are purged at start.
    tick();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}

/**
 * Where conversations' last questions are kept: the store (shared by replicas), except
 * with QUESTION_LOG_DAYS=0, the promise that no question is written to the database:
 * then this process's memory (follow-ups still work, within one replica).
 */
export function followUpContexts(store: FollowUpContextStore, settings: Pick<Settings, "questionLogDays">): FollowUpContextStore {
  return settings.questionLogDays === 0 ? new MemoryFollowUpContexts() : store;
}

/** The stored key: a hash, so the store holds no platform ids (and keys of any length fit). */
export function contextKey(conversation: string): string {
  return createHash("sha256").update(conversation).digest("hex");
}

function errorCode(err: unknown): string {
  const code = (err as { code?: unknown })?.code;
  return typeof code === "string" ? code : err instanceof Error ? err.name : "unknown error";
}
