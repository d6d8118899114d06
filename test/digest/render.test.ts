/**
 * The digest as each platform shows it, at the sizes a large corpus produces: within
 * Slack's 50 blocks and Teams' message size, with what was left out counted, every
 * action's words escaped, and a Done button carrying the action's full id.
 */
import { describe, expect, it } from "vitest";
import { renderDigest } from "../../adapters/slack/actionsRender.js";
import { renderDigestCard } from "../../adapters/teams/actionsCard.js";
import { replyBytes, MAX_REPLY_BYTES } from "../../adapters/teams/render.js";
import type { ActionView } from "../../src/actions/types.js";
import type { Digest } from "../../src/digest/types.js";

function view(authority: string, n: number): ActionView {
  return {
    id: `${authority.toLowerCase()}-${n}-0123456789abcdef`.slice(0, 24),
    ref: `${n}`.padStart(8, "a"),
    authority,
    inspectionId: `${authority}-2011`,
    published: "2011-05-06",
    publishedAgo: "3 months ago",
    inspected: "2011-03-07",
    inspectedAgo: "5 months ago",
    service: null,
    kind: "recommendation",
    text: `Action ${n} <!channel> & *bold* ${"so that every child is seen promptly ".repeat(6)}`,
    timescale: "Within three months",
    due: "2011-08-06",
    status: "open",
    owner: null,
    archived: false,
    supersededBy: null,
    overdue: true,
    daysOverdue: 26,
    citation: { file: "004_x.txt", line: 60 + n, lineEnd: 60 + n, quote: "…" },
  };
}

function digestOf(authorities: number, each: number): Digest {
  const groups = Array.from({ length: authorities }, (_, a) => {
    const actions = Array.from({ length: each }, (_, i) => view(`Council${a}`, i));
    const inspection = { inspectionId: `Council${a}-2011`, title: `Council${a}, inspection of March 2011`, published: "2011-05-06", publishedAgo: "3 months ago", inspected: "2011-03-07", inspectedAgo: "5 months ago" };
    return { authority: `Council${a}`, actions, openCount: each, overdueCount: each, inspections: [{ ...inspection, openCount: each, overdueCount: each, actions }] };
  });
  const open = authorities * each;
  return { date: "2011-09-01", summary: `${open} open actions`, openCount: open, overdueCount: open, groups, scope: [], summarised: false, more: null };
}

describe("digest rendering", () => {
  it("Slack: a small digest shows every action with a Done button holding its id", () => {
    const d = digestOf(2, 3);
    const { blocks } = renderDigest(d);
    const buttons = blocks.map((b) => b.accessory as { value?: string } | undefined).filter(Boolean);
    expect(buttons.map((b) => b!.value)).toEqual(d.groups.flatMap((g) => g.actions.map((a) => a.id)));
    expect(JSON.stringify(blocks)).not.toContain("<!channel>");
  });

  it("Slack: a digest of 200 actions stays within 50 blocks and counts the rest", () => {
    const { blocks } = renderDigest(digestOf(10, 20));
    expect(blocks.length).toBeLessThanOrEqual(50);
    const shown = blocks.filter((b) => b.accessory).length;
    const note = JSON.stringify(blocks.at(-1));
    expect(note).toContain(`${200 - shown} more actions not shown`);
    // No authority heading is left without any of its actions under it.
    expect(blocks.at(-2)?.accessory).toBeDefined();
  });

  it("Teams: a digest of 200 actions stays under the size limit and counts the rest", () => {
    const card = renderDigestCard(digestOf(10, 20));
    expect(replyBytes(card)).toBeLessThanOrEqual(MAX_REPLY_BYTES);
    const body = JSON.stringify(card);
    const shown = (body.match(/"actions.done"/g) ?? []).length;
    expect(shown).toBeGreaterThan(10);
    expect(body).toContain(`${200 - shown} more actions not shown`);
  });

  it("a summarised digest (too many actions to list) shows every authority's counts and how to see them, on Slack and Teams", () => {
    const full = digestOf(150, 3);
    const d: Digest = { ...full, summarised: true, more: "To see an authority's actions: actions <authority> in chat.", groups: full.groups.map((g) => ({ ...g, actions: [], inspections: g.inspections.map((i) => ({ ...i, actions: [] })) })) };
    const { blocks } = renderDigest(d);
    expect(blocks.length).toBeLessThanOrEqual(50);
    const slack = JSON.stringify(blocks);
    expect(slack).toContain("*Council149*: 3 open, 3 overdue");
    expect(slack).toContain("actions &lt;authority&gt; in chat");
    const card = renderDigestCard(d);
    expect(replyBytes(card)).toBeLessThanOrEqual(MAX_REPLY_BYTES);
    expect(JSON.stringify(card)).toMatch(/Council0: 3 open, 3 overdue[^"]*and \d+ more authorities/);
    expect(JSON.stringify(card)).toContain("in chat");
  });
});
