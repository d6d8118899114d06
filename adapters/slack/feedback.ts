/**
 * 👍 / 👎 under Slack answers. The buttons carry a fresh answer id and the question (the
 * same answer is asked again on a press, as Share does, so nothing is stored before
 * someone votes). 👍 is recorded at once; 👎 is recorded at once and opens a modal
 * (views.open with the press's trigger_id) asking what was wrong, optionally.
 */
import { randomUUID } from "node:crypto";
import type { App } from "@slack/bolt";
import type { FeedbackReply } from "../../src/feedback/command.js";
import type { FeedbackService } from "../../src/feedback/service.js";
import { errorCode, MAX_COMMENT_CHARS } from "../../src/feedback/service.js";
import type { Vote } from "../../src/store/feedbackTypes.js";
import type { Answer } from "../../src/types.js";
import { clip, escapeSlack } from "./escape.js";
import { LIMITS, splitText, type Block, type SlackMessage } from "./render.js";

/** Button action ids. */
export const FEEDBACK_UP = "feedback_up";
export const FEEDBACK_DOWN = "feedback_down";
/** The "what was wrong?" modal's callback id. */
export const FEEDBACK_MODAL = "feedback_comment";

/** What a feedback button's value holds: the answer id and the question. */
interface ButtonValue {
  a: string;
  q: string;
}

/** Slack's limit on a button value. */
const MAX_VALUE = 2000;

function buttonValue(answerId: string, question: string): string {
  let q = question;
  // JSON escaping can lengthen the question; cut until the value fits.
  while (JSON.stringify({ a: answerId, q }).length > MAX_VALUE) q = q.slice(0, q.length - 100);
  return JSON.stringify({ a: answerId, q });
}

function readValue(value: string | undefined): ButtonValue | null {
  try {
    const v = JSON.parse(value ?? "") as Partial<ButtonValue>;
    return typeof v.a === "string" && v.a && typeof v.q === "string" ? { a: v.a, q: v.q } : null;
  } catch {
    return null;
  }
}

/**
 * The 👍 / 👎 buttons for an answer; none for help, or when feedback is off
 * (no service, or QUESTION_LOG_DAYS=0: nothing would be kept).
 */
export function feedbackBlocks(answer: Answer, feedback: FeedbackService | undefined, answerId: string = randomUUID()): Block[] {
  if (!feedback?.keeping || answer.kind === "help") return [];
  const value = buttonValue(answerId, answer.question);
  return [
    {
      type: "actions",
      block_id: "feedback",
      elements: [
        { type: "button", action_id: FEEDBACK_UP, text: { type: "plain_text", text: "👍", emoji: true }, value },
        { type: "button", action_id: FEEDBACK_DOWN, text: { type: "plain_text", text: "👎", emoji: true }, value },
      ],
    },
  ];
}

/** The report (or a refusal) as a Slack message. */
export function renderFeedbackReply(r: FeedbackReply): SlackMessage {
  const pieces = splitText(escapeSlack(r.text), LIMITS.sectionText).slice(0, LIMITS.blocks);
  return { text: clip(escapeSlack(r.text), LIMITS.fallbackText), blocks: pieces.map((p) => ({ type: "section", text: { type: "mrkdwn", text: p } })) };
}

/** The "what was wrong?" modal; the answer id rides in private_metadata. */
function commentModal(answerId: string): Record<string, unknown> {
  return {
    type: "modal",
    callback_id: FEEDBACK_MODAL,
    private_metadata: JSON.stringify({ a: answerId }),
    title: { type: "plain_text", text: "What was wrong?" },
    submit: { type: "plain_text", text: "Send" },
    close: { type: "plain_text", text: "Skip" },
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: "Thank you: your 👎 is recorded. If you can, say what was wrong, so whoever keeps the bot can fix it." } },
      {
        type: "input",
        block_id: "comment",
        optional: true,
        label: { type: "plain_text", text: "What was wrong? (optional)" },
        element: {
          type: "plain_text_input",
          action_id: "comment",
          multiline: true,
          max_length: MAX_COMMENT_CHARS,
          placeholder: { type: "plain_text", text: "e.g. wrong council, an old report, the grade is for another area" },
        },
      },
    ],
  };
}

/** What registerSlackFeedback needs. */
export interface SlackFeedbackOptions {
  feedback: FeedbackService;
  /** Asks the core again for the answer the buttons were under. */
  answerOf: (question: string) => Answer;
  log: (line: string) => void;
}

/** Adds the 👍 / 👎 button handlers and the modal's submission handler to the app. */
export function registerSlackFeedback(app: App, opts: SlackFeedbackOptions): void {
  const press = (vote: Vote) =>
    async ({ ack, body, action, client, respond }: { ack: () => Promise<void>; body: unknown; action: unknown; client: App["client"]; respond: (m: Record<string, unknown>) => Promise<unknown> }) => {
      await ack();
      const value = readValue((action as { value?: string }).value);
      const b = body as { user: { id: string }; trigger_id?: string };
      if (!value) return;
      // The trigger id expires 3 s after the press: open the modal before anything else.
      if (vote === "down" && b.trigger_id) {
        try {
          await client.views.open({ trigger_id: b.trigger_id, view: commentModal(value.a) as never });
        } catch (err) {
          opts.log(`slack: could not open the feedback modal: ${(err as Error).message}`);
        }
      }
      let previous: Vote | null;
      try {
        ({ previous } = await opts.feedback.vote({ answerId: value.a, platform: "slack", userId: b.user.id, vote }, opts.answerOf(value.q)));
      } catch (err) {
        opts.log(`slack: could not record a feedback vote: ${errorCode(err)}`);
        await respond({ response_type: "ephemeral", replace_original: false, text: "Sorry, your vote could not be recorded just now. Please try again in a minute." });
        return;
      }
      if (vote === "up") {
        const text = previous === "down" ? "Changed your vote to 👍. Thank you." : "Thank you for the 👍.";
        await respond({ response_type: "ephemeral", replace_original: false, text });
      }
    };
  app.action(FEEDBACK_UP, press("up"));
  app.action(FEEDBACK_DOWN, press("down"));

  app.view(FEEDBACK_MODAL, async ({ ack, body, view }) => {
    await ack();
    let answerId = "";
    try {
      answerId = String((JSON.parse(view.private_metadata || "{}") as { a?: unknown }).a ?? "");
    } catch {
      // A modal that is not ours: nothing to record.
    }
    if (!answerId) return;
    const comment = view.state.values.comment?.comment?.value ?? null;
    if (!(await opts.feedback.comment({ answerId, platform: "slack", userId: body.user.id }, comment))) {
      opts.log("slack: a feedback comment came for a vote that is not stored (purged, or QUESTION_LOG_DAYS=0)");
    }
  });
}
