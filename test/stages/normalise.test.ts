import { describe, expect, it } from "vitest";
import { createNormaliser, NFC_INERT } from "../../src/stages/normalise.js";

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

  // The normaliser skips NFC for a text of NFC_INERT's units only: each of them, alone and after any
  // other of them (a unit composing with the one before it, or reordered with it, would change the pair).
  it("finds every text of NFC_INERT's units NFC already: every unit alone and every pair of them", () => {
    const units = NFC_INERT.flatMap(([first, last]) => Array.from({ length: last - first + 1 }, (_, k) => String.fromCharCode(first + k)));
    const changed: string[] = [];
    for (const before of ["", ...units]) for (const unit of units) if ((before + unit).normalize("NFC") !== before + unit) changed.push(before + unit);
    expect(changed).toEqual([]);
  });

  it("keeps compatibility characters under NFC and folds them under NFKC", () => {
    expect(normalise.finish("ﬁne x²").text).toBe("ﬁne x²\n");
    expect(createNormaliser({ form: "NFKC" }).finish("ﬁne x²").text).toBe("fine x2\n");
  });

  it("leaves clean text unchanged and reports no edits", () => {
    const { text, edits } = normalise.finish("One.\n\nTwo.\n");
    expect({ text, edits }).toEqual({ text: "One.\n\nTwo.\n", edits: {} });
  });

  it("turns text of only white space into an empty output", () => {
    expect(normalise.finish(" \u00a0\n\n").text).toBe("");
  });
});
