/**
 * Activities as Teams sends them (trimmed to what matters): a personal-chat message, a
 * channel message with an <at> mention, the bot being added, an app installation.
 */
export const BOT = { id: "28:inspection-bot", name: "Inspection answers" };
export const USER = { id: "29:pat", name: "Pat Jones", aadObjectId: "aad-pat" };
export const TENANT = { id: "tenant-1" };
export const CHANNEL_ID = "19:general@thread.tacv2";

let seq = 0;
const nextId = () => `in-${++seq}`;

function base(serviceUrl: string, conversation: Record<string, unknown>): Record<string, unknown> {
  return {
    id: nextId(),
    timestamp: new Date("2025-01-06T09:00:00Z").toISOString(),
    channelId: "msteams",
    serviceUrl,
    from: USER,
    recipient: BOT,
    conversation: { tenantId: TENANT.id, ...conversation },
    channelData: { tenant: TENANT },
    locale: "en-GB",
  };
}

/** A message in a one-to-one chat with the bot. */
export function personalMessage(serviceUrl: string, text: string, conversationId = "a:personal-pat"): Record<string, unknown> {
  return { ...base(serviceUrl, { id: conversationId, conversationType: "personal" }), type: "message", text, textFormat: "plain" };
}

/** A channel message that @mentions the bot (Teams only delivers channel messages that do). */
export function channelMessage(serviceUrl: string, words: string, threadId = "1700000000000"): Record<string, unknown> {
  const mention = `<at>${BOT.name}</at>`;
  return {
    ...base(serviceUrl, { id: `${CHANNEL_ID};messageid=${threadId}`, conversationType: "channel", isGroup: true }),
    type: "message",
    text: `${mention} ${words}`,
    textFormat: "plain",
    entities: [{ type: "mention", text: mention, mentioned: BOT }],
    channelData: { tenant: TENANT, teamsChannelId: CHANNEL_ID, teamsTeamId: "19:team@thread.tacv2", channel: { id: CHANNEL_ID }, team: { id: "19:team@thread.tacv2" } },
  };
}

/** The bot added to a conversation (install in personal scope, a group chat or a team). */
export function botAdded(serviceUrl: string, conversationId: string, conversationType = "personal"): Record<string, unknown> {
  return { ...base(serviceUrl, { id: conversationId, conversationType }), type: "conversationUpdate", membersAdded: [BOT] };
}

/** The installationUpdate Teams sends alongside. */
export function installed(serviceUrl: string, conversationId: string): Record<string, unknown> {
  return { ...base(serviceUrl, { id: conversationId, conversationType: "personal" }), type: "installationUpdate", action: "add" };
}
