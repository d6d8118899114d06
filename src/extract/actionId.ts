/**
 * Action ids: what an action is, never where its report happens to be stored. The id is
 * a hash of the authority, the inspection (framework and dates) and the action's text
 * folded to plain lower-case words, so renaming a report, moving it into a sub-folder,
 * changing its line endings or re-extracting it with an extractor that reads its
 * punctuation, bullets or line breaks differently all give the same id, and an action
 * marked done stays done.
 */
import { createHash } from "node:crypto";
import type { Inspection } from "../types.js";
import { foldPhrase } from "../text/words.js";

/** The inspection fields an id depends on (`file` and `id` deliberately not among them). */
export type IdInspection = Pick<Inspection, "authority" | "framework" | "start" | "end" | "published" | "reportDate">;

/** The text an id is made from: case, accents, punctuation, bullets and spacing do not count. */
export function actionKey(text: string): string {
  return foldPhrase(text);
}

/**
 * The stable id of an action (16 hex characters; the first 8 are the short id shown in chat).
 * An inspection is named by its framework and dates: start and end when the report states
 * them, else its publication or report date (a report without any date is known by its
 * authority and framework alone).
 */
export function actionId(inspection: IdInspection, text: string): string {
  const dates = inspection.start ? [inspection.start, inspection.end ?? ""] : [inspection.published ?? inspection.reportDate ?? "", ""];
  const parts = ["action/2", foldPhrase(inspection.authority), inspection.framework, ...dates, actionKey(text)];
  return createHash("sha256").update(parts.join("\n")).digest("hex").slice(0, 16);
}

/**
 * The id the first releases gave an action: a hash of the report's path, authority and
 * text. Kept only so a store written by them can be carried over to `actionId` (see
 * planSync in src/store/rows.ts); nothing new is ever keyed by it.
 */
export function legacyActionId(file: string, authority: string, text: string): string {
  return createHash("sha256").update(`${file}\n${authority}\n${foldPhrase(text)}`).digest("hex").slice(0, 16);
}
