/**
 * The Teams bot's behaviour, turn by turn: answers messages in personal chats, group
 * chats and channels (where it is @mentioned), greets when it is added, and remembers
 * every conversation it is in so the digest can post there later. With an ActionsService
 * it also takes the actions words ("actions overdue", "actions done 1a2b3c4d") and the
 * Done / Reopen buttons of action and digest cards. With a FeedbackService it puts 👍 / 👎
 * under answers, keeps questions it could not answer, and answers "feedback" (the report).
 * A follow-up ("what about Derby?") builds on the conversation's last question.
 */
import { ActivityHandler, TurnContext, type Activity } from "botbuilder";
import { answerActionsCommand } from "../../src/actions/command.js";
import { isActionsCommand } from "../../src/actions/parse.js";
import type { ActionsService } from "../../src/actions/service.js";
import type { Bot } from "../../src/bot.js";
import type { Clock } from "../../src/clock.js";
import { Conversations } from "../../src/conversation/followUps.js";
import { MemoryFollowUpContexts } from "../../src/conversation/memory.js";
import type { Vote } from "../../src/store/feedbackTypes.js";
import { answerFeedbackCommand, isFeedbackCommand, notHereReply } from "../../src/feedback/command.js";
import { errorCode, type FeedbackService } from "../../src/feedback/service.js";
import type { ConversationReferenceStore } from "../../src/store/types.js";
import { readActionSubmit, renderActionsCard } from "./actionsCard.js";
import { cleanMessageText, parseTeamsCommand } from "./commands.js";
import { readFeedbackSubmit, renderFeedbackCard, voteReceipt, withFeedback } from "./feedback.js";
import { renderHelp } from "./help.js";
import { conversationKey, rememberConversation } from "./references.js";
import { RecentIds, type DeliveryMemory } from "../http/recentIds.js";
import { renderAnswer } from "./render.js";
import { withTyping } from "./typing.js";

/** What the Teams bot needs. */
export interface TeamsBotOptions {
  /** The core; a promise while the corpus is still loading (messages wait, with typing shown). */
  bot: Bot | Promise<Bot>;
  references: ConversationReferenceStore;
  log: (line: string) => void;
  clock: Clock;
  /** Show "typing…" when an answer takes longer than this (ms). */
  typingDelayMs: number;
  /** The open actions; without it "actions …" is just a question. */
  actions?: ActionsService;
  /** Activities already answered (default: this process's memory; the shared store with replicas). */
  deliveries?: DeliveryMemory;
  /** 👍 / 👎 under answers, unanswered questions kept, and "feedback"; without it none of these. */
  feedback?: FeedbackService;
  /** Each conversation's last question, for follow-ups (default: this process's memory; the shared store when serving). */
  conversations?: Conversations;
}

/**
 * The conversation a message belongs to, for follow-ups: Teams' conversation id, which in
 * a channel names the thread (`19:…;messageid=…`), so each thread follows on by itself.
 */
export function teamsConversation(activity: Partial<Activity>): string {
  return `teams:${activity.conversation?.id ?? ""}`;
}

/** An ActivityHandler (not TeamsActivityHandler: its member lookups call Teams APIs this bot does not need). */
export class InspectionTeamsBot extends ActivityHandler {
  private readonly deliveries: DeliveryMemory;
  private readonly conversations: Conversations;

  constructor(private readonly opts: TeamsBotOptions) {
    super();
    this.deliveries = opts.deliveries ?? new RecentIds();
    this.conversations = opts.conversations ?? new Conversations({ store: new MemoryFollowUpContexts(), clock: opts.clock, log: opts.log });
    this.onMessage(async (context, next) => {
      await this.remember(context);
      await this.answer(context);
      await next();
    });
    this.onConversationUpdate(async (context, next) => {
      if (!botIn(context.activity.membersRemoved, context.activity)) await this.remember(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      // Greet once, when the bot itself joins; not every time a person joins a team.
      if (botIn(context.activity.membersAdded, context.activity)) await this.sendHelp(context, true);
      await next();
    });
    this.onInstallationUpdate(async (context, next) => {
      // Teams sends installationUpdate and a conversationUpdate (bot added) on install: the
      // reference is stored on both, the welcome is sent on the conversationUpdate only.
      if (!/^remove/.test(context.activity.action ?? "")) await this.remember(context);
      await next();
    });
  }

  private async remember(context: TurnContext): Promise<void> {
    try {
      await rememberConversation(this.opts.references, context.activity);
    } catch (err) {
      // A store failure must not cost the user their answer; the digest just cannot post here yet.
      this.opts.log(`teams: could not store the conversation reference: ${(err as Error).message}`);
    }
  }

  private async answer(context: TurnContext): Promise<void> {
    const a = context.activity;
    if (a.id && !(await this.deliveries.firstTime(`teams:${a.conversation?.id}|${a.id}`))) {
      this.opts.log(`teams: activity ${a.id} delivered again; already answered`);
      return;
    }
    // A card button without imBack arrives as a message with a value and no text: not a
    // question, but maybe a Done / Reopen button.
    if (!a.text && a.value !== undefined) {
      const vote = readFeedbackSubmit(a.value);
      if (vote && this.opts.feedback) return this.recordVote(context, this.opts.feedback, vote);
      const submit = readActionSubmit(a.value);
      if (submit && this.opts.actions) await this.runActions(context, this.opts.actions, `${submit.verb === "actions.done" ? "done" : "reopen"} ${submit.id}`);
      return;
    }
    const text = TurnContext.removeRecipientMention(a) ?? a.text ?? "";
    const words = cleanMessageText(text);
    if (this.opts.actions && isActionsCommand(words)) return this.runActions(context, this.opts.actions, words);
    if (this.opts.feedback && isFeedbackCommand(words)) {
      // Everyone in a channel or group chat would read what colleagues asked.
      const reply = inChannel(a) ? notHereReply("in a personal chat with me") : await answerFeedbackCommand(this.opts.feedback, words, userId(a), this.opts.log);
      await context.sendActivity(renderFeedbackCard(reply));
      return;
    }
    const command = parseTeamsCommand(text);
    if (command.kind === "help") return this.sendHelp(context, false);
    const started = this.opts.clock().getTime();
    const answer = await withTyping(context, async () => this.conversations.ask(await this.opts.bot, teamsConversation(a), command.question), this.opts.typingDelayMs, this.opts.log);
    this.opts.log(`teams: ${a.conversation?.conversationType ?? "chat"} question answered (${answer.kind}, answered=${answer.answered}) in ${this.opts.clock().getTime() - started} ms`);
    await this.opts.feedback?.noteAnswer(answer, "teams");
    await context.sendActivity(answer.kind === "help" ? renderHelp(answer, { inChannel: inChannel(a) }) : withFeedback(renderAnswer(answer), answer, this.opts.feedback));
  }

  /** A 👍 or a 👎 (with its optional comment) from an answer card, for the person who pressed it. */
  private async recordVote(context: TurnContext, feedback: FeedbackService, v: NonNullable<ReturnType<typeof readFeedbackSubmit>>): Promise<void> {
    const answer = (await this.opts.bot).ask(v.question);
    let previous: Vote | null;
    try {
      ({ previous } = await feedback.vote({ answerId: v.answerId, platform: "teams", userId: userId(context.activity), vote: v.vote, comment: v.comment }, answer));
    } catch (err) {
      this.opts.log(`teams: could not record a feedback vote: ${errorCode(err)}`);
      await context.sendActivity("Sorry, your vote could not be recorded just now. Please try again in a minute.");
      return;
    }
    await context.sendActivity(voteReceipt(v.vote, previous, Boolean(v.comment?.trim())));
  }

  /** Actions words or a card button, run for the person who sent them, replied to with a card. */
  private async runActions(context: TurnContext, actions: ActionsService, words: string): Promise<void> {
    const a = context.activity;
    // ADMIN_USERS lists Teams users by their Entra (AAD) object id; the channel id is the fallback.
    const actor = { id: userId(a), name: a.from?.name ?? a.from?.id ?? "someone" };
    const destination = conversationKey(a.conversation?.id ?? "");
    const reply = await answerActionsCommand(actions, words, { actor, platform: "teams", destination }, this.opts.log);
    await context.sendActivity(renderActionsCard(reply));
  }

  private async sendHelp(context: TurnContext, welcome: boolean): Promise<void> {
    const bot = await withTyping(context, async () => this.opts.bot, this.opts.typingDelayMs, this.opts.log);
    await context.sendActivity(renderHelp(bot.ask("help"), { welcome, inChannel: inChannel(context.activity) }));
  }
}

/** The person who sent an activity: their Entra (AAD) object id, as ADMIN_USERS lists them; the channel id as a fallback. */
function userId(a: Partial<Activity>): string {
  return a.from?.aadObjectId ?? a.from?.id ?? "";
}

/** True when the bot (the activity's recipient) is among `members`. */
function botIn(members: { id: string }[] | undefined, activity: Partial<Activity>): boolean {
  return Boolean(members?.some((m) => m.id === activity.recipient?.id));
}

/** Channels and group chats need an @mention to reach the bot; personal chats (and the Emulator) do not. */
function inChannel(activity: Partial<Activity>): boolean {
  const type = activity.conversation?.conversationType;
  return type === "channel" || type === "groupChat";
}
