/**
 * The Slack adapter, on @slack/bolt: mentions (answered in their thread), direct messages,
 * `/grade` and `/ofsted` (ephemeral, with a Share button), and with an ActionsService
 * `/actions`, its buttons and the digest sender (actions.ts); with a FeedbackService 👍 / 👎
 * under answers, the question log and the `feedback` report (feedback.ts). In HTTP mode Bolt's
 * HTTPReceiver serves POST /slack/events as a route of the shared server (events,
 * commands and interactivity on one URL); in Socket Mode `start()` connects instead.
 * The core is reached only through `bot.ask` and, for a question typed in a thread, a DM or
 * a slash command, `Conversations` (follow-ups: "what about Derby?" builds on the thread's
 * last question).
 */
import { createHash } from "node:crypto";
import { App, HTTPReceiver, LogLevel, type Logger } from "@slack/bolt";
import { isActionsCommand } from "../../src/actions/parse.js";
import type { ActionsService } from "../../src/actions/service.js";
import type { Bot } from "../../src/bot.js";
import { systemClock } from "../../src/clock.js";
import { Conversations } from "../../src/conversation/followUps.js";
import { MemoryFollowUpContexts } from "../../src/conversation/memory.js";
import type { SlackSettings } from "./settings.js";
import type { DigestSender } from "../../src/digest/types.js";
import { answerFeedbackCommand, isFeedbackCommand, notHereReply } from "../../src/feedback/command.js";
import type { FeedbackService } from "../../src/feedback/service.js";
import type { Answer } from "../../src/types.js";
import type { Route } from "../http/server.js";
import { createSlackDigestSender, registerSlackActions, runSlackActions } from "./actions.js";
import { renderActionsReply } from "./actionsRender.js";
import { RecentIds, type DeliveryMemory } from "../http/recentIds.js";
import { escapeSlack } from "./escape.js";
import { settlesWithin } from "../../src/wait.js";
import { feedbackBlocks, registerSlackFeedback, renderFeedbackReply } from "./feedback.js";
import { renderAnswer, SUGGESTION_ACTION, type Block, type SlackMessage } from "./render.js";

/** What createSlackAdapter needs. */
export interface SlackAdapterOptions {
  bot: Bot;
  settings: SlackSettings;
  /** The open actions: adds `/actions`, its buttons, and "@bot actions …" in messages. */
  actions?: ActionsService;
  /** Deliveries already answered (default: this process's memory; the shared store with replicas). */
  deliveries?: DeliveryMemory;
  /** 👍 / 👎 under answers, unanswered questions kept, and "feedback" (the maintainers' report). */
  feedback?: FeedbackService;
  /** Each thread's last question, for follow-ups (default: this process's memory; the shared store when serving). */
  conversations?: Conversations;
  log?: (line: string) => void;
}

/** A ready Slack adapter. */
export interface SlackAdapter {
  /** POST /slack/events (HTTP mode); empty in Socket Mode. */
  routes: Route[];
  /** Connects in Socket Mode; nothing to do in HTTP mode. */
  start(): Promise<void>;
  /** Disconnects (Socket Mode) and waits up to `graceMs` for answers still being worked on. */
  stop(graceMs?: number): Promise<void>;
  /** Posts the daily digest to a channel with chat.postMessage. */
  digestSender: DigestSender;
  /** The Bolt app, for adding handlers. */
  app: App;
}

const SHARE_ACTION = "share_answer";

/** A Bolt logger that writes through our log function, quietly. */
function boltLogger(log: (line: string) => void): Logger {
  let level = LogLevel.WARN;
  return {
    debug: () => {},
    info: () => {},
    warn: (...m: unknown[]) => log(`slack: ${m.join(" ")}`),
    error: (...m: unknown[]) => log(`slack: ${m.join(" ")}`),
    setLevel: (l: LogLevel) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => {},
  };
}

/** Removes the bot's own mention (`<@U123>`) from a message. */
export function stripMention(text: string): string {
  return text.replace(/<@[A-Z0-9]+(\|[^>]*)?>/g, " ").replace(/\s+/g, " ").trim();
}

/**
 * The conversation a message belongs to, for follow-ups: its thread (a mention's answer
 * opens a thread on the mention itself), or the DM channel outside a thread.
 */
export function slackConversation(channel: string, threadTs: string | undefined, ts: string | undefined, isDirect: boolean): string {
  return isDirect && !threadTs ? `slack:${channel}` : `slack:${channel}:${threadTs ?? ts ?? ""}`;
}

/** The Share button under an ephemeral answer; the question rides in its value. */
function shareBlock(question: string): Block {
  return {
    type: "actions",
    elements: [{ type: "button", action_id: SHARE_ACTION, text: { type: "plain_text", text: "Share in channel" }, value: question.slice(0, 2000) }],
  };
}

/**
 * What makes a delivery the same delivery: an Events API event's event_id (the same in
 * Slack's retries); for a slash command or an interaction, the whole payload (its
 * trigger_id is new for every user action, so only a re-sent request matches).
 */
export function deliveryKey(body: Record<string, unknown>): string | null {
  if (typeof body.event_id === "string") return `slack:event:${body.event_id}`;
  const event = body.event as { channel?: string; ts?: string } | undefined;
  if (event?.channel && event.ts) return `slack:event:${event.channel}:${event.ts}`;
  if (typeof body.trigger_id === "string") return `slack:request:${createHash("sha256").update(JSON.stringify(body)).digest("hex").slice(0, 32)}`;
  return null;
}

/** Builds the Slack adapter. */
export function createSlackAdapter(opts: SlackAdapterOptions): SlackAdapter {
  const log = opts.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const { bot, settings } = opts;
  const logger = boltLogger(log);
  // A retried Web API call can post twice when the first attempt did land but its answer
  // was lost: posts are not retried. (429 rate limits are still waited out: those did not land.)
  const clientOptions = { slackApiUrl: settings.apiUrl, retryConfig: { retries: 0 } };
  let receiver: HTTPReceiver | undefined;
  let app: App;
  if (settings.signingSecret) {
    receiver = new HTTPReceiver({ signingSecret: settings.signingSecret, endpoints: "/slack/events", logger, processBeforeResponse: false });
    app = new App({ token: settings.botToken, receiver, clientOptions, logger });
  } else {
    app = new App({ token: settings.botToken, appToken: settings.appToken, socketMode: true, clientOptions, logger });
  }
  const deliveries = opts.deliveries ?? new RecentIds();
  const answerOf = (question: string): Answer => bot.ask(question || "help");
  const conversations = opts.conversations ?? new Conversations({ store: new MemoryFollowUpContexts(), clock: systemClock, log });
  // An answer with its 👍 / 👎; a question someone typed that the core could not answer is kept for the report.
  // Typed in a conversation, a follow-up builds on its last question; a button's question stands alone.
  // `extra` is made from the answer: a Share button shares the whole question a follow-up stood for.
  const answerMessage = async (question: string, extra: (a: Answer) => Block[] = () => [], conversation?: string): Promise<SlackMessage> => {
    const answer = conversation ? await conversations.ask(bot, conversation, question || "help") : answerOf(question);
    if (conversation) await opts.feedback?.noteAnswer(answer, "slack");
    return renderAnswer(answer, [...feedbackBlocks(answer, opts.feedback), ...extra(answer)]);
  };
  const feedbackReport = async (text: string, user: string) => renderFeedbackReply(await answerFeedbackCommand(opts.feedback!, text, user, log));
  // A message is either an actions command ("actions overdue") or a question for the core.
  // `inPrivate`: a direct message, where the feedback report may be shown (never in a channel).
  const replyTo = async (text: string, user: string, channel: string, inPrivate: boolean, conversation: string) => {
    if (opts.actions && isActionsCommand(text)) {
      return renderActionsReply(await runSlackActions(opts.actions, text, { actor: { id: user, name: user }, channel }, log));
    }
    if (opts.feedback && isFeedbackCommand(text)) {
      return inPrivate ? feedbackReport(text, user) : renderFeedbackReply(notHereReply("in a direct message with me, or with /ofsted feedback (only you see that)"));
    }
    return answerMessage(text, undefined, conversation);
  };

  // Before every listener: a delivery answered before (here or, with the shared store, by
  // another replica) is acknowledged and dropped.
  // The work is counted while it runs: Slack was answered (acked) long before it ends, so
  // a shutdown waits for it here, not for the HTTP request.
  const working = new Set<Promise<void>>();
  app.use(async (args) => {
    const key = deliveryKey(args.body as Record<string, unknown>);
    if (key && !(await deliveries.firstTime(key))) {
      log(`slack: ${key} delivered again; already answered`);
      const ack = (args as { ack?: () => Promise<void> }).ack;
      if (ack) await ack();
      return;
    }
    const work = args.next();
    working.add(work);
    try {
      await work;
    } finally {
      working.delete(work);
    }
  });

  app.error(async (err) => {
    log(`slack: ${err.stack ?? err.message}`);
  });

  // @bot question in a channel (or a follow-up mention inside a thread): answer in the thread.
  app.event("app_mention", async ({ event, client }) => {
    if ((event as { bot_id?: string }).bot_id) return;
    const conversation = slackConversation(event.channel, event.thread_ts, event.ts, false);
    const { text, blocks } = await replyTo(stripMention(event.text ?? ""), event.user ?? "", event.channel, false, conversation);
    await client.chat.postMessage({ channel: event.channel, thread_ts: event.thread_ts ?? event.ts, text, blocks: blocks as never[], unfurl_links: false, unfurl_media: false });
  });

  // Any message in a direct message with the bot.
  app.message(async ({ message, client }) => {
    const m = message as { channel_type?: string; subtype?: string; bot_id?: string; user?: string; text?: string; channel: string; ts: string; thread_ts?: string };
    if (m.channel_type !== "im" || m.subtype || m.bot_id) return;
    const conversation = slackConversation(m.channel, m.thread_ts, m.ts, true);
    const { text, blocks } = await replyTo(stripMention(m.text ?? ""), m.user ?? "", m.channel, true, conversation);
    await client.chat.postMessage({ channel: m.channel, thread_ts: m.thread_ts, text, blocks: blocks as never[], unfurl_links: false, unfurl_media: false });
  });

  // Slash commands: acknowledge at once (Slack waits 3 s), then answer through response_url.
  const slash = (toQuestion: (text: string) => string) =>
    async ({ command, ack, respond }: { command: { text: string; user_id: string; channel_id: string }; ack: () => Promise<void>; respond: (m: Record<string, unknown>) => Promise<unknown> }) => {
      await ack();
      const question = toQuestion(command.text.trim());
      // A slash command's answer is seen by the one who typed it: their follow-ups are theirs, in that channel.
      const conversation = `slack:slash:${command.channel_id}:${command.user_id}`;
      const message =
        opts.feedback && isFeedbackCommand(question) ? await feedbackReport(question, command.user_id) : await answerMessage(question, (a) => [shareBlock(a.question)], conversation);
      await respond({ response_type: "ephemeral", replace_original: false, ...message });
    };
  // "/grade Halton staying safe" → a grade; "/grade Derby" → the authority's whole table.
  app.command("/grade", slash((text) => (text ? text : "help")));
  app.command("/ofsted", slash((text) => text || "help"));

  // Share in channel: post the same answer, visibly, where the command was used.
  app.action(SHARE_ACTION, async ({ ack, body, action, client, respond }) => {
    await ack();
    const question = (action as { value?: string }).value ?? "";
    const channel = (body as { channel?: { id?: string } }).channel?.id;
    const user = body.user.id;
    if (!channel) return;
    const message = await answerMessage(question);
    const lead: Block = { type: "context", elements: [{ type: "mrkdwn", text: `<@${user}> shared an answer to “${escapeSlack(question)}”` }] };
    await client.chat.postMessage({ channel, text: message.text, blocks: [lead, ...message.blocks].slice(0, 50) as never[], unfurl_links: false });
    await respond({ response_type: "ephemeral", replace_original: false, text: "Shared in the channel." });
  });

  // A suggested question's button ("Kingston upon Hull judgements"): answer it for the one who asked.
  app.action(SUGGESTION_ACTION, async ({ ack, action, respond }) => {
    await ack();
    const question = (action as { value?: string }).value ?? "";
    await respond({ response_type: "ephemeral", replace_original: false, ...(await answerMessage(question, (a) => [shareBlock(a.question)])) });
  });

  if (opts.actions) registerSlackActions(app, opts.actions, log);
  if (opts.feedback) registerSlackFeedback(app, { feedback: opts.feedback, answerOf, log });

  return {
    digestSender: createSlackDigestSender(app.client),
    routes: receiver ? [{ method: "POST", path: "/slack/events", handler: receiver.requestListener }] : [],
    start: async () => {
      if (!receiver) await app.start();
    },
    stop: async (graceMs = 20_000) => {
      if (!receiver) await app.stop();
      if (working.size && !(await settlesWithin(Promise.allSettled([...working]), graceMs))) log(`slack: ${working.size} answer(s) still being worked on at shutdown`);
    },
    app,
  };
}
