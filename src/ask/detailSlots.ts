/**
 * Slots for what one council's facts or actions question asks for: which fact of the
 * inspection (a count, the publication date, the council report's date, the dates), the
 * timescale of the actions ("within three months", "in the next 6 months", "immediately")
 * and their kind (recommendations, areas for improvement, deadlines). The parser fills
 * them, so the facts and actions handlers never read the question's words again.
 */
import { STOP_WORDS, numberValue, type Token } from "../text/words.js";
import type { Claim } from "./slots.js";

/** Which fact of the inspection a facts question asks for. */
export type FactSlot =
  /**
   * "How many case files did inspectors look at?": `counted` are the counted words (singular,
   * up to the verb: ["case", "file"]), `typed` the first of them as typed ("inspectors"),
   * `phrase` the counted phrase read the way a report's is (up to its first plural noun),
   * `said` the counted words as the question says them ("case files").
   */
  | { kind: "count"; counted: string[]; typed: string | null; phrase: string[]; said: string }
  | { kind: "published" }
  /** Who led the inspection ("who was the lead inspector", "who led the inspection", "who inspected"). */
  | { kind: "lead" }
  /** When the next inspection will be ("when is Halton next due to be inspected?"): no report says. */
  | { kind: "next" }
  /** The council report's own date ("when was the cabinet meeting"). */
  | { kind: "reportDate" }
  | { kind: "dates" };

/** How soon an action is due: at once, or within a number of (working) days, weeks or months. */
export type TimescaleSlot = { kind: "immediately" } | { kind: "within"; n: number; unit: "day" | "week" | "month"; working: boolean };

/** Which of an inspection's actions: its recommendations, areas for improvement or deadlines. */
export type ActionKind = "recommendation" | "priority-action" | "area-for-improvement" | "deadline";

/** "case files" → "case file", "authorities" → "authority". */
export const singular = (w: string) => w.replace(/ies$/, "y").replace(/s$/, "");

/** Plural nouns without an "s": they end a counted phrase as "files" does ("children looked after" counts children). */
const PLURALS = new Set(["children", "people", "staff", "men", "women"]);

/** A plural noun ends a counted phrase: "files", "children"; not "serious", "analysis", "status". */
function isPlural(w: string): boolean {
  return PLURALS.has(w) || (/[^s]s$/.test(w) && !/(ous|us|is)$/.test(w));
}

/** Words that end the phrase a number counts: "11 recommendations made by inspectors" counts recommendations. */
const PHRASE_END = new Set(["made", "including", "included", "involving", "seen", "met", "from", "by", "of", "with", "for", "in", "on", "at", "to", "and", "or", "who", "which", "that", "were", "was", "are", "is", "over", "across", "during"]);

/**
 * What a number counts: the words after it up to the first plural noun ("case files",
 * "experienced inspectors", "children case records") or a word that starts something else.
 */
export function countedPhrase(noun: string): string[] {
  const out: string[] = [];
  for (const w of noun.split(" ")) {
    if (PHRASE_END.has(w)) break;
    // A possessive is not what is counted: "children's case records" counts case records.
    const base = w.replace(/'s$/, "");
    out.push(singular(base));
    if (base === w && isPlural(w)) break;
  }
  return out;
}

/**
 * A question for the inspector who led the inspection: "who was the lead inspector", "who
 * led the inspection", "which inspector led it", "who inspected Halton", "the HMI for
 * Swindon", "reporting inspector".
 */
export const LEAD_INSPECTOR = /(?<!\b(deputy|assistant|team|other) )\b(lead inspector|reporting inspector|leading inspector|who (led|headed|inspected|carried out|conducted|ran)|who was in charge|which (inspector|hmi)|inspector (who )?led|(the|an?) hmi (for|of|on|in|at|who))\b/i;

/** A question about an inspection still to come: "the next inspection", "when is it due to be inspected", "will Ofsted inspect". */
const NEXT_INSPECTION = /\b(next|upcoming|forthcoming|future) (ofsted )?(inspection|visit|ilacs)|\bnext (be )?inspected\b|\b(when|will) (will )?(ofsted|they|inspectors) (next )?(inspect|visit|come|return)|\b(due|expected|scheduled|planned) (to be |for )?(an? |its )?(re-?)?inspect/;

/** Words that end what "how many" counts: the verb of the question ("… case files did inspectors …"). */
const COUNT_END = new Set(["did", "do", "does", "were", "was", "had", "have", "has", "are", "is", "in", "at", "for", "according", "by", "during"]);
/** Counted words kept although they are stop words elsewhere. */
const COUNTED_STOP = new Set(["authorities", "inspectors", "reports", "inspections"]);

/** Where "how many" or "number of" starts (the index of its first token), or -1. */
function countAt(tokens: Token[]): number {
  return tokens.findIndex((t, i) => (t.norm === "how" && tokens[i + 1]?.norm === "many") || (t.norm === "number" && tokens[i + 1]?.norm === "of"));
}

/**
 * The fact a facts question asks for, claiming its words: "how many X" (a count, before
 * anything else), "published"/"publication"/"out" (the publication date), "meeting",
 * "cabinet", "committee", "council report", "board" (the council report's date), else the
 * inspection dates.
 */
export function findFact(text: string, tokens: Token[], claim: Claim): FactSlot {
  const t = text.toLowerCase();
  const at = countAt(tokens);
  if (at >= 0) {
    // Words after "how many", a possessive kept on its word ("children's case records").
    const after = (/\b(?:how many|number of)\s+(.+)$/.exec(t.replace(/’/g, "'"))?.[1] ?? "")
      .split(/[^a-z']+/)
      .map((w) => w.replace(/^'+|'+$/g, "").replace(/'(?!s$)/g, ""))
      .filter(Boolean);
    const counted: string[] = [];
    for (const w of after) {
      if (COUNT_END.has(w)) break;
      if (!STOP_WORDS.has(w) || COUNTED_STOP.has(w)) counted.push(singular(w.replace(/'s$/, "")));
    }
    const phrase = countedPhrase(after.slice(0, 5).join(" ")).filter((w) => !STOP_WORDS.has(w));
    // The counted words are what the slot holds: "how many" and them, up to the question's verb.
    let end = at + 2;
    while (end < tokens.length && !COUNT_END.has(tokens[end].norm)) end++;
    claim(at, end);
    // As said, up to where the phrase ends the way a report's does ("inspectors took part" → "inspectors").
    const said: string[] = [];
    for (const tok of tokens.slice(at + 2, end)) {
      if (PHRASE_END.has(tok.norm)) break;
      said.push(tok.raw);
      if (isPlural(tok.norm)) break;
    }
    return { kind: "count", counted, typed: /^[a-z]+/.exec(after.join(" "))?.[0] ?? null, phrase, said: said.join(" ") };
  }
  const claimWords = (re: RegExp) => tokens.forEach((tok, i) => re.test(tok.norm) && claim(i, i + 1));
  if (NEXT_INSPECTION.test(t)) {
    claimWords(/^(when|next|upcoming|forthcoming|future|due|expected|scheduled|planned|will|be|is)$/);
    return { kind: "next" };
  }
  if (LEAD_INSPECTOR.test(t)) {
    claimWords(/^(who|which|name|lead|led|leading|reporting|inspectors?|inspected|hmi|carried|out|conducted|did|the)$/);
    return { kind: "lead" };
  }
  if (/\b(publish\w*|publication|out)\b/.test(t)) {
    claimWords(/^(publish\w*|publication|out|when)$/);
    return { kind: "published" };
  }
  if (/\b(meeting|cabinet|committee|council report|board)\b/.test(t)) {
    claimWords(/^(meeting|cabinet|committee|board|when|date)$/);
    return { kind: "reportDate" };
  }
  claimWords(/^(when|dates?|took|take|place|happen\w*|visit\w*|month|year|period|weeks?|days)$/);
  return { kind: "dates" };
}

const UNITS: Record<string, "day" | "week" | "month"> = { day: "day", days: "day", week: "week", weeks: "week", month: "month", months: "month" };

/**
 * A timescale in words: "immediately", "within three months", "within 70 working days",
 * "within a month", "in the next 6 months", "over the coming three months", "for the next
 * six months".
 * Also reads a report's own timescale ("Within three months of publication"), so the two
 * compare as values: "within 6 months" is "Within six months".
 */
export function readTimescale(tokens: Token[], used: boolean[] = [], claim: Claim = () => {}): TimescaleSlot | null {
  const n = (i: number) => tokens[i]?.norm ?? "";
  for (let i = 0; i < tokens.length; i++) {
    if (used[i]) continue;
    if (n(i) === "immediately" || (n(i) === "straight" && n(i + 1) === "away")) {
      claim(i, n(i) === "straight" ? i + 2 : i + 1);
      return { kind: "immediately" };
    }
    // "within three months"; "in", "over", "for" and "during" only with "the next", "the coming" ("inspectors were on site for 5 days" is no timescale).
    if (!/^(within|in|over|during|for)$/.test(n(i))) continue;
    let j = i + 1;
    if (n(j) === "the") j++;
    const next = /^(next|coming|first)$/.test(n(j));
    if (next) j++;
    if (n(i) !== "within" && !next) continue;
    const count = n(j) === "a" || n(j) === "an" ? 1 : numberValue(n(j));
    if (count === null) continue;
    const working = n(j + 1) === "working";
    const unit = UNITS[n(working ? j + 2 : j + 1)];
    if (!unit) continue;
    const end = working ? j + 3 : j + 2;
    claim(i, end);
    return { kind: "within", n: count, unit, working };
  }
  return null;
}

/** True when an action's stated timescale is the one asked ("Within three months of publication" is within three months). */
export function sameTimescale(asked: TimescaleSlot, stated: TimescaleSlot | null): boolean {
  if (!stated || stated.kind !== asked.kind) return false;
  return asked.kind === "immediately" || (stated.kind === "within" && stated.n === asked.n && stated.unit === asked.unit && stated.working === asked.working);
}

/** "within 6 months", "immediately": the timescale in words. */
export function timescaleWords(s: TimescaleSlot): string {
  return s.kind === "immediately" ? "immediately" : `within ${s.n} ${s.working ? "working " : ""}${s.unit}${s.n === 1 ? "" : "s"}`;
}

/**
 * The kind of actions asked for, claiming its words: a deadline ("deadline", "by when",
 * "plan"), priority and immediate actions, areas for improvement or development, or
 * recommendations; null for any.
 */
export function findActionKind(tokens: Token[], claim: Claim): ActionKind | null {
  const n = (i: number) => tokens[i]?.norm ?? "";
  const find = (test: (i: number) => number) => {
    for (let i = 0; i < tokens.length; i++) {
      const len = test(i);
      if (len) return [i, i + len] as const;
    }
    return null;
  };
  const deadline = find((i) => (n(i) === "deadline" || n(i) === "deadlines" || n(i) === "plan" ? 1 : n(i) === "by" && n(i + 1) === "when" ? 2 : 0));
  if (deadline) {
    claim(...deadline);
    return "deadline";
  }
  // "priority and immediate actions", "priority actions", "immediate actions": the single inspection framework's first list.
  const priority = find((i) => (n(i) === "priority" && n(i + 1) === "and" && n(i + 2) === "immediate" && /^actions?$/.test(n(i + 3)) ? 4 : /^(priority|immediate)$/.test(n(i)) && /^actions?$/.test(n(i + 1)) ? 2 : 0));
  if (priority) {
    claim(...priority);
    return "priority-action";
  }
  const areas = find((i) => (/^areas?$/.test(n(i)) && n(i + 1) === "for" && /^(improvement|development)$/.test(n(i + 2)) ? 3 : 0));
  if (areas) {
    claim(...areas);
    return "area-for-improvement";
  }
  const recommend = find((i) => (/^recommend/.test(n(i)) ? 1 : 0));
  if (recommend) {
    claim(...recommend);
    return "recommendation";
  }
  return null;
}

/** Another visit than the inspection the bot holds dates and grades for: an unannounced inspection, a monitoring or focused visit. */
export function findOtherVisit(tokens: Token[]): boolean {
  const words = new Set(tokens.map((t) => t.norm));
  return words.has("unannounced") || ((words.has("monitoring") || words.has("focused")) && (words.has("visit") || words.has("visits")));
}
