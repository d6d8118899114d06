/**
 * Builds the PDFs the reading tests use, with pdf-lib: pages of rows, each row one or more
 * cells placed at an x position, like a report's prose, tables and wrapped cells. Also the
 * broken files a real corpus holds (a web page saved as .pdf, a damaged file, a scan with
 * no text layer, an encrypted file).
 */
import { PDFDocument, StandardFonts, rgb } from "pdf-lib";

/** A cell: text at `x` points from the left edge (72 by default). */
export interface Cell {
  text: string;
  x?: number;
  size?: number;
}

/** A row of cells on one baseline; `gap` adds blank lines of space above it. */
export interface PdfRow {
  cells: Cell[];
  gap?: number;
}

/** A row from plain text (one cell at the left margin), or `null` for a blank line. */
export type RowSpec = PdfRow | string | null;

const PITCH = 14.5;
const TOP = 780;

/** Builds a PDF with one entry of `pages` a page; rows flow down from the top. */
export async function makePdf(pages: RowSpec[][], opts: { size?: number } = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const size = opts.size ?? 11;
  for (const rows of pages) {
    const page = doc.addPage([595, 842]);
    let y = TOP;
    for (const spec of rows) {
      if (spec === null) {
        y -= PITCH;
        continue;
      }
      const row: PdfRow = typeof spec === "string" ? { cells: [{ text: spec }] } : spec;
      y -= (row.gap ?? 0) * PITCH;
      for (const cell of row.cells) page.drawText(cell.text, { x: cell.x ?? 72, y, size: cell.size ?? size, font });
      y -= PITCH;
    }
  }
  return doc.save();
}

/** Lines of prose as rows. */
export function prose(text: string): string[] {
  return text.split("\n");
}

/** A two-column table row whose label and grade may each wrap over several lines. */
export function tableRow(label: string[], grade: string[], gradeX = 330): PdfRow[] {
  const n = Math.max(label.length, grade.length);
  const rows: PdfRow[] = [];
  for (let i = 0; i < n; i++) {
    const cells: Cell[] = [];
    if (label[i]) cells.push({ text: label[i], x: 72 });
    if (grade[i]) cells.push({ text: grade[i], x: gradeX });
    rows.push({ cells });
  }
  return rows;
}

/** A page with a drawn box and no text at all, as a scanned page looks to a text reader. */
export async function makeScannedPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  page.drawRectangle({ x: 50, y: 50, width: 495, height: 742, color: rgb(0.9, 0.9, 0.9) });
  return doc.save();
}

/**
 * A PDF whose trailer names a Standard security handler with a user password (the /U
 * entry matches no empty password), as a password-protected report does.
 */
export function makeEncryptedPdf(): Uint8Array {
  const hex32 = "A1".repeat(32);
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
    `<< /Filter /Standard /V 1 /R 2 /O <${hex32}> /U <${"B2".repeat(32)}> /P -4 >>`,
  ];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) body += `${String(off).padStart(10, "0")} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Encrypt 4 0 R /ID [<${"C3".repeat(16)}> <${"C3".repeat(16)}>] >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(body);
}
