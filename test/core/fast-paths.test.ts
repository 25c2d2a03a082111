// The text route's shortcuts (issue 4's speed work) must decide exactly as the plain
// code they skip: each is checked against that plain code on generated input.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createDocument, type Finding } from "../../src/core/document.js";
import { collapseSpaces, LineView, splitLines } from "../../src/core/lines.js";
import "../../src/stages/all.js";
import { createNormaliser } from "../../src/stages/normalise.js";
import { isUnknownLabel, isWidgetCount, UNKNOWN_LABEL } from "../../src/stages/widgets.js";

/** Strings over the characters the shortcuts treat specially. */
const tricky = (chars: string[], maxLength = 60) => fc.array(fc.constantFrom(...chars), { maxLength }).map((a) => a.join(""));

describe("collapseSpaces", () => {
  it("equals replacing every white space run by one space and trimming", () => {
    const inner = /[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+/g;
    fc.assert(
      fc.property(tricky(["a", "é", " ", " ", "\t", "\u00a0", "\u200b", "\u2009", "\ufeff", "."]), (text) => {
        expect(collapseSpaces(text)).toBe(text.replace(inner, " ").trim());
      }),
      { numRuns: 2000 },
    );
  });
});

describe("splitLines", () => {
  it("finds each line's content as the leading and trailing white-space patterns do", () => {
    const lead = /^[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+/;
    const trail = /[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+$/;
    fc.assert(
      fc.property(tricky(["a", " ", "\t", "\n", "\r", "\u00a0", "\u200b", "\u2009", "\u3000", "\ufeff", "\u2028", "\ud83d", "é"]), (raw) => {
        for (const line of splitLines(raw)) {
          const l = lead.exec(line.text)?.[0].length ?? 0;
          const t = l === line.text.length ? 0 : (trail.exec(line.text)?.[0].length ?? 0);
          expect([line.contentStart, line.contentEnd]).toEqual([line.start + l, line.end - t]);
        }
      }),
      { numRuns: 3000 },
    );
  });
});

describe("LineView.markRemoved", () => {
  /** The plain rule: a line is removed when the findings' spans cover its content without a gap. */
  function coveredLines(raw: string, findings: Finding[]): number[] {
    const view = new LineView(createDocument({ id: "t", source: "t", raw }));
    return view.lines
      .filter((line) => line.contentStart < line.contentEnd)
      .filter((line) => {
        for (let at = line.contentStart; at < line.contentEnd; at++) if (!findings.some((f) => f.start <= at && at < f.end)) return false;
        return true;
      })
      .map((line) => line.index);
  }

  it("marks exactly the lines whose content the spans cover", () => {
    fc.assert(
      fc.property(
        tricky(["a", "b", " ", "\n"], 40).filter((raw) => raw.length > 1),
        fc.array(fc.tuple(fc.nat(), fc.nat({ max: 12 })), { maxLength: 8 }),
        (raw, spans) => {
          const findings = spans
            .map(([s, n]) => ({ start: s % raw.length, end: Math.min(raw.length, (s % raw.length) + n + 1) }))
            .map((s) => ({ ...s, rule: "t/t", reason: "t", stage: "t" }));
          const view = new LineView(createDocument({ id: "t", source: "t", raw }));
          view.markRemoved(findings);
          expect(view.lines.filter((l) => view.isRemoved(l)).map((l) => l.index)).toEqual(coveredLines(raw, findings));
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe("normaliser", () => {
  /** The normaliser as it was before its shortcuts: every pass, one callback per edit. */
  function plainFinish(input: string): { text: string; edits: Record<string, number> } {
    const passes: Array<[string, RegExp, string]> = [
      ["line-breaks", /\r\n?|[\u2028\u2029\u0085]/g, "\n"],
      ["invisible", /[\u200b-\u200d\u2060\ufeff\u00ad]/g, ""],
      ["odd-spaces", /[\t\v\f\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g, " "],
      ["space-runs", / {2,}/g, " "],
      ["trailing-spaces", / +$/gm, ""],
      ["leading-spaces", /^ +/gm, ""],
      ["blank-lines", /\n{3,}/g, "\n\n"],
    ];
    const edits: Record<string, number> = {};
    let text = input.normalize("NFC");
    if (text !== input) edits.unicode = 1;
    for (const [kind, pattern, replace] of passes) {
      let count = 0;
      text = text.replace(pattern, () => (count++, replace));
      if (count) edits[kind] = count;
    }
    let count = 0;
    text = text.replace(/([^\n])\n(?=[^\n])/g, (_, c: string) => (count++, c + "\n\n"));
    if (count) edits["paragraph-breaks"] = count;
    const ended = text.replace(/^\n+/, "").replace(/\n*$/, text.trim() ? "\n" : "");
    if (ended !== text) edits["file-ends"] = 1;
    return { text: ended, edits };
  }

  it("gives the same text and edit counts as running every pass", () => {
    const normalise = createNormaliser();
    fc.assert(
      fc.property(tricky(["a", " ", "\n", "\r", "\u2028", "\u2029", "\u0085", "\u00a0", "\u3000", "\u200b", "\u00ad", "\ufeff", "\t", "\v", "e\u0301"], 40), (text) => {
        expect(normalise.finish(text)).toEqual(plainFinish(text));
      }),
      { numRuns: 3000 },
    );
  });
});


describe("the widget words' quick tests", () => {
  it("name an unknown label and a count as the regexes do: letters of any script, astral ones, marks, digits, lone surrogates", () => {
    const count = /^\d+(?:[.,]\d+)?[kmк]?$/u;
    const word = tricky(["a", "Z", "é", "ß", "日", "ж", "𝐀", "😀", "\ud800", "\udc00", "e\u0301", "1", "٣", ".", ",", "k", "к", "m", "-", "'"], 10);
    fc.assert(
      fc.property(word, (text) => {
        expect(isUnknownLabel(text)).toBe(UNKNOWN_LABEL.test(text));
        expect(isWidgetCount(text)).toBe(count.test(text));
      }),
      { numRuns: 5000 },
    );
    expect([isUnknownLabel("Pint"), isUnknownLabel("Pinterest"), isUnknownLabel("𝐀𝐁"), isUnknownLabel("")]).toEqual([true, false, true, false]);
    expect([isWidgetCount("12"), isWidgetCount("3.4k"), isWidgetCount("k3")]).toEqual([true, true, false]);
  });
});
