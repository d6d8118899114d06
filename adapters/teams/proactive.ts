/**
 * Posting into a conversation the bot is not currently answering (the daily digest):
 * look up the stored conversation reference and continue the conversation with it.
 */
import { ActivityTypes, CardFactory, type Activity, type Attachment, type CloudAdapter, type ConversationReference } from "botbuilder";
import { AppError } from "../../src/errors.js";
import type { ConversationReferenceStore } from "../../src/store/types.js";
import { conversationKey } from "./references.js";

/** What can be posted: plain text, an Adaptive Card (bare or as an attachment), or an activity. */
export type ProactiveContent = string | Attachment | Record<string, unknown> | Partial<Activity>;

/** Turns any ProactiveContent into a message activity. */
export function toActivity(content: ProactiveContent): Partial<Activity> {
  if (typeof content === "string") return { type: ActivityTypes.Message, text: content };
  const c = content as Record<string, unknown>;
  if (typeof c.contentType === "string") return { type: ActivityTypes.Message, attachments: [content as Attachment] };
  if (c.type === "AdaptiveCard") return { type: ActivityTypes.Message, attachments: [CardFactory.adaptiveCard(c)] };
  return { type: ActivityTypes.Message, ...(content as Partial<Activity>) };
}

/**
 * Posts `content` to a stored conversation. Resolves once the Bot Connector accepted it.
 * @throws AppError POST_FAILED when no reference is stored or the post is refused.
 */
export async function sendProactive(
  adapter: CloudAdapter,
  appId: string | undefined,
  references: ConversationReferenceStore,
  conversationId: string,
  content: ProactiveContent,
): Promise<void> {
  const key = conversationKey(conversationId);
  const reference = (await references.getConversationReference(key)) as Partial<ConversationReference> | null;
  if (!reference) {
    throw new AppError(
      "POST_FAILED",
      `The bot has no conversation reference for Teams conversation ${key}.`,
      "Add the app to that chat or team (or message the bot there) once; the reference is stored then.",
    );
  }
  // The adapter hands an error thrown inside the turn to onTurnError, which logs it and
  // returns: continueConversationAsync would resolve as if the post had gone out. The
  // error is caught inside the turn instead and thrown from here, so the digest scheduler
  // sees the failure, retries, and does not record the digest as sent.
  let failure: unknown = null;
  try {
    // The app id makes the outgoing call carry the bot's token; "" is anonymous (Emulator, tests).
    await adapter.continueConversationAsync(appId ?? "", reference, async (context) => {
      // The continuation turn has a made-up activity id, which botbuilder would turn into
      // a reply to a message that does not exist; without replyToId the post is a new
      // message (in a channel: a new post, not a reply in some old thread).
      context.onSendActivities(async (_ctx, activities, next) => {
        for (const a of activities) delete a.replyToId;
        return next();
      });
      try {
        await context.sendActivity(toActivity(content));
      } catch (err) {
        failure = err;
      }
    });
    if (failure) throw failure;
  } catch (err) {
    throw new AppError(
      "POST_FAILED",
      `Posting to Teams conversation ${key} failed: ${(err as Error).message}`,
      "Check the bot's credentials and that the app is still installed in that conversation.",
      { cause: err },
    );
  }
}
