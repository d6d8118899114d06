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
