import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stopwordLanguage, stopwordLanguageOfSpans } from "../../src/match/line-features.js";
import { detectLanguage } from "../../src/write/render/metadata.js";

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
/** The seeds and the whole-page dumps of ../shared/bench (the texts bench/outputs.ts cleans), where present. */
function realTexts(): string[] {
  const shared = join(import.meta.dirname, "../../../shared/bench");
  const dirs = [SEEDS, join(shared, "aeb-dump")];
  if (existsSync(shared)) for (const set of readdirSync(shared).sort()) if (existsSync(join(shared, set, "dump"))) dirs.push(join(shared, set, "dump"));
  return dirs.filter((dir) => existsSync(dir)).flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith(".txt")).sort().map((f) => readFileSync(join(dir, f), "utf8")));
}

/** Spans of `text` from `cuts` (distinct offsets, an even count) are read as the spans cut out and joined by line breaks. */
function expectSpansReadAsJoined(text: string, cuts: number[]): void {
  const spans = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
  if (spans.length % 2) spans.pop();
  const joined: string[] = [];
  for (let k = 0; k < spans.length; k += 2) joined.push(text.slice(spans[k], spans[k + 1]));
  expect(stopwordLanguageOfSpans(text, spans)).toBe(stopwordLanguage(joined.join("\n")));
}

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

  // Longest lines read in place and lower-cased unit by unit must answer as the sample cut out,
  // joined and lower-cased whole: İ (two units lower-cased), Σ (ς at a word's end), Deseret
  // (astral letters with a lower case), emoji, lone surrogates, line breaks inside the spans' text.
  const casedPieces = fc.constantFrom("The", "AND", "DER", "Und", "LES", "Et", "Y", "QUE", "İ", "İN", "ΣΑ", "ΚΑΙ", "ΑΥΤΟΣ", "ΑΥΤΟΥΣ", "ΑΣ", "𐐀", "𐐨", "😀", "\ud800", "\udc00", "DON'T", "L’ON", "E\u0301", "И", "НЕ", "ǅ", "ß", " ", " ", "\n", ",", "-", "a", "la", "de", "x".repeat(30));
  const plainDetect = (text: string) => {
    const lines = text.split("\n").filter((line) => line.length >= 40).sort((a, b) => b.length - a.length);
    const sample: string[] = [];
    let size = 0;
    for (const line of lines) {
      if (size >= 4000) break;
      sample.push(line);
      size += line.length;
    }
    return sample.length ? stopwordLanguage(sample.join("\n")) : "";
  };

  it("reads spans in place as it reads them cut out and joined", () => {
    // Σ lower-cases to ς at a word's end: these are Greek stopwords only read that way.
    const greek = "Menu\nΑΥΤΟΣ ΑΣ ΑΥΤΟΥΣ\nHome";
    expect(stopwordLanguageOfSpans(greek, [5, 21])).toBe("el");
    expect(stopwordLanguageOfSpans("the and of", [0, 3, 4, 7, 8, 10])).toBe("en");
    expect(stopwordLanguageOfSpans("theand of", [0, 3, 3, 6, 7, 9])).toBe("en");
    expect(stopwordLanguageOfSpans("the and of", [0, 2])).toBe("");
    fc.assert(
      fc.property(fc.array(casedPieces, { maxLength: 80 }), fc.array(fc.nat(), { maxLength: 8 }), (pieces, cuts) => expectSpansReadAsJoined(pieces.join(""), cuts)),
      { numRuns: 500 },
    );
  });

  it("names an output record's language from its longest lines, as the plain split, sort and join did", () => {
    expect(detectLanguage(["Menu", "The ministers said that they are ready for more of the talks in the spring.", "Home"].join("\n"))).toBe("en");
    expect(detectLanguage("The talks will go on.\nShort lines are not read at all.")).toBe("");
    // Only the longest lines up to 4,000 characters are read: two long English ones outweigh many short German ones.
    const long = "the and of " + "Zzzzzz ".repeat(300);
    const german = "und die der das ist nicht mit dem den auch sich so";
    expect(detectLanguage([german, long, german, long, ...Array(40).fill(german)].join("\n"))).toBe("en");
    expect(detectLanguage([german, long, ...Array(40).fill(german)].join("\n"))).toBe("de");
    const line = fc.array(casedPieces, { maxLength: 40 }).map((pieces) => pieces.join(""));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), (lines) => {
        const text = lines.join("\n");
        expect(detectLanguage(text)).toBe(plainDetect(text));
      }),
      { numRuns: 300 },
    );
    for (const f of readdirSync(SEEDS).filter((f) => f.endsWith(".txt"))) {
      const text = readFileSync(join(SEEDS, f), "utf8");
      expect(detectLanguage(text)).toBe(plainDetect(text));
      expect(detectLanguage(text.toUpperCase())).toBe(plainDetect(text.toUpperCase()));
    }
  });
  // Stopwords and letters of many scripts, in both cases, with what makes a unit-by-unit reader
  // go wrong: İ and ı, ß, final sigma, combining marks, astral letters (some with a lower case),
  // lone surrogates, apostrophes, CJK and Arabic runs without spaces; and words whose hash is a
  // stopword's (мя and на, мє and не: hash * 31 + unit), which only the comparison of units tells apart.
  const scripts = fc.constantFrom(
    "the", "THE", "and", "of", "der", "Die", "und", "ÜBER", "über", "daß", "STRASSE", "Straße", "ß", "les", "été", "À", "où", "Où", "que", "É",
    "и", "не", "ЧТО", "что", "на", "Он", "ё", "Ё", "και", "ΚΑΙ", "το", "να", "ΑΥΤΟΣ", "ΑΣ", "ς", "σ", "Σ",
    "bir", "BİR", "ve", "İçin", "için", "ılık", "IŞIK", "I", "ı", "İ", "في", "من", "على", "الذي", "的", "是", "在", "これ", "は", "그리고", "있다",
    "мя", "МЯ", "мє", "e\u0301", "\u0301", "𝐀", "𐐀", "𐐨", "😀", "\ud800", "\udc00", "'", "’", "don't", "L’ON", " ", " ", " ", "\n", ",", ".", "-", "x".repeat(41),
  );
  const scriptText = fc.array(fc.array(scripts, { maxLength: 50 }).map((pieces) => pieces.join("")), { maxLength: 40 }).map((lines) => lines.join("\n"));

  it("names the language of texts in many scripts as the plain split, sort, join and regex do", () => {
    // на is a stopword (bg, ru), мя has its hash and is none: one hit, under the three needed.
    const collisions = "на мя мя мя МЯ мя " + "x".repeat(40);
    expect(stopwordLanguage(collisions)).toBe("");
    expect(detectLanguage(collisions)).toBe("");
    expect(stopwordLanguageOfSpans(collisions, [0, collisions.length])).toBe("");
    expect(detectLanguage("на на на мя " + "x".repeat(40))).toBe("bg");
    fc.assert(
      fc.property(scriptText, (text) => {
        expect(detectLanguage(text)).toBe(plainDetect(text));
        expect(stopwordLanguage(text)).toBe(referenceLanguage(text));
      }),
      { numRuns: 400 },
    );
  });

  it("reads spans of texts in many scripts as it reads them cut out and joined", () => {
    fc.assert(
      fc.property(scriptText, fc.array(fc.nat(), { maxLength: 12 }), expectSpansReadAsJoined),
      { numRuns: 400 },
    );
  });

  it("names the language of the real texts (seeds and benchmark dumps) as the plain split, sort and join do, each record after the others", () => {
    // In one pass, as the writer calls it: whatever the detector keeps from one record to the next must not change the next answer.
    for (const text of realTexts()) {
      expect(detectLanguage(text)).toBe(plainDetect(text));
      expect(detectLanguage(text.toUpperCase())).toBe(plainDetect(text.toUpperCase()));
    }
  });
});
