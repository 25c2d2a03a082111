import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyFindings, position, lineStartOffsets } from "../../src/core/apply.js";
import { createDocument, type Finding } from "../../src/core/document.js";

const doc = (raw: string) => createDocument({ id: "d", source: "s.txt", raw });
const finding = (start: number, end: number, rule = "r/x", stage = "st"): Finding => ({ rule, stage, start, end, reason: "because" });

describe("applyFindings", () => {
  it("cuts reported spans and records each with rule, stage, reason, offsets, line and column", () => {
    const d = doc("keep\nJUNK\nkeep too");
    const applied = applyFindings(d, [finding(5, 9, "widget/share", "widgets")]);
    expect(applied.kept).toBe("keep\n\nkeep too");
    expect(applied.removals).toEqual([
      { type: "removal", doc: "d", source: "s.txt", rule: "widget/share", stage: "widgets", reason: "because", start: 5, end: 9, line: 2, column: 1, text: "JUNK" },
    ]);
    expect(applied.keptSpans).toEqual([[0, 5], [9, 18]]);
  });

  it("attributes overlapping text to the earlier-starting finding; the later keeps only its tail", () => {
    const applied = applyFindings(doc("0123456789"), [finding(4, 8, "b/late"), finding(2, 6, "a/early")]);
    expect(applied.removals.map((r) => [r.rule, r.start, r.end, r.text])).toEqual([
      ["a/early", 2, 6, "2345"],
      ["b/late", 6, 8, "67"],
    ]);
    expect(applied.kept).toBe("0189");
  });

  it("prefers the longer finding at the same start, then the one reported first", () => {
    const longer = applyFindings(doc("abcdef"), [finding(1, 3, "short"), finding(1, 5, "long")]);
    expect(longer.removals.map((r) => r.rule)).toEqual(["long"]);
    expect(longer.shadowed).toBe(1);
    const tie = applyFindings(doc("abcdef"), [finding(1, 3, "first"), finding(1, 3, "second")]);
    expect(tie.removals.map((r) => r.rule)).toEqual(["first"]);
  });

  it("counts a finding inside an earlier removal as shadowed, with no record", () => {
    const applied = applyFindings(doc("abcdefgh"), [finding(0, 8, "outer"), finding(2, 4, "inner")]);
    expect(applied.removals).toHaveLength(1);
    expect(applied.shadowed).toBe(1);
    expect(applied.kept).toBe("");
  });

  it("rejects empty and out-of-range spans, naming the rule and stage", () => {
    expect(() => applyFindings(doc("abc"), [finding(2, 2, "bad/empty", "s1")])).toThrow("rule bad/empty (stage s1) reported an invalid span [2, 2) in a text of length 3");
    expect(() => applyFindings(doc("abc"), [finding(1, 9, "bad/range")])).toThrow(/bad\/range.*\[1, 9\)/);
  });

  it("computes 1-based line and column in UTF-16 units", () => {
    const starts = lineStartOffsets("ab\ncd\n\nef");
    expect(position(starts, 0)).toEqual({ line: 1, column: 1 });
    expect(position(starts, 4)).toEqual({ line: 2, column: 2 });
    expect(position(starts, 7)).toEqual({ line: 4, column: 1 });
  });

  it("keeps a text with nothing reported whole, as one span (none for an empty text)", () => {
    expect(applyFindings(doc("a\nb"), [])).toEqual({ kept: "a\nb", keptSpans: [[0, 3]], removals: [], shadowed: 0, survivors: new Set() });
    expect(applyFindings(doc(""), [])).toEqual({ kept: "", keptSpans: [], removals: [], shadowed: 0, survivors: new Set() });
  });

  it("property: each removal's line and column are position()'s over the text's line starts (the forward walk)", () => {
    const raw = fc.array(fc.oneof(fc.constantFrom("\n", "\n\n", "\r\n", "ab", "é😀"), fc.string({ maxLength: 6 })), { minLength: 1, maxLength: 30 }).map((p) => p.join("")).filter((t) => t.length > 0);
    fc.assert(
      fc.property(
        raw.chain((text) =>
          fc.tuple(
            fc.constant(text),
            fc.array(fc.nat(text.length - 1).chain((start) => fc.integer({ min: start + 1, max: text.length }).map((end) => finding(start, end))), { maxLength: 12 }),
          ),
        ),
        ([text, findings]) => {
          const starts = lineStartOffsets(text);
          for (const r of applyFindings(doc(text), findings).removals) expect({ line: r.line, column: r.column }).toEqual(position(starts, r.start));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("property: kept spans and removed spans tile the raw text exactly", () => {
    const text = fc.string({ unit: "grapheme", minLength: 1, maxLength: 80 });
    fc.assert(
      fc.property(
        text.chain((raw) =>
          fc.tuple(
            fc.constant(raw),
            fc.array(
              // start in [0, length), end in (start, length]: always a valid span
              fc.nat(raw.length - 1).chain((start) => fc.integer({ min: start + 1, max: raw.length }).map((end) => finding(start, end, `r/${start}`))),
              { maxLength: 12 },
            ),
          ),
        ),
        ([raw, findings]) => {
          const applied = applyFindings(doc(raw), findings);
          const pieces = [
            ...applied.keptSpans.map(([start, end]) => ({ start, end, text: raw.slice(start, end) })),
            ...applied.removals.map((r) => ({ start: r.start, end: r.end, text: r.text })),
          ].sort((a, b) => a.start - b.start);
          let cursor = 0;
          for (const piece of pieces) {
            expect(piece.start).toBe(cursor);
            expect(piece.end).toBeGreaterThan(piece.start);
            cursor = piece.end;
          }
          expect(cursor).toBe(raw.length);
          expect(pieces.map((p) => p.text).join("")).toBe(raw);
          expect(applied.kept).toBe(applied.keptSpans.map(([s, e]) => raw.slice(s, e)).join(""));
          expect(applied.removals.length + applied.shadowed).toBe(findings.length);
        },
      ),
      { numRuns: 500 },
    );
  });
});
