/**
 * The actions workflow in Slack: `/actions [authority|overdue|done ID|subscribe HH:MM|…]`,
 * the Done / Reopen buttons on every listed action and digest line, and the DigestSender
 * that posts the daily digest with chat.postMessage. The words and the rules (who may
 * change what) live in the core's handleActionsCommand; this file only translates.
 */
import type { App } from "@slack/bolt";
import { answerActionsCommand } from "../../src/actions/command.js";
import type { ActionsService } from "../../src/actions/service.js";
import type { ActionsReply, Actor } from "../../src/actions/types.js";
import type { DigestSender } from "../../src/digest/types.js";
import { ACTION_BUTTON, renderActionsReply, renderDigest } from "./actionsRender.js";

/** Where a Slack actions command came from. */
export interface SlackActionsContext {
  actor: Actor;
  /** The channel (or DM) id: where `subscribe` sends the digest. */
  channel: string;
}

/** Runs the words through the core, adding what Slack users need to know about subscribing. */
export async function runSlackActions(service: ActionsService, words: string, ctx: SlackActionsContext, log: (line: string) => void): Promise<ActionsReply> {
  const reply = await answerActionsCommand(service, words, { actor: ctx.actor, platform: "slack", destination: ctx.channel }, log);
  // Slack users type the words after the slash command.
  if (reply.command === "help") reply.text = reply.text.replace(/^(\s+)actions\b/gm, "$1/actions").replace(/\b(Type|type) actions help\b/g, "$1 /actions help");
  if (reply.command === "subscribe") {
    // Slack only lets a bot post where it is a member; say so before the first digest fails.
    reply.text += " If the bot is not in this channel yet, invite it (/invite @Inspection answers), or the digest cannot be posted.";
  }
  return reply;
}

/** Registers `/actions` and the action buttons on a Bolt app. */
export function registerSlackActions(app: App, service: ActionsService, log: (line: string) => void): void {
  app.command("/actions", async ({ command, ack, respond }) => {
    await ack();
    const reply = await runSlackActions(service, command.text ?? "", { actor: { id: command.user_id, name: command.user_name || command.user_id }, channel: command.channel_id }, log);
    // A (un)subscription changes what the whole channel gets, so the channel sees it; the rest is for the asker.
    const visible = reply.ok && (reply.command === "subscribe" || reply.command === "unsubscribe");
    await respond({ response_type: visible ? "in_channel" : "ephemeral", replace_original: false, ...renderActionsReply(reply) });
  });

  app.action(ACTION_BUTTON, async ({ ack, body, action, respond }) => {
    await ack();
    const a = action as { action_id: string; value?: string };
    const verb = ACTION_BUTTON.exec(a.action_id)?.[1] ?? "done";
    const user = body.user as { id: string; name?: string; username?: string };
    const channel = (body as { channel?: { id?: string } }).channel?.id ?? "";
    // The reply shows the action again, with the opposite button: an undo within reach.
    const reply = await runSlackActions(service, `${verb} ${a.value ?? ""}`, { actor: { id: user.id, name: user.name || user.username || user.id }, channel }, log);
    await respond({ response_type: "ephemeral", replace_original: false, ...renderActionsReply(reply) });
  });
}

/**
 * Posts digests with chat.postMessage (destination = channel id). Rejects when Slack
 * does not accept the post, so the scheduler retries and does not record it sent.
 */
export function createSlackDigestSender(client: App["client"]): DigestSender {
  return {
    async send(channel, digest) {
      const { text, blocks } = renderDigest(digest);
      await client.chat.postMessage({ channel, text, blocks: blocks as never[], unfurl_links: false, unfurl_media: false });
    },
  };
}
