import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stopwordLanguage } from "../../src/match/line-features.js";

// The detector as it was written first: a Unicode-class regex over the lower-cased text. The
// character scan that replaced it must name the same language for every text.
const STOPWORDS = createRequire(import.meta.url)("stopwords-iso") as Record<string, string[]>;
const languages = Object.keys(STOPWORDS).sort((a, b) => (a < b ? -1 : 1));
const lists = new Map(languages.map((lang) => [lang, new Set(STOPWORDS[lang].map((w) => w.toLowerCase()))]));
function referenceLanguage(text: string): string {
  const counts = new Map<string, number>();
  for (const token of text.toLowerCase().match(/[\p{L}\p{M}'’]+/gu) ?? []) {
    for (const lang of languages) if (lists.get(lang)!.has(token)) counts.set(lang, (counts.get(lang) ?? 0) + 1);
  }
  let best = "";
  let hits = 2;
  for (const lang of languages) if ((counts.get(lang) ?? 0) > hits) [best, hits] = [lang, counts.get(lang)!];
  return best;
}

const SEEDS = join(import.meta.dirname, "../../raw");

describe("the stopword language detector", () => {
  it("names the language of real texts", () => {
    expect(stopwordLanguage("The talks will go on, and the ministers said that they are ready for more of them.")).toBe("en");
    expect(stopwordLanguage("Die Gespräche werden fortgesetzt, und die Minister sagten, dass sie dazu bereit sind.")).toBe("de");
    expect(stopwordLanguage("Les discussions vont continuer et les ministres ont dit qu'ils sont prêts.")).toBe("fr");
    expect(stopwordLanguage("Talks, ministers, summit.")).toBe("");
  });

  it("agrees with the regex tokenizer on the seeds", () => {
    for (const f of readdirSync(SEEDS).filter((f) => f.endsWith(".txt"))) {
      const text = readFileSync(join(SEEDS, f), "utf8");
      expect(stopwordLanguage(text)).toBe(referenceLanguage(text));
    }
  });

  it("agrees with the regex tokenizer on generated text: apostrophes, marks, astral letters, lone surrogates, case that changes length", () => {
    const pieces = fc.constantFrom("the", "and", "der", "und", "les", "et", "y", "que", "İ", "ß", "don't", "l’on", "e\u0301", "𝐀", "𐐀", "\ud800", "\udc00", "😀", " ", "\n", ",", "'", "’", "-", "ǅ", "ΣΑ", "и", "не", "thee", "th", "anda", "internationalisations", "themselves");
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 60 }), fc.array(fc.string({ unit: "binary", maxLength: 4 }), { maxLength: 5 }), (words, noise) => {
        const text = [...words, ...noise].join("");
        expect(stopwordLanguage(text)).toBe(referenceLanguage(text));
      }),
      { numRuns: 300 },
    );
  });
});
