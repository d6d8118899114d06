/**
 * A report prepared for extraction: normalised lines (numbers kept), list markers split
 * off, lines broken by the PDF export rejoined into blocks, blocks split into sentences
 * that remember the lines they span.
 */
import type { SourceFile } from "../corpus/read.js";
import { normaliseLine, splitMarkers } from "../text/normalise.js";

/** One line of a report. `no` is 1-based, as in citations. */
export interface Line {
  no: number;
  raw: string;
  /** Normalised (noise removed, tabs kept). */
  text: string;
  /** Without list marker / paragraph number. */
  body: string;
  bullet: boolean;
  numbered: boolean;
  blank: boolean;
}

/** A sentence with the lines it spans. */
export interface Sentence {
  text: string;
  line: number;
  lineEnd: number;
  /** True when the sentence opens a list item. */
  bullet: boolean;
}

/** Lines rejoined where the PDF export broke a sentence (possibly across a blank line). */
export interface Block {
  text: string;
  line: number;
  lineEnd: number;
  /** Offsets in `text` where each line starts, for mapping sentences back to lines. */
  starts: { offset: number; line: number }[];
  bullet: boolean;
}

/** The prepared report. */
export interface Doc {
  file: string;
  lines: Line[];
  blocks: Block[];
  sentences: Sentence[];
  /** For a paged source (PDF): the 1-based page of each line (index = line number - 1). */
  pages?: readonly number[];
}

const ENDS_SENTENCE = /[.!?:;]["')\]]*$/;

/** True for a line that looks like a table row: cells split by tabs, pipes or wide gaps. */
export function isTabular(text: string): boolean {
  // Two spaces after a full stop are prose; two or more elsewhere separate cells.
  return /\t/.test(text.trim()) || /\|.*\|/.test(text) || /[^.!?:;\s] {2,}\S/.test(text.trim()) || (text.includes("....") && /\.{4,}\s*\S/.test(text));
}

/** A page number standing alone on its line ("2"), as a page break leaves it inside a sentence. */
const PAGE_NUMBER = /^\s*\d{1,3}\s*$/;

/**
 * The next line a sentence may carry on to (at most one blank line away), or -1. A page
 * number alone between the two halves of a sentence is page furniture, skipped with the
 * blank lines around it: "… work to prevent" / "2" / "children from coming into care".
 */
function nextContentLine(lines: Line[], i: number): number {
  let blanks = 0;
  let pageNumber = false;
  for (let j = i + 1; j < lines.length && j <= i + 6; j++) {
    if (lines[j].blank) {
      if (++blanks > (pageNumber ? 3 : 1)) return -1;
      continue;
    }
    if (!pageNumber && PAGE_NUMBER.test(lines[j].text)) {
      pageNumber = true;
      continue;
    }
    return j;
  }
  return -1;
}

/** Little words a sentence never ends on: a line ending so carries on, whatever the case of the next ("… (HMI) from" / "Ofsted and two …"). */
const OPEN_END = /\b(the|a|an|of|and|or|to|in|for|by|with|from|at|on|as|that|than)$/i;

/** Prepares a source file for the extractors. */
export function prepare(src: SourceFile): Doc {
  const lines: Line[] = src.lines.map((raw, i) => {
    const text = normaliseLine(raw);
    const parts = splitMarkers(text);
    return { no: i + 1, raw, text, body: parts.body, bullet: parts.bullet, numbered: parts.numbered, blank: parts.body.trim() === "" };
  });
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const first = lines[i];
    if (first.blank) continue;
    const block: Block = { text: first.body.replace(/\t+/g, " "), line: first.no, lineEnd: first.no, starts: [{ offset: 0, line: first.no }], bullet: first.bullet };
    let cur = i;
    // Rejoin a sentence the export broke: the line does not end a sentence and the next
    // content line (at most one blank line away) carries on in lower case.
    while (!isTabular(lines[cur].text) && !ENDS_SENTENCE.test(lines[cur].body)) {
      const j = nextContentLine(lines, cur);
      if (j < 0 || lines[j].bullet || lines[j].numbered || isTabular(lines[j].text) || !(/^[a-z(]/.test(lines[j].body) || (OPEN_END.test(lines[cur].body) && /^[A-Z]/.test(lines[j].body)))) break;
      block.starts.push({ offset: block.text.length + 1, line: lines[j].no });
      block.text += " " + lines[j].body;
      block.lineEnd = lines[j].no;
      cur = j;
    }
    blocks.push(block);
    i = cur;
  }
  const sentences: Sentence[] = [];
  for (const b of blocks) {
    const lineAt = (offset: number) => {
      let line = b.line;
      for (const s of b.starts) if (s.offset <= offset) line = s.line;
      return line;
    };
    // Split after . ! ? when the next sentence starts with a capital, digit or quote;
    // "e.g." and "para." style abbreviations do not end a sentence.
    const cuts: number[] = [];
    for (const m of b.text.matchAll(/[.!?]+["')\]]*(?=\s+["'(]?[A-Z0-9])/g)) {
      const before = b.text.slice(Math.max(0, m.index! - 6), m.index! + 1);
      if (/\b(e\.g|i\.e|para|no|vs|etc|St|Mr|Mrs|Dr|Cllr)\.$/i.test(before)) continue;
      cuts.push(m.index! + m[0].length);
    }
    cuts.push(b.text.length);
    let from = 0;
    for (const cut of cuts) {
      const piece = b.text.slice(from, cut);
      const text = piece.trim();
      if (text) {
        const at = from + (piece.length - piece.trimStart().length);
        sentences.push({ text, line: lineAt(at), lineEnd: lineAt(Math.max(at, cut - 1)), bullet: b.bullet && at === 0 });
      }
      from = cut;
    }
  }
  return { file: src.file, lines, blocks, sentences, pages: src.pages };
}
