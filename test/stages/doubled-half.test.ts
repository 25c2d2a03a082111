// doubledHalf compares a line's halves in place: it must find what cutting both out and comparing found.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { splitLines } from "../../src/core/lines.js";
import { doubledHalf } from "../../src/stages/captions.js";
import { realTexts } from "../match/real-texts.js";

function plainDoubledHalf(content: string, minWords: number): string | undefined {
  if (content.length % 2 === 0) return undefined;
  const half = (content.length - 1) / 2;
  if (content[half] !== " ") return undefined;
  const first = content.slice(0, half);
  if (first !== content.slice(half + 1)) return undefined;
  return first.split(" ").length >= minWords ? first : undefined;
}

describe("doubledHalf", () => {
  it("finds the half the plain comparison finds (generated lines, doubled or nearly)", () => {
    const half = fc.array(fc.constantFrom("a", "b", " ", "é", "\ud83d", "\ude00", "Photo", "AFP"), { maxLength: 12 }).map((a) => a.join(""));
    fc.assert(
      fc.property(half, half, fc.boolean(), fc.integer({ min: 1, max: 4 }), (first, other, doubled, minWords) => {
        const content = doubled ? `${first} ${first}` : `${first} ${other}`;
        expect(doubledHalf(content, minWords), content).toBe(plainDoubledHalf(content, minWords));
      }),
      { numRuns: 5000 },
    );
  });

  it("finds what it found on every line of the seed texts and AEB dumps", () => {
    for (const text of realTexts()) for (const line of splitLines(text)) expect(doubledHalf(line.content, 6)).toBe(plainDoubledHalf(line.content, 6));
  });
});
