/**
 * Walks a report top to bottom collecting judgements from table rows, bullets and prose,
 * keeping track of which service (2009-12 framework) a section is about, then settles
 * each (service, area) to one judgement with its best citation: a table row beats a
 * judgement-list line, which beats prose. Conflicting statements of equal weight are
 * dropped rather than guessed between.
 */
import type { Citation, FrameworkId, Inspection, Judgement } from "../types.js";
import type { AreaRef, GradeKey, Lexicon, ServiceRef } from "../knowledge/lexicon.js";
import { foldPhrase, tokenize } from "../text/words.js";
import { notJudgedThen } from "../knowledge/areaDates.js";
import { isTabular, type Doc } from "./document.js";
import { longestArea } from "./areas.js";
import { readRows, type Row } from "./rows.js";
import { overallInSentence } from "./overallSentence.js";
import { judgementsInSentence } from "./sentences.js";

interface Candidate {
  service: ServiceRef | null;
  area: AreaRef | null;
  label: string;
  grade: GradeKey;
  strength: number;
  /** True when the service came from the section, not from the words stating the grade. */
  inferred: boolean;
  source: Judgement["source"];
  citation: Citation;
}

/**
 * How much a statement weighs, by where it stands. A published report's first page carries
 * the inspection's judgement table: its rows outweigh a body section's heading row that
 * disagrees (which would otherwise make a conflict of equals, and no answer at all).
 */
const STRENGTH = { firstPageTable: 4, table: 3, bullet: 2, sentence: 1 } as const;

/** Cheap pre-checks: most lines name no service and no grade, and need no tokenizing. */
export const MAY_NAME_SERVICE = /safeguard|looked|\bla?c\b|\bcla\b|in care|child protection/i;
const MAY_NAME_GRADE = /outstanding|good|adequate|requir/i;

function servicesIn(text: string, lex: Lexicon, framework: FrameworkId): ServiceRef[] {
  if (framework !== "SLAC" || !MAY_NAME_SERVICE.test(text)) return [];
  const tokens = tokenize(text);
  const areaSpans = (lex.areasByFramework.get(framework)?.findAll(tokens) ?? []).flatMap((m) => [[m.start, m.end]]);
  const inArea = (i: number) => areaSpans.some(([s, e]) => i >= s && i < e);
  const found = lex.services.findAll(tokens).filter((m) => !inArea(m.start));
  return [...new Map(found.map((m) => [m.value.id, m.value])).values()];
}

function otherAuthorityNamed(text: string, lex: Lexicon, authority: string): boolean {
  const tokens = tokenize(text);
  return lex.authorities.findAll(tokens).some((m) => m.value !== authority && /^[A-Z]/.test(tokens[m.start].raw));
}

/** Every judgement the report states, one per (service, area). */
export function extractJudgements(doc: Doc, inspection: Inspection, lex: Lexicon): Judgement[] {
  const framework = inspection.framework;
  const rows = readRows(doc.lines, framework, lex);
  const sentencesAt = new Map<number, typeof doc.sentences>();
  for (const s of doc.sentences) sentencesAt.set(s.line, [...(sentencesAt.get(s.line) ?? []), s]);

  const candidates: Candidate[] = [];
  let context: ServiceRef | null = null;
  // Each row's area, found once: the table test and the reading below both need it.
  const areaOf = new Map([...rows].map(([n, r]) => [n, longestArea(tokenize(r.label), framework, lex)]));
  const inJudgementTable = tablesWithKnownAreas(areaOf);
  const years = [inspection.start, inspection.end, inspection.published, inspection.reportDate].filter((d): d is string => !!d).map((d) => Number(d.slice(0, 4)));
  const noteServices = (text: string) => {
    const found = servicesIn(text, lex, framework);
    if (found.length === 1) context = found[0];
    else if (found.length > 1) context = null;
  };

  const annex = earlierInspectionLines(doc, rows);
  for (const line of doc.lines) {
    // An annex quoting an earlier inspection's judgements states none of this one's.
    if (line.blank || annex.has(line.no)) continue;
    const row = rows.get(line.no);
    if (row) {
      if (!row.grade) {
        noteServices(row.label);
        continue;
      }
      const best = areaOf.get(line.no);
      if (!best && !unknownAreaRow(row, inJudgementTable.has(line.no))) {
        noteServices(row.label);
        continue;
      }
      // A row whose label names a service as well ("Overall effectiveness of safeguarding services").
      const own = servicesIn(row.label, lex, framework);
      const label = row.label.replace(/[:?]+$/, "").trim();
      // A table with a column per service gives each grade its column's service.
      const placed = row.byService ?? [{ service: own.length === 1 ? own[0] : context, grade: row.grade }];
      for (const p of placed) {
        candidates.push({
          service: p.service,
          inferred: !row.byService && own.length !== 1,
          area: best ? best.value[0] : null,
          label,
          grade: p.grade.key,
          strength: doc.pages?.[row.line - 1] === 1 ? STRENGTH.firstPageTable : STRENGTH.table,
          source: "table",
          citation: { file: doc.file, line: row.line, lineEnd: row.lineEnd, quote: row.quote },
        });
      }
      continue;
    }
    for (const s of sentencesAt.get(line.no) ?? []) {
      const overall = MAY_NAME_GRADE.test(s.text) ? overallInSentence(s.text, inspection, lex) : null;
      if (overall) {
        candidates.push({
          service: null,
          inferred: false,
          area: overall.area,
          label: overall.area.name,
          grade: overall.grade,
          // The report's own summary sentence: as good as a judgement list, below a table.
          strength: STRENGTH.bullet,
          source: "sentence",
          citation: { file: doc.file, line: s.line, lineEnd: s.lineEnd, quote: s.text },
        });
        continue;
      }
      // Cells of a table line read across ("permanence  be good": a wrapped label beside a
      // wrapped grade) are not a sentence: a judgement there is a row's or none.
      const acrossCells = (s.line === s.lineEnd && isTabular(line.body)) || readsDownCells(doc, s.line, s.lineEnd);
      const found = MAY_NAME_GRADE.test(s.text) && !acrossCells ? judgementsInSentence(s.text, framework, lex, otherAuthorityNamed(s.text, lex, inspection.authority), years) : [];
      for (const f of found) {
        const explicit = f.form === "explicit";
        candidates.push({
          service: f.service ?? context,
          inferred: !f.service,
          area: f.area,
          label: f.area.name,
          grade: f.grade,
          strength: explicit ? STRENGTH.bullet : STRENGTH.sentence,
          source: explicit ? "bullet" : "sentence",
          citation: { file: doc.file, line: s.line, lineEnd: s.lineEnd, quote: s.text },
        });
      }
      noteServices(s.text);
    }
  }
  // An area the framework did not judge at this inspection's date (overall effectiveness
  // after the April 2026 reform; the combined care area after 2022) is never read.
  const judgedThen = candidates.filter((c) => !c.area || !notJudgedThen(lex, c.area.id, inspection));
  return settle(withinTheTable(judgedThen), inspection, lex);
}

/** Columns further right than a sentence's first line that put a line in another table column. */
const CELL_INDENT = 16;

/**
 * True when a sentence's later lines stand far to the right of its first: a label and a
 * grade column read downwards ("2. Children looked after and achieving" / "improvement to
 * be" / "permanence" / "good", read as "… permanence good"), not a sentence that wrapped.
 */
function readsDownCells(doc: Doc, from: number, to: number): boolean {
  if (to <= from) return false;
  const indent = (n: number) => /^[ \t]*/.exec(doc.lines[n - 1].raw)![0].replace(/\t/g, "    ").length;
  const first = indent(from);
  for (let n = from + 1; n <= to; n++) if (!doc.lines[n - 1].blank && indent(n) - first >= CELL_INDENT) return true;
  return false;
}

/** Areas a report must grade in a table before the table is taken as its judgement table. */
const JUDGEMENT_TABLE_AREAS = 3;

/**
 * When a report has a judgement table (rows grading three or more areas the vocabulary
 * knows), the table is the inspection's judgement: no statement outside it may judge an
 * area that overlaps one the table judges (the 2018-22 combined "children in care and care
 * leavers" read from "services for care leavers remain good" beside a 2023 table with the
 * two areas apart), and a statement of an area the table judges loses to the table (see
 * settle). A headline or sentence may still add an area the table lacks: a single
 * inspection framework table has no overall row, and a council paper may give one area in
 * a sentence beside a partial list.
 */
function withinTheTable(candidates: Candidate[]): Candidate[] {
  const tableAreas = new Map<string, AreaRef>();
  for (const c of candidates) if (c.source === "table" && c.area) tableAreas.set(c.area.id, c.area);
  if (tableAreas.size < JUDGEMENT_TABLE_AREAS) return candidates;
  const words = (a: AreaRef) => new Set(tokenize(a.name).map((t) => t.norm));
  // The table's areas' words, once: every candidate is checked against them.
  const tableWords = [...tableAreas.values()].map((t) => ({ id: t.id, words: words(t) }));
  const overlaps = (a: AreaRef) => {
    const x = words(a);
    return tableWords.some((t) => {
      if (t.id === a.id) return false;
      const [small, big] = x.size <= t.words.size ? [x, t.words] : [t.words, x];
      return [...small].every((w) => big.has(w));
    });
  };
  return candidates.filter((c) => {
    if (c.source === "table") return true;
    return c.area !== null && !overlaps(c.area);
  });
}

/** Opens a passage quoting an earlier inspection's judgements. */
const EARLIER_JUDGEMENTS = [
  /^\s*previous (ofsted )?inspections?\s*$/i,
  /\bjudgements? (for|of) the (local authority|council)\b.*\b(were|was)\b/i,
  /\b(previous|last|earlier|prior) (single |ofsted |full )?inspection\b.*\b(judgements?|grades?)\b.*\b(were|was|are)\s*:?\s*$/i,
];
/** Lines a quoted list of earlier judgements runs over at most. */
const EARLIER_SPAN = 30;

/**
 * Lines that quote an earlier inspection ("Previous Ofsted inspections … The judgements
 * for the local authority were: Overall effectiveness: inadequate …"): from the opening
 * line to the first blank line after a line that names a grade.
 */
function earlierInspectionLines(doc: Doc, rows: Map<number, Row>): Set<number> {
  const out = new Set<number>();
  const lines = doc.lines;
  for (let i = 0; i < lines.length; i++) {
    if (!EARLIER_JUDGEMENTS.some((re) => re.test(lines[i].text))) continue;
    let graded = false;
    let j = i;
    for (; j < lines.length && j < i + EARLIER_SPAN; j++) {
      const line = lines[j];
      if (line.blank && graded) break;
      out.add(line.no);
      if (rows.get(line.no)?.grade || MAY_NAME_GRADE.test(line.text)) graded = true;
    }
    i = j;
  }
  return out;
}

/**
 * Whether a row whose label names no area the vocabulary knows still states a judgement:
 * only in a table of judgements (beside rows it does know), on a word grade, with a label
 * of two or more words. "Case files sampled  2" is a count, "Priority: Good" a heading,
 * "Grade 2  Good" a key.
 */
function unknownAreaRow(row: Row, inJudgementTable: boolean): boolean {
  if (!inJudgementTable || !row.grade || row.grade.numeric || row.byService?.some((p) => p.grade.numeric)) return false;
  return /\S\s+\S/.test(row.label) && !/^(grade|level|score)?\s*\d+$/i.test(row.label);
}

/**
 * The lines of row blocks (rows at most one blank line apart) that hold at least one row
 * naming a judgement area the vocabulary knows.
 */
function tablesWithKnownAreas(areaOf: Map<number, unknown>): Set<number> {
  const lines = [...areaOf.keys()].sort((a, b) => a - b);
  const out = new Set<number>();
  let block: number[] = [];
  let known = false;
  const close = () => {
    if (known) for (const n of block) out.add(n);
    block = [];
    known = false;
  };
  for (const n of lines) {
    if (block.length && n - block[block.length - 1] > 2) close();
    block.push(n);
    if (areaOf.get(n) !== undefined) known = true;
  }
  close();
  return out;
}

function settle(candidates: Candidate[], inspection: Inspection, lex: Lexicon): Judgement[] {
  const areaKey = (c: Candidate) => c.area?.id ?? foldPhrase(c.label);
  // A prose statement whose service was only inferred from the section, about an area the
  // report grades for two services elsewhere, speaks of both services: it cannot lend its
  // inferred service to the rest of its list ("leadership; ambition; partnership working
  // ... is outstanding" after a bullet about looked after children).
  const servicesPerArea = new Map<string, Set<string>>();
  for (const c of candidates) if (c.service && !c.inferred) servicesPerArea.set(areaKey(c), (servicesPerArea.get(areaKey(c)) ?? new Set()).add(c.service.id));
  for (const c of candidates) if (c.source === "table" && c.service) servicesPerArea.set(areaKey(c), (servicesPerArea.get(areaKey(c)) ?? new Set()).add(c.service.id));
  const crossService = new Set(
    candidates.filter((c) => c.source !== "table" && c.inferred && (servicesPerArea.get(areaKey(c))?.size ?? 0) > 1).map((c) => `${c.citation.line}`),
  );
  for (const c of candidates) if (c.source !== "table" && c.inferred && crossService.has(`${c.citation.line}`)) c.service = null;
  const groups = new Map<string, Candidate[]>();
  for (const c of candidates) {
    const key = `${c.service?.id ?? "-"}|${areaKey(c)}`;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  const withService = new Set(candidates.filter((c) => c.service).map(areaKey));
  const out: Judgement[] = [];
  for (const [key, group] of groups) {
    // A service-less restatement of an area the report grades per service adds nothing
    // and cannot be attributed: drop it.
    if (key.startsWith("-|") && withService.has(key.slice(2))) continue;
    const top = Math.max(...group.map((c) => c.strength));
    const best = group.filter((c) => c.strength === top);
    if (new Set(best.map((c) => c.grade)).size > 1) continue;
    const c = best[0];
    out.push({
      authority: inspection.authority,
      service: c.service?.name ?? null,
      area: c.area?.name ?? c.label,
      areaId: c.area?.id ?? null,
      grade: lex.gradeName(c.grade, inspection.framework),
      source: c.source,
      inspection,
      citation: c.citation,
    });
  }
  return out;
}
