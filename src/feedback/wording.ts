/**
 * What the question log keeps from an answer: the wording it groups questions by, the
 * reason an answer gave up, and the words it said it did not understand.
 */
import type { Answer } from "../types.js";

/**
 * The grouping key for a question: lower case, accents, apostrophes and punctuation
 * dropped, spaces collapsed, so "Halton's grade?" and "haltons grade" count together.
 */
export function normaliseWording(question: string): string {
  return question
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['\u2018\u2019`]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** Why an answer gave up: its first line, at most 300 characters. */
export function reasonOf(answer: Answer): string {
  const first = answer.text.split("\n")[0].trim();
  return first.length > 300 ? `${first.slice(0, 299)}…` : first;
}

/** The words of the question the answer says it did not understand or could not apply, trimmed, blanks dropped. */
export function notUnderstoodOf(answer: Answer): string[] {
  return (answer.notUnderstood ?? []).map((w) => w.trim()).filter(Boolean);
}
