/**
 * Actions an inspection leaves behind: the inspectors' recommendations and areas for
 * improvement or development (list items under such a heading, grouped by timescale
 * headings such as "Immediately" or "Within three months"), and stated deadlines
 * ("an improvement plan ... must be submitted ... by Wednesday 20 September 2017").
 */
import type { Action, Inspection } from "../types.js";
import type { Lexicon, ServiceRef } from "../knowledge/lexicon.js";
import { addDays, addMonths, findDates } from "../text/dates.js";
import { numberValue, tokenize } from "../text/words.js";
import { actionId } from "./actionId.js";
import { isTabular, type Doc, type Line } from "./document.js";
import { furnitureLines, indentOf, itemStart, joinWrapped } from "./listItems.js";
import { MAY_NAME_SERVICE } from "./judgements.js";

const SECTION_START =
  /\b(in order to improve\b[^.]*\b(should|must) take the following actions?|(should|must) take the following actions?(?=[.:]?$)|areas? (for|to) (improvement|development|develop|improve)|what needs to (improve|be improved)|priority actions?|(inspection|inspectors?|ofsted)('s)?\b[^.]{0,60}\brecommendations?|recommendations?\b[^.]{0,30}\b(of|from|by|made by) (the )?(inspection|inspectors?|ofsted)|recommendations? for improvement)\b/i;
/** A heading that is just "Recommendations": Ofsted's, unless its items are council decisions. */
const BARE_HEADING = /^(recommendations?|areas? for (improvement|development)|next steps)\s*:?$/i;
/** Items that are decisions asked of a cabinet or committee, not inspection actions. */
const COUNCIL_DECISION = /^(to\s+)?(note|receive|endorse|acknowledge)\b|^(to\s+)?(approve|agree|consider|review and approve)\s+(the\s+)?(\w+\s+){0,3}(report|plan|recommendations?|contents|findings|outcome|progress|proposals?|response|update|approach)\b|\b(cabinet|council|committee|board|members) (is|are) (asked|recommended)\b/i;
/** A paragraph introducing the list of actions ("... should take the following action:"). */
const LIST_INTRO = /\b(should|must|needs? to|recommend\w*|actions?|improve\w*|develop\w*)\b[^.]*(:|following\s+\w+\s*\.?)$|\b(should|must) take the following\b/i;
const TIMESCALE = /^(immediately|in the next (\w+|\d+) (days?|weeks?|months?)|with immediate effect|within (\w+|\d+) (days?|weeks?|months?)|in the (short|medium|longer?) term)\s*:?$/i;
const DEADLINE = /\b(must|should|to|will|needs? to|(is|are) required to)\s+(be\s+)?(submit\w*|sen[dt]|complet\w*|publish\w*|provid\w*|deliver\w*|return\w*|agree\w*|produc\w*|present\w*)\b|\bdeadline\b|\bfor (submission|completion)\b/i;
/** A deadline counted from publication: "within 70 working days of the report being published". */
const RELATIVE_DEADLINE = /\bwithin (\w+) (working )?(days?|weeks?|months?) of (the )?(report|publication|inspection report)\b[^.]*?\bpublish\w*|\bwithin (\w+) (working )?(days?|weeks?|months?) of publication\b/i;

/** Works out a due date from a timescale and the publication date (null when it cannot). */
export function dueDate(timescale: string | null, published: string | null): string | null {
  if (!timescale || !published) return null;
  const t = timescale.toLowerCase();
  if (/immediate/.test(t)) return published;
  const m = /within (\w+) (day|week|month)s?/.exec(t);
  if (!m) return null;
  const n = numberValue(m[1]);
  if (!n) return null;
  if (m[2] === "month") return addMonths(published, n);
  return addDays(published, m[2] === "week" ? n * 7 : n);
}

function isHeading(line: Line): boolean {
  const words = line.body.split(/\s+/).length;
  return !line.bullet && words <= 12 && !/[.;,]$/.test(line.body);
}

function servicesOf(text: string, lex: Lexicon, inspection: Inspection): ServiceRef[] {
  if (inspection.framework !== "SLAC" || !MAY_NAME_SERVICE.test(text)) return [];
  return [...new Map(lex.services.findAll(tokenize(text)).map((m) => [m.value.id, m.value])).values()];
}

/** A heading or sentence that opens the local authority's (or the board's) list of actions. */
const LIST_HEADING = /^(what does the (local authority|lscb|board|local safeguarding children board) need to improve\??|priority and immediate actions?)$/i;
/** The heading of a list of what must be done at once: "Priority and immediate action", "Priority actions". */
const PRIORITY_HEADING = /^(areas? for )?priority (and immediate )?actions?\s*:?$/i;
/** A heading that starts the part of a report about the Local Safeguarding Children Board: its lists are the board's. */
const BOARD_HEADING = /^(section \d+\s*:?\s*)?(review of |inspection findings\s*[-–:]?\s*|the effectiveness of )?(the )?(local safeguarding( children board)?$|local safeguarding children board|lscb\b)|^what does the (lscb|local safeguarding children board) need to improve/i;
/** A heading that returns to the local authority's part. */
const AUTHORITY_HEADING = /^what does the local authority need to improve/i;
/** Who owns the board's actions, in `Action.service`. */
export const BOARD = "Local Safeguarding Children Board";
/** A line saying the list is empty: "The inspection did not find any areas for priority and immediate action." */
const NO_ITEMS = /\b(did not|has not|have not|does not|no)\b[^.]{0,40}\b(find|found|identif\w*|make|made)\b[^.]{0,20}\b(any )?(areas?|recommendations?|priority|actions?)\b|^(there are )?no (areas? for|recommendations|priority)/i;
/** An item that only introduces the items below it ("15. In order to improve ..., the local authority should take the following action."). */
const ITEM_INTRO = /\b(should|must) take the following\b|\bfollowing (actions?|recommendations?)\s*[.:]?$/i;
/** A sentence that ends by introducing a list. */
const INTRO_END = /(should|must) take the following actions?[.:]?$/i;
/**
 * Words a numbered paragraph of findings starts with. A numbered item of a list of actions
 * starts with what to do ("Ensure", "Review", "Take urgent action") or says who should act
 * ("The LSCB should ...", "More care leavers should benefit ...").
 */
const IMPERATIVE = /^(ensure|improve|review|develop|establish|strengthen|increase|reduce|take|make|provide|put|implement|evaluate|further|expedite|continue|recruit|agree|accelerate|monitor|enable|report|deliver|clarify|enhance|revise|build|engage|work|integrate|undertake|complete|embed|extend|consider|raise|promote|secure|address|sustain|prioritise|prioritize|identify|use|set|give|offer|support|produce|publish|respond|assess|track|tackle|challenge|introduce|maintain|seek|arrange|collate|strategically|urgently|appropriately|consistently|fully|routinely|ask|audit|analyse|analyze|apply|check|create|define|design|align|collaborate|communicate|co-ordinate|coordinate|formalise|instigate|invest|involve|plan|prepare|protect|record|refresh|reinforce|remove|resolve|restructure|share|simplify|train|update|verify|widen|with|when|where|in (order|partnership|conjunction)|for all)\b/i;
const SAYS_WHAT_TO_DO = /\b(should|must|needs? to|ensure)\b/i;
/** Little words a heading never ends with: a line ending so is the start of a wrapped sentence. */
const OPEN_END = /\b(the|a|an|of|and|or|to|in|for|by|with|that|on|at|from|as|is|are|was|were|has|have|be|been|will|would|should|which|who|its|their)$/i;

/** A heading set off on its own: a short line after a blank line, starting with a capital, not ending mid-sentence. */
function isStandingHeading(doc: Doc, i: number, line: Line): boolean {
  return isHeading(line) && (i === 0 || doc.lines[i - 1].blank) && /^[A-Z0-9"']/.test(line.body) && !OPEN_END.test(line.body) && !isTabular(line.text);
}

/** The item being read: the action made from its first line, and the columns its lines keep to. */
interface OpenItem {
  action: Action;
  /** Column of its marker (or first line). */
  indent: number;
  /** True once its text ended with ":" (sub-items set in below it belong to it). */
  colon: boolean;
}

/** Every action the report states. */
export function extractActions(doc: Doc, inspection: Inspection, lex: Lexicon): Action[] {
  const out: Action[] = [];
  const make = (kind: Action["kind"], text: string, timescale: string | null, due: string | null, service: string | null, line: number, lineEnd: number, quote: string) => {
    const action: Action = { id: actionId(inspection, text), authority: inspection.authority, inspection, service, kind, text, timescale, due, citation: { file: doc.file, line, lineEnd, quote } };
    out.push(action);
    return action;
  };
  const furniture = furnitureLines(doc);

  let service: ServiceRef | null = null;
  let board = false;
  let inSection: Action["kind"] | null = null;
  let timescale: string | null = null;
  let afterTimescale = false;
  /** Column of the section's heading: a line back at it (or left of it) is not an item's continuation. */
  let base = 0;
  let item: OpenItem | null = null;
  /** Lines of an introduction ("The following recommendations are ...") still allowed before the first item. */
  let introLeft = 0;
  /** True once the list turned out to be decisions asked of a cabinet or committee. */
  let decisions = false;
  const close = () => {
    // An item that only introduces the ones below it is not an action.
    if (item && ITEM_INTRO.test(item.action.text)) out.splice(out.indexOf(item.action), 1);
    item = null;
  };
  const endSection = () => {
    close();
    inSection = null;
    timescale = null;
    afterTimescale = false;
  };
  const nextContent = (i: number) => doc.lines.slice(i, i + 3).find((l) => !l.blank);
  // The previous non-blank line, for a sentence the export broke over two lines.
  let before: Line | null = null;
  for (const [i, line] of doc.lines.entries()) {
    if (line.blank || furniture.has(line.no)) continue;
    const previous = before;
    before = line;
    const heading = isHeading(line);
    const standing = isStandingHeading(doc, i, line);
    // A section heading, not a judgement of the board ("The Local Safeguarding Children Board is good",
    // on a first page too): only a heading that says nothing of the board starts its part.
    if (standing && BOARD_HEADING.test(line.body) && !/\b(is|are|requires?|has|have|was|were)\b/i.test(line.body)) board = true;
    else if (standing && AUTHORITY_HEADING.test(line.body)) board = false;
    // Table headers ("Services for looked after children<TAB>", or a title over rows)
    // head grade tables, not sections of recommendations.
    const next = nextContent(i + 1);
    const tableHeader = /\t/.test(line.text) || (next !== undefined && isTabular(next.text));
    const found = tableHeader ? [] : servicesOf(line.body, lex, inspection);
    if (heading && found.length === 1 && !TIMESCALE.test(line.body)) service = found[0];
    // Prose about both services ("Safeguarding and Looked After Children Services") ends any section's service.
    if (found.length > 1) service = null;
    // A list opens at a heading (a short line starting with its words, or standing on its
    // own), or at a line that introduces it ("... made the following recommendations:");
    // a sentence of prose that mentions "areas for improvement" does not open one.
    const opens = !line.bullet && (BARE_HEADING.test(line.body) || LIST_HEADING.test(line.body) || (SECTION_START.test(line.body) && (/:$/.test(line.body) || INTRO_END.test(line.body) || standing || (heading && /^((the|our|ofsted's|inspectors'?)\s+)?$/i.test(line.body.slice(0, SECTION_START.exec(line.body)!.index)) && /^[A-Z0-9"']/.test(line.body) && !OPEN_END.test(line.body) && !isTabular(line.text)))));
    if (opens) {
      // "7. In order to improve ..., the local authority and its" / "partners should take the
      // following action.": the line before was the first half of this introduction.
      const open = item as OpenItem | null;
      if (open && !standing && INTRO_END.test(line.body) && !/[.:;!?]$/.test(open.action.text)) out.splice(out.indexOf(open.action), 1);
      item = null;
      close();
      // "Priority and immediate action" (the single inspection framework's first list) is its own kind: what must be done at once, apart from the areas for improvement below it.
      inSection = PRIORITY_HEADING.test(line.body) ? "priority-action" : /improve|develop|needs to|priority/i.test(line.body) && !/recommendation/i.test(line.body) ? "area-for-improvement" : "recommendation";
      timescale = null;
      afterTimescale = false;
      base = indentOf(line);
      introLeft = 6;
      decisions = false;
      // A section keeps the service of the heading above it only when nothing since has
      // spoken of both services; a section that names its service says so itself, also in
      // the first half of a sentence the export broke ("… safeguarding services in Bristol, the" / "… should take the following action.").
      const said = found.length || !previous || /[.:;!?]$/.test(previous.body) ? found : servicesOf(previous.body, lex, inspection);
      if (said.length === 1) service = said[0];
      else if (said.length > 1) service = null;
      continue;
    }
    if (!inSection) continue;
    const start = itemStart(line);
    const indent = indentOf(line);
    const open = item as OpenItem | null;
    // A sub-item of an item that ends with ":" ("..., by:" / "- ensuring that ...") is part of it.
    if (open && start && open.colon && indent > open.indent) {
      extend(open, start.body, line);
      continue;
    }
    // A line of the item the layout wrapped or a page break split: set in from the item's
    // marker and from the section's margin, or (text without layout) carrying on in lower
    // case a sentence the line above left open.
    if (open && !start && !TIMESCALE.test(line.body) && ((indent > open.indent && indent > base) || (/^[a-z(]/.test(line.body) && !/[.;!?]$/.test(open.action.text) && open.action.citation.lineEnd >= line.no - 1))) {
      extend(open, line.body, line);
      continue;
    }
    const ts = TIMESCALE.exec(line.body);
    if (ts) {
      close();
      timescale = line.body.replace(/:$/, "");
      timescale = timescale[0].toUpperCase() + timescale.slice(1);
      afterTimescale = true;
      continue;
    }
    // A sub-heading naming a service ("4.1 Safeguarding services") keeps the section open.
    if (heading && found.length === 1 && line.body.split(/\s+/).length <= 6 && !/:$/.test(line.body)) {
      close();
      service = found[0];
      continue;
    }
    // "The inspection did not find any areas for priority and immediate action": no action.
    if (!start && NO_ITEMS.test(line.body)) {
      close();
      continue;
    }
    // An introduction before the first item ("The following recommendations are those ...").
    if (!start && !item && !afterTimescale && introLeft > 0 && (LIST_INTRO.test(line.body) || /\b(following|below)\b/i.test(line.body) || introLeft < 6)) {
      introLeft--;
      continue;
    }
    // A numbered paragraph that neither says what to do nor who should do it is the report's
    // prose ("11. As part of the report Ofsted identify ...", "5.0 CONCLUSION:"): the list is over.
    if (start && !line.bullet && /^\s*\d/.test(line.text) && !actionLike(start.body, i)) {
      endSection();
      continue;
    }
    // An item whose bullet glyph the export lost keeps its indent: " improve the quality of …".
    const indented = /^[ \t]{1,4}\S/.test(line.raw) && !TIMESCALE.test(line.body) && !standing;
    if (start || indented || (afterTimescale && !heading)) {
      close();
      const text = start ? start.body : line.body;
      // Decisions asked of a cabinet ("(a) note the outcome ...") are not the inspection's
      // actions, nor is anything else in that list.
      if (decisions || COUNCIL_DECISION.test(text)) {
        decisions = true;
        continue;
      }
      const owner = board ? BOARD : (service?.name ?? null);
      const action = make(inSection, text, timescale, dueDate(timescale, inspection.published), owner, line.no, line.no, line.text.trim());
      item = { action, indent, colon: /:$/.test(text) };
      introLeft = 0;
      continue;
    }
    // Any other heading or paragraph ends the list.
    endSection();
    if (heading && found.length === 1) service = found[0];
  }
  close();

  /** A numbered item's first sentence (read on over its wrapped lines) says what to do, or who should do it. */
  function actionLike(body: string, i: number): boolean {
    let text = body;
    const indent = indentOf(doc.lines[i]);
    for (const l of doc.lines.slice(i + 1, i + 6)) {
      if (l.blank || /[.!?]$/.test(text)) break;
      if (indentOf(l) <= indent || itemStart(l)) break;
      text = joinWrapped(text, l.body);
    }
    const first = text.split(/(?<=[.!?])\s/)[0];
    return IMPERATIVE.test(first) || SAYS_WHAT_TO_DO.test(first);
  }

  function extend(open: OpenItem, more: string, line: Line): void {
    const a = open.action;
    a.text = joinWrapped(a.text, more);
    a.citation = { ...a.citation, lineEnd: line.no, quote: `${a.citation.quote}\n${line.text.trim()}` };
    a.id = actionId(inspection, a.text);
    // Once its sub-items have begun ("…, by:" / "- ensuring …" / "- developing …"), every one set in below it is part of it.
    open.colon = open.colon || /:$/.test(a.text);
  }

  for (const s of doc.sentences) {
    // A council deadline is about its plan or statement of action, not the report's publication.
    if (!DEADLINE.test(s.text) || !/\b(plan|statement|actions?)\b/i.test(s.text)) continue;
    const date = findDates(s.text).find((d) => /\b(by|on|before)\s+(the\s+)?(\w+day,?\s+)?$/i.test(s.text.slice(Math.max(0, d.index - 20), d.index)));
    if (date) {
      make("deadline", s.text, null, date.iso, null, s.line, s.lineEnd, s.text);
      continue;
    }
    // "within 70 working days of the report being published": a timescale; its due date is
    // worked out only for calendar units (working days depend on bank holidays not known here).
    const rel = RELATIVE_DEADLINE.exec(s.text);
    if (rel) {
      const [n, working, unit] = rel[1] ? [rel[1], rel[2], rel[3]] : [rel[6], rel[7], rel[8]];
      const timescale = `Within ${n} ${working ?? ""}${unit} of publication`.replace(/\s+/g, " ");
      make("deadline", s.text, timescale, working ? null : dueDate(`within ${n} ${unit}`, inspection.published), null, s.line, s.lineEnd, s.text);
    }
  }
  return out;
}
