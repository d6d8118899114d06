/**
 * The Microsoft Teams adapter: botbuilder's CloudAdapter with
 * ConfigurationBotFrameworkAuthentication, the bot's turn logic, the POST /api/messages
 * route for the shared HTTP server, and proactive posting for the digest.
 */
import { ActivityTypes, CloudAdapter, type TurnContext } from "botbuilder";
import type { ActionsService } from "../../src/actions/service.js";
import type { Conversations } from "../../src/conversation/followUps.js";
import type { Bot } from "../../src/bot.js";
import { systemClock, type Clock } from "../../src/clock.js";
import type { TeamsSettings } from "./settings.js";
import type { DigestSender } from "../../src/digest/types.js";
import type { FeedbackService } from "../../src/feedback/service.js";
import type { ConversationReferenceStore } from "../../src/store/types.js";
import { renderDigestCard } from "./actionsCard.js";
import type { DeliveryMemory } from "../http/recentIds.js";
import type { Route } from "../http/server.js";
import { createAuthentication } from "./authentication.js";
import { InspectionTeamsBot } from "./handler.js";
import { messagesRoute } from "./http.js";
import { MemoryConversationReferenceStore } from "./memoryReferences.js";
import { sendProactive, type ProactiveContent } from "./proactive.js";

/** What createTeamsAdapter needs. */
export interface TeamsAdapterOptions {
  /** The core, or a promise of it while the corpus loads. */
  bot: Bot | Promise<Bot>;
  settings: TeamsSettings;
  /** Where conversation references go (the digest reads them); in memory by default. */
  references?: ConversationReferenceStore;
  log?: (line: string) => void;
  clock?: Clock;
  /** Show "typing…" when an answer takes longer than this (default 1000 ms). */
  typingDelayMs?: number;
  /** The open actions: adds "actions …" messages and the cards' Done / Reopen buttons. */
  actions?: ActionsService;
  /** Activities already answered (default: this process's memory; the shared store with replicas). */
  deliveries?: DeliveryMemory;
  /** 👍 / 👎 under answers, unanswered questions kept, and "feedback" (the maintainers' report). */
  feedback?: FeedbackService;
  /** Each conversation's last question, for follow-ups (default: this process's memory). */
  conversations?: Conversations;
}

/** A ready Teams adapter. */
export interface TeamsAdapter {
  /** POST /api/messages, for startHttpServer. */
  routes: Route[];
  /**
   * Posts to a conversation the bot has been in (a stored reference), e.g. the digest.
   * @throws AppError POST_FAILED when there is no reference or Teams refuses the post.
   */
  sendProactive(conversationId: string, content: ProactiveContent): Promise<void>;
  /** Posts the daily digest card to a conversation (destination = conversation id). */
  digestSender: DigestSender;
  adapter: CloudAdapter;
  references: ConversationReferenceStore;
}

/**
 * Builds the Teams adapter.
 * @throws AppError CONFIG_INVALID for settings that cannot authenticate (see createAuthentication).
 */
export function createTeamsAdapter(opts: TeamsAdapterOptions): TeamsAdapter {
  const log = opts.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const references = opts.references ?? new MemoryConversationReferenceStore();
  const adapter = new CloudAdapter(createAuthentication(opts.settings, log));
  adapter.onTurnError = async (context: TurnContext, err: Error) => {
    log(`teams: turn failed (${context.activity.type}): ${err.stack ?? err.message}`);
    if (context.activity.type !== ActivityTypes.Message) return;
    try {
      await context.sendActivity("Sorry, something went wrong while answering that. Please try again in a moment.");
    } catch (sendErr) {
      log(`teams: could not send the error message: ${(sendErr as Error).message}`);
    }
  };
  const bot = new InspectionTeamsBot({
    bot: opts.bot,
    references,
    log,
    clock: opts.clock ?? systemClock,
    typingDelayMs: opts.typingDelayMs ?? 1000,
    actions: opts.actions,
    deliveries: opts.deliveries,
    feedback: opts.feedback,
    conversations: opts.conversations,
  });
  const post = (conversationId: string, content: ProactiveContent) => sendProactive(adapter, opts.settings.appId, references, conversationId, content);
  return {
    routes: [messagesRoute(adapter, (context) => bot.run(context), log)],
    sendProactive: post,
    // sendProactive throws when the connector refuses: the scheduler then retries and does not record it sent.
    digestSender: { send: (conversationId, digest) => post(conversationId, renderDigestCard(digest)) },
    adapter,
    references,
  };
}
