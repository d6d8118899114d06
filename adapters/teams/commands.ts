/**
 * Teams message text → what the user wants. Pure: the mention of the bot has already
 * been removed by TurnContext.removeRecipientMention; this cleans what Teams leaves
 * (other <at> tags, HTML entities) and recognises `help`. Everything else, including
 * `grade <authority> [area]`, is a question for the core, which understands those words.
 */

/** What a message asks for. */
export type TeamsCommand = { kind: "help" } | { kind: "ask"; question: string };

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " ", "#39": "'" };

/** Plain words from Teams message text: tags dropped (mention names kept), entities decoded. */
export function cleanMessageText(text: string): string {
  return text
    .replace(/<\/?(at|p|div|span|br)\b[^>]*>/gi, " ")
    .replace(/&(amp|lt|gt|quot|apos|nbsp|#39);/gi, (_, e: string) => ENTITIES[e.toLowerCase()] ?? " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** Parses a cleaned message. A leading "/" is dropped: people bring `/grade` over from Slack. */
export function parseTeamsCommand(text: string): TeamsCommand {
  const words = cleanMessageText(text).replace(/^\/(?=[a-z])/i, "");
  if (!words || /^(help|\?|commands|usage)[.!?]?$/i.test(words)) return { kind: "help" };
  return { kind: "ask", question: words };
}
