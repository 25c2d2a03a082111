import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createNormaliser } from "../../src/stages/normalise.js";

describe("normaliser", () => {
  const normalise = createNormaliser();
  it("applies NFC, turns odd spaces into plain ones, drops invisibles, collapses runs, trims, ends with one newline", () => {
    const input = "Cafe\u0301\u00a0au\u2009lait\u00ad  ok.  \r\n\n\n\nNext\u200b line\u00a0\n\n";
    const { text, edits } = createNormaliser({ paragraphs: "blank-line" }).finish(input);
    expect(text).toBe("Café au lait ok.\n\nNext line\n");
    expect(edits).toEqual({ unicode: 1, "line-breaks": 1, invisible: 2, "odd-spaces": 3, "space-runs": 2, "trailing-spaces": 2, "blank-lines": 1, "file-ends": 1 });
  });

  it("sets one-line paragraphs one blank line apart by default", () => {
    const { text, edits } = normalise.finish("First paragraph.\nSecond paragraph.\n\n\nThird.");
    expect(text).toBe("First paragraph.\n\nSecond paragraph.\n\nThird.\n");
    expect(edits["paragraph-breaks"]).toBe(1);
  });

  it("keeps compatibility characters under NFC and folds them under NFKC", () => {
    expect(normalise.finish("ﬁne x²").text).toBe("ﬁne x²\n");
    expect(createNormaliser({ form: "NFKC" }).finish("ﬁne x²").text).toBe("fine x2\n");
  });

  it("leaves clean text unchanged and reports no edits", () => {
    expect(normalise.finish("One.\n\nTwo.\n")).toEqual({ text: "One.\n\nTwo.\n", edits: {} });
  });

  it("turns text of only white space into an empty output", () => {
    expect(normalise.finish(" \u00a0\n\n").text).toBe("");
  });
});

// The normaliser as plain regex passes in its table's order: the one-pass edit scan and the
// shortcuts on the text's ends must give the same text and the same counts.
describe("the normaliser against plain regex passes", () => {
  const PLAIN: Array<[string, RegExp, string]> = [
    ["line-breaks", /\r\n?|[\u2028\u2029\u0085]/g, "\n"],
    ["invisible", /[\u200b-\u200d\u2060\ufeff\u00ad]/g, ""],
    ["odd-spaces", /[\t\v\f\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g, " "],
    ["space-runs", / {2,}/g, " "],
    ["trailing-spaces", / +$/gm, ""],
    ["leading-spaces", /^ +/gm, ""],
    ["blank-lines", /\n{3,}/g, "\n\n"],
  ];
  function plainFinish(input: string): { text: string; edits: Record<string, number> } {
    const edits: Record<string, number> = {};
    let text = input.normalize("NFC");
    if (text !== input) edits.unicode = 1;
    const count = (kind: string, pattern: RegExp, replace: string) => {
      let n = 0;
      text = text.replace(pattern, (...match) => (n++, replace.replace("$1", match[1] as string)));
      if (n) edits[kind] = (edits[kind] ?? 0) + n;
    };
    for (const [kind, pattern, replace] of PLAIN) count(kind, pattern, replace);
    count("paragraph-breaks", /([^\n])\n(?=[^\n])/g, "$1\n\n");
    const ended = text.replace(/^\n+/, "").replace(/\n*$/, text.trim() ? "\n" : "");
    if (ended !== text) edits["file-ends"] = 1;
    return { text: ended, edits };
  }

  it("gives the same text and counts", () => {
    const normaliser = createNormaliser();
    const piece = fc.constantFrom("a", "word", " ", "  ", "\n", "\n\n", "\n\n\n", "\r\n", "\r", "\t", "\u00a0", "\u200b", "\u00ad", "\u2028", "\u3000", "e\u0301", "é", "ﬁ", ".");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const text = pieces.join("");
        expect(normaliser.finish(text)).toEqual(plainFinish(text));
      }),
      { numRuns: 1000 },
    );
  });
});
