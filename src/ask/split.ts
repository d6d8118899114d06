/**
 * Several questions in one: "Halton's overall grade and when was it published?",
 * "What was Derby's grade? Who led the inspection?". Split where a new question starts
 * (a question mark with more after it, a semicolon, or "and" before a question word), so
 * each part is answered, or said not to be, instead of one part being dropped.
 */

/** Question words that start a new question after "and" ("… and when was it published"). */
const NEXT_QUESTION = /\s*(?:,\s*)?\b(?:and|also|plus)\s+(?=(?:when|what|who|which|where|why|how|did|does|was|were|is|has)\b)/i;

/**
 * The parts of a question, in order; one part when it asks one thing. A part needs two
 * words at least to stand alone ("and when?" stays with what it follows).
 */
export function splitQuestion(text: string): string[] {
  const bySentence = text.split(/(?<=\?)\s+(?=\S)|;\s*/).flatMap((s) => s.split(NEXT_QUESTION));
  const parts: string[] = [];
  for (const p of bySentence.map((s) => s.trim()).filter(Boolean)) {
    if (parts.length && p.split(/\s+/).length < 2) parts[parts.length - 1] += ` and ${p}`;
    else parts.push(p);
  }
  return parts.length ? parts : [text];
}
