import { mkdtempSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadBot } from "../../src/bot.js";
import { readCorpus } from "../../src/corpus/read.js";
import { loadKnowledgeBase } from "../../src/index/load.js";
import { KnowledgeBase } from "../../src/index/knowledgeBase.js";
import { makeIlacsReport, TABLE } from "./ilacsReport.js";
import { makePdf, makeScannedPdf, tableRow } from "./makePdf.js";
import { makeDocx } from "./makeDocx.js";

async function folder(files: Record<string, Uint8Array | string>): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "pdf-corpus-"));
  for (const [name, body] of Object.entries(files)) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), body);
  }
  return dir;
}

describe("a corpus of PDFs, Word files and text", () => {
  it("answers from a PDF with the page of the table it read, not the annex or the prose", async () => {
    const dir = await folder({ "reports/rutland-2023.pdf": await makeIlacsReport() });
    const bot = await loadBot({ corpusDir: dir });
    expect(bot.problems).toEqual([]);
    const care = bot.ask("What was Rutland's grade for children in care?");
    expect(care.answered).toBe(true);
    expect(care.judgements.map((j) => j.grade)).toEqual([TABLE.care]);
    expect(care.judgements[0].citation).toMatchObject({ file: "reports/rutland-2023.pdf", page: 1 });
    const help = bot.ask("Rutland help and protection grade");
    expect(help.judgements.map((j) => j.grade)).toEqual([TABLE.help]);
    const overall = bot.ask("What was Rutland's overall effectiveness?");
    expect(overall.judgements.map((j) => j.grade)).toEqual([TABLE.overall]);
    // Every judgement read comes from the first page's table: prose and the annex add none.
    const report = bot.reports[0];
    expect(report.judgements.every((j) => j.citation.page === 1)).toBe(true);
    expect(report.judgements.map((j) => j.grade).sort()).toEqual(Object.values(TABLE).sort());
  });

  it("names every file it skipped and why, and loads the rest", async () => {
    const dir = await folder({
      "good.pdf": await makeIlacsReport(),
      "saved-page.pdf": "<!DOCTYPE html><html><body>Sorry, we could not find that page</body></html>",
      "scan.pdf": await makeScannedPdf(),
      "broken.pdf": "%PDF-1.4\nthis is not the rest of a PDF",
      "notes.docx": "not a zip",
    });
    const { files, problems } = await readCorpus(dir);
    expect(files.map((f) => f.file)).toEqual(["good.pdf"]);
    expect(Object.fromEntries(problems.map((p) => [p.file, p.code]))).toEqual({
      "saved-page.pdf": "NOT_A_PDF",
      "scan.pdf": "PDF_NO_TEXT",
      "broken.pdf": "PDF_CORRUPT",
      "notes.docx": "DOCX_CORRUPT",
    });
  });

  it("reads a Word committee paper's paragraphs as lines", async () => {
    const dir = await folder({ "paper.docx": await makeDocx(["Report to the Children's Scrutiny Committee", "Rutland County Council", "Overall effectiveness\tGood"]) });
    const { files, problems } = await readCorpus(dir);
    expect(problems).toEqual([]);
    expect(files[0].lines.filter((l) => l.trim())).toEqual(["Report to the Children's Scrutiny Committee", "Rutland County Council", "Overall effectiveness\tGood"]);
  });

  it("keeps extracted text in the cache and reads it from there on the next start", async () => {
    const dir = await folder({ "a.pdf": await makeIlacsReport() });
    const cacheDir = mkdtempSync(join(tmpdir(), "text-cache-"));
    const first = await readCorpus(dir, { cacheDir });
    expect(readdirSync(cacheDir)).toHaveLength(1);
    // The cached entry is what the second read returns, page numbers included.
    const cached = readdirSync(cacheDir)[0];
    writeFileSync(join(cacheDir, cached), JSON.stringify({ lines: ["from the cache"], pages: [7] }));
    const second = await readCorpus(dir, { cacheDir });
    expect(second.files[0]).toEqual({ file: "a.pdf", lines: ["from the cache"], pages: [7] });
    expect(first.files[0].lines.length).toBeGreaterThan(10);
  });

  it("settles each file once as soon as it is read or skipped, cached or freshly read, with what the result holds and its place in the listing", async () => {
    const dir = await folder({
      "a.pdf": await makeIlacsReport("Rutland"),
      "b.txt": "Derby City Council\nOverall effectiveness\tGood\n",
      "c.pdf": await makeIlacsReport("Halton"),
      "saved-page.pdf": "<!DOCTYPE html><html><body>gone</body></html>",
      "sources.csv": "file,url\nc.pdf,https://files.ofsted.gov.uk/c.pdf\n",
    });
    const cacheDir = mkdtempSync(join(tmpdir(), "text-cache-"));
    for (const round of ["cold", "cached"]) {
      const settled = new Map<number, { file: string }>();
      const { files, problems } = await readCorpus(dir, { cacheDir, onSettled: (order, r) => (expect(settled.has(order), round).toBe(false), settled.set(order, r)) });
      // Every file once, at its place in the listing, whatever order they were read in.
      expect([...settled.keys()].sort(), round).toEqual([0, 1, 2, 3]);
      expect([0, 1, 2, 3].map((i) => settled.get(i)!.file), round).toEqual(["a.pdf", "b.txt", "c.pdf", "saved-page.pdf"]);
      for (const f of files) expect(settled.get(["a.pdf", "b.txt", "c.pdf"].indexOf(f.file)), `${round} ${f.file}`).toEqual(f);
      expect(settled.get(3)).toEqual(problems.find((p) => p.file === "saved-page.pdf"));
      expect(files.find((f) => f.file === "c.pdf")?.url).toBe("https://files.ofsted.gov.uk/c.pdf");
    }
  });

  it("builds the passage index while loading, numbering passages as the knowledge base does, loose files last", async () => {
    const dir = await folder({
      "a.pdf": await makeIlacsReport("Rutland"),
      "b.txt": "Minutes of a meeting about early help and family hubs.\nNo council is named here.\n",
      "c.txt": "Derby City Council\nOverall effectiveness\tGood\nThe early help offer is strong.\n",
      "d.pdf": "<!DOCTYPE html><html><body>gone</body></html>",
    });
    const { kb } = await loadKnowledgeBase({ corpusDir: dir });
    expect(kb.indexBuilt).toBe(true);
    expect(kb.passages.map((p) => p.id)).toEqual(kb.passages.map((_, i) => i));
    // The loose file's passages come after every report's.
    const firstLoose = kb.passages.findIndex((p) => p.file === "b.txt");
    expect(firstLoose).toBeGreaterThan(kb.passages.findLastIndex((p) => p.file === "c.txt"));
    // Searching it finds what a knowledge base indexing on first use finds.
    const fresh = new KnowledgeBase(kb.reports, kb.passages.filter((p) => p.file === "b.txt"), kb.lex, () => new Date("2026-12-01"));
    expect(fresh.indexBuilt).toBe(false);
    for (const q of ["early help", "family hubs", "overall effectiveness"]) {
      expect(kb.search(q, null).map((h) => [h.passage.file, h.passage.line])).toEqual(fresh.search(q, null).map((h) => [h.passage.file, h.passage.line]));
    }
    expect(kb.search("family hubs", null).length).toBeGreaterThan(0);
  });

  it("reads a 2013 looked after children services inspection as its own framework, with Adequate on its scale", async () => {
    const pdf = await makePdf([
      ["Inspection of looked after children", "services", "Wokingham Borough Council", null, "Inspection dates: 4 - 8 March 2013", "Published: 12 April 2013"],
      [
        "Record of main findings",
        null,
        "Services for looked after children",
        null,
        ...tableRow(["Overall effectiveness"], ["Adequate"]),
        null,
        ...tableRow(["Capacity to improve"], ["Good"]),
        null,
        ...tableRow(["Outcomes for looked after children", "and young people"], ["Adequate"]),
        null,
        ...tableRow(["Quality of provision"], ["Adequate"]),
        null,
        ...tableRow(["Leadership and management"], ["Good"]),
      ],
    ]);
    const dir = await folder({ "wokingham-2013.pdf": pdf });
    const bot = await loadBot({ corpusDir: dir });
    const r = bot.reports[0];
    expect(r.inspection.framework).toBe("LAC");
    expect(Object.fromEntries(r.judgements.map((j) => [j.areaId, j.grade]))).toEqual({
      "overall-effectiveness": "Adequate",
      capacity: "Good",
      outcomes: "Adequate",
      "quality-of-provision": "Adequate",
      leadership: "Good",
    });
    expect(r.judgements.every((j) => j.citation.page === 2)).toBe(true);
    expect(bot.ask("What was Wokingham's capacity to improve?").judgements.map((j) => j.grade)).toEqual(["Good"]);
  });

  it("keeps extraction results too, and extracts again a report whose text changed", async () => {
    const dir = await folder({ "a.pdf": await makeIlacsReport() });
    const cacheDir = mkdtempSync(join(tmpdir(), "report-cache-"));
    const first = await loadBot({ corpusDir: dir, cacheDir });
    const entry = readdirSync(cacheDir).find((f) => f.startsWith("report-"))!;
    expect(entry).toBeDefined();
    // Read back as it was, each judgement pointing at its report's one inspection again.
    const second = await loadBot({ corpusDir: dir, cacheDir });
    expect(second.reports).toEqual(first.reports);
    expect(second.reports[0].judgements.every((j) => j.inspection === second.reports[0].inspection)).toBe(true);
    // The entry is what a restart uses: a changed entry shows, so nothing was extracted again.
    const path = join(cacheDir, entry);
    writeFileSync(path, readFileSync(path, "utf8").replace(/"grade":"Outstanding"/g, '"grade":"Changed"'));
    expect((await loadBot({ corpusDir: dir, cacheDir })).reports[0].judgements.some((j) => j.grade === "Changed")).toBe(true);
    // Another report in the same file is extracted afresh.
    writeFileSync(join(dir, "a.pdf"), await makeIlacsReport("Wokingham"));
    const third = await loadBot({ corpusDir: dir, cacheDir });
    expect(third.reports[0].inspection.authority).toBe("Wokingham");
    expect(third.reports[0].judgements.some((j) => j.grade === "Changed")).toBe(false);
  });
});
