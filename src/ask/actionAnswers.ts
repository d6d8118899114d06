/**
 * Answers about what Ofsted asked the council to do: recommendations and areas for
 * improvement/development, by service and timescale, and stated deadlines.
 */
import type { Action, Answer } from "../types.js";
import type { KnowledgeBase } from "../index/knowledgeBase.js";
import { formatDate } from "../text/dates.js";
import type { Query } from "./parse.js";
import { answer, noSelectedReport, whenText } from "./format.js";
import { applied, type Applied } from "./interpret.js";
import { pickReport, selectionWords } from "./select.js";

/** Lists one authority's actions, narrowed by service, timescale and kind where that leaves some. */
export function actionAnswer(q: Query, kb: KnowledgeBase, authority: string, done: Applied = applied()): Answer {
  const r = pickReport(kb, authority, q, done);
  if (!r) return noSelectedReport(q.text, kb, authority, selectionWords(q));
  done.slots.add("authorities");
  if (q.services.length) done.slots.add("services");
  const t = q.text.toLowerCase();
  let list: Action[] = r.actions;
  const narrow = (f: (a: Action) => boolean) => {
    const next = list.filter(f);
    if (next.length) list = next;
  };
  if (q.services.length === 1 && r.inspection.framework === "SLAC") narrow((a) => a.service === q.services[0].name);
  const ts = /\b(immediately|within (\w+) (days?|weeks?|months?))\b/.exec(t);
  if (ts) list = list.filter((a) => a.timescale?.toLowerCase() === ts[1] || (a.timescale?.toLowerCase().startsWith(ts[1].replace(/s$/, "")) ?? false));
  if (/\bdeadline|by when|plan\b/.test(t)) narrow((a) => a.kind === "deadline");
  else if (/\bareas? for (improvement|development)\b/.test(t)) narrow((a) => a.kind === "area-for-improvement");
  else if (/\brecommend/.test(t)) narrow((a) => a.kind === "recommendation");
  if (!list.length) {
    return answer(q.text, "actions", false, `The ${authority} report (${whenText(r)}) lists no ${ts ? `"${ts[1]}" ` : ""}recommendations or areas for improvement that I could read.`);
  }
  const lines = list.map((a) => {
    const when = a.timescale ? `${a.timescale}${a.due ? `, due ${formatDate(a.due)}` : ""}: ` : a.due ? `Due ${formatDate(a.due)}: ` : "";
    const svc = a.service && !(q.services.length === 1) ? ` [${a.service.toLowerCase()}]` : "";
    return `- ${when}${a.text}${svc}`;
  });
  const kind = list.every((a) => a.kind === "area-for-improvement") ? "Areas for improvement" : list.every((a) => a.kind === "deadline") ? "Deadlines" : "Recommendations";
  return answer(q.text, "actions", true, `${kind} for ${authority} (${whenText(r)}):\n${lines.join("\n")}`, [], list.map((a) => a.citation), { actions: list });
}
