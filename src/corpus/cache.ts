/**
 * Extracted text kept on disk, keyed by the file's content hash and the reader's version:
 * a restart with unchanged reports reads no PDF again, a renamed or moved report is still
 * found, and a changed reader (new layout rules) reads everything afresh.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { PagedText, ReadProblem } from "./pdf.js";

/** The cache's folder inside DATA_DIR: every command that reads the corpus shares it. */
export function textCacheDir(dataDir: string): string {
  return join(dataDir, "text-cache");
}

/** Bump when the text a file yields changes (layout rules, PDF.js upgrade): old entries are then ignored. */
export const READER_VERSION = "pdf-layout-1";

type Entry = PagedText | { lines: string[] } | ReadProblem;

/** A folder of JSON files, one an entry, each named by its key. */
export class JsonCache<T> {
  constructor(private readonly dir: string) {}

  /** The entry, or null when there is none (or it cannot be read: it is then made again). */
  get(key: string): T | null {
    try {
      return JSON.parse(readFileSync(join(this.dir, `${key}.json`), "utf8")) as T;
    } catch {
      return null;
    }
  }

  /** Stores an entry; a cache that cannot be written only costs speed, so errors are ignored. */
  put(key: string, entry: T): void {
    try {
      mkdirSync(this.dir, { recursive: true });
      const path = join(this.dir, `${key}.json`);
      // Write then rename, so a crash never leaves half a file another start would trust.
      writeFileSync(`${path}.${process.pid}.tmp`, JSON.stringify(entry));
      renameSync(`${path}.${process.pid}.tmp`, path);
    } catch {
      // Read-only or full disk: the next start reads the file again.
    }
  }
}

/** Extracted text, keyed by the file's bytes and the reader's version. */
export class TextCache extends JsonCache<Entry> {
  /** The key of a file's bytes. */
  key(bytes: Uint8Array): string {
    return createHash("sha256").update(READER_VERSION).update(bytes).digest("hex");
  }
}
