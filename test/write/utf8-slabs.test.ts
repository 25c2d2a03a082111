import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { encodeUtf8, encodeUtf8After, Utf8Scratch } from "../../src/write/utf8-slabs.js";

// Lone surrogates (replaced), 2-4 byte characters, and texts near and over a slab's share.
const wide = fc.tuple(fc.constantFrom("é", "€", "😀", "\ud800", "\udfff", "a"), fc.nat(70_000)).map(([char, n]) => char.repeat(n));
const text = fc.oneof(fc.constantFrom("", "a", "\n", '{"type":"removal"}\n'), fc.string({ unit: "grapheme", maxLength: 200 }), fc.string({ unit: "binary", maxLength: 200 }), fc.nat(300_000).map((n) => "x".repeat(n)), wide);

describe("encodeUtf8", () => {
  it("encodes an empty text before any slab exists (a fresh process's first document may have no audit)", async () => {
    vi.resetModules();
    const fresh = await import("../../src/write/utf8-slabs.js");
    expect(fresh.encodeUtf8("")).toEqual(new Uint8Array(0));
    expect(Buffer.from(fresh.encodeUtf8("é")).toString("utf8")).toBe("é");
    expect(fresh.encodeUtf8("")).toHaveLength(0);
  });

  it("gives Buffer.from's bytes, and a text's bytes stay as they were while later texts are encoded", () => {
    fc.assert(
      fc.property(fc.array(text, { maxLength: 40 }), (texts) => {
        const encoded = texts.map((t) => encodeUtf8(t));
        texts.forEach((t, i) => expect(Buffer.from(encoded[i]).equals(Buffer.from(t, "utf8"))).toBe(true));
      }),
      { numRuns: 200 },
    );
  });
});

describe("a record's head held as bytes, then its tail after it (src/run/task.ts)", () => {
  it("gives Buffer.from's bytes of head and of tail one after the other, whatever their sizes, and every view stays as it was until the scratch is cleared", () => {
    const scratch = new Utf8Scratch();
    fc.assert(
      fc.property(fc.array(fc.tuple(text, text), { maxLength: 20 }), (records) => {
        scratch.clear();
        const heads = records.map(([head]) => scratch.encode(head));
        const bodies = records.map(([, tail], i) => encodeUtf8After(heads[i], tail));
        records.forEach(([head, tail], i) => {
          expect(Buffer.from(heads[i]).equals(Buffer.from(head, "utf8"))).toBe(true);
          // Each encoded alone (a pair split between them is two lone surrogates); a record's head ends in `:`.
          expect(Buffer.from(bodies[i]).equals(Buffer.concat([Buffer.from(head, "utf8"), Buffer.from(tail, "utf8")]))).toBe(true);
        });
      }),
      { numRuns: 200 },
    );
  });
});
