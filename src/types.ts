/**
 * The platform-neutral shapes that flow through the core: what a report yields when read,
 * and what `ask()` answers. Adapters (terminal, Slack, Teams, digest) only ever see these.
 */

/** A file the loader skipped, with the reason (shown to the operator, never fatal). */
export interface LoadProblem {
  file: string;
  code: string;
  reason: string;
}

/** Where a fact stands in a report: the file (relative to the corpus folder) and 1-based lines. */
export interface Citation {
  file: string;
  line: number;
  lineEnd: number;
  /** The report's own words, normalised only for extraction noise (tabs kept). */
  quote: string;
  /** 1-based page of `line` in a paged source (PDF); absent for text files. */
  page?: number;
  /** The report as people know it: "Halton, inspection of February 2011". */
  source?: string;
  /** The published report (from the corpus's sources.csv), at the page when known. */
  url?: string;
}

/** The three Ofsted frameworks for children's services, or unknown when a report gives no clue. */
export type FrameworkId = "SLAC" | "LAC" | "SIF" | "ILACS" | "unknown";

/** One inspection of one authority, as stated by one report. */
export interface Inspection {
  /** Stable id: `<authority slug>-<start date or year or file>`. */
  id: string;
  authority: string;
  framework: FrameworkId;
  frameworkName: string;
  /** ISO dates (YYYY-MM-DD) or null when the report does not state them. */
  start: string | null;
  end: string | null;
  published: string | null;
  /** The date of the council meeting or of the report itself. */
  reportDate: string | null;
  file: string;
  /** Citations for the dates above, when found. */
  citations: { start?: Citation; published?: Citation; reportDate?: Citation };
}

/** One graded judgement read from a report. */
export interface Judgement {
  authority: string;
  /** e.g. "Safeguarding services", "Services for looked after children", or null (SIF, ILACS). */
  service: string | null;
  /** Canonical area name from knowledge/, or the report's own label when it is not in the vocabulary. */
  area: string;
  /** Area id in knowledge/frameworks.json, or null for a label the vocabulary does not know. */
  areaId: string | null;
  grade: string;
  /** How the grade was stated: a table row beats a bullet, which beats a sentence. */
  source: "table" | "bullet" | "sentence";
  inspection: Inspection;
  citation: Citation;
}

/** A counted or dated fact about the inspection activity ("75 case files"). */
export interface Fact {
  authority: string;
  inspection: Inspection;
  /** The number as stated, as a number. */
  count: number;
  /** The counted thing, lower case, as the report words it ("individual case files"). */
  noun: string;
  citation: Citation;
}

/**
 * A recommendation, priority and immediate action (the single inspection framework's first list, 2013-15),
 * area for improvement/development or deadline the inspection produced.
 */
export interface Action {
  /**
   * Stable across re-reads, renames and moves of the report: derived from the authority, the
   * inspection (framework and dates) and the folded text, never the file (src/extract/actionId.ts).
   */
  id: string;
  authority: string;
  inspection: Inspection;
  service: string | null;
  kind: "recommendation" | "priority-action" | "area-for-improvement" | "deadline";
  text: string;
  /** As the report words it: "Immediately", "Within three months", or null. */
  timescale: string | null;
  /** ISO date the action is due, when it can be worked out; null otherwise. */
  due: string | null;
  citation: Citation;
}

/** A searchable stretch of report text. */
export interface Passage {
  id: number;
  authority: string | null;
  file: string;
  line: number;
  lineEnd: number;
  text: string;
  /** 1-based page of `line` in a paged source (PDF). */
  page?: number;
}

/** A report as read and extracted. */
export interface Report {
  file: string;
  inspection: Inspection;
  judgements: Judgement[];
  facts: Fact[];
  actions: Action[];
  passages: Passage[];
  /** Grade definitions the report itself gives ("Outstanding (Grade 1) A service that ..."). */
  scale: { grade: string; meaning: string; citation: Citation }[];
  /** The lead inspector the report names ("Lead inspector: Lisa Summers, …"), when it names one. */
  lead?: LeadInspector;
}

/** Who led an inspection: the name as the report gives it, without the title, and the line naming them. */
export interface LeadInspector {
  name: string;
  citation: Citation;
}

/** A judgement as it appears in an answer (the JSON answer format of ../shared/eval). */
export interface AnswerJudgement {
  authority: string;
  service: string | null;
  area: string;
  grade: string;
  inspection: { framework: string; start: string | null; end: string | null; published: string | null };
  citation: Citation;
}

/** What kind of question the answer answers; adapters may render kinds differently. */
export type AnswerKind =
  | "grade"
  | "table"
  | "list"
  | "count"
  | "compare"
  | "change"
  | "mentions"
  | "profile"
  | "facts"
  | "actions"
  | "scale"
  | "search"
  | "help"
  | "unknown";

/** The platform-neutral answer to one question. */
export interface Answer {
  /** The question answered (for a follow-up, the whole question it stood for). */
  question: string;
  /**
   * What was typed, when it was a follow-up answered as a whole question ("what about
   * Derby?" for "What was Derby's grade for adoption?"); absent otherwise.
   */
  asked?: string;
  kind: AnswerKind;
  answered: boolean;
  /** Plain text, no markup: adapters escape and decorate it. */
  text: string;
  judgements: AnswerJudgement[];
  citations: Citation[];
  /** Actions listed by an actions answer (ids usable with the actions store). */
  actions?: Action[];
  /** Short follow-up questions the user might ask next. */
  suggestions?: string[];
  /**
   * The question as the bot understood and applied it, in words ("London boroughs judged
   * Good for overall effectiveness, latest inspections"). ask() always sets it.
   */
  interpretation?: string;
  /** Words of the question the bot could not apply or did not understand (absent when none). */
  notUnderstood?: string[];
}
