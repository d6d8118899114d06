/**
 * Reads a grade from a table cell or from words in a sentence: exact words, "Grade 2",
 * and OCR slips ("G00d", "Requlres improvement") that are still unmistakable. A cell that
 * is mostly digits ("9000") is not read as a grade: that would be a guess.
 */
import type { FrameworkId } from "../types.js";
import type { GradeKey, Lexicon } from "../knowledge/lexicon.js";
import { editDistance, foldPhrase } from "../text/words.js";

/** A grade read from text. `fuzzy` when an OCR slip was corrected. */
export interface ReadGrade {
  key: GradeKey;
  fuzzy: boolean;
  /** True when only a number said it ("2", "Grade 3"): readable beside a known area's name only. */
  numeric?: boolean;
}

const CANDIDATES: [string, GradeKey][] = [
  ["outstanding", "outstanding"],
  ["good", "good"],
  ["adequate", "adequate"],
  ["inadequate", "inadequate"],
  ["requires improvement to be good", "ri"],
  ["requires improvement", "ri"],
  ["require improvement", "ri"],
];

const OCR_DIGITS: Record<string, string> = { "0": "o", "1": "l", "5": "s", "9": "g", "6": "b", "8": "b", "3": "e" };

/** Reads a whole cell as a grade, or null when it is not one. */
export function readGradeCell(cell: string, framework: FrameworkId, lex: Lexicon): ReadGrade | null {
  // The longest grade cell ("Requires improvement to be good (Grade 3)") is well under 60 characters.
  if (cell.length > 60) return null;
  let c = cell.replace(/[*'"`_]/g, "").replace(/\[\d+\]|\(\s*\d\s*\)$/g, "").trim().replace(/[.,;:!]+$/, "").trim();
  if (!c) return null;
  // "Grade 2", "2", "Good (Grade 2)", "2 - Good": words win over numbers when both are there.
  const numOnly = /^(?:grade\s*)?([1-4])$/i.exec(c);
  if (numOnly) {
    const key = lex.gradeByNumber(Number(numOnly[1]), framework);
    return key ? { key, fuzzy: false, numeric: true } : null;
  }
  // "Grade 2 (good)", "Grade 1 - Outstanding", "Good - 2": the words say it; a number that
  // disagrees with them makes it no grade at all.
  const both = /^(?:grade\s*)?([1-4])\s*(?:\(([a-z ]+)\)|[-–:]\s*([a-z ]+))$/i.exec(c) ?? /^()([a-z ]+?)\s*[-–:]\s*(?:grade\s*)?([1-4])$/i.exec(c);
  if (both) {
    const [number, words] = both[1] ? [both[1], both[2] ?? both[3]] : [both[3], both[2]];
    const inner = readGradeCell(words, framework, lex);
    const byNumber = lex.gradeByNumber(Number(number), framework);
    return inner && (byNumber === null || byNumber === inner.key) ? inner : null;
  }
  c = c.replace(/\(\s*grade\s*[1-4]\s*\)|^\s*[1-4]\s*[-–:]\s*|\s*[-–:]\s*[1-4]\s*$/gi, "").trim();
  const folded = foldPhrase(c);
  for (const [words, key] of CANDIDATES) if (folded === words) return { key, fuzzy: false };
  const letters = (c.match(/[a-z]/gi) ?? []).length;
  if (letters < Math.ceil(c.replace(/\s/g, "").length / 2)) return null;
  const mapped = folded.replace(/[0-9]/g, (d) => OCR_DIGITS[d] ?? d);
  for (const [words, key] of CANDIDATES) {
    const allow = words.length >= 9 ? 2 : 1;
    if (editDistance(mapped, words, allow) <= allow) return { key, fuzzy: true };
  }
  return null;
}
