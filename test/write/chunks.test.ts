import { Writable } from "node:stream";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Chunks } from "../../src/write/chunks.js";
import { encodeUtf8 } from "../../src/write/utf8-slabs.js";

/** A stream that keeps copies of what it was given, finishing each write a tick later (as a file does). */
function collector(): { stream: Writable; bytes: () => Buffer; held: Buffer[] } {
  const parts: Buffer[] = [];
  const held: Buffer[] = [];
  const stream = new Writable({
    highWaterMark: 1 << 16,
    write(chunk: Buffer, _encoding, done) {
      held.push(chunk);
      parts.push(Buffer.from(chunk));
      setImmediate(done);
    },
  });
  return { stream, bytes: () => Buffer.concat(parts), held };
}

describe("Chunks", () => {
  it("writes the text it was given, as text or as UTF-8 bytes, in order, whatever the pieces' sizes and characters, reusing written buffers", async () => {
    // Runs of 2-, 3- and 4-byte characters and lone surrogates reach a buffer's end in the middle of a character.
    const wide = fc.tuple(fc.constantFrom("é", "€", "😀", "\ud800", "a"), fc.nat(40_000)).map(([char, n]) => char.repeat(n));
    const piece = fc.oneof(fc.constantFrom("", "a", "é", "€", "😀", "\n", '{"id":"x"}'), fc.string({ unit: "grapheme", maxLength: 50 }), fc.nat(100_000).map((n) => "x".repeat(n)), wide);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(piece, { maxLength: 30 }), { minLength: 1, maxLength: 6 }), fc.infiniteStream(fc.boolean()), async (flushes, asBytes) => {
        const chunks = new Chunks();
        const { stream, bytes } = collector();
        for (const texts of flushes) {
          for (const text of texts) chunks.add(asBytes.next().value ? encodeUtf8(text) : text);
          expect(chunks.size).toBe(Buffer.byteLength(texts.join("")));
          if (!chunks.writeTo(stream)) await new Promise((resolve) => stream.once("drain", resolve));
          expect(chunks.size).toBe(0);
        }
        await new Promise<void>((resolve) => stream.end(resolve));
        // Copied as the stream wrote them, a tick after each write: a buffer filled again too early would show.
        expect(bytes().equals(Buffer.from(flushes.flat().join("")))).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it("fills a written buffer again instead of allocating one per write", async () => {
    const chunks = new Chunks();
    const { stream, held } = collector();
    for (let round = 0; round < 3; round++) {
      chunks.add("line of text\n".repeat(100));
      chunks.writeTo(stream);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(held).toHaveLength(3);
    expect(new Set(held.map((b) => b.buffer)).size).toBe(1);
  });
});
