/**
 * The terminal chat `npm start` opens when no Slack or Teams settings are present: ask a
 * question, get the answer with its sources, until "exit" or end of input. With the
 * actions store open, "actions …" works too (list, done, reopen, assign), as the person
 * logged in to the machine. With the feedback service, questions it cannot answer are kept
 * for the maintainers' report, and "feedback" shows that report. A follow-up ("what about
 * Derby?") builds on the session's last question.
 */
import { randomUUID } from "node:crypto";
import { createInterface } from "node:readline";
import type { Bot } from "../bot.js";
import { systemClock } from "../clock.js";
import { Conversations } from "../conversation/followUps.js";
import { MemoryFollowUpContexts } from "../conversation/memory.js";
import { answerActionsCommand } from "../actions/command.js";
import { isActionsCommand } from "../actions/parse.js";
import { renderActionsReplyText } from "../actions/render.js";
import type { ActionsService } from "../actions/service.js";
import type { Actor } from "../actions/types.js";
import { answerFeedbackCommand, isFeedbackCommand } from "../feedback/command.js";
import type { FeedbackService } from "../feedback/service.js";
import { renderText } from "../render/text.js";

/** What the terminal chat can use besides the core. */
export interface TerminalChatOptions {
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
  /** The open actions; without it "actions …" is a question like any other. */
  actions?: ActionsService;
  /** Who changes an action from this terminal (their history rows say so). */
  actor?: Actor;
  /** Keeps unanswered questions and answers "feedback"; without it neither happens. */
  feedback?: FeedbackService;
  /** The session's last question, for follow-ups (default: this process's memory). */
  conversations?: Conversations;
}

/** Runs the chat until the input ends or the user types "exit". */
export async function runTerminalChat(bot: Bot, opts: TerminalChatOptions = {}): Promise<void> {
  const input = opts.input ?? process.stdin;
  const output = opts.output ?? process.stdout;
  const interactive = (input as { isTTY?: boolean }).isTTY === true;
  // One session, one conversation: a follow-up builds on this session's last question only.
  const session = { key: `terminal:${randomUUID()}`, conversations: opts.conversations ?? new Conversations({ store: new MemoryFollowUpContexts(), clock: systemClock }) };
  const rl = createInterface({ input, output, terminal: interactive, prompt: "ask> " });
  output.write(
    `Inspection answers bot: ${bot.reports.length} report${bot.reports.length === 1 ? "" : "s"} loaded from ${bot.corpusDir}.\n` +
      `Ask a question (e.g. "What was Halton's staying safe grade?"), "help" for examples${opts.actions ? ', "actions" for open inspection actions' : ""}, "exit" to leave.\n`,
  );
  if (interactive) rl.prompt();
  for await (const line of rl) {
    const q = line.trim();
    if (/^(exit|quit|bye)$/i.test(q)) break;
    if (q) output.write(`${await reply(bot, q, opts, session)}\n\n`);
    if (interactive) rl.prompt();
  }
  rl.close();
}

async function reply(bot: Bot, q: string, opts: TerminalChatOptions, session: { key: string; conversations: Conversations }): Promise<string> {
  const actor = opts.actor ?? { id: "terminal", name: "terminal" };
  if (opts.feedback && isFeedbackCommand(q)) return (await answerFeedbackCommand(opts.feedback, q, actor.id, (l) => process.stderr.write(`${l}\n`))).text;
  if (!opts.actions || !isActionsCommand(q)) {
    const answer = await session.conversations.ask(bot, session.key, q);
    await opts.feedback?.noteAnswer(answer, "terminal");
    return renderText(answer);
  }
  return renderActionsReplyText(await answerActionsCommand(opts.actions, q, { actor, platform: "terminal", destination: "" }, (l) => process.stderr.write(`${l}\n`)));
}
