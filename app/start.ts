#!/usr/bin/env node
/**
 * `npm start`: with Slack and/or Teams settings, serves them (one port); with none, opens
 * the terminal chat. Bad settings stop start-up with the variable's name and the fix.
 */
import { userInfo } from "node:os";
import { openActions } from "../src/actions/runtime.js";
import { loadLiveBot } from "../src/liveBot.js";
import { systemClock } from "../src/clock.js";
import { textCacheDir } from "../src/corpus/cache.js";
import { loadAppSettings } from "./settings.js";
import { AppError } from "../src/errors.js";
import { QuestionLogPurger } from "../src/feedback/purger.js";
import { FeedbackService } from "../src/feedback/service.js";
import { runTerminalChat } from "../src/cli/chat.js";
import { Conversations, followUpContexts } from "../src/conversation/followUps.js";
import { startServers } from "./servers.js";
import { createLogger, lineLogger, routeConsole } from "../src/log.js";

async function main(): Promise<void> {
  const settings = loadAppSettings();
  const serving = Boolean(settings.slack || settings.teams);
  // A server logs JSON (pino) for its log collector; the terminal chat writes plain lines.
  const logger = serving ? createLogger({ level: settings.logLevel }) : null;
  // botbuilder prints refused tokens and failed turns with console.error: into the same log.
  if (logger) routeConsole(logger);
  const log = logger ? lineLogger(logger) : (m: string) => void process.stderr.write(`${m}\n`);
  const loading = loadLiveBot({ corpusDir: settings.corpusDir, cacheDir: textCacheDir(settings.dataDir) }).then((bot) => {
    for (const p of bot.problems) log(`warning: ${p.file} ${p.reason} [${p.code}] (skipped)`);
    return bot;
  });
  if (!serving) {
    const bot = await loading;
    // The actions store is a bonus here: if it cannot open (a read-only folder), chat anyway.
    const actions = await openActions({ settings, actions: bot.actions }).catch((err: unknown) => {
      process.stderr.write(`note: open actions are not available here: ${err instanceof AppError ? err.describe() : String(err)}\n`);
      return null;
    });
    const user = userInfo().username;
    // The terminal runs where the database is: ADMIN_USERS (chat user ids) does not limit its "feedback".
    const feedback = actions ? new FeedbackService({ store: actions.store, clock: systemClock, settings: { ...settings, adminUsers: [] } }) : undefined;
    if (feedback) await new QuestionLogPurger(feedback, (m) => process.stderr.write(`${m}\n`)).tick();
    // Follow-ups are kept in the store like a server's (the chat falls back to memory without one).
    const conversations = actions ? new Conversations({ store: followUpContexts(actions.store, settings), clock: systemClock, log: (m) => process.stderr.write(`${m}\n`) }) : undefined;
    conversations?.startPurging();
    await runTerminalChat(bot, { actions: actions?.service, actor: { id: user, name: user }, feedback, conversations });
    conversations?.stop();
    await actions?.store.close();
    return;
  }
  const running = await startServers(loading, settings, log);
  const stop = async () => {
    await running.stop();
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((err: unknown) => {
  process.stderr.write(err instanceof AppError ? `${err.describe()}\n` : `${(err as Error).stack}\n`);
  process.exit(1);
});
