/**
 * 👍 / 👎 under Teams answers: an ActionSet at the foot of the answer card. 👍 is an
 * Action.Submit; 👎 is an Action.ShowCard that opens a "what was wrong?" input (optional)
 * with a Send button, so the vote and its comment arrive in one submit. Each carries a
 * fresh answer id and the question (the answer is asked again on a press, so nothing is
 * stored before someone votes).
 */
import { randomUUID } from "node:crypto";
import { ActivityTypes, type Activity } from "botbuilder";
import type { FeedbackReply } from "../../src/feedback/command.js";
import { MAX_COMMENT_CHARS, type FeedbackService } from "../../src/feedback/service.js";
import type { Vote } from "../../src/store/feedbackTypes.js";
import type { Answer } from "../../src/types.js";
import { adaptiveCard, escapeMarkdown, textBlock, textLines, type CardElement } from "./card.js";

/** What a feedback button sends back (Action.Submit data, plus the comment input). */
export interface FeedbackSubmit {
  verb: "feedback.up" | "feedback.down";
  answerId: string;
  question: string;
  comment?: string;
}

/** The Input.Text id of the "what was wrong?" box. */
const COMMENT_INPUT = "comment";

/** A question longer than this rides in the buttons cut short (the card must stay small). */
const MAX_QUESTION_CHARS = 2000;

/** Reads a card submit's value; null when it is not a feedback button. */
export function readFeedbackSubmit(value: unknown): (FeedbackSubmit & { vote: Vote }) | null {
  const v = value as Partial<FeedbackSubmit> | null | undefined;
  if (!v || typeof v !== "object" || typeof v.answerId !== "string" || !v.answerId || typeof v.question !== "string") return null;
  if (v.verb !== "feedback.up" && v.verb !== "feedback.down") return null;
  const comment = typeof v.comment === "string" ? v.comment : undefined;
  return { verb: v.verb, vote: v.verb === "feedback.up" ? "up" : "down", answerId: v.answerId, question: v.question, ...(comment !== undefined ? { comment } : {}) };
}

/** The 👍 / 👎 ActionSet for an answer. */
export function feedbackActionSet(answer: Answer, answerId: string = randomUUID()): CardElement {
  const base = { answerId, question: answer.question.slice(0, MAX_QUESTION_CHARS) };
  return {
    type: "ActionSet",
    separator: true,
    actions: [
      { type: "Action.Submit", title: "👍", data: { verb: "feedback.up", ...base } },
      {
        type: "Action.ShowCard",
        title: "👎",
        card: {
          type: "AdaptiveCard",
          body: [
            textBlock("What was wrong? (optional)", { weight: "Bolder" }),
            { type: "Input.Text", id: COMMENT_INPUT, isMultiline: true, maxLength: MAX_COMMENT_CHARS, placeholder: "e.g. wrong council, an old report, the grade is for another area" },
          ],
          actions: [{ type: "Action.Submit", title: "Send 👎", data: { verb: "feedback.down", ...base } }],
        },
      },
    ],
  };
}

/**
 * Adds 👍 / 👎 to a rendered answer card; unchanged for help, or when feedback is off (no
 * service, or QUESTION_LOG_DAYS=0: nothing would be kept).
 */
export function withFeedback(reply: Partial<Activity>, answer: Answer, feedback: FeedbackService | undefined): Partial<Activity> {
  if (!feedback?.keeping || answer.kind === "help") return reply;
  const card = reply.attachments?.[0]?.content as { body?: CardElement[] } | undefined;
  if (!card?.body) return reply;
  card.body.push(feedbackActionSet(answer));
  return reply;
}

/** The thank-you for a vote. */
export function voteReceipt(vote: Vote, previous: Vote | null, commented: boolean): Partial<Activity> {
  const icon = vote === "up" ? "👍" : "👎";
  const text =
    previous && previous !== vote
      ? `Changed your vote to ${icon}. Thank you.`
      : vote === "down" && commented
        ? "Thank you: your 👎 and what was wrong are recorded for whoever keeps the bot."
        : `Thank you for the ${icon}.`;
  return { type: ActivityTypes.Message, text };
}

/** The maintainers' report (or a refusal) as a card. */
export function renderFeedbackCard(r: FeedbackReply): Partial<Activity> {
  const body = textLines(r.text, r.ok ? {} : { color: "Warning" });
  return { type: ActivityTypes.Message, summary: escapeMarkdown(r.text.split("\n")[0]).slice(0, 150), attachments: [adaptiveCard(body, [], r.text.slice(0, 1500))] };
}
