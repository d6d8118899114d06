/**
 * The sentence single inspection framework and ILACS reports open their overall judgement
 * with: "Children's services in Herefordshire require improvement to be good." /
 * "Children's services in Derby are good." Read only in exactly that shape (the council's
 * own name, present tense, the grade ending the sentence), so "children's services in
 * Halton are good at listening" or "were judged inadequate in 2019" are not taken for it.
 */
import type { Inspection } from "../types.js";
import type { AreaRef, GradeKey, Lexicon } from "../knowledge/lexicon.js";
import { tokenize } from "../text/words.js";
import { readGradeCell } from "./grades.js";

// Optionally led in by a paragraph number and "Ofsted concluded that", "Inspectors found that".
const SHAPE = /^(?:\d+(?:\.\d+)*\s+)?(?:([a-z ,']{0,60}?)\bthat\s+)?children['’]?s services in (.{2,60}?) (are|is|requires?) (.{3,40}?)\s*\.?$/i;
/** "The overall judgement is that children's services require improvement" / "The overall judgement is inadequate": the report's own council, unnamed. */
const OVERALL_JUDGEMENT = /^(?:\d+(?:\.\d+)*\s+)?the overall judgement is (?:that children['’]?s services (are|is|requires?) )?(.{3,40}?)\s*\.?$/i;
/** A lead-in about another time or a wish ("At the last inspection Ofsted found that …") is not this inspection's finding. */
const OTHER_LEAD_IN = /\b(previous|last|prior|earlier|would|could|if|hopes?|aims?|targets?)\b|\b(19|20)\d\d\b/i;

/** The overall effectiveness grade a sentence states in that shape, or null. */
export function overallInSentence(text: string, inspection: Inspection, lex: Lexicon): { area: AreaRef; grade: GradeKey } | null {
  if (inspection.framework !== "SIF" && inspection.framework !== "ILACS") return null;
  const unnamed = OVERALL_JUDGEMENT.exec(text.trim());
  const m = unnamed ? null : SHAPE.exec(text.trim());
  if (!m && !unnamed) return null;
  const [leadIn, place, verb, rest] = m ? [m[1], m[2], m[3], m[4]] : [undefined, null, unnamed![1] ?? "is", unnamed![2]];
  if (leadIn && OTHER_LEAD_IN.test(leadIn)) return null;
  if (place !== null) {
    // "in the City of London", "in the London Borough of Bromley": the article is not the name.
    const name = place.replace(/^the\s+/i, "");
    const named = lex.canonicalAuthority(name) ?? lex.authorities.findAll(tokenize(name)).find((x) => x.start === 0)?.value ?? null;
    if (named !== inspection.authority) return null;
  }
  // "require improvement to be good": the verb is part of the grade's words.
  const grade = readGradeCell(/^requires?$/i.test(verb) ? `requires ${rest}` : rest, inspection.framework, lex);
  if (!grade || (grade.fuzzy && !/^requires?$/i.test(verb))) return null;
  const area = lex.areasByFramework.get(inspection.framework)?.findAll(tokenize("overall effectiveness"))[0]?.value[0];
  return area ? { area, grade: grade.key } : null;
}
