/**
 * Answers about what Ofsted asked the council to do: recommendations, priority and
 * immediate actions and areas for improvement/development, by service, timescale and
 * kind, the Local Safeguarding Children Board's own when the board is asked about, and
 * stated deadlines. The answer says how many there are, list by list, as the report groups them.
 */
import type { Action, Answer, Report } from "../types.js";
import type { KnowledgeBase } from "../index/knowledgeBase.js";
import { formatDate } from "../text/dates.js";
import { BOARD } from "../extract/actions.js";
import type { Query } from "./parse.js";
import { answer, noSelectedReport, whenText } from "./format.js";
import { applied, type Applied } from "./interpret.js";
import { pickReport, selectionWords } from "./select.js";
import { readTimescale, sameTimescale, timescaleWords } from "./detailSlots.js";
import { tokenize } from "../text/words.js";

const KIND_WORDS: Record<Action["kind"], [string, string]> = {
  recommendation: ["recommendation", "recommendations"],
  "priority-action": ["priority and immediate action", "priority and immediate actions"],
  "area-for-improvement": ["area for improvement", "areas for improvement"],
  deadline: ["deadline", "deadlines"],
};

/** "3 areas for improvement", "1 recommendation". */
function counted(n: number, kind: Action["kind"]): string {
  return `${n} ${KIND_WORDS[kind][n === 1 ? 0 : 1]}`;
}

/** True when the question asks about the Local Safeguarding Children Board ("the LSCB's recommendations"). */
function asksForBoard(q: Query): boolean {
  return q.areas.some((m) => m.value.some((r) => r.id === "lscb"));
}

/** One listed action, with its timescale or due date when the report sets one. */
function actionLine(a: Action): string {
  const when = a.timescale ? `${a.timescale}${a.due ? `, due ${formatDate(a.due)}` : ""}: ` : a.due ? `Due ${formatDate(a.due)}: ` : "";
  return `- ${when}${a.text}`;
}

/**
 * The actions as the report lists them: one heading with the count when they are one
 * list ("3 areas for improvement for Sunderland (…):"), else the total and each list
 * (the local authority's priority actions, its areas for improvement, the board's …).
 */
function listText(list: Action[], authority: string, r: Report): string {
  const groups = new Map<string, { service: string | null; kind: Action["kind"]; items: Action[] }>();
  for (const a of list) {
    const key = `${a.service ?? ""}|${a.kind}`;
    if (!groups.has(key)) groups.set(key, { service: a.service, kind: a.kind, items: [] });
    groups.get(key)!.items.push(a);
  }
  const whose = (service: string | null) => (service ? `${authority}'s ${service === BOARD ? BOARD : service.toLowerCase()}` : authority);
  if (groups.size === 1) {
    const [g] = groups.values();
    return `${counted(g.items.length, g.kind)} for ${whose(g.service)} (${whenText(r)}):\n${g.items.map(actionLine).join("\n")}`;
  }
  const parts = [...groups.values()].map((g) => {
    const label = KIND_WORDS[g.kind][1];
    const head = `${g.service ? `${g.service === BOARD ? BOARD : g.service}, ${label}` : label.charAt(0).toUpperCase() + label.slice(1)} (${g.items.length}):`;
    return `${head}\n${g.items.map(actionLine).join("\n")}`;
  });
  return `${list.length} actions for ${authority} (${whenText(r)}), list by list as the report gives them:\n${parts.join("\n")}`;
}

/** Lists one authority's actions, narrowed by service, the board, timescale and kind. */
export function actionAnswer(q: Query, kb: KnowledgeBase, authority: string, done: Applied = applied()): Answer {
  const r = pickReport(kb, authority, q, done);
  if (!r) return noSelectedReport(q.text, kb, authority, selectionWords(q));
  done.slots.add("authorities");
  if (q.services.length) done.slots.add("services");
  let list: Action[] = r.actions;
  const narrow = (f: (a: Action) => boolean) => {
    const next = list.filter(f);
    if (next.length) list = next;
  };
  if (q.services.length === 1 && r.inspection.framework === "SLAC") narrow((a) => a.service === q.services[0].name);
  // The board's own recommendations, never the council's in their place.
  if (asksForBoard(q)) {
    list = list.filter((a) => a.service === BOARD);
    if (!list.length) return answer(q.text, "actions", false, `The ${authority} report (${whenText(r)}) makes no recommendations to a Local Safeguarding Children Board that I could read.`);
  }
  const ts = q.timescale;
  if (ts) {
    done.slots.add("timescale");
    // The report's timescale read as the question's is: "Within six months" is "within 6 months", "in the next six months".
    // A priority and immediate action is to be acted on immediately.
    list = list.filter((a) => (a.kind === "priority-action" && !a.timescale ? ts.kind === "immediately" : sameTimescale(ts, a.timescale ? readTimescale(tokenize(a.timescale)) : null)));
  }
  if (!list.length) {
    return answer(q.text, "actions", false, `The ${authority} report (${whenText(r)}) lists no recommendations or areas for improvement ${ts ? `to act on ${timescaleWords(ts)} ` : ""}that I could read.`);
  }
  if (q.actionKind === "priority-action") {
    // Asked for the priority list, the report's other lists are not it.
    list = list.filter((a) => a.kind === "priority-action");
    if (!list.length) return answer(q.text, "actions", false, `The ${authority} report (${whenText(r)}) has no list of priority and immediate actions that I could read; ask for its recommendations to see what it lists.`);
  } else if (q.actionKind === "area-for-improvement") {
    // The areas for improvement are not the priority actions listed above them; a report with neither list calls its items recommendations.
    narrow((a) => a.kind === "area-for-improvement");
  } else if (q.actionKind) narrow((a) => a.kind === q.actionKind);
  const lines = [listText(list, authority, r)];
  // A report lists its actions by who acts and how soon, not by judgement area: say so rather than pretend to have narrowed them.
  const areas = [...new Set(q.areas.filter((m) => !m.value.some((ref) => ref.id === "lscb")).map((m) => m.value[0].name.toLowerCase()))];
  if (areas.length) lines.push(`(These are all of them: the report does not sort its actions by area, so I could not narrow them to ${areas.join(" and ")}.)`);
  return answer(q.text, "actions", true, lines.join("\n"), [], list.map((a) => a.citation), { actions: list });
}
