/**
 * Who led the inspection, as the report names its lead: "Lead inspector: Lisa Summers,
 * His Majesty's Inspector" on an ILACS cover, "Lead inspector: Marcie Taylor" in a single
 * inspection framework report's list of the inspection team, "Reporting inspector Gary
 * Lamb HMI" on a 2013 cover. A deputy lead or team inspector is not the lead, and prose
 * that mentions "the lead inspector" names no one.
 */
import type { LeadInspector } from "../types.js";
import type { Doc } from "./document.js";

/** A line that is the label and a name: "Lead inspector: Name", "Reporting inspector Name". */
const LABEL = /^(lead|reporting) inspector\s*(:?)\s*(.*)$/i;
/** A person's name: capitalised words ("Jenny-ellen Scotland", "Fiona J Millns"). */
const NAME = /^[A-Z][\w'’.-]*(\s+[A-Z][\w'’.-]*)+/;
/** Words of a role, not a person's name. */
const ROLE = /\b(inspectors?|managers?|officers?|team|board|services?|council)\b/i;
/** The title after the name: ", His Majesty's Inspector", "HMI". */
const TITLE = /[,\s]+((her|his) majesty['’]s inspector|hmi)\b.*$/i;

/** The report's lead inspector, or null when it names none. */
export function findLeadInspector(doc: Doc): LeadInspector | null {
  for (const [i, line] of doc.lines.entries()) {
    const m = LABEL.exec(line.body.trim());
    if (!m) continue;
    let rest = m[3].trim();
    let lineEnd = line.no;
    // "Lead inspector:" with the name on the next line; a bare "Lead Inspector" heads a list of roles.
    if (!rest) {
      if (!m[2]) continue;
      const next = doc.lines.slice(i + 1, i + 3).find((l) => !l.blank);
      if (!next) continue;
      rest = next.body.trim();
      lineEnd = next.no;
    }
    const name = NAME.exec(rest.replace(TITLE, ""))?.[0];
    // A role is no name: "Safeguarding Inspector", "Quality Assurance Manager".
    if (!name || ROLE.test(name)) continue;
    const quote = doc.lines
      .slice(line.no - 1, lineEnd)
      .filter((l) => !l.blank)
      .map((l) => l.text.trim())
      .join(" ");
    return { name: name.trim(), citation: { file: doc.file, line: line.no, lineEnd, quote } };
  }
  return null;
}
