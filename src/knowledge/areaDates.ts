/**
 * Which inspections grade an area at all: knowledge/frameworks.json gives some areas the
 * dates their framework judged them between (ILACS judged children in care and care
 * leavers together until 2022 and apart since 2023; its April 2026 reform dropped overall
 * effectiveness). A report is never read as grading an area outside those dates, and a
 * question about one is answered with the reason.
 */
import type { Inspection } from "../types.js";
import type { Lexicon } from "./lexicon.js";

/** The inspection's first date known (start, else end, publication, report date). */
function inspectionDate(i: Pick<Inspection, "start" | "end" | "published" | "reportDate">): string | null {
  return i.start ?? i.end ?? i.published ?? i.reportDate;
}

/**
 * Null when the inspection's framework judges the area then (or the dates are unknown);
 * otherwise the knowledge file's note saying why it does not.
 */
export function notJudgedThen(lex: Lexicon, areaId: string, inspection: Pick<Inspection, "framework" | "start" | "end" | "published" | "reportDate">): string | null {
  const area = lex.vocab.frameworks.find((f) => f.id === inspection.framework)?.areas.find((a) => a.id === areaId);
  const date = inspectionDate(inspection);
  if (!area || !date) return null;
  if ((area.judgedFrom && date < area.judgedFrom) || (area.judgedUntil && date > area.judgedUntil)) return area.note ?? `This inspection's framework does not judge ${area.name}.`;
  return null;
}
