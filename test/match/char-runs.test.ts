import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CharRuns } from "../../src/match/char-runs.js";
import { countWords } from "../../src/stages/boilerplate-phrases.js";

// The classes the stages count words with, each against the regex it replaced.
const CLASSES = ["[\\p{L}\\p{M}'’]", "[\\p{L}\\p{N}'’-]", "[\\p{L}\\p{N}\\p{M}'’_-]"];
const pieces = fc.constantFrom("word", "Zwölf", "don't", "l’on", "e\u0301", "42", "3-4", "𝐀𝐁", "𐐀", "😀", "\ud800", "\udc00", "\ud800x", "İ", "ß", "ǅ", "日本", " ", "\n", ",", "-", "'", "’", "\u00a0", "٣");

describe("runs of a character class", () => {
  it("finds the runs a Unicode-class regex finds", () => {
    const runs = new CharRuns(/^[\p{L}\p{M}'’]$/u);
    const found: string[] = [];
    const text = "Don't stop — l’école, 𝐀b 42 e\u0301!";
    runs.each(text, (start, end) => found.push(text.slice(start, end)));
    expect(found).toEqual(["Don't", "stop", "l’école", "𝐀b", "e\u0301"]);
    expect(countWords("News | Sport 2026 | Weather-map")).toBe(4);
    expect(countWords("")).toBe(0);
  });

  it("agrees with text.match(/[class]+/gu) on generated text: astral letters, lone surrogates, marks, digits", () => {
    for (const source of CLASSES) {
      const runs = new CharRuns(new RegExp(`^${source}$`, "u"));
      const regex = new RegExp(`${source}+`, "gu");
      fc.assert(
        fc.property(fc.array(fc.oneof(pieces, fc.string({ unit: "binary", maxLength: 3 })), { maxLength: 40 }), (parts) => {
          const text = parts.join("");
          const found: Array<[number, number]> = [];
          runs.each(text, (start, end) => found.push([start, end]));
          expect(found).toEqual([...text.matchAll(regex)].map((m) => [m.index, m.index + m[0].length]));
          const count = text.match(regex)?.length ?? 0;
          expect(runs.count(text)).toBe(count);
          // Read up to a limit: exact at or below it, limit + 1 above.
          for (const limit of [0, 1, 3, 10]) expect(runs.countUpTo(text, limit), `limit ${limit}`).toBe(Math.min(count, limit + 1));
          // Walked run by run from the start of each: the same runs, also within a text cut short at every end.
          for (const end of [text.length, text.length >> 1]) {
            const walked: Array<[number, number]> = [];
            for (let i = runs.runStart(text, 0, end); i < end; i = runs.runStart(text, i, end)) {
              const start = i;
              i = runs.runEnd(text, i, end);
              walked.push([start, i]);
            }
            const within = text.slice(0, end);
            expect(walked).toEqual([...within.matchAll(regex)].map((m) => [m.index, m.index + m[0].length]));
          }
        }),
        { numRuns: 500 },
      );
    }
  });

  it("gives each UTF-16 unit, alone, the class its regex gives it (kindOf and units(), read by the stopword detector's loop)", () => {
    for (const source of CLASSES) {
      const one = new RegExp(`^${source}$`, "u");
      const runs = new CharRuns(one);
      const wrong: number[] = [];
      for (let unit = 0; unit < 0x10000; unit++) if (runs.kindOf(unit) !== (one.test(String.fromCharCode(unit)) ? 1 : 2) || runs.units()[unit] !== runs.kindOf(unit)) wrong.push(unit);
      expect(wrong).toEqual([]);
    }
  });
});
