/**
 * Slack's mrkdwn treats `<...>` as links, mentions and commands (`<!channel>`) and `&` as
 * the start of an entity, so every piece of text that came from a user or a report is
 * escaped before it goes into a message.
 */

/** Escapes &, < and > as Slack asks (https://api.slack.com/reference/surfaces/formatting#escaping). */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Cuts text to `max` characters at a word boundary when it can, marking the cut. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${space > max * 0.8 ? cut.slice(0, space) : cut}…`;
}
