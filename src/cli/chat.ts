/**
 * The terminal chat `npm start` opens when no Slack or Teams settings are present: ask a
 * question, get the answer with its sources, until "exit" or end of input.
 */
import { createInterface } from "node:readline";
import type { Bot } from "../bot.js";
import { renderText } from "../render/text.js";

/** Runs the chat on the given streams (stdin/stdout by default) until the input ends. */
export async function runTerminalChat(bot: Bot, input: NodeJS.ReadableStream = process.stdin, output: NodeJS.WritableStream = process.stdout): Promise<void> {
  const interactive = (input as { isTTY?: boolean }).isTTY === true;
  const rl = createInterface({ input, output, terminal: interactive, prompt: "ask> " });
  output.write(
    `Inspection answers bot: ${bot.reports.length} report${bot.reports.length === 1 ? "" : "s"} loaded from ${bot.corpusDir}.\n` +
      `Ask a question (e.g. "What was Halton's staying safe grade?"), "help" for examples, "exit" to leave.\n`,
  );
  if (interactive) rl.prompt();
  for await (const line of rl) {
    const q = line.trim();
    if (/^(exit|quit|bye)$/i.test(q)) break;
    if (q) output.write(`${renderText(bot.ask(q))}\n\n`);
    if (interactive) rl.prompt();
  }
  rl.close();
}
