/**
 * The worker-thread pool, as `npm start` runs it: from the compiled dist/ (npm test builds
 * it first), where the worker script exists. Its results must be exactly what reading
 * each file in this thread gives, in the order given, bad files included.
 */
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readPdf } from "../../src/corpus/pdf.js";
import { makeIlacsReport } from "./ilacsReport.js";

const BUILT = new URL("../../dist/src/corpus/pdfPool.js", import.meta.url);

describe("reading many PDFs in worker threads", () => {
  it("gives each file's text or problem, in order, as reading it here would, handing each over as soon as it is read", async () => {
    expect(existsSync(BUILT), "npm test builds dist/ before running the tests").toBe(true);
    const { readPdfs } = (await import(BUILT.href)) as typeof import("../../src/corpus/pdfPool.js");
    const files = [await makeIlacsReport("Rutland"), new TextEncoder().encode("<html><body>not found</body></html>"), await makeIlacsReport("Wokingham"), await makeIlacsReport("Halton"), await makeIlacsReport("Derby")];
    const handed = new Map<number, unknown>();
    const pooled = await readPdfs(files, { threads: 2, onRead: (i, r) => handed.set(i, r) });
    // Each result is handed over as it comes, once, and is the one returned in its place.
    expect(handed.size).toBe(files.length);
    pooled.forEach((r, i) => expect(handed.get(i)).toBe(r));
    const here = [];
    for (const f of files) here.push(await readPdf(f));
    expect(pooled).toEqual(here);
    expect(pooled[1]).toMatchObject({ code: "NOT_A_PDF" });
    expect((pooled[2] as { lines: string[] }).lines[0]).toContain("Wokingham");
  });

  it("reads files the workers are given by path, and names one that has gone", async () => {
    const { readPdfs } = (await import(BUILT.href)) as typeof import("../../src/corpus/pdfPool.js");
    const dir = mkdtempSync(join(tmpdir(), "pdf-pool-"));
    const names = ["Rutland", "Wokingham", "Halton", "Derby"];
    for (const n of names) writeFileSync(join(dir, `${n}.pdf`), await makeIlacsReport(n));
    const sources = [...names.map((n) => ({ path: join(dir, `${n}.pdf`) })), { path: join(dir, "gone.pdf") }];
    const pooled = await readPdfs(sources, { threads: 2 });
    expect(pooled.slice(0, 4).map((r) => (r as { lines: string[] }).lines[0])).toEqual(names.map((n) => expect.stringContaining(n)));
    expect(pooled[4]).toMatchObject({ code: "FILE_UNREADABLE", reason: expect.stringContaining("ENOENT") });
  });
});
