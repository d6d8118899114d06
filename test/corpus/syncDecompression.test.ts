/**
 * The synchronous DecompressionStream the PDF workers use must give what Node's own gives,
 * used the way PDF.js uses it, and fail the read where Node's fails (PDF.js then decodes
 * the stream itself).
 */
import { deflateSync, brotliCompressSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { useSyncDecompression } from "../../src/corpus/syncDecompression.js";

const native = globalThis.DecompressionStream;
afterEach(() => {
  globalThis.DecompressionStream = native;
});

/** Inflates the way PDF.js's asyncGetBytesFromDecompressionStream does. */
async function inflateLikePdfjs(format: string, bytes: Uint8Array): Promise<Uint8Array> {
  const { readable, writable } = new DecompressionStream(format as CompressionFormat);
  const writer = writable.getWriter();
  await writer.ready;
  writer
    .write(bytes)
    .then(async () => {
      await writer.ready;
      await writer.close();
    })
    .catch(() => {});
  const chunks: Uint8Array[] = [];
  for await (const chunk of readable as unknown as AsyncIterable<Uint8Array>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

describe("the PDF workers' synchronous DecompressionStream", () => {
  const text = Buffer.from("BT /F1 11 Tf 72 700 Td (Overall effectiveness  Good) Tj ET\n".repeat(200));

  it("inflates a page's content stream as Node's web stream does", async () => {
    const compressed = deflateSync(text);
    const byNode = await inflateLikePdfjs("deflate", compressed);
    useSyncDecompression();
    expect(globalThis.DecompressionStream).not.toBe(native);
    const bySync = await inflateLikePdfjs("deflate", compressed);
    expect(Buffer.from(bySync)).toEqual(Buffer.from(byNode));
    expect(Buffer.from(bySync).toString()).toBe(text.toString());
    expect(Buffer.from(await inflateLikePdfjs("brotli", brotliCompressSync(text))).toString()).toBe(text.toString());
  });

  it("fails the read of a damaged stream, as Node's does", async () => {
    const damaged = deflateSync(text).subarray(0, 40);
    await expect(inflateLikePdfjs("deflate", damaged)).rejects.toThrow();
    useSyncDecompression();
    await expect(inflateLikePdfjs("deflate", damaged)).rejects.toThrow();
    expect(() => new DecompressionStream("lzw" as CompressionFormat)).toThrow(TypeError);
  });
});
