// unitTable builds its table by one global search; it must give what testing each unit alone gives.
import { describe, expect, it } from "vitest";
import { unitTable } from "../../src/core/lines.js";

const byEachUnit = (re: RegExp) => {
  const table = new Uint8Array(0x10000);
  for (let unit = 0; unit < 0x10000; unit++) if (re.test(String.fromCharCode(unit))) table[unit] = 1;
  return table;
};

describe("unitTable", () => {
  it.each([
    /[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]/,
    /[\s|•·,/]/u,
    /[\s|•·»«›‹>\-–—:*#▶►→↓▼]/u,
    /[\s|•·»«›‹<\-–—:*#▶►→↓▼]/u,
    /[\p{L}\p{N}\p{M}_]/u,
    /[\ud800-\udbff]/,
    /[\ud800-\udbff]/u,
    /[\udc00-\udfff]/u,
    /[\ud800-\udfff\uffff]/u,
    /[^\p{L}]/u,
    /\S/,
  ])("gives %s the table of testing each unit alone, surrogates included", (re) => {
    expect(Buffer.from(unitTable(re)).equals(Buffer.from(byEachUnit(re)))).toBe(true);
  });

  it("refuses a pattern that matches more than one character", () => {
    expect(() => unitTable(/ab/)).toThrow("matches more than one character");
  });
});
