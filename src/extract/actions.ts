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
import { MAY_NAME_SERVICE } from "./judgements.js";

const SECTION_START =
  /\b(in order to improve\b[^.]*\b(should|must) take the following actions?|(should|must) take the following actions?(?=[.:]?$)|areas? (for|to) (improvement|development|develop|improve)|what needs to (improve|be improved)|priority actions?|(inspection|inspectors?|ofsted)('s)?\b[^.]{0,60}\brecommendations?|recommendations?\b[^.]{0,30}\b(of|from|by|made by) (the )?(inspection|inspectors?|ofsted)|recommendations? for improvement)\b/i;
/** A heading that is just "Recommendations": Ofsted's, unless its items are council decisions. */
const BARE_HEADING = /^(recommendations?|areas? for (improvement|development)|next steps)\s*:?$/i;
/** Items that are decisions asked of a cabinet or committee, not inspection actions. */
const COUNCIL_DECISION = /^(to\s+)?(note|receive|approve|agree|endorse|consider|acknowledge|review and approve)\b|\b(cabinet|council|committee|board|members) (is|are) (asked|recommended)\b/i;
/** A paragraph introducing the list of actions ("... should take the following action:"). */
const LIST_INTRO = /\b(should|must|needs? to|recommend\w*|actions?|improve\w*|develop\w*)\b[^.]*(:|following\s+\w+\s*\.?)$|\b(should|must) take the following\b/i;
const TIMESCALE = /^(immediately|with immediate effect|within (\w+|\d+) (days?|weeks?|months?)|in the (short|medium|longer?) term)\s*:?$/i;
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

/** Every action the report states. */
export function extractActions(doc: Doc, inspection: Inspection, lex: Lexicon): Action[] {
  const out: Action[] = [];
  const make = (kind: Action["kind"], text: string, timescale: string | null, due: string | null, service: ServiceRef | null, line: number, lineEnd: number, quote: string) =>
    out.push({ id: actionId(inspection, text), authority: inspection.authority, inspection, service: service?.name ?? null, kind, text, timescale, due, citation: { file: doc.file, line, lineEnd, quote } });

  let service: ServiceRef | null = null;
  let inSection: Action["kind"] | null = null;
  let timescale: string | null = null;
  let afterTimescale = false;
  const nextContent = (i: number) => doc.lines.slice(i, i + 3).find((l) => !l.blank);
  // The previous non-blank line, for a sentence the export broke over two lines.
  let before: Line | null = null;
  for (const [i, line] of doc.lines.entries()) {
    if (line.blank) continue;
    const previous = before;
    before = line;
    const heading = isHeading(line);
    // Table headers ("Services for looked after children<TAB>", or a title over rows)
    // head grade tables, not sections of recommendations.
    const next = nextContent(i + 1);
    const tableHeader = /\t/.test(line.text) || (next !== undefined && isTabular(next.text));
    const found = tableHeader ? [] : servicesOf(line.body, lex, inspection);
    if (heading && found.length === 1 && !TIMESCALE.test(line.body)) service = found[0];
    // Prose about both services ("Safeguarding and Looked After Children Services") ends any section's service.
    if (found.length > 1) service = null;
    if ((SECTION_START.test(line.body) || BARE_HEADING.test(line.body)) && (heading || /:$/.test(line.body) || line.body.length < 160) && !line.bullet) {
      inSection = /improve|develop|needs to/i.test(line.body) && !/recommendation/i.test(line.body) ? "area-for-improvement" : "recommendation";
      timescale = null;
      afterTimescale = false;
      // A section keeps the service of the heading above it only when nothing since has
      // spoken of both services; a section that names its service says so itself, also in
      // the first half of a sentence the export broke ("… safeguarding services in Bristol, the" / "… should take the following action.").
      const said = found.length || !previous || /[.:;!?]$/.test(previous.body) ? found : servicesOf(previous.body, lex, inspection);
      if (said.length === 1) service = said[0];
      else if (said.length > 1) service = null;
      continue;
    }
    if (!inSection) continue;
    // An item the export wrapped: "… so that children know what will happen and by" / "when."
    const last = out.at(-1);
    if (last && last.citation.lineEnd >= line.no - 1 && !line.bullet && !line.numbered && /^[a-z(]/.test(line.body) && !/[.;!?]$/.test(last.text)) {
      last.text = `${last.text} ${line.body}`;
      last.citation = { ...last.citation, lineEnd: line.no, quote: `${last.citation.quote}\n${line.text.trim()}` };
      last.id = actionId(inspection, last.text);
      continue;
    }
    const ts = TIMESCALE.exec(line.body);
    if (ts) {
      timescale = line.body.replace(/:$/, "");
      timescale = timescale[0].toUpperCase() + timescale.slice(1);
      afterTimescale = true;
      continue;
    }
    // A sub-heading naming a service ("4.1 Safeguarding services") or a line introducing the
    // list ("... should take the following action:") keeps the section open.
    if (heading && found.length === 1 && line.body.split(/\s+/).length <= 6 && !/:$/.test(line.body)) {
      service = found[0];
      continue;
    }
    if (!line.bullet && !afterTimescale && LIST_INTRO.test(line.body)) continue;
    // An item whose bullet glyph the export lost keeps its indent: " improve the quality of …".
    const indented = /^[ \t]{1,4}\S/.test(line.raw) && !TIMESCALE.test(line.body);
    if (line.bullet || indented || (afterTimescale && !heading) || (line.numbered && /^(ensure|improve|review|increase|develop|strengthen|establish|make sure|reduce|provide|take|put)\b/i.test(line.body))) {
      const text = line.body;
      if (COUNCIL_DECISION.test(text)) continue;
      make(inSection, text, timescale, dueDate(timescale, inspection.published), service, line.no, line.no, line.text.trim());
      continue;
    }
    // Any other heading or paragraph ends the list.
    inSection = null;
    timescale = null;
    afterTimescale = false;
    if (heading && found.length === 1) service = found[0];
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
