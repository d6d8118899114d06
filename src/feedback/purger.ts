/**
 * Purges the question log daily: at start, then every `intervalMs` (a day). Every replica
 * may run one; the purge is a plain DELETE by age, so running it twice does no harm.
 */
import type { FeedbackService } from "./service.js";

/** Runs FeedbackService.purge on a timer until stopped. */
export class QuestionLogPurger {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly feedback: FeedbackService,
    private readonly log: (line: string) => void = () => {},
  ) {}

  /** Purges now and then every `intervalMs` (default 24 hours) until `stop()`. */
  start(intervalMs = 24 * 3_600_000): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.tick(), intervalMs);
    // A day-long timer must not keep a process alive that has nothing else to do.
    this.timer.unref();
    void this.tick();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** One purge; failures are logged (the next day's purge catches up), never thrown. */
  async tick(): Promise<void> {
    try {
      const r = await this.feedback.purge();
      if (r.unanswered || r.votes) {
        this.log(`feedback: purged ${r.unanswered} unanswered question(s) and ${r.votes} vote(s) older than ${this.feedback.keepDays} day(s)`);
      }
    } catch (err) {
      this.log(`feedback: purge failed, will try again tomorrow: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
}
