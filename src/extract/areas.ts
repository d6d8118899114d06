/** Finding a judgement area's name in a row's label, the way every table reader needs it. */
import type { FrameworkId } from "../types.js";
import type { AreaRef, Lexicon } from "../knowledge/lexicon.js";
import type { PhraseMatch } from "../knowledge/phrases.js";
import { tokenize, type Token } from "../text/words.js";

/** The longest judgement area of the framework (any framework when unknown) these words name, if any. */
export function longestArea(tokens: Token[], framework: FrameworkId, lex: Lexicon): PhraseMatch<AreaRef[]> | undefined {
  return (lex.areasByFramework.get(framework) ?? lex.allAreas).findAll(tokens).sort((a, b) => b.length - a.length)[0];
}

/**
 * True when a label is nothing but an area's name ("The contribution of health agencies …
 * safe", a leading "The" and one stray word allowed): what a table row without structure
 * must be before its number or grade is believed.
 */
export function isWholeAreaName(label: string, framework: FrameworkId, lex: Lexicon): boolean {
  const tokens = tokenize(label).filter((t, k) => /\w/.test(t.norm) && !(k === 0 && t.norm === "the"));
  const best = longestArea(tokens, framework, lex);
  return !!best && best.start === 0 && best.length >= tokens.length - 1;
}

/**
 * The label as an area's whole name, allowing one stray word anywhere in it (a slip in the
 * report: "The experiences and progress of children care leavers"): the label itself when
 * it is whole already, the label without that word when exactly one area is left, else
 * null. A label that could be two areas by dropping different words is refused.
 */
export function wholeAreaLabel(label: string, framework: FrameworkId, lex: Lexicon): string | null {
  if (isWholeAreaName(label, framework, lex)) return label;
  const words = label.trim().split(/\s+/);
  if (words.length < 3 || words.length > 20) return null;
  const found = new Map<string, string>();
  for (let k = 0; k < words.length; k++) {
    const candidate = [...words.slice(0, k), ...words.slice(k + 1)].join(" ");
    const tokens = tokenize(candidate).filter((t, i) => /\w/.test(t.norm) && !(i === 0 && t.norm === "the"));
    const best = longestArea(tokens, framework, lex);
    // The whole of what is left must be the area's name, nothing over.
    if (best && best.start === 0 && best.length === tokens.length) found.set(best.value.map((r) => r.id).join("|"), candidate);
  }
  return found.size === 1 ? [...found.values()][0] : null;
}
