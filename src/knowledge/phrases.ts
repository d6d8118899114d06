/**
 * Finds known phrases (authority names, judgement areas, services, grades) in a list of
 * tokens: longest match first, no overlaps, optionally tolerant of typos ("stayin safe").
 * Filler words ("the", "our") are skipped on both sides so "the quality of our safeguarding
 * provision" still meets "quality of safeguarding provision".
 */
import { closeEnough, foldPhrase, STOP_WORDS, type Token } from "../text/words.js";

const FILLER = new Set(["the", "our", "its", "their", "a", "an"]);

/** One phrase to look for, and what it stands for. */
export interface PhraseEntry<T> {
  words: string[];
  value: T;
}

/** A phrase found in the tokens. Token indices refer to the caller's token array. */
export interface PhraseMatch<T> {
  value: T;
  /** First token index (inclusive) and last (exclusive). */
  start: number;
  end: number;
  /** Words in the matched phrase: longer is more specific. */
  length: number;
  typos: number;
}

/** A dictionary of phrases with a matcher over tokens. */
export class PhraseMatcher<T> {
  private byFirst = new Map<string, PhraseEntry<T>[]>();
  /** First words bucketed by their first letter, for the typo-tolerant lookup. */
  private firstByLetter = new Map<string, string[]>();

  constructor(entries: Iterable<{ phrase: string; value: T }>) {
    for (const { phrase, value } of entries) {
      const words = foldPhrase(phrase).split(" ").filter((w) => w && !FILLER.has(w));
      if (!words.length) continue;
      const list = this.byFirst.get(words[0]) ?? [];
      list.push({ words, value });
      this.byFirst.set(words[0], list);
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
    for (const w of this.byFirst.keys()) this.firstByLetter.set(w[0], [...(this.firstByLetter.get(w[0]) ?? []), w]);
  }

  /**
   * Every non-overlapping match, longest (then fewest typos) first at each position.
   * `fuzzy` allows typos in words long enough to carry them (see closeEnough).
   */
  findAll(tokens: Token[], fuzzy = false): PhraseMatch<T>[] {
    // Most lines of a report hold no phrase of a given dictionary: when no word could start
    // one (exactly, or as a plural), there is nothing to look for. Extraction runs every
    // line through several dictionaries, so this is a good part of its time.
    if (!fuzzy && !tokens.some((t) => this.startsEntry(t.norm))) return [];
    const idx: number[] = [];
    tokens.forEach((t, i) => {
      if (!FILLER.has(t.norm)) idx.push(i);
    });
    const words = idx.map((i) => tokens[i].norm);
    const found: PhraseMatch<T>[] = [];
    let p = 0;
    while (p < words.length) {
      const best = this.bestAt(words, p, fuzzy);
      if (best) {
        found.push({ value: best.entry.value, start: idx[p], end: idx[p + best.entry.words.length - 1] + 1, length: best.entry.words.length, typos: best.typos });
        p += best.entry.words.length;
      } else p++;
    }
    return found;
  }

  /** True when an entry starts with this word, or with its singular. */
  private startsEntry(word: string): boolean {
    return this.byFirst.has(word) || (word.endsWith("s") && this.byFirst.has(word.slice(0, -1)));
  }

  private bestAt(words: string[], p: number, fuzzy: boolean): { entry: PhraseEntry<T>; typos: number } | null {
    const exact = this.byFirst.get(words[p]);
    let candidates: PhraseEntry<T>[] = exact ?? [];
    if (fuzzy) {
      candidates = [...candidates];
      // Typos rarely hit a word's first letter; looking only there keeps this cheap.
      const w = words[p];
      if (w.length >= 4 && !STOP_WORDS.has(w))
        for (const f of this.firstByLetter.get(w[0]) ?? []) if (f !== w && Math.abs(f.length - w.length) <= 2 && closeEnough(w, f)) candidates.push(...this.byFirst.get(f)!);
    } else if (!exact) {
      // Plurals of a first word ("partnerships") still meet their singular entry.
      const singular = words[p].endsWith("s") ? this.byFirst.get(words[p].slice(0, -1)) : undefined;
      if (!singular) return null;
      candidates = singular;
    }
    let best: { entry: PhraseEntry<T>; typos: number } | null = null;
    for (const entry of candidates) {
      if (p + entry.words.length > words.length) continue;
      let typos = 0;
      let ok = true;
      for (let k = 0; k < entry.words.length; k++) {
        const w = words[p + k];
        const e = entry.words[k];
        if (w === e) continue;
        // Plural/singular and typos count as one slip each; only long words may slip.
        if (fuzzy && closeEnough(w, e)) typos++;
        else if (w === e + "s" || e === w + "s") typos++;
        else {
          ok = false;
          break;
        }
      }
      if (!ok) continue;
      if (!best || entry.words.length > best.entry.words.length || (entry.words.length === best.entry.words.length && typos < best.typos)) best = { entry, typos };
    }
    return best;
  }
}
