/**
 * The real Teams adapter over real HTTP on loopback, anonymous mode (as with the Bot
 * Framework Emulator), with the real core on seeds/: activities are POSTed to
 * /api/messages with a serviceUrl pointing at a fake Bot Connector that records replies.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../../src/errors.js";
import { BOT, CHANNEL_ID, botAdded, channelMessage, installed, personalMessage, USER } from "./activities.js";
import { cardOf, cardStrings, factsOf, seedBot, startHarness, type Harness } from "./harness.js";

let h: Harness;
beforeAll(async () => {
  await seedBot();
  h = await startHarness();
});
afterAll(async () => h?.close());

/** POSTs an activity and returns the message replies the connector got for it. */
async function ask(activity: Record<string, unknown>): Promise<Record<string, unknown>[]> {
  const before = h.connector.calls.length;
  const res = await h.post(activity);
  expect(res.status, res.text).toBe(200);
  await h.connector.waitFor((calls) => calls.slice(before).some((c) => c.body.type === "message"));
  return h.connector.calls.slice(before).filter((c) => c.body.type === "message").map((c) => c.body);
}

describe("answers", () => {
  it("answers a personal-chat question with an Adaptive Card holding the grade and its citation", async () => {
    const before = h.connector.calls.length;
    const [reply] = await ask(personalMessage(h.connector.url, "What was Halton's Staying safe grade?"));
    const call = h.connector.calls.slice(before).find((c) => c.body.type === "message")!;
    // A reply in the same conversation, to the message asked.
    expect(call.conversationId).toBe("a:personal-pat");
    expect(call.replyToId).toMatch(/^in-/);
    const card = cardOf(reply);
    expect(card).toMatchObject({ type: "AdaptiveCard", version: "1.4" });
    expect(factsOf(card)).toEqual([{ title: "Services for looked after children · Staying safe", value: "Outstanding" }]);
    const strings = cardStrings(card);
    expect(strings).toContain("Halton, inspection of February 2011 · 002_f7ea8ef697b3b1a6.txt, line 65");
    expect(strings).toContain("“Staying safe Outstanding”");
    // Plain-text fallback for clients without cards; no `text`, which Teams would print above the card.
    expect(String(card.fallbackText)).toContain("Outstanding");
    expect(reply.summary).toMatch(/Staying safe: Outstanding/);
    expect(reply.text).toBeUndefined();
    // A quick answer shows no typing indicator.
    expect(h.connector.calls.slice(before).filter((c) => c.body.type === "typing")).toHaveLength(0);
  });

  it("answers a channel message that @mentions the bot, in its thread", async () => {
    const before = h.connector.calls.length;
    const [reply] = await ask(channelMessage(h.connector.url, "What was Halton's Staying safe grade?"));
    const call = h.connector.calls.slice(before).find((c) => c.body.type === "message")!;
    expect(call.conversationId).toBe(`${CHANNEL_ID};messageid=1700000000000`);
    expect(factsOf(cardOf(reply))).toEqual([{ title: "Services for looked after children · Staying safe", value: "Outstanding" }]);
    // The mention was stripped before the core saw the question.
    expect(reply.summary).not.toContain("Inspection answers");
  });

  it("`grade Derby` returns the whole judgement table, each row cited", async () => {
    const [reply] = await ask(personalMessage(h.connector.url, "grade Derby"));
    const card = cardOf(reply);
    expect(factsOf(card)).toEqual([
      { title: "Overall effectiveness", value: "Good" },
      { title: "Children who need help and protection", value: "Requires improvement" },
      { title: "Children looked after and achieving permanence", value: "Good" },
      { title: "Adoption performance", value: "Good" },
      { title: "The experiences and progress of care leavers", value: "Good" },
      { title: "Leadership, management and governance", value: "Good" },
      { title: "Review of the Local Safeguarding Children Board", value: "Outstanding" },
    ]);
    const strings = cardStrings(card);
    for (let line = 13; line <= 19; line++) expect(strings).toContain(`Derby, inspection of March 2017 · 003_aadfdd4d827689ea.txt, line ${line}`);
    expect(strings.some((s) => s.startsWith("Derby: Single inspection framework"))).toBe(true);
  });

  it("`grade <authority> <area>` in a channel gives that one grade", async () => {
    const [reply] = await ask(channelMessage(h.connector.url, "grade Durham overall effectiveness", "1700000000001"));
    expect(factsOf(cardOf(reply))).toEqual([
      { title: "Safeguarding services · Overall effectiveness", value: "Outstanding" },
      { title: "Services for looked after children · Overall effectiveness", value: "Good" },
    ]);
  });

  it("says so, without guessing, for an authority it has no report for", async () => {
    const [reply] = await ask(personalMessage(h.connector.url, "grade Gotham"));
    const card = cardOf(reply);
    expect(factsOf(card)).toEqual([]);
    expect(cardStrings(card).join(" ")).toMatch(/don't recognise "Gotham"/);
  });

  it("`help` lists the commands with examples as buttons", async () => {
    const [reply] = await ask(personalMessage(h.connector.url, "help"));
    const card = cardOf(reply);
    expect(factsOf(card).map((f) => f.title)).toContain("grade <authority> \\[area\\]");
    const actions = card.actions as { type: string; data: { msteams: { type: string; value: string } } }[];
    expect(actions.length).toBeGreaterThan(0);
    expect(actions[0]).toMatchObject({ type: "Action.Submit", data: { msteams: { type: "imBack" } } });
  });

  it("answers a bare @mention in a channel with help", async () => {
    const [reply] = await ask(channelMessage(h.connector.url, "", "1700000000002"));
    expect(factsOf(cardOf(reply)).map((f) => f.title)).toContain("help");
  });

  it("follows on within a conversation, and each channel thread by itself", async () => {
    const [first] = await ask(personalMessage(h.connector.url, "What was Halton's Staying safe grade?", "a:personal-follow"));
    expect(factsOf(cardOf(first))).toEqual([{ title: "Services for looked after children · Staying safe", value: "Outstanding" }]);
    const [next] = await ask(personalMessage(h.connector.url, "what about Durham?", "a:personal-follow"));
    expect(factsOf(cardOf(next))).toEqual([{ title: "Services for looked after children · Staying safe", value: "Good" }]);
    expect(cardStrings(cardOf(next))).toContain("Understood as: following on from your last question: Durham: Staying safe");
    // Another conversation has nothing to follow on from: Durham's whole table.
    const [alone] = await ask(personalMessage(h.connector.url, "what about Durham?", "a:personal-other"));
    expect(factsOf(cardOf(alone)).length).toBeGreaterThan(1);
    expect(cardStrings(cardOf(alone)).join(" ")).not.toContain("following on");
    // Two threads of one channel are two conversations.
    await ask(channelMessage(h.connector.url, "What was Halton's Being healthy grade?", "1700000000111"));
    const [otherThread] = await ask(channelMessage(h.connector.url, "and for staying safe?", "1700000000222"));
    expect(cardStrings(cardOf(otherThread)).join(" ")).not.toContain("following on");
    const [sameThread] = await ask(channelMessage(h.connector.url, "and for staying safe?", "1700000000111"));
    expect(factsOf(cardOf(sameThread))).toEqual([{ title: "Services for looked after children · Staying safe", value: "Outstanding" }]);
  });

  it("answers an activity the Bot Framework delivers twice only once", async () => {
    const activity = personalMessage(h.connector.url, "grade Halton");
    const before = h.connector.calls.length;
    expect((await h.post(activity)).status).toBe(200);
    expect((await h.post(activity)).status).toBe(200);
    expect(h.connector.calls.slice(before).filter((c) => c.body.type === "message")).toHaveLength(1);
  });
});

describe("conversations and proactive posts", () => {
  it("stores a conversation reference on install and says hello", async () => {
    const conversationId = "a:installed-by-sam";
    const replies = await ask(botAdded(h.connector.url, conversationId));
    expect(await h.references.getConversationReference(conversationId)).toMatchObject({
      conversation: { id: conversationId },
      serviceUrl: h.connector.url,
      bot: BOT,
      channelId: "msteams",
    });
    expect(cardStrings(cardOf(replies[0]))).toContain("Hello! I'm the inspection answers bot.");
  });

  it("stores the reference on installationUpdate too, without a second greeting", async () => {
    const before = h.connector.calls.length;
    const res = await h.post(installed(h.connector.url, "a:installed-by-kim"));
    expect(res.status).toBe(200);
    expect(await h.references.getConversationReference("a:installed-by-kim")).not.toBeNull();
    expect(h.connector.calls.length).toBe(before);
  });

  it("does not greet when a person (not the bot) joins", async () => {
    const before = h.connector.calls.length;
    const activity = { ...botAdded(h.connector.url, "19:other@thread.tacv2", "channel"), membersAdded: [USER] };
    expect((await h.post(activity)).status).toBe(200);
    expect(h.connector.calls.length).toBe(before);
  });

  it("keys a channel by the channel, not the thread, and posts there proactively", async () => {
    // The channel tests above messaged threads of CHANNEL_ID.
    const ref = (await h.references.getConversationReference(CHANNEL_ID)) as { conversation: { id: string }; activityId?: string };
    expect(ref.conversation.id).toBe(CHANNEL_ID);
    expect(ref.activityId).toBeUndefined();
    const before = h.connector.calls.length;
    await h.teams.sendProactive(CHANNEL_ID, { type: "AdaptiveCard", version: "1.4", body: [{ type: "TextBlock", text: "Digest", wrap: true }] });
    const posted = h.connector.calls.slice(before).filter((c) => c.body.type === "message");
    expect(posted).toHaveLength(1);
    expect(posted[0].conversationId).toBe(CHANNEL_ID);
    // A new post in the channel (POST …/activities), not a reply to some message.
    expect(posted[0].replyToId).toBeNull();
    expect(cardStrings(cardOf(posted[0].body))).toContain("Digest");
  });

  it("refuses a proactive post to a conversation it has never been in", async () => {
    const err = await h.teams.sendProactive("19:never@thread.tacv2", "hello").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe("POST_FAILED");
  });
});

describe("bad requests", () => {
  it("answers malformed activities with 400, sends nothing, and keeps serving", async () => {
    const before = h.connector.calls.length;
    const bad: unknown[] = [
      "{not json",
      [],
      { text: "no type", serviceUrl: h.connector.url, conversation: { id: "a:x" } },
      { type: "", serviceUrl: h.connector.url, conversation: { id: "a:x" } },
      { type: "message", text: "no serviceUrl", conversation: { id: "a:x" } },
      { type: "message", text: "no conversation", serviceUrl: h.connector.url },
    ];
    for (const body of bad) {
      const res = await h.post(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(JSON.parse(res.text)).toHaveProperty("error");
    }
    expect(h.connector.calls.length).toBe(before);
    expect((await fetch(`${h.server.url}/healthz`)).status).toBe(200);
    const [reply] = await ask(personalMessage(h.connector.url, "grade Derby"));
    expect(factsOf(cardOf(reply))).toHaveLength(7);
  });

  it("refuses a body over the size limit with 413", async () => {
    const res = await h.post(personalMessage(h.connector.url, "x".repeat(1_100_000)));
    expect(res.status).toBe(413);
  });
});

describe("typing indicator", () => {
  it("shows typing while an answer takes more than a moment (corpus still loading)", async () => {
    const slow = new Promise<Awaited<ReturnType<typeof seedBot>>>((resolve) => setTimeout(() => resolve(seedBot()), 300));
    const s = await startHarness({ bot: slow, typingDelayMs: 50 });
    try {
      expect((await s.post(personalMessage(s.connector.url, "grade Derby"))).status).toBe(200);
      await s.connector.waitFor((calls) => calls.some((c) => c.body.type === "message"));
      const types = s.connector.calls.map((c) => c.body.type);
      expect(types[0]).toBe("typing");
      expect(types.at(-1)).toBe("message");
    } finally {
      await s.close();
    }
  });
});
