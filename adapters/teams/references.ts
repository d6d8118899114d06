/**
 * Which conversation an activity belongs to, and the reference kept for posting there
 * later (the daily digest) with `continueConversationAsync`.
 */
import { TurnContext, type Activity, type ConversationReference } from "botbuilder";
import type { ConversationReferenceStore } from "../../src/store/types.js";

/**
 * The conversation id the store keys on. In a channel Teams addresses a thread as
 * `19:…@thread.tacv2;messageid=…`; the key drops the thread part so every thread of a
 * channel is one destination and a proactive post starts a new thread, not a reply.
 */
export function conversationKey(conversationId: string): string {
  return conversationId.replace(/;messageid=.*$/i, "");
}

/** The reference to keep for an incoming activity: channel-level, and not a reply to it. */
export function referenceFor(activity: Partial<Activity>): Partial<ConversationReference> {
  const ref = TurnContext.getConversationReference(activity);
  // Without activityId a later post is a new message, not a reply to this one.
  delete ref.activityId;
  if (ref.conversation) ref.conversation = { ...ref.conversation, id: conversationKey(ref.conversation.id) };
  return ref;
}

/** Stores the reference of the conversation an activity came from; returns its key, or null. */
export async function rememberConversation(store: ConversationReferenceStore, activity: Partial<Activity>): Promise<string | null> {
  const id = activity.conversation?.id;
  if (!id) return null;
  const key = conversationKey(id);
  await store.saveConversationReference(key, referenceFor(activity));
  return key;
}
