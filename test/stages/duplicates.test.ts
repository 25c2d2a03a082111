import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createDocument, type Detection } from "../../src/core/document.js";
import { LineView, type Line } from "../../src/core/lines.js";
import { runsOnInto } from "../../src/match/line-features.js";
import { buildPipeline } from "../../src/run/pipeline-file.js";
import "../../src/stages/all.js";
import { sentenceBounds, ShapeChains } from "../../src/stages/duplicates.js";
import { realTexts } from "../match/real-texts.js";

// The stage's tables (ShapeChains: shapes, not texts; one lookup that finds or adds; the host looked
// for before the words are counted) held to the stage as plain code with maps keyed by the text.

/** The duplicates stage without refrains (refrainWords 0), its keys and sentences held by their text. */
function plainDuplicates(live: readonly Line[], options: { ignoreCase: boolean; minLineChars: number; minTitleChars: number; minSentenceWords: number; titleMaxWords: number }): Detection[] {
  const found: Detection[] = [];
  const seen = new Map<string, number>();
  const bySentence = new Map<string, Array<{ host: Line; text: string; start: number; ends: number[] }>>();
  const words = (text: string) => text.split(" ").length;
  const paragraph = words(live[0]?.content ?? "") >= options.titleMaxWords + 1 || (live.length > 1 && runsOnInto(live[0].content, live[1].content));
  const title = paragraph ? undefined : live[0];
  live.forEach((line, at) => {
    const k = options.ignoreCase ? line.content.toLowerCase() : line.content;
    const firstAt = seen.get(k);
    const first = firstAt === undefined ? undefined : live[firstAt];
    const isTitle = first !== undefined && first === title;
    if (first && k.length >= (isTitle ? options.minTitleChars : options.minLineChars)) {
      const reason = isTitle ? "the title repeated" : `a repeat of line ${first.index + 1}`;
      found.push({ rule: isTitle ? "dup/title" : "dup/line", start: line.contentStart, end: line.contentEnd, reason, features: { firstLine: first.index + 1 } });
      return;
    }
    if (!first) seen.set(k, at);
    const { starts, ends } = sentenceBounds(k);
    if (words(line.content) >= options.minSentenceWords) {
      const entries = bySentence.get(k.slice(0, ends[0])) ?? [];
      const host = entries.find(({ text, start, ends }) => k.length < text.length && text.startsWith(k, start) && ends.includes(start + k.length))?.host;
      if (host) {
        const reason = `repeats a sentence of line ${host.index + 1} as its own paragraph`;
        found.push({ rule: "dup/sentence", start: line.contentStart, end: line.contentEnd, reason, features: { hostLine: host.index + 1 } });
        return;
      }
    }
    if (ends.length === 1) return;
    for (const start of starts) {
      const first = k.slice(start, ends.find((end) => end > start));
      bySentence.set(first, [...(bySentence.get(first) ?? []), { host: line, text: k, start, ends }]);
    }
  });
  return found;
}

const DEFAULTS = { ignoreCase: false, minLineChars: 20, minTitleChars: 8, minSentenceWords: 6, titleMaxWords: 30 };

function expectPlainFindings(raw: string, options: typeof DEFAULTS): void {
  const pipeline = buildPipeline({ name: "t", stages: [{ use: "duplicates", options }] }, "t");
  pipeline.stages[0].prepare?.();
  const doc = createDocument({ id: "t", source: "t", raw });
  const lines = new LineView(doc);
  expect(pipeline.stages[0].detect({ doc, lines }), raw).toEqual(plainDuplicates(lines.live(), options));
}

describe("duplicates against plain maps keyed by the text", () => {
  // Lines of sentences drawn from a few (many repeats of lines and of sentences), of words that share
  // their length and ends (many texts of one shape), cases mixed.
  const word = fc.constantFrom("aa", "ab", "ba", "Ab", "AB", "abc", "cab", "a", "b");
  const sentence = fc.tuple(fc.array(word, { minLength: 1, maxLength: 8 }), fc.constantFrom(".", "!", "?", "…", ".”", "!)", "", ":")).map(([words, mark]) => words.join(" ") + mark);
  const document = fc
    .tuple(fc.array(sentence, { minLength: 1, maxLength: 6 }), fc.array(fc.array(fc.nat(), { maxLength: 4 }), { maxLength: 30 }), fc.constantFrom(" ", "  ", " \u00a0"))
    .map(([sentences, lines, space]) => lines.map((picks) => picks.map((pick) => sentences[pick % sentences.length]).join(space)).join("\n"));
  const options = fc.record({ ignoreCase: fc.boolean(), minLineChars: fc.constantFrom(0, 5, 20), minTitleChars: fc.constantFrom(0, 8), minSentenceWords: fc.constantFrom(1, 3, 6), titleMaxWords: fc.constantFrom(2, 30) });

  it("finds the same lines, titles and sentences, in the same order (generated documents)", () => {
    fc.assert(
      fc.property(document, options, (raw, o) => expectPlainFindings(raw, o)),
      { numRuns: 2000 },
    );
  });

  it("finds the same on the seeds and AEB dumps", () => {
    for (const text of realTexts()) {
      expectPlainFindings(text, DEFAULTS);
      expectPlainFindings(text, { ...DEFAULTS, ignoreCase: true });
    }
  });
});

describe("ShapeChains", () => {
  it("lists the entries of a shape newest first, as a filter of every entry does, while its buckets grow", () => {
    fc.assert(
      fc.property(fc.nat({ max: 64 }), fc.array(fc.oneof(fc.nat({ max: 6 }), fc.nat()), { maxLength: 200 }), (expected, shapes) => {
        const chains = new ShapeChains(expected);
        shapes.forEach((shape, entry) => {
          expect(chains.add(shape)).toBe(entry);
          expect(chains.size).toBe(entry + 1);
        });
        for (const shape of [...shapes, 7, 1 << 29]) {
          const listed: number[] = [];
          for (let entry = chains.newest(shape); entry !== -1; entry = chains.older(entry)) listed.push(entry);
          const plain = shapes.flatMap((s, entry) => (s === shape ? [entry] : [])).reverse();
          expect(listed).toEqual(plain);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
