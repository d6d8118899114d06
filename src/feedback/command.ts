/**
 * The chat command `feedback [7d]`: the maintainers' report in Slack, Teams or the
 * terminal chat, for ADMIN_USERS only when that is set (the report quotes what
 * colleagues asked).
 */
import { AppError } from "../errors.js";
import { renderFeedbackText } from "./report.js";
import type { FeedbackService } from "./service.js";
import { parseSince } from "./since.js";

/** `feedback`, `feedback 7d`, `feedback since 2w`, `feedback since 2026-11-01`. */
const COMMAND = /^\/?feedback(?:\s+(?:since\s+)?(\S+))?\s*[.!?]?$/i;

/** True when the words are the feedback command rather than a question. */
export function isFeedbackCommand(words: string): boolean {
  return COMMAND.test(words.trim());
}

/** A reply to the command: plain text (adapters escape it); ok false for a refusal or bad words. */
export interface FeedbackReply {
  ok: boolean;
  text: string;
}

/**
 * The reply where the report must not be shown: a channel or group chat, where everyone
 * would read what colleagues asked. `where` names the private places that platform has.
 */
export function notHereReply(where: string): FeedbackReply {
  return { ok: false, text: `The feedback report quotes what colleagues asked, so I only show it ${where}.` };
}

/** Runs the command for `userId` (Slack user id, Teams Entra object id, login name in a terminal). */
export async function answerFeedbackCommand(service: FeedbackService, words: string, userId: string, log: (line: string) => void = () => {}): Promise<FeedbackReply> {
  if (!service.mayReadReport(userId)) {
    return {
      ok: false,
      text: `Only the people listed in ADMIN_USERS may read the feedback report (it quotes what colleagues asked). Ask whoever runs the bot to add your id (${userId}) if you need it.`,
    };
  }
  const sinceWords = COMMAND.exec(words.trim())?.[1];
  try {
    const since = sinceWords ? parseSince(sinceWords, service.now()) : null;
    return { ok: true, text: renderFeedbackText(await service.report(since ?? undefined), { since, keepDays: service.keepDays }) };
  } catch (err) {
    if (err instanceof AppError && err.code === "BAD_REQUEST") return { ok: false, text: `${err.message} ${err.hint ?? ""}`.trim() };
    log(`feedback: report failed: ${err instanceof Error ? err.message : String(err)}`);
    return { ok: false, text: "Sorry, the feedback report could not be read just now. Try again in a minute; the bot's log has the details." };
  }
}
