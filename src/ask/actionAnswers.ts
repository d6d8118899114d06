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
import { readTimescale, sameTimescale, timescaleWords } from "./detailSlots.js";
import { tokenize } from "../text/words.js";

/** Lists one authority's actions, narrowed by service, timescale and kind where that leaves some. */
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
  const ts = q.timescale;
  if (ts) {
    done.slots.add("timescale");
    // The report's timescale read as the question's is: "Within six months" is "within 6 months", "in the next six months".
    list = list.filter((a) => sameTimescale(ts, a.timescale ? readTimescale(tokenize(a.timescale)) : null));
  }
  if (q.actionKind) narrow((a) => a.kind === q.actionKind);
  if (!list.length) {
    return answer(q.text, "actions", false, `The ${authority} report (${whenText(r)}) lists no recommendations or areas for improvement ${ts ? `to act on ${timescaleWords(ts)} ` : ""}that I could read.`);
  }
  const lines = list.map((a) => {
    const when = a.timescale ? `${a.timescale}${a.due ? `, due ${formatDate(a.due)}` : ""}: ` : a.due ? `Due ${formatDate(a.due)}: ` : "";
    const svc = a.service && !(q.services.length === 1) ? ` [${a.service.toLowerCase()}]` : "";
    return `- ${when}${a.text}${svc}`;
  });
  const kind = list.every((a) => a.kind === "area-for-improvement") ? "Areas for improvement" : list.every((a) => a.kind === "deadline") ? "Deadlines" : "Recommendations";
  return answer(q.text, "actions", true, `${kind} for ${authority} (${whenText(r)}):\n${lines.join("\n")}`, [], list.map((a) => a.citation), { actions: list });
}
