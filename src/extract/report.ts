/**
 * One report from text to extracted facts: the single entry point of extraction.
 */
import type { SourceFile } from "../corpus/read.js";
import type { Lexicon } from "../knowledge/lexicon.js";
import type { Report } from "../types.js";
import { extractActions } from "./actions.js";
import { prepare } from "./document.js";
import { extractFacts } from "./facts.js";
import { extractJudgements } from "./judgements.js";
import { detectAuthority, extractInspection } from "./metadata.js";
import { extractPassages } from "./passages.js";
import { addPlaces } from "./pages.js";
import { extractScale } from "./scale.js";
import { findLeadInspector } from "./leadInspector.js";

/**
 * Extracts a report, or returns null with a reason when no English authority is named in
 * it (its text is still searchable: see `passagesOnly`).
 */
export function extractReport(src: SourceFile, lex: Lexicon): { report: Report | null; passagesOnly?: Report["passages"]; problem?: string } {
  const doc = prepare(src);
  const authority = detectAuthority(doc, lex);
  if (!authority) return { report: null, passagesOnly: extractPassages(doc, null), problem: "names no English local authority, so its judgements cannot be attributed (its text is still searchable)" };
  const inspection = extractInspection(doc, lex, authority);
  return {
    report: addPlaces({
      file: src.file,
      inspection,
      judgements: extractJudgements(doc, inspection, lex),
      facts: extractFacts(doc, inspection),
      actions: extractActions(doc, inspection, lex),
      passages: extractPassages(doc, authority),
      scale: extractScale(doc),
      ...withLead(findLeadInspector(doc)),
    }, src),
  };
}

/** The lead inspector, as an optional field: absent (not null) when the report names none. */
function withLead(lead: ReturnType<typeof findLeadInspector>): Pick<Report, "lead"> {
  return lead ? { lead } : {};
}
