// isWidgetWordLine reads a line's words one by one: it must decide as the plain split of the whole
// line did (lower-case, join the multi-word widget words, split on separators, then judge each word).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { splitLines } from "../../src/core/lines.js";
import { labelText } from "../../src/match/line-rules.js";
import { WIDGET_FILLER, WIDGET_LINE, WIDGET_WORDS } from "../../src/rules/widgets.js";
import { isUnknownLabel, isWidgetCount, isWidgetWordLine, mayBeWidgetWordLine } from "../../src/stages/widgets.js";
import { realTexts } from "../match/real-texts.js";

const STRONG = new Set(WIDGET_WORDS.filter((w) => !w.includes(" ")));
const FILLER = new Set(WIDGET_FILLER);
const PHRASES = WIDGET_WORDS.filter((w) => w.includes(" "));

/** The plain code: the whole label split into words first. */
function plainWidgetWordLine(content: string, maxWords = 10): boolean {
  let text = labelText(content).toLowerCase();
  for (const phrase of PHRASES) if (text.includes(phrase)) text = text.split(phrase).join(phrase.replace(/ /g, "_"));
  const words = text.split(/[\s|•·,/]+/u).filter(Boolean);
  if (words.length === 0 || words.length > maxWords) return false;
  let strong = 0;
  let unknownAt = -1;
  for (const [i, word] of words.entries()) {
    const bare = word.replace(/_/g, " ").replace(/[()[\]:!.]/g, "");
    if (STRONG.has(bare) || PHRASES.includes(bare)) strong++;
    else if (FILLER.has(bare) || isWidgetCount(bare) || bare === "") continue;
    else if (unknownAt === -1 && isUnknownLabel(bare)) unknownAt = i;
    else return false;
  }
  if (unknownAt === -1) return strong > 0;
  return strong >= WIDGET_LINE.unknownLabelMinWidgetWords && unknownAt < words.length - 1;
}


describe("isWidgetWordLine", () => {
  const vocabulary = [...WIDGET_WORDS, ...WIDGET_FILLER];
  const parts = [...vocabulary, ...vocabulary.map((w) => w.toUpperCase()), "12", "1.5k", "3,4к", "|", "•", "·", "/", ",", "»", "(", ")", ":", "!", ".", "_", "copy_link", "sha.re", "news", "ΑΣ", "Σ", "İ", "x", "Baixar", "Pint", "Flip", "banned", "Home", "\u00a0", "\ud83d\ude00", "\ud83d"];

  it("decides as the plain split on generated lines", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...parts), { minLength: 0, maxLength: 14 }), fc.constantFrom(" ", "", " | ", ", ", " / ", "  "), fc.integer({ min: 1, max: 12 }), (words, joiner, maxWords) => {
        const line = words.join(joiner);
        expect(isWidgetWordLine(line, maxWords), line).toBe(plainWidgetWordLine(line, maxWords));
      }),
      { numRuns: 8000 },
    );
  });

  it("decides as the plain split on every line of the seed texts and AEB dumps", () => {
    for (const text of realTexts()) for (const line of splitLines(text)) expect(isWidgetWordLine(line.content), line.content).toBe(plainWidgetWordLine(line.content));
  });
});

describe("mayBeWidgetWordLine on real text", () => {
  it("lets through every line of the seed texts and AEB dumps that isWidgetWordLine takes", () => {
    let taken = 0;
    for (const text of realTexts())
      for (const line of splitLines(text)) {
        if (!isWidgetWordLine(line.content)) continue;
        taken++;
        expect(mayBeWidgetWordLine(line.content), line.content).toBe(true);
      }
    expect(taken).toBeGreaterThan(0);
  });
});
