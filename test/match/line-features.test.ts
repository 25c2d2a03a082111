import fc from "fast-check";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { realTexts } from "./real-texts.js";
import { lineFeatures, stopwordsFor } from "../../src/match/line-features.js";
import { TERMINAL_PUNCTUATION, UNSPACED_SCRIPT } from "../../src/rules/boilerplate.js";

// The features as first written, with a regex and its array of words: the character scan that
// replaced the regex must give the same features for every line.
function referenceFeatures(content: string, stopwords: ReadonlySet<string>) {
  const tokens = content.match(/[\p{L}\p{N}\p{M}'’_-]+/gu) ?? [];
  const unspaced = new RegExp(UNSPACED_SCRIPT.source, "u").test(content) ? (content.match(UNSPACED_SCRIPT)?.length ?? 0) : 0;
  const words = unspaced > tokens.length ? Math.max(tokens.length, Math.round(unspaced / 2)) : tokens.length;
  let stop = 0;
  if (stopwords.size) for (const token of tokens) if (stopwords.has(token.toLowerCase())) stop++;
  const capitals = tokens.length > 0 && !/\p{Ll}/u.test(content);
  const letters = capitals ? (content.match(/\p{L}/gu)?.length ?? 0) : 0;
  return { words, stopwordRatio: tokens.length ? stop / tokens.length : 0, unspaced: unspaced > tokens.length, terminal: TERMINAL_PUNCTUATION.test(content), allCaps: letters > 0 && /\p{Lu}/u.test(content), letters };
}

describe("the features of a line", () => {
  it("counts words and the share of stopwords", () => {
    expect(lineFeatures("The talks went on, its head said.", stopwordsFor("en"))).toMatchObject({ words: 7, terminal: true, allCaps: false });
    expect(lineFeatures("The talks went on, its head said.", stopwordsFor("en")).stopwordRatio).toBeCloseTo(5 / 7); // the, went, on, its, said
    expect(lineFeatures("EMAIL PRINT", stopwordsFor("en"))).toMatchObject({ words: 2, stopwordRatio: 0, allCaps: true, letters: 10 });
  });

  it("agrees with the regex it replaced on generated lines, with and without a stopword list", () => {
    const pieces = fc.constantFrom("The", "THE", "aNd", "Within", "WITHIN", "withinwithin", "and", "DER", "und", "Ünd", "ÜBER", "über", "l’on", "don't", "e\u0301", "42", "3-4", "snake_case", "𝐀𝐁", "\ud800", "İ", "日本語の", "ภาษาไทย", " ", ",", ".", "’", "-", "\u00a0");
    for (const stopwords of [stopwordsFor("en"), stopwordsFor("de"), new Set<string>()]) {
      fc.assert(
        fc.property(fc.array(fc.oneof(pieces, fc.string({ unit: "binary", maxLength: 3 })), { maxLength: 30 }), (parts) => {
          const line = parts.join("");
          expect(lineFeatures(line, stopwords)).toEqual(referenceFeatures(line, stopwords));
        }),
        { numRuns: 300 },
      );
    }
  });

  it("counts the stopwords of real lines as the Set alone does (ASCII tokens are looked up in place)", () => {
    const lines = realTexts().flatMap((text) => text.split("\n"));
    for (const lang of ["en", "de", "fr", "es"]) {
      const listed = stopwordsFor(lang);
      const plain = new Set(listed); // not one stopwordsFor made: lineFeatures takes the Set alone
      for (const line of lines) expect(lineFeatures(line, listed)).toEqual(lineFeatures(line, plain));
    }
  });
});

describe("the stopword lists", () => {
  it("are stopwords-iso's, lower-cased, read from the generated facts", () => {
    const lists = createRequire(import.meta.url)("stopwords-iso") as Record<string, string[]>;
    for (const [lang, words] of Object.entries(lists)) expect(stopwordsFor(lang)).toEqual(new Set(words.map((w) => w.toLowerCase())));
    expect(stopwordsFor("xx").size).toBe(0);
  });
});
