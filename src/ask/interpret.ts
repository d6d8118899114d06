/**
 * The query in words, and the rule that no part of it is silently dropped: every answer
 * carries `interpretation`; a filled slot its handler did not apply, or a word no slot
 * understood, is said plainly, and a list of councils that may not fit is withheld.
 */
import type { Answer } from "../types.js";
import type { Lexicon } from "../knowledge/lexicon.js";
import type { Query } from "./parse.js";
import type { GradeSlot, InspectionSelector } from "./slots.js";
import { timescaleWords, type ActionKind } from "./detailSlots.js";

/** The parts of a query a handler can apply. */
export type Slot = "excludedAreas" | "authorities" | "region" | "councilType" | "framework" | "inspections" | "services" | "areas" | "anyArea" | "grade" | "topic" | "change" | "timescale";

/** What a handler did with the query: the slots it applied, and its defaults in words. */
export interface Applied {
  slots: Set<Slot>;
  /** The inspections it looked at, when it chose ("latest inspections", "every inspection"). */
  when?: string;
  /** The area it looked at when the query named none ("overall effectiveness"). */
  area?: string;
  /** The answer is whole as it is (a question back to the user, with its own interpretation): leave it. */
  finished?: boolean;
}

/** A fresh record of what a handler applied. */
export function applied(...slots: Slot[]): Applied {
  return { slots: new Set(slots) };
}

/** The filter slots the query fills (those a handler must apply or say it did not). */
export function filledSlots(q: Query): Slot[] {
  const out: Slot[] = [];
  if (q.authorities.length) out.push("authorities");
  if (q.region) out.push("region");
  if (q.councilType) out.push("councilType");
  if (q.framework) out.push("framework");
  if (q.inspections.kind !== "default") out.push("inspections");
  if (q.services.length) out.push("services");
  if (q.areas.length) out.push("areas");
  if (q.anyArea && !q.areas.length) out.push("anyArea");
  if (q.excludedAreas.length) out.push("excludedAreas");
  if (q.grade) out.push("grade");
  if (q.change) out.push("change");
  if (q.timescale) out.push("timescale");
  return out;
}

/** "latest inspections", "the 2014 inspection", "inspections before 2012", "inspections 2014 to 2017". */
export function describeInspections(s: InspectionSelector): string | null {
  switch (s.kind) {
    case "default":
      return null;
    case "latest":
      return "latest inspections";
    case "all":
      return "every inspection";
    case "previous":
      return "the inspection before the latest";
    case "earliest":
      return "the first inspection in the corpus";
    case "year":
      return `inspections in ${s.year}`;
    case "years":
      return `inspections in ${s.years.join(" and ")}`;
    case "range":
      if (s.from !== null && s.to !== null) return s.from === s.to ? `inspections in ${s.from}` : `inspections from ${s.from} to ${s.to}`;
      if (s.from !== null) return `inspections in ${s.from} or later`;
      return `inspections in ${s.to} or earlier`;
  }
}

const GRADE_NAMES: Record<string, string> = { outstanding: "Outstanding", good: "Good", adequate: "Adequate", ri: "Requires improvement", inadequate: "Inadequate" };

/** "judged Good", "judged at least Good", "judged other than Good", "judged Good or Outstanding". */
export function describeGrade(g: GradeSlot): string {
  const names = g.keys.map((k) => GRADE_NAMES[k]).join(" or ");
  const op = { is: "", atLeast: "at least ", atMost: "at most ", above: "better than ", below: "worse than ", not: "other than " }[g.op];
  return `judged ${op}${names}`;
}

/** "Services for looked after children" etc. are said in lower case inside a sentence. */
function areaWords(q: Query, a: Applied): string | null {
  if (a.area && q.intent === "lookup") return a.area;
  if (q.areas.length) return [...new Set(q.areas.map((m) => m.value[0].name))].join(q.areasJoin === "or" ? " or " : " and ");
  if (q.anyArea) return `any area${a.slots.has("excludedAreas") ? ` except ${excludedWords(q)}` : ""}`;
  return a.area ?? null;
}

function excludedWords(q: Query): string {
  return [...new Set(q.excludedAreas.map((m) => m.value[0].name))].join(", ");
}

/** Who the query is about: named authorities, or a kind of council in a region. */
function whoWords(q: Query, lex: Lexicon): string {
  if (q.authorities.length) return q.authorities.join(" and ");
  const kind = q.councilType ? lex.councilTypeName(q.councilType) : "councils";
  const who = kind.charAt(0).toUpperCase() + kind.slice(1);
  return q.region ? `${who} in ${/^(North|South|East|West)\b/.test(q.region.name) ? "the " : ""}${q.region.name}` : who;
}

const ACTION_KIND_WORDS: Record<ActionKind, string> = { recommendation: "recommendations", "priority-action": "priority and immediate actions", "area-for-improvement": "areas for improvement", deadline: "deadlines" };

/** "the number of case files", "when the report was published", "the inspection dates". */
function factWords(q: Query): string {
  const f = q.fact ?? { kind: "dates" };
  switch (f.kind) {
    case "count":
      return f.said ? `the number of ${f.said}` : "a number";
    case "published":
      return "when the report was published";
    case "lead":
      return "who led the inspection";
    case "next":
      return "when the next inspection will be";
    case "reportDate":
      return "the council report's date";
    case "dates":
      return "the inspection dates";
  }
}

const FRAMEWORK_WORDS: Record<string, string> = { SLAC: "the 2009-12 framework", SIF: "the single inspection framework", ILACS: "ILACS" };

/**
 * The query in words, as the handler applied it: "London boroughs judged Good for
 * overall effectiveness, latest inspections".
 */
export function describeQuery(query: Query, a: Applied, lex: Lexicon, kind?: Answer["kind"]): string {
  // The handler may have answered another kind than the words suggested ("Tell me about Halton" → its table).
  const asKind: Partial<Record<Answer["kind"], Query["intent"]>> = { grade: "lookup", table: "lookup", search: "search", facts: "facts", actions: "actions" };
  const q = kind && asKind[kind] && asKind[kind] !== query.intent && query.authorities.length ? { ...query, intent: asKind[kind]! } : query;
  const parts: string[] = [];
  const who = whoWords(q, lex);
  const area = areaWords(q, a);
  const services = q.services.length && a.slots.has("services") ? q.services.map((s) => s.name.toLowerCase()).join(", ") : null;
  const topic = q.topic.length ? `"${(q.topicPhrase.length ? q.topicPhrase : q.topic).join(" ")}"` : null;
  switch (q.intent) {
    case "help":
      return "A request for help";
    case "coverage":
      return `${whoWords(q, lex)} with reports in the corpus`;
    case "scale":
      return "What Ofsted's grades mean";
    case "list":
    case "count": {
      const head = q.intent === "count" ? `How many ${/^(Councils|County)/.test(who) ? who.charAt(0).toLowerCase() + who.slice(1) : who}` : who;
      parts.push(`${head} ${q.grade ? describeGrade(q.grade) : "with a grade"}${area ? ` for ${area}` : ""}${services ? ` (${services})` : ""}`);
      break;
    }
    case "compare":
      parts.push(`${who} side by side${area ? ` on ${area}` : ""}`);
      break;
    case "change":
      parts.push(`${who}: ${q.change === "improved" ? "improvement" : q.change === "declined" ? "decline" : "change"} between inspections${area ? ` in ${area}` : ""}`);
      break;
    case "mentions":
      parts.push(`${q.mentionsIn === "actions" ? "Recommendations" : "Reports"}${q.region || q.councilType ? ` of ${who.charAt(0).toLowerCase()}${who.slice(1)}` : ""} that mention ${topic ?? "the words asked about"}`);
      break;
    case "facts":
      // A count's other words only rank the report's counts ("did inspectors look at"): not shown as a condition.
      parts.push(`${who}: ${factWords(q)}${topic && q.fact?.kind !== "count" ? ` (${topic})` : ""}`);
      break;
    case "actions": {
      const what = q.actionKind ? ACTION_KIND_WORDS[q.actionKind] : "what Ofsted asked the council to do";
      const ts = q.timescale && a.slots.has("timescale") ? ` ${timescaleWords(q.timescale)}` : "";
      const board = q.areas.some((m) => m.value.some((r) => r.id === "lscb")) ? " to the Local Safeguarding Children Board" : "";
      parts.push(`${who}: ${what}${board}${ts}${services ? ` (${services})` : ""}`);
      break;
    }
    case "search":
      parts.push(`${q.authorities.length ? `The ${who} report` : "The reports"} on ${topic ?? "the question's words"}`);
      break;
    case "lookup":
      parts.push(`${who}: ${area ?? "all judgements"}${q.grade && a.slots.has("grade") ? `, ${describeGrade(q.grade)}` : ""}${services ? ` (${services})` : ""}`);
      break;
  }
  if (q.framework && a.slots.has("framework")) parts.push(`under ${FRAMEWORK_WORDS[q.framework] ?? q.framework}`);
  const when = a.when ?? (a.slots.has("inspections") ? describeInspections(q.inspections) : null);
  if (when) parts.push(when);
  return parts.join(", ");
}

/** What the user typed for a slot, for "I could not apply 'X'". */
function slotWords(q: Query, s: Slot, lex: Lexicon): string {
  switch (s) {
    case "region":
      return q.region!.name;
    case "councilType":
      return lex.councilTypeName(q.councilType!);
    case "framework":
      return FRAMEWORK_WORDS[q.framework!] ?? q.framework!;
    case "inspections":
      return describeInspections(q.inspections) ?? "";
    case "grade":
      return describeGrade(q.grade!);
    case "anyArea":
      return "any area";
    case "excludedAreas":
      return `excluding ${excludedWords(q)}`;
    case "areas":
      return areaWords(q, applied()) ?? "";
    case "services":
      return q.services.map((x) => x.name.toLowerCase()).join(", ");
    case "change":
      return q.change ?? "";
    case "timescale":
      return timescaleWords(q.timescale!);
    default:
      return s;
  }
}

/** Intents whose words are a topic: a grade or area word in them is part of it. */
const TOPIC_KINDS = new Set(["facts", "actions", "search", "help", "scale"]);

/** Intents whose answer is a set of councils: one that may not fit must not be listed. */
const SETS = new Set(["list", "count", "compare", "change", "mentions", "coverage"]);

/**
 * Adds the interpretation, and says what was not applied: a set-of-councils answer that
 * could not apply a condition is withheld (answered: false, with the reason); any other
 * answer keeps its content and says which words it could not apply.
 */
export function finish(q: Query, a: Answer, done: Applied, lex: Lexicon): Answer {
  if (done.finished) return a;
  const interpretation = describeQuery(q, done, lex, a.kind);
  // A question with no authority is answered about none; the slot is not "unapplied".
  // Facts, actions and searches read areas, services and grade words as what to look for.
  const looseSlots = new Set<Slot>(["authorities", ...(TOPIC_KINDS.has(q.intent) ? (["areas", "services", "grade", "anyArea"] as Slot[]) : [])]);
  const unapplied = filledSlots(q).filter((s) => !done.slots.has(s) && !looseSlots.has(s));
  const missing = [...unapplied.map((s) => slotWords(q, s, lex)), ...q.notUnderstood].filter(Boolean);
  // The words are kept on the answer too (with any it named itself, e.g. an unknown council):
  // the question log counts what the bot most often did not understand.
  const words = [...new Set([...(a.notUnderstood ?? []), ...missing])];
  if (!missing.length) return { ...a, interpretation, ...(words.length ? { notUnderstood: words } : {}) };
  const quoted = missing.map((w) => `'${w}'`).join(", ");
  // An answer that found nothing says so too: the empty result was for the question without these words.
  if (!a.answered) return { ...a, text: `${a.text}\n(I could not apply ${quoted} either.)`, interpretation, notUnderstood: words };
  if (SETS.has(q.intent)) {
    const text = `I could not apply ${quoted} to this question, so I won't list councils that may not fit it. I understood: ${interpretation}. Try asking without ${missing.length === 1 ? "it" : "them"}, or in other words.`;
    return { ...a, answered: false, text, judgements: [], citations: [], actions: undefined, interpretation, notUnderstood: missing };
  }
  return { ...a, text: `${a.text}\nI could not apply ${quoted}.`, interpretation, notUnderstood: missing };
}
