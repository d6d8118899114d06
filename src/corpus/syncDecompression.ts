/**
 * A synchronous stand-in for the web `DecompressionStream`, for PDF worker threads only.
 * PDF.js inflates every page's content stream through `DecompressionStream` when there is
 * one; Node's is a web stream wrapped round a zlib stream, and its JavaScript plumbing
 * (writers, queues, promises per chunk) cost more than the inflating itself: about a tenth
 * of reading a report. A worker thread does nothing but read PDFs, so there zlib's
 * one-call functions stand in. PDF.js uses only what is here: `writable.getWriter()` with
 * `ready`, `write` and `close`, and `readable` read with `for await`. A stream zlib cannot
 * inflate fails the read as Node's would, and PDF.js falls back to its own decoder.
 */
import { brotliDecompressSync, inflateRawSync, inflateSync, gunzipSync } from "node:zlib";

const INFLATE: Record<string, (b: Uint8Array) => Buffer> = {
  deflate: inflateSync,
  "deflate-raw": inflateRawSync,
  gzip: gunzipSync,
  brotli: brotliDecompressSync,
};

/** Decompresses what is written in one zlib call when the writer is closed. */
class SyncDecompressionStream {
  readonly writable: { getWriter(): { ready: Promise<void>; write(chunk: Uint8Array): Promise<void>; close(): Promise<void> } };
  readonly readable: AsyncIterable<Uint8Array>;

  constructor(format: string) {
    const inflate = INFLATE[format];
    if (!inflate) throw new TypeError(`Unsupported compression format: '${format}'`);
    const chunks: Uint8Array[] = [];
    let closed: () => void;
    const whenClosed = new Promise<void>((resolve) => (closed = resolve));
    this.writable = {
      getWriter: () => ({
        ready: Promise.resolve(),
        write: async (chunk) => void chunks.push(chunk),
        close: async () => closed(),
      }),
    };
    this.readable = {
      async *[Symbol.asyncIterator]() {
        await whenClosed;
        const out = inflate(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks));
        yield new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
      },
    };
  }
}

/** Puts the synchronous stand-in in place of this thread's `DecompressionStream`. */
export function useSyncDecompression(): void {
  (globalThis as { DecompressionStream?: unknown }).DecompressionStream = SyncDecompressionStream;
}
