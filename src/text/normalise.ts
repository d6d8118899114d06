/**
 * Cleans the noise that PDF-to-text extraction leaves in council reports, one line at a
 * time, so line numbers stay those of the original file (citations depend on that).
 * Tabs survive: they separate table cells.
 */

/** Unicode quotes/dashes/spaces folded to the plain forms the patterns expect. */
const CHAR_MAP: Record<string, string> = {
  "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u2032": "'",
  "\u201c": '"', "\u201d": '"', "\u201e": '"',
  "\u2013": "–", "\u2014": "–", "\u2212": "-",
  "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u200b": "",
  "\u2022": "-", "\u25cf": "-", "\u25e6": "-", "\u25aa": "-", "\uf0b7": "-", "\u2023": "-",
  // Ofsted's ILACS lists ("What needs to improve?") use a black square.
  "\u25fc": "-", "\u25fe": "-", "\u25a0": "-",
};

/** The third character of a mis-decoded UTF-8 punctuation mark → the mark. */
const MOJIBAKE: Record<string, string> = {
  "\u2122": "'", "\u02dc": "'", "\u0153": '"', "\u009d": '"', "\u201c": "–", "\u201d": "–", "\u00a2": "-", "\u00a6": "...", "": " ",
};

/**
 * Returns the line without markup noise: HTML tags (<sup>, <u>), markdown emphasis and
 * heading marks, markdown links, LaTeX fragments such as `$\circ~$`, escaped punctuation.
 */
export function normaliseLine(raw: string): string {
  let s = raw.replace(/\r$/, "");
  // UTF-8 read as Windows-1252 ("â€™", "â€¢"): fold back before anything else.
  if (s.includes("\u00e2\u20ac") || s.includes("\u00c2")) s = s.replace(/\u00e2\u20ac(\u2122|\u02dc|\u0153|\u009d|\u201c|\u201d|\u00a2|\u00a6)|\u00c2(?=[\s\u00a0])/g, (m, c: string | undefined) => MOJIBAKE[c ?? ""] ?? "");
  // Fast path: a line with none of the characters the rules below act on.
  if (!/[^\x20-\x7e\t]|[<$\\[*_#]|\s{2}|\s$/.test(s)) return s;
  s = s.replace(/[\u2018\u2019\u201a\u2032\u201c\u201d\u201e\u2013\u2014\u2212\u00a0\u2009\u202f\u200b\u2022\u25cf\u25e6\u25aa\uf0b7\u2023\u25fc\u25fe\u25a0]/g, (c) => CHAR_MAP[c] ?? c);
  // HTML tables: cells become tab-separated; <sup>th</sup> → th; <u>x</u> → x; <br> → space.
  s = s.replace(/<\/t[dh]>\s*<t[dh][^>]*>/gi, "\t");
  s = s.replace(/<br\s*\/?>/gi, " ").replace(/<\/?[a-z][a-z0-9]*(\s[^<>]*)?>/gi, "");
  // A symbol-font bullet (private use area, e.g. U+F0A7) at the start of a line is a list marker.
  s = s.replace(/^(\s*)[\ue000-\uf8ff](?=\s)/, "$1-");
  // LaTeX remnants of bullets and symbols: $\circ~$, \circ ~, $\bullet$.
  s = s.replace(/\$?\\(circ|bullet|cdot|star|diamond|ast)\s*~?\s*\$?/g, "");
  s = s.replace(/\$\s*~?\s*\$/g, "");
  // [text](url) → text; escaped punctuation \( \) \_ → ( ) _.
  s = s.replace(/\[([^\]]+)\]\((?:[^()]|\([^)]*\))*\)/g, "$1").replace(/\\([()[\]_*#.&-])/g, "$1");
  // Markdown headings and emphasis. Bold/italic markers only where they wrap words.
  s = s.replace(/^(\s*)#{1,6}\s+/, "$1");
  s = s.replace(/\*\*|__/g, "").replace(/(^|[\s(])\*(\S[^*]*?)\*(?=[\s).,;:]|$)/g, "$1$2");
  // Trailing spaces only: leading tabs and inner tabs are table structure.
  return s.replace(/[ \u3000]+$/g, "").replace(/[ ]{2,}(?=\S)/g, (m) => (m.length >= 2 ? "  " : " "));
}

/** A list-item marker at the start of a line: -, *, •, o, (a), a), a., i., 1), 1.1 etc. */
const BULLET = /^\s*(?:[-*+–](?=\s)|o(?=\s{1,3}[A-Z])|\(?[a-z]\)(?=\s)|[a-h]\.(?=\s+[A-Z])|\(?[ivx]{1,4}\)(?=\s)|\d{1,2}\)(?=\s))\s*/;
/**
 * A paragraph number: "1.", "2.1", "4.2.3", "1.0" followed by text. A dot is required so
 * that a count opening a line ("75 case files") is not mistaken for numbering.
 */
const PARA_NUMBER = /^\s*(?:\d{1,2}(?:\.\d{1,2}){0,2}\.|\d{1,2}\.\d{1,2}(?:\.\d{1,2})?)\s+(?=\S)/;

/** The line split into its list marker (if any), paragraph number (if any) and body. */
export interface LineParts {
  bullet: boolean;
  numbered: boolean;
  body: string;
}

/** Strips list markers and paragraph numbers ("- 7. There are ...", "1) The overall ...") from a line. */
export function splitMarkers(line: string): LineParts {
  let body = line;
  let bullet = false;
  let numbered = false;
  for (let i = 0; i < 3; i++) {
    const b = BULLET.exec(body);
    if (b) {
      bullet = true;
      body = body.slice(b[0].length);
      continue;
    }
    const n = PARA_NUMBER.exec(body);
    if (n) {
      numbered = true;
      body = body.slice(n[0].length);
      continue;
    }
    break;
  }
  return { bullet, numbered, body: body.trim() };
}
