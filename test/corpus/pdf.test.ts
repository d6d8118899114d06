import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readPdf } from "../../src/corpus/pdf.js";
import { makeEncryptedPdf, makePdf, makeScannedPdf, tableRow } from "./makePdf.js";

async function lines(pages: Parameters<typeof makePdf>[0]) {
  const r = await readPdf(await makePdf(pages));
  if ("code" in r) throw new Error(r.reason);
  return r;
}

describe("reading a PDF's text", () => {
  it("keeps a two-column table's wrapped cells beside their row, with the grade column aligned", async () => {
    const r = await lines([
      [
        { cells: [{ text: "Judgement", x: 72 }, { text: "Grade", x: 330 }] },
        null,
        ...tableRow(["The experiences and progress of", "children in care"], ["Requires improvement", "to be good"]),
        null,
        ...tableRow(["Overall effectiveness"], ["Good"]),
      ],
    ]);
    const text = r.lines.filter((l) => l.trim());
    expect(text[0]).toMatch(/^Judgement {2,}Grade$/);
    expect(text[1]).toMatch(/^The experiences and progress of {2,}Requires improvement$/);
    expect(text[2]).toMatch(/^children in care {2,}to be good$/);
    // The grade column starts at the same character in every row.
    const col = (l: string, word: string) => l.indexOf(word);
    expect(col(text[1], "Requires")).toBe(col(text[0], "Grade"));
    expect(col(text[3], "Good")).toBe(col(text[0], "Grade"));
    // Row breaks survive as blank lines; wrapped lines of one row have none between them.
    const i = r.lines.indexOf(text[1]);
    expect(r.lines[i + 1]).toBe(text[2]);
    expect(r.lines[i - 1]).toBe("");
  });

  it("keeps words of a sentence one space apart and numbers every line's page", async () => {
    const r = await lines([
      ["Inspection of Testshire County Council", "children's services"],
      ["Page two text stands here.", { cells: [{ text: "1.", x: 72 }, { text: "Numbered paragraph text.", x: 110 }] }],
    ]);
    expect(r.lines).toContain("Inspection of Testshire County Council");
    const p2 = r.lines.indexOf("Page two text stands here.");
    expect(p2).toBeGreaterThan(0);
    expect(r.pages[p2]).toBe(2);
    expect(r.pages[0]).toBe(1);
    expect(r.lines[p2 + 1]).toMatch(/^1\. {2,}Numbered paragraph text\.$/);
    expect(r.pages).toHaveLength(r.lines.length);
  });

  it("leaves Node's own Array push and JSON in place after loading PDF.js (its core-js would replace them with slower copies)", async () => {
    // In a fresh process, as npm start reads PDFs (core-js also makes its copies print as
    // native code, so only identity tells them apart).
    const pdf = join(mkdtempSync(join(tmpdir(), "pdf-builtins-")), "a.pdf");
    writeFileSync(pdf, await makePdf([["Rutland County Council"]]));
    const built = new URL("../../dist/src/corpus/pdf.js", import.meta.url).href;
    const script = `const before = [Array.prototype.push, JSON.parse, JSON.stringify];
      const { readPdf } = await import(${JSON.stringify(built)});
      const r = await readPdf(new Uint8Array((await import("node:fs")).readFileSync(${JSON.stringify(pdf)})));
      const after = [Array.prototype.push, JSON.parse, JSON.stringify];
      console.log(JSON.stringify({ read: "lines" in r, same: after.map((f, i) => f === before[i]) }));`;
    const out = JSON.parse(execFileSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" }));
    expect(out).toEqual({ read: true, same: [true, true, true] });
  });

  it("names what is wrong with files that are not readable PDFs", async () => {
    const html = new TextEncoder().encode("<!DOCTYPE html><html><head><title>Page not found</title></head><body>404</body></html>");
    expect(await readPdf(html)).toMatchObject({ code: "NOT_A_PDF" });
    expect(await readPdf(new TextEncoder().encode("%PDF-1.7\n1 0 obj garbage\n"))).toMatchObject({ code: "PDF_CORRUPT" });
    expect(await readPdf(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]))).toMatchObject({ code: "PDF_CORRUPT" });
    expect(await readPdf(await makeScannedPdf())).toMatchObject({ code: "PDF_NO_TEXT", reason: expect.stringMatching(/OCR/) });
    expect(await readPdf(makeEncryptedPdf())).toMatchObject({ code: "PDF_ENCRYPTED", reason: expect.stringMatching(/password/) });
  });
});
