#!/usr/bin/env node
/**
 * `npm start`: with Slack and/or Teams settings, serves them (one port); with none, opens
 * the terminal chat. Bad settings stop start-up with the variable's name and the fix.
 */
import { loadBot } from "../bot.js";
import { loadSettings } from "../config.js";
import { AppError } from "../errors.js";
import { runTerminalChat } from "./chat.js";
import { startServers } from "./servers.js";

async function main(): Promise<void> {
  const settings = loadSettings();
  const loading = loadBot({ corpusDir: settings.corpusDir }).then((bot) => {
    for (const p of bot.problems) process.stderr.write(`warning: ${p.file} ${p.reason} [${p.code}] (skipped)\n`);
    return bot;
  });
  if (!settings.slack && !settings.teams) {
    await runTerminalChat(await loading);
    return;
  }
  const running = await startServers(loading, settings, (m) => process.stderr.write(`${m}\n`));
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
