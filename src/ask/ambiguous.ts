/**
 * A name several councils share ("Kingston": Kingston upon Hull, Kingston upon Thames).
 * The bot never picks one for the user: it asks which, and offers each choice as the full
 * question with that council's name in place of the shared word (one click asks it).
 * Only a council that no longer exists and has no report here is not a choice: nobody can
 * be asking about it, so the one current council left is taken, and the answer says so.
 */
import type { Answer } from "../types.js";
import type { KnowledgeBase } from "../index/knowledgeBase.js";
import type { Query } from "./parse.js";
import { answer } from "./format.js";
import { applied, describeQuery } from "./interpret.js";

/** The councils the shared word may mean: an abolished council counts only when the corpus has a report on it. */
export function ambiguousChoices(q: Query, kb: KnowledgeBase): string[] {
  const names = q.ambiguous?.authorities ?? [];
  return names.filter((n) => kb.byAuthority.has(n) || !kb.lex.authorityInfo(n)?.abolished);
}

/** "Taking "Kingston" as …": why the one choice left was taken. */
export function takenNote(q: Query, kb: KnowledgeBase, name: string): string {
  const gone = (q.ambiguous?.authorities ?? []).filter((n) => n !== name).map((n) => `${n} was abolished in ${kb.lex.authorityInfo(n)?.abolished?.slice(0, 4)} and the corpus has no report on it`);
  return `Taking "${q.ambiguous?.word}" as ${name}: ${gone.join("; ")}.`;
}

/** "A, B or C". */
function either(names: string[]): string {
  return names.length < 2 ? names.join("") : `${names.slice(0, -1).join(", ")} or ${names.at(-1)}`;
}

/** Which of the choices the corpus has reports on, in words. */
function reportsWords(choices: string[], kb: KnowledgeBase): string {
  const with_ = choices.filter((n) => kb.byAuthority.has(n));
  const without = choices.filter((n) => !kb.byAuthority.has(n));
  if (!with_.length) return `The corpus has no report on ${choices.length === 2 ? "either" : "any of them"}.`;
  if (!without.length) return `The corpus has reports on ${choices.length === 2 ? "both" : "each of them"}.`;
  return `The corpus has reports on ${with_.join(" and ")}, none on ${without.join(" or ")}.`;
}

/**
 * The question back: "Which Kingston do you mean: Kingston upon Hull or Kingston upon
 * Thames?", with each choice as a suggestion (those with reports first): the question as
 * asked, the council's full name in place of the shared word.
 */
export function ambiguousAnswer(q: Query, kb: KnowledgeBase, choices: string[]): Answer {
  const amb = q.ambiguous!;
  const ordered = [...choices.filter((n) => kb.byAuthority.has(n)), ...choices.filter((n) => !kb.byAuthority.has(n))];
  const suggestions = ordered.map((n) => `${q.text.slice(0, amb.start)}${n}${q.text.slice(amb.end)}`.trim());
  const text = `Which ${amb.word.charAt(0).toUpperCase()}${amb.word.slice(1)} do you mean: ${either(choices)}? ${reportsWords(choices, kb)}`;
  // What would be answered once the council is chosen, with the choices in its place.
  const interpretation = describeQuery({ ...q, authorities: [either(choices)] }, applied(), kb.lex);
  return { ...answer(q.text, "unknown", false, text, [], [], { suggestions }), interpretation };
}
