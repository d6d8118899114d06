/**
 * The passage index kept on disk beside the text and extraction caches, so a restart with
 * unchanged reports loads the index instead of building it (building is most of a
 * restart's time: about 6 s of 9 for 500 real reports). One file, replaced whenever the
 * corpus changes. An entry is found by the corpus's fingerprint (every file's name and
 * content) and used only when it was built from exactly the passages extracted now, so a
 * new extractor or knowledge/ never meets an old index.
 */
import { createHash } from "node:crypto";
import { JsonCache } from "../corpus/cache.js";
import type { Passage } from "../types.js";
import { restoreIndex, saveIndex, type Indexed, type SavedIndex } from "./knowledgeBase.js";

/** Bump when the index's form changes (tokenizer, fields, minisearch's format). */
const INDEX_VERSION = "passage-index-1";
const KEY = "passage-index";

interface Entry extends SavedIndex {
  version: string;
  fingerprint: string;
  digest: string;
}

/** What the passages say, in order: the index built from them fits only them. */
export function passagesDigest(passages: readonly Passage[]): string {
  const h = createHash("sha256");
  for (const p of passages) h.update(`${p.file}\0${p.line}\0${p.lineEnd}\0${p.authority ?? ""}\0`).update(p.text).update("\n");
  return h.digest("hex");
}

/** The cached passage index of a corpus. */
export class IndexCache {
  private readonly cache: JsonCache<Entry>;

  constructor(dir: string) {
    this.cache = new JsonCache<Entry>(dir);
  }

  /** The saved index of the corpus with this fingerprint, if there is one (not yet checked against the passages). */
  find(fingerprint: string): Entry | null {
    const e = this.cache.get(KEY);
    return e && e.version === INDEX_VERSION && e.fingerprint === fingerprint ? e : null;
  }

  /** The saved index for these passages, or null when it was built from others. */
  restore(entry: Entry, passages: readonly Passage[]): Indexed | null {
    if (entry.digest !== passagesDigest(passages)) return null;
    try {
      return restoreIndex(entry, passages);
    } catch {
      // A damaged or foreign file: the index is built again.
      return null;
    }
  }

  /** Keeps this corpus's index for the next start (a cache that cannot be written only costs speed). */
  save(fingerprint: string, built: Indexed): void {
    this.cache.put(KEY, { version: INDEX_VERSION, fingerprint, digest: passagesDigest(built.passages), ...saveIndex(built) });
  }
}
