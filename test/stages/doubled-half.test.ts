// doubledHalf compares a line's halves in place: it must find what cutting both out and comparing found.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createDocument, type Block } from "../../src/core/document.js";
import { LineView, splitLines } from "../../src/core/lines.js";
import "../../src/stages/all.js";
import { doubledHalf } from "../../src/stages/captions.js";
import { stageDefinition } from "../../src/stages/registry.js";
import { realTexts } from "../match/real-texts.js";

function plainDoubledHalf(content: string, minWords: number): string | undefined {
  if (content.length % 2 === 0) return undefined;
  const half = (content.length - 1) / 2;
  if (content[half] !== " ") return undefined;
  const first = content.slice(0, half);
  if (first !== content.slice(half + 1)) return undefined;
  return first.split(" ").length >= minWords ? first : undefined;
}

describe("doubledHalf", () => {
  it("finds the half the plain comparison finds (generated lines, doubled or nearly)", () => {
    const half = fc.array(fc.constantFrom("a", "b", " ", "é", "\ud83d", "\ude00", "Photo", "AFP"), { maxLength: 12 }).map((a) => a.join(""));
    fc.assert(
      fc.property(half, half, fc.boolean(), fc.integer({ min: 1, max: 4 }), (first, other, doubled, minWords) => {
        const content = doubled ? `${first} ${first}` : `${first} ${other}`;
        expect(doubledHalf(content, minWords), content).toBe(plainDoubledHalf(content, minWords));
      }),
      { numRuns: 5000 },
    );
  });

  it("finds what it found on every line of the seed texts and AEB dumps", () => {
    for (const text of realTexts()) for (const line of splitLines(text)) expect(doubledHalf(line.content, 6)).toBe(plainDoubledHalf(line.content, 6));
  });
});

describe("captions: doubled and figure captions beside the table", () => {
  const definition = stageDefinition("captions")!;
  const captions = definition.create(definition.options.parse({}));
  const pieces = ["Photo: John Smith", "Photo: John Smith of the agency in Brussels", "REUTERS/Kevin Lamarque", "The minister speaks in Brussels on Tuesday", "a", "b c", "Getty Images"];
  it("gives a live line the table did not take its doubled or figure finding, and a line it took none more", () => {
    const line = fc.tuple(fc.constantFrom(...pieces), fc.boolean(), fc.boolean()).map(([text, doubled, figure]) => ({ text: doubled ? `${text} ${text}` : text, figure }));
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 6 }), (lines) => {
        const raw = lines.map((l) => l.text).join("\n");
        const blocks: Block[] = [];
        let at = 0;
        for (const l of lines) {
          blocks.push({ start: at, end: at + l.text.length, kind: l.figure ? "caption" : "paragraph" });
          at += l.text.length + 1;
        }
        const doc = createDocument({ id: "t", source: "t", raw, blocks });
        const view = new LineView(doc);
        const found = captions.detect({ doc, lines: view });
        for (const l of view.live()) {
          const rules = found.filter((d) => d.start === l.contentStart).map((d) => d.rule);
          const table = rules.filter((r) => r !== "caption/doubled" && r !== "caption/figure");
          const expected = table.length > 0 ? table : doubledHalf(l.content, 6) ? ["caption/doubled"] : l.kind === "caption" ? ["caption/figure"] : [];
          expect(rules, l.content).toEqual(expected);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
