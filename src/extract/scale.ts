/**
 * Grade definitions a report gives itself: "Outstanding (Grade 1)<TAB>A service that
 * significantly exceeds minimum requirements."
 */
import type { Report } from "../types.js";
import type { Doc } from "./document.js";

const DEFINITION = /^(outstanding|good|adequate|inadequate|requires improvement(?: to be good)?)\s*\(\s*grade\s*([1-4])\s*\)\s*[:\t–-]?\s*(\S.{5,})$/i;

/** The scale lines of a report, in order. */
export function extractScale(doc: Doc): Report["scale"] {
  const out: Report["scale"] = [];
  for (const line of doc.lines) {
    const m = DEFINITION.exec(line.body.trim());
    if (!m) continue;
    const grade = m[1][0].toUpperCase() + m[1].slice(1).toLowerCase();
    out.push({ grade: `${grade} (Grade ${m[2]})`, meaning: m[3].replace(/\t/g, " ").trim().replace(/^(.*?[.!?])\s+[A-Z].*$/, "$1"), citation: { file: doc.file, line: line.no, lineEnd: line.no, quote: line.text.trim() } });
  }
  return out;
}
