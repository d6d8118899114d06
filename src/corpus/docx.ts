/**
 * Reads a Word (.docx) file's text with mammoth: council committee papers come as Word.
 * Paragraphs become lines; a table's cells come out one a paragraph, which the extractors
 * read as a one-cell-a-line table.
 */
import type { ReadProblem } from "./pdf.js";

/** The document's lines, or why it could not be read. */
export async function readDocx(bytes: Uint8Array): Promise<{ lines: string[] } | ReadProblem> {
  const mammoth = await import("mammoth");
  try {
    const { value } = await mammoth.default.extractRawText({ buffer: Buffer.from(bytes) });
    if (!value.trim()) return { code: "FILE_EMPTY", reason: "is an empty Word document" };
    // mammoth ends each paragraph with a blank line; keep them (they separate table cells).
    return { lines: value.replace(/\n+$/, "").split(/\r?\n/) };
  } catch (err) {
    return { code: "DOCX_CORRUPT", reason: `is not a readable Word document (${(err as Error).message}): open it in Word and save it again as .docx` };
  }
}
