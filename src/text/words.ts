/**
 * Word-level helpers shared by extraction and question parsing: tokenising with character
 * offsets, edit distance for typos, number words, stop words.
 */

/** A word with its place in the string it came from. */
export interface Token {
  /** Lower case, apostrophes and accents folded ("leaders'" → "leaders"). */
  norm: string;
  /** As written. */
  raw: string;
  start: number;
  end: number;
}

const WORD = /[A-Za-z0-9\u00c0-\u024f]+(?:['’][A-Za-z]+)*|&/g;

/** Lower-cases and folds accents and possessives: "Children's" → "children", "Siân" → "sian". */
export function foldWord(w: string): string {
  // Fast path: plain ASCII words (nearly all of them) skip Unicode normalisation.
  if (/^[A-Za-z0-9]+$/.test(w)) return w.toLowerCase();
  if (w === "&") return "and";
  const cached = foldCache.get(w);
  if (cached !== undefined) return cached;
  const folded = foldSlow(w);
  if (foldCache.size > 50_000) foldCache.clear();
  foldCache.set(w, folded);
  return folded;
}

const foldCache = new Map<string, string>();

function foldSlow(w: string): string {
  return w
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['’]s$/, "")
    .replace(/['’]/g, "")
    .replace(/^&$/, "and");
}

const tokenCache = new Map<string, Token[]>();

/**
 * Splits text into words (and "&" as "and"), keeping offsets for highlighting and citations.
 * Extraction tokenizes the same line for several extractors, so results are cached (the
 * arrays are shared: callers must not change them).
 */
export function tokenize(text: string): readonly Token[] & Token[] {
  const hit = tokenCache.get(text);
  if (hit) return hit;
  const out = tokenizeUncached(text);
  if (tokenCache.size > 20_000) tokenCache.clear();
  tokenCache.set(text, out);
  return out;
}

function tokenizeUncached(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    out.push({ norm: foldWord(m[0]), raw: m[0], start: m.index!, end: m.index! + m[0].length });
  }
  return out;
}

/** Folds a phrase to single-spaced lower-case words: the key used to compare names. */
export function foldPhrase(text: string): string {
  return tokenize(text.replace(/-/g, " "))
    .map((t) => t.norm)
    .join(" ");
}

/** Edit distance with swapped neighbours as one edit (optimal string alignment), stopping early once it exceeds `max` (returns max + 1 then). */
export function editDistance(a: string, b: string, max = 3): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  // Two swapped letters ("hlaton") count as one slip, as people type them.
  let before: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, before[j - 2] + 1);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    before = prev;
    prev = cur;
  }
  return prev[b.length];
}

/** How many typos a word of this length may carry and still match: none for short words. */
export function typoAllowance(word: string): number {
  if (word.length >= 9) return 2;
  if (word.length >= 5) return 1;
  return 0;
}

/** True when `typed` is `known` give or take the typos its length allows. */
export function closeEnough(typed: string, known: string): boolean {
  if (typed === known) return true;
  const allow = Math.min(typoAllowance(known), typoAllowance(typed) || (typed.length >= 4 ? 1 : 0));
  return allow > 0 && editDistance(typed, known, allow) <= allow;
}

const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60,
  seventy: 70, eighty: 80, ninety: 90, hundred: 100, a: 1, an: 1,
};

/** "three" → 3, "12" → 12, "1,200" → 1200; null when the word is not a number. */
export function numberValue(word: string): number | null {
  const c = word.charCodeAt(0);
  // Only digits and the letters number words start with can be numbers: skip the rest fast.
  if (!(c >= 48 && c <= 57) && !"otfsenOTFSEN".includes(word[0])) return null;
  const w = word.toLowerCase().replace(/,/g, "");
  if (/^\d+$/.test(w)) return Number(w);
  return w in NUMBER_WORDS && w !== "a" && w !== "an" ? NUMBER_WORDS[w] : null;
}

/** Words that carry no meaning for search or matching. */
export const STOP_WORDS = new Set(
  (
    "a an the and or of for to in on at by with from as is are was were be been being it its this that these those " +
    "what which who whom whose when where why how did do does done doing has have had having will would can could " +
    "should shall may might must i me my we our us you your they them their he she his her there here about into " +
    "than then so such any all some more most other also not no nor only own same too very just if but what's whats " +
    "tell show give say said says get got please report reports ofsted council councils authority authorities la las " +
    "local inspection inspections inspected"
  ).split(" "),
);
