import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { splitLines } from "../../src/core/lines.js";
import { unitAt } from "../../src/match/units.js";

// unitAt reads units as charCodeAt does, whatever kind of V8 string it is given: sliced, cons,
// flat, one- or two-byte (the kinds `splitLines` makes a line's content in).
describe("unitAt", () => {
  it("reads every unit as charCodeAt does, and NaN past the end", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 60 }), fc.string({ unit: "binary", maxLength: 60 }), (a, b) => {
        const kinds = [a, a + b, (a + b).slice(1), `${a}  ${b}`.replace(/ +/g, " "), JSON.parse(JSON.stringify(a))];
        for (const text of kinds) {
          for (let i = -1; i <= text.length; i++) expect(Object.is(unitAt(text, i), text.charCodeAt(i))).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("reads the contents splitLines makes", () => {
    const raw = "Share  this\u00a0story\n  Ünïcödé   line  \nshort\n" + "x".repeat(40) + " é\r\n\u2003tail";
    for (const line of splitLines(raw)) {
      const units = Array.from({ length: line.content.length }, (_, i) => unitAt(line.content, i));
      expect(String.fromCharCode(...units)).toBe(line.content);
    }
  });
});
