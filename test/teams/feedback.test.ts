/**
 * 👍 / 👎 and the question log in Teams, end to end: the real CloudAdapter over HTTP
 * (anonymous mode), the real seed corpus, a SQLite store, and the fake Bot Connector
 * receiving the cards. A press arrives as Teams sends it: a message with the button's
 * data (and the "what was wrong?" input) as its value and no text.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FeedbackService } from "../../src/feedback/service.js";
import { openStore } from "../../src/store/open.js";
import type { Store } from "../../src/store/types.js";
import { testClock } from "../store/fixtures.js";
import { USER, channelMessage, personalMessage } from "./activities.js";
import { cardOf, cardStrings, seedBot, startHarness, type Harness } from "./harness.js";

const clock = testClock("2026-11-20T10:00:00Z");
const STRANGER = { id: "29:sam", name: "Sam Smith", aadObjectId: "aad-sam" };
let h: Harness;
let store: Store;
let feedback: FeedbackService;
let dir: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "teams-feedback-"));
  store = await openStore({ dataDir: dir }, { clock });
  feedback = new FeedbackService({ store, clock, settings: { adminUsers: [USER.aadObjectId], questionLogDays: 30 } });
  h = await startHarness({ feedback });
});

afterAll(async () => {
  await h.close();
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

type Card = Record<string, unknown>;
type Action = { type: string; title: string; data?: Record<string, unknown>; card?: { body: Card[]; actions: Action[] } };

/** Sends an activity and returns the bot's reply. */
async function exchange(activity: Record<string, unknown>): Promise<Record<string, unknown>> {
  const before = h.connector.activities("message").length;
  expect((await h.post(activity)).status).toBe(200);
  await h.connector.waitFor(() => h.connector.activities("message").length > before);
  return h.connector.activities("message").at(-1)!.body;
}

/** The 👍 / 👎 ActionSet's actions at the foot of an answer card. */
function feedbackActions(card: Card): Action[] {
  const sets = (card.body as Card[]).filter((e) => e.type === "ActionSet");
  return (sets.at(-1)?.actions as Action[]) ?? [];
}

/** A press of a card button as Teams delivers it. */
function press(data: Record<string, unknown>, from: Record<string, unknown> = USER): Record<string, unknown> {
  const m = personalMessage(h.connector.url, "");
  delete m.text;
  return { ...m, from, value: data };
}

describe("feedback in Teams", () => {
  it("an unanswerable question gets 👍 / 👎 under its card and is kept for the report", async () => {
    const card = cardOf(await exchange(personalMessage(h.connector.url, "What did Ofsted say about Atlantis?")));
    const [up, down] = feedbackActions(card);
    expect(up).toMatchObject({ type: "Action.Submit", title: "👍", data: { verb: "feedback.up", question: "What did Ofsted say about Atlantis?" } });
    expect(down).toMatchObject({ type: "Action.ShowCard", title: "👎" });
    expect(down.card!.body).toContainEqual(expect.objectContaining({ type: "Input.Text", id: "comment" }));
    expect(down.card!.actions[0]).toMatchObject({ type: "Action.Submit", data: { verb: "feedback.down", answerId: up.data!.answerId } });
    expect((await store.listUnanswered(new Date(0))).map((q) => [q.platform, q.question])).toEqual([["teams", "What did Ofsted say about Atlantis?"]]);
    expect(h.logs.join("\n")).not.toMatch(/atlantis/i);
  });

  it("a 👎 with a comment is in the report with its question; a second press by the same person changes the vote, not the count", async () => {
    const card = cardOf(await exchange(personalMessage(h.connector.url, "What was Halton's staying safe grade?")));
    const [up, down] = feedbackActions(card);
    // Teams merges the card's inputs into the submitted data.
    const sent = await exchange(press({ ...down.card!.actions[0].data, comment: "It is the 2011 grade, not the latest" }));
    expect(sent.text).toContain("👎 and what was wrong are recorded");
    let report = await feedback.report();
    expect(report.negative).toMatchObject([{ question: "What was Halton's staying safe grade?", comment: "It is the 2011 grade, not the latest", kind: "grade", answered: true, platform: "teams" }]);
    expect(report.negative[0].citations.length).toBeGreaterThan(0);

    // The admin's "feedback" shows it.
    const shown = cardStrings(cardOf(await exchange(personalMessage(h.connector.url, "feedback 7d")))).join("\n");
    expect(shown).toContain("It is the 2011 grade, not the latest");

    expect((await exchange(press(up.data!))).text).toContain("Changed your vote to 👍");
    report = await feedback.report();
    expect(report).toMatchObject({ negative: [], positive: 1 });
    expect(await store.listVotes(new Date(0))).toHaveLength(1);

    // Someone else's 👎 (no comment) is theirs; Pat's 👍 stays.
    expect((await exchange(press(down.card!.actions[0].data!, STRANGER))).text).toContain("Thank you for the 👎");
    report = await feedback.report();
    expect(report.negative).toMatchObject([{ comment: null }]);
    expect(report.positive).toBe(1);
    expect(await store.listVotes(new Date(0))).toHaveLength(2);
  });

  it("'feedback' from someone outside ADMIN_USERS is refused with their id", async () => {
    const m = personalMessage(h.connector.url, "feedback");
    const text = cardStrings(cardOf(await exchange({ ...m, from: STRANGER }))).join(" ");
    expect(text).toContain("ADMIN_USERS");
    expect(text).toContain("aad-sam");
  });

  it("'feedback' in a channel is not shown there, even to an admin", async () => {
    const text = cardStrings(cardOf(await exchange(channelMessage(h.connector.url, "feedback")))).join(" ");
    expect(text).toContain("only show it in a personal chat");
    expect(text).not.toContain("It is the 2011 grade");
  });

  it("help has no feedback buttons; with QUESTION_LOG_DAYS=0 no answer has them", async () => {
    const { withFeedback } = await import("../../adapters/teams/feedback.js");
    const { renderAnswer } = await import("../../adapters/teams/render.js");
    const bot = await seedBot();
    const off = new FeedbackService({ store, clock, settings: { adminUsers: [], questionLogDays: 0 } });
    const a = bot.ask("Halton");
    expect(feedbackActions(cardOf(withFeedback(renderAnswer(a), a, off) as Record<string, unknown>))).toEqual([]);
    expect(feedbackActions(cardOf(withFeedback(renderAnswer(a), a, feedback) as Record<string, unknown>))).toHaveLength(2);
    const help = bot.ask("help");
    expect(feedbackActions(cardOf(withFeedback(renderAnswer(help), help, feedback) as Record<string, unknown>))).toEqual([]);
  });
});
