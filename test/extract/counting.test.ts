// Counts and paths the page walks make without building strings (src/extract/blocks.ts,
// src/extract/classify.ts) must equal the string-building versions they replaced.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { nonSpaceLength, nonWhiteSpaceLength } from "../../src/extract/blocks.js";
import { lastSteps, longestFirst } from "../../src/extract/classify.js";

/** Every kind of character the counts must tell apart: each white space of `\s`, U+200B, U+180E (not white space since ES2016), letters. */
const text = fc
  .array(fc.constantFrom("a", "é", "漢", "\u{1F600}", " ", "\t", "\n", "\v", "\f", "\r", "\u0085", "\u00a0", "\u1680", "\u180e", "\u2000", "\u200a", "\u200b", "\u200c", "\u2028", "\u2029", "\u202f", "\u205f", "\u3000", "\ufeff", "\u001f", "\u007f", "\u009f"), { maxLength: 40 })
  .map((chars) => chars.join(""));

describe("counting characters outside white space", () => {
  it("nonWhiteSpaceLength counts what text.replace(/\\s+/g, '').length counts", () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(nonWhiteSpaceLength(t)).toBe(t.replace(/\s+/g, "").length);
      }),
      { numRuns: 3000 },
    );
  });

  it("nonSpaceLength also leaves out the zero-width space, as the block walk's SPACE_RUN does", () => {
    const spaceRun = /[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+/g;
    fc.assert(
      fc.property(text, (t) => {
        expect(nonSpaceLength(t)).toBe(t.replace(spaceRun, "").length);
      }),
      { numRuns: 3000 },
    );
    expect(nonSpaceLength("a\u200bb c")).toBe(3);
    expect(nonWhiteSpaceLength("a\u200bb c")).toBe(4);
  });
});

describe("lastSteps (a block's path in the audit)", () => {
  const plain = (path: string) => {
    const steps = path.split(">");
    return steps.length > 4 ? "…>" + steps.slice(-4).join(">") : steps.join(">");
  };
  it("keeps the last four `>`-separated steps after …>, as splitting and joining did", () => {
    const path = fc.array(fc.constantFrom("div", "p#a", ".x", ">", "…", "", "id>x"), { maxLength: 10 }).map((parts) => parts.join(">"));
    fc.assert(
      fc.property(path, (p) => {
        expect(lastSteps(p)).toBe(plain(p));
      }),
      { numRuns: 3000 },
    );
    expect(lastSteps("body>div#main>article>div.story>p")).toBe("…>div#main>article>div.story>p");
    expect(lastSteps("div#main>article>div.story>p")).toBe("div#main>article>div.story>p");
  });
});

describe("longestFirst (the blocks a page's language sample is taken from)", () => {
  it("is a stable sort of the blocks by length, longest first, of those long enough (the comparison can fail)", () => {
    const block = fc.string({ maxLength: 12 }).map((text) => ({ text, kind: "paragraph" as const, linkDensity: 0 }));
    fc.assert(
      fc.property(fc.array(block, { maxLength: 40 }), fc.integer({ min: 0, max: 8 }), (blocks, minChars) => {
        const sorted = [...blocks.keys()].sort((a, b) => blocks[b].text.length - blocks[a].text.length).filter((i) => blocks[i].text.length >= minChars);
        expect(longestFirst(blocks, minChars)).toEqual(sorted);
      }),
      { numRuns: 2000 },
    );
  });
});
