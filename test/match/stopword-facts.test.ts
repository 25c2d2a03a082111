// src/match/stopword-facts.ts holds stopwords-iso's lists as the language detector indexes them,
// so that a run does not parse the package's JSON at start: it must be what the package gives now
// (`npm run facts`). That the detector reads them right is test/match/stopword-language.test.ts's
// comparison with the plain regex tokenizer over the package's own lists.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { collectStopwordFacts, stopwordFactsSource } from "../../scripts/stopword-facts.js";
import { stopwordLanguage } from "../../src/match/line-features.js";

describe("stopword facts", () => {
  it("are stopwords-iso's lists as they are now", () => {
    const written = readFileSync(join(import.meta.dirname, "../../src/match/stopword-facts.ts"), "utf8");
    expect(written).toBe(stopwordFactsSource(collectStopwordFacts()));
  });

  it("list each word once, with every language that lists it", () => {
    const facts = collectStopwordFacts();
    expect(facts.lengths.length).toBe(facts.counts.length);
    const lengths = [...facts.lengths].reduce((sum, c) => sum + c.charCodeAt(0) - 0x30, 0);
    const counts = [...facts.counts].reduce((sum, c) => sum + c.charCodeAt(0) - 0x30, 0);
    expect(lengths).toBe(facts.words.length);
    expect(counts).toBe(facts.positions.length);
    // "und" is German only; "de" is listed by many languages: the first of them in code order wins a tie.
    expect(stopwordLanguage("und und und")).toBe("de");
    expect(stopwordLanguage("de de de")).toBe(facts.languages.find((lang) => ["ca", "es", "fr", "gl", "it", "la", "nl", "pt", "ro"].includes(lang)));
  });
});
