// The text route's shortcuts (issue 4's speed work) must decide exactly as the plain
// code they skip: each is checked against that plain code on generated input.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyFindings } from "../../src/core/apply.js";
import { createDocument, type Finding } from "../../src/core/document.js";
import { collapseSpaces, LineView, splitLines, UnitClasses } from "../../src/core/lines.js";
import "../../src/stages/all.js";
import { createNormaliser, editsIn, finishByLines, spaceEditsAfterOddSpaces } from "../../src/stages/normalise.js";
import { isUnknownLabel, isWidgetCount, UNKNOWN_LABEL } from "../../src/stages/widgets.js";
import { isTimestamp } from "../../src/stages/timestamps.js";
import { BoilerplatePhrasesOptions, cannotBeLinkList, createBoilerplatePhrases, splitLinkList } from "../../src/stages/boilerplate-phrases.js";
import { DATE_WORDS, MONTHS, RELATIVE_TIME, TIME_MARK, WEEKDAYS } from "../../src/rules/dates.js";
import { realTexts } from "../match/real-texts.js";

/** White-space runs as Line.content collapses them (src/core/lines.ts INNER_SPACE). */
const inner = /[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+/g;

/** Strings over the characters the shortcuts treat specially. */
const tricky = (chars: string[], maxLength = 60) => fc.array(fc.constantFrom(...chars), { maxLength }).map((a) => a.join(""));

describe("collapseSpaces", () => {
  it("equals replacing every white space run by one space and trimming", () => {
    fc.assert(
      fc.property(tricky(["a", "é", " ", " ", "\t", "\u00a0", "\u200b", "\u2009", "\ufeff", "."]), (text) => {
        expect(collapseSpaces(text)).toBe(text.replace(inner, " ").trim());
      }),
      { numRuns: 2000 },
    );
  });
});

/** What the plain passes give of a finished text (the normaliser also hands on its lines: checked on their own below). */
const textAndEdits = ({ text, edits }: { text: string; edits: Record<string, number> }) => ({ text, edits });

describe("splitLines", () => {
  it("finds each line's content as the leading, trailing and inner white-space patterns do", () => {
    const lead = /^[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+/;
    const trail = /[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+$/;
    fc.assert(
      fc.property(tricky(["a", " ", "\t", "\n", "\r", "\u00a0", "\u200b", "\u2009", "\u3000", "\ufeff", "\u2028", "\ud83d", "é"]), (raw) => {
        for (const line of splitLines(raw)) {
          const l = lead.exec(line.text)?.[0].length ?? 0;
          const t = l === line.text.length ? 0 : (trail.exec(line.text)?.[0].length ?? 0);
          expect([line.contentStart, line.contentEnd]).toEqual([line.start + l, line.end - t]);
          expect(line.content).toBe(line.text.replace(inner, " ").trim());
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
          // As drawn, and in order of their starts (as stages mostly report them: not sorted again).
          for (const given of [findings, [...findings].sort((a, b) => a.start - b.start)]) {
            const view = new LineView(createDocument({ id: "t", source: "t", raw }));
            view.markRemoved(given);
            expect(view.lines.filter((l) => view.isRemoved(l)).map((l) => l.index)).toEqual(coveredLines(raw, given));
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe("normaliser", () => {
  /** The normaliser as it was before its shortcuts: every pass, one callback per edit. */
  function plainFinish(input: string, paragraphs: "line" | "blank-line" = "line"): { text: string; edits: Record<string, number> } {
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
    if (paragraphs === "line") text = text.replace(/([^\n])\n(?=[^\n])/g, (_, c: string) => (count++, c + "\n\n"));
    if (count) edits["paragraph-breaks"] = count;
    const ended = text.replace(/^\n+/, "").replace(/\n*$/, text.trim() ? "\n" : "");
    if (ended !== text) edits["file-ends"] = 1;
    return { text: ended, edits };
  }

  it("finds, in editsIn, exactly the passes whose pattern matches, and the space passes once odd spaces are spaces", () => {
    const patterns = [/\r\n?|[\u2028\u2029\u0085]/, /[\u200b-\u200d\u2060\ufeff\u00ad]/, /[\t\v\f\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/, / {2,}/, / +$/m, /^ +/m, /\n{3,}/];
    const oddSpaces = /[\t\v\f\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;
    const spacePasses = 0b0111000;
    const plainBits = (text: string) => patterns.reduce((bits, pattern, k) => bits | (pattern.test(text) ? 1 << k : 0), 0);
    fc.assert(
      fc.property(tricky([" ", " ", "\n", "\n", "\r", "\u2028", "\u2029", "\u0085", "\u00a0", "\u3000", "\u200b", "\t", "\v", "a", "é"], 12), (text) => {
        const present = editsIn(text);
        expect(present & 0b1111111).toBe(plainBits(text));
        expect(spaceEditsAfterOddSpaces(present)).toBe(plainBits(text.replace(oddSpaces, " ")) & spacePasses);
      }),
      { numRuns: 5000 },
    );
  });

  it("gives the same text and edit counts as running every pass", () => {
    const normalise = createNormaliser();
    fc.assert(
      fc.property(tricky(["a", " ", "\n", "\r", "\r\n", "\u2028", "\u2029", "\u0085", "\u00a0", "\u3000", "\u200b", "\u00ad", "\ufeff", "\t", "\v", "e\u0301", "é", "ﬁ", "."], 40), (text) => {
        expect(textAndEdits(normalise.finish(text))).toEqual(plainFinish(text));
      }),
      { numRuns: 3000 },
    );
  });

  // Texts as most are (words, single spaces of any kind, lone breaks), with now and then another
  // edit, in both paragraph modes. Compared as JSON: the audit writes the edit counts in the order
  // they were made, which toEqual does not check.
  it("gives the passes' text and edit counts, in their order, in both paragraph modes", () => {
    const word = tricky(["a", "é", "’", ".", "ﬁ", "e\u0301"], 4).filter((w) => w !== "");
    const separator = fc.oneof(
      { weight: 20, arbitrary: fc.constantFrom(" ", " ", "\u00a0", "\t", "\u2009", "\u3000", "\n", "\n", "\n\n") },
      { weight: 1, arbitrary: fc.constantFrom("  ", " \n", "\n ", "\n\n\n", "\u200b", "\r\n", "\u2028", " \u00a0") },
    );
    const common = fc.tuple(fc.constantFrom("", "\n", " "), fc.array(fc.tuple(word, separator), { maxLength: 20 })).map(([start, pairs]) => start + pairs.flat().join(""));
    for (const paragraphs of ["line", "blank-line"] as const) {
      const normalise = createNormaliser({ paragraphs });
      fc.assert(
        fc.property(common, (text) => {
          expect(JSON.stringify(textAndEdits(normalise.finish(text)))).toBe(JSON.stringify(plainFinish(text, paragraphs)));
        }),
        { numRuns: 4000 },
      );
      for (const text of realTexts()) expect(JSON.stringify(textAndEdits(normalise.finish(text)))).toBe(JSON.stringify(plainFinish(text, paragraphs)));
    }
  });

  // finish takes the line-by-line path for every text whose lines all end in LF: checked here
  // on its own, so that a text it gets wrong cannot pass through the whole-text passes instead.
  it("edits line by line as the passes do the whole text, for every text whose lines end in LF, and refuses any other line break", () => {
    const lfOnly = tricky(["a", "é", " ", " ", "  ", "\n", "\n", "\n\n\n", "\u00a0", "\u3000", "\u2009", "\u200b", "\u00ad", "\ufeff", "\t", "\v", "\f", "."], 40);
    for (const paragraphs of ["line", "blank-line"] as const) {
      const byLines = (text: string) => {
        const edits: Record<string, number> = {};
        const out = finishByLines(text, edits, paragraphs === "line");
        return out === undefined ? undefined : { text: out, edits };
      };
      fc.assert(
        fc.property(lfOnly, (text) => {
          expect(JSON.stringify(byLines(text))).toBe(JSON.stringify(plainFinish(text, paragraphs)));
        }),
        { numRuns: 4000 },
      );
      for (const text of realTexts()) {
        const clean = text.normalize("NFC").replace(/\r\n?|[\u2028\u2029\u0085]/g, "\n");
        expect(JSON.stringify(byLines(clean))).toBe(JSON.stringify(plainFinish(clean, paragraphs)));
      }
      for (const other of ["a\r\nb", "a\rb", "a\u2028b", "a\u2029", "\u0085"]) expect(byLines(other)).toBeUndefined();
    }
  });

  // The record writer escapes only the lines listed (write/records.ts recordLineOfLines): a line
  // left off the list that holds a quote, a backslash, a control character or a surrogate would
  // be written raw, so every line is checked against JSON.stringify, not only the listed ones.
  it("hands on the lines its text is joined from, listing every line that holds a unit JSON escapes", () => {
    const jsonSafe = (line: string) => JSON.stringify(line) === `"${line}"`;
    const lfOnly = tricky(["a", "é", " ", "  ", "\n", "\n", "\n\n\n", "\u00a0", "\t", "\v", "\f", "\u200b", '"', "\\", "\u0001", "\u001f", "\u007f", "\u2028", "\ud83d", "\ude00", "😀", "."], 40);
    const check = (text: string, paragraphs: "line" | "blank-line") => {
      const finished = createNormaliser({ paragraphs }).finish(text);
      if (!finished.lines) return finished.text === "" || /[\r\u2028\u2029\u0085]/.test(text);
      const { lines, separator, escaped } = finished.lines;
      expect(lines.join(separator) + "\n").toBe(finished.text);
      lines.forEach((line, k) => expect(jsonSafe(line) || escaped.includes(k)).toBe(true));
      expect([...escaped].sort((a, b) => a - b)).toEqual(escaped);
      return true;
    };
    for (const paragraphs of ["line", "blank-line"] as const) {
      fc.assert(
        fc.property(lfOnly, (text) => {
          expect(check(text, paragraphs)).toBe(true);
        }),
        { numRuns: 4000 },
      );
      for (const text of realTexts()) expect(check(text.normalize("NFC").replace(/\r\n?|[\u2028\u2029\u0085]/g, "\n"), paragraphs)).toBe(true);
    }
  });

  // cleanDocument hands the normaliser the document's lines and the spans of it that were kept: the
  // pass that split them noted the classes the normaliser reads (core/lines.ts UnitClasses), so it does
  // not read the units of a line kept whole again (core/kept.ts WholeLines). Same text, edits, lines and
  // list as reading them itself, on any text and any removals: lines cut, joined, emptied or kept whole.
  it("finishes a text from the document's lines and their noted classes as it does reading the text itself", () => {
    const text = tricky(["a", "é", " ", "  ", "\n", "\n", "\n\n\n", "\r", "\r\n", "\u2028", "\u0085", "\u00a0", "\t", "\u3000", "\u200b", "\u00ad", '"', "\\", "\u0001", "\ud83d", "\ude00", "😀", "e\u0301", ".", "long ".repeat(60)], 40);
    const spans = fc.array(fc.tuple(fc.nat(), fc.nat({ max: 12 })), { maxLength: 6 });
    const viaView = (raw: string, cuts: Array<[number, number]>, paragraphs: "line" | "blank-line") => {
      const normalise = createNormaliser({ paragraphs });
      const doc = createDocument({ id: "d", source: "s", raw });
      const view = new LineView(doc, UnitClasses.of(normalise.lineClasses));
      expect(view.lines.map((l) => [l.start, l.end, l.text, l.contentStart, l.contentEnd, l.content])).toEqual(splitLines(raw).map((l) => [l.start, l.end, l.text, l.contentStart, l.contentEnd, l.content]));
      const findings: Finding[] = cuts.filter(([at]) => at < raw.length).map(([at, length]) => ({ rule: "r", stage: "s", reason: "", start: at, end: Math.min(raw.length, at + length + 1) }));
      const { kept, keptSpans } = applyFindings(doc, findings);
      expect(JSON.stringify(normalise.finish(kept, undefined, view, keptSpans))).toBe(JSON.stringify(normalise.finish(kept)));
    };
    for (const paragraphs of ["line", "blank-line"] as const) {
      fc.assert(
        fc.property(text, spans, (raw, cuts) => {
          viaView(raw, cuts, paragraphs);
        }),
        { numRuns: 3000 },
      );
      for (const raw of realTexts()) {
        // Every third line's content removed, as line stages do, and a cut across two lines.
        const lines = splitLines(raw);
        const cuts = lines.filter((l, k) => k % 3 === 1 && l.contentStart < l.contentEnd).map((l): [number, number] => [l.contentStart, l.contentEnd - l.contentStart - 1]);
        if (lines.length > 4) cuts.push([lines[3].end - 1, 1]);
        viaView(raw, cuts, paragraphs);
      }
    }
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

describe("isTimestamp", () => {
  /** The plain code: every token cut out first, then counted and each looked up. */
  const plain = (text: string): boolean => {
    if (!/[0-9]/.test(text)) return false;
    if (/^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i.test(text.trim())) return true;
    const words = text.toLowerCase().match(/[\p{L}\p{N}'’]+(?:[:./-]\p{N}+)*(?:[ap]\.?m\.?)?/gu) ?? [];
    if (words.length === 0 || words.length > 14) return false;
    const counts = { months: 0, marks: 0, numbers: 0, units: 0, relative: 0 };
    for (const word of words) {
      const bare = word.replace(/\.$/, "");
      if (MONTHS.includes(bare)) counts.months++;
      else if (TIME_MARK.test(bare)) {
        counts.numbers++;
        if (/\d[:.h/-]\d/.test(bare)) counts.marks++;
      } else if ((RELATIVE_TIME.units as readonly string[]).includes(bare)) counts.units++;
      else if ((RELATIVE_TIME.markers as readonly string[]).includes(bare)) counts.relative++;
      else if (!(WEEKDAYS.includes(bare) || DATE_WORDS.includes(bare))) return false;
    }
    return (counts.months > 0 && counts.numbers > 0) || counts.marks > 0 || (counts.numbers > 0 && counts.units > 0 && counts.relative > 0);
  };

  it("decides as the plain code on generated date-like lines (stopping at the first word that is no date word)", () => {
    const words = ["7", "2016", "05:27", "2016-04-07", "7.4.2016", "3rd", "10am", "5 p.m.", "April", "apr.", "Monday", "updated", "hours", "ago", "2", "il y a", "GMT", "the", "news", "—", ",", "Z", "T05:27"];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 18 }), fc.constantFrom(" ", ", ", "-"), (parts, joiner) => {
        const line = parts.join(joiner);
        expect(isTimestamp(line), line).toBe(plain(line));
      }),
      { numRuns: 3000 },
    );
  });

  it("reads tokens as the token pattern does, code point by code point (astral and other digits, separators, am and pm, case)", () => {
    // Pieces that end, split or extend a token: separators before a number or not, "a.m." in its forms,
    // letters and digits outside the BMP and ASCII, a lone surrogate, a capital whose lower case is two units (İ).
    const pieces = ["7", "05", "2016", ":", ".", "/", "-", "–", "h", "t", "z", "st", "am", "a.m.", "P.M", "p.", "m", "a", "apr", "MAI", "März", "Mon.", "ago", "hours", "il", "y", "hace", "min", "de", "às", "’", "'", "٣", "𝟏", "𝐀", "\ud800", "İ", "ſ", " ", ", ", "\t", "\u00a0"];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 16 }), (parts) => {
        const line = parts.join("");
        expect(isTimestamp(line), line).toBe(plain(line));
      }),
      { numRuns: 20000 },
    );
  });

  it("finds an ISO date behind any white space that trimming takes off", () => {
    const space = fc.constantFrom(..." \t\n\v\f\r\u00a0\u1680\u2000\u200a\u2028\u2029\u202f\u205f\u3000\ufeff\u200bx");
    const iso = fc.constantFrom("2016-04-07", "2016-04-07T05:27:00Z", "2016-04-07 05:27:00+02:00", "2016-04-7", "16-04-07");
    fc.assert(
      fc.property(fc.array(space, { maxLength: 3 }), iso, fc.array(space, { maxLength: 3 }), (before, date, after) => {
        const line = before.join("") + date + after.join("");
        expect(isTimestamp(line), JSON.stringify(line)).toBe(plain(line));
      }),
      { numRuns: 3000 },
    );
  });

  it("decides as the plain code on the lines of real texts", () => {
    for (const text of realTexts()) for (const line of text.split("\n")) expect(isTimestamp(line), line).toBe(plain(line));
  });
});

describe("boilerplate-phrases' link-list gate", () => {
  const options = BoilerplatePhrasesOptions.parse({});
  const stage = createBoilerplatePhrases(options);

  it("finds a link list on every line the split takes for one, and on no other (generated lines of bars, dashes and hyphens)", () => {
    const parts = ["News", "Sport", "Weather", "well-known", "state-of-the-art", "World", "the", "a", "Read more...", "2026", "end.", "-", "–", "—", "/", "|", "•", "·", " - ", " – ", " / ", "a/b", "\u00a0-\u00a0"];
    fc.assert(
      fc.property(fc.array(fc.array(fc.constantFrom(...parts), { minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 4 }), fc.constantFrom(" ", ""), (lines, joiner) => {
        const doc = createDocument({ id: "t", source: "t", raw: lines.map((l) => l.join(joiner)).join("\n") });
        const view = new LineView(doc);
        const found = new Map(stage.detect({ doc, lines: view }).map((d) => [d.start, d.rule]));
        for (const line of view.live()) {
          const rule = found.get(line.contentStart);
          if (rule && rule !== "boilerplate/link-list") continue;
          const plain = splitLinkList(line.content, options.linkListItems, options.linkListItemWords) !== undefined;
          expect(rule === "boilerplate/link-list", line.content).toBe(plain);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe("cannotBeLinkList", () => {
  /** The pre-check says no only where the split finds no link list, at every item count and word limit tried. */
  const agrees = (content: string) => {
    for (const maxItemWords of [1, 2, 4, 7]) {
      for (const minItems of [2, 3, 4]) {
        if (cannotBeLinkList(content, minItems, maxItemWords)) expect(splitLinkList(content, minItems, maxItemWords), `${content} (${minItems} items, ${maxItemWords} words)`).toBeUndefined();
      }
    }
  };

  it("rules out only lines the split does not take (generated items, separators, stops and spaces)", () => {
    const parts = ["News", "Sport", "well-known", "the", "a", "Read more...", "More…", "2026", "end.", "Why?", "Go!", "x'y", "É", "ü", "-", "–", "—", "/", "|", "•", "·", " - ", " – ", " / ", " ", "  ", "\u00a0", "\ud835\udc00", "\u00a0–\u00a0", "\t/\t"];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...parts), { maxLength: 16 }), fc.constantFrom(" ", ""), (items, joiner) => agrees(items.join(joiner))),
      { numRuns: 5000 },
    );
  });

  it("rules out only lines the split does not take (real texts)", () => {
    for (const text of realTexts()) for (const line of text.split("\n")) agrees(line.trim().replace(inner, " "));
  });

  it("says no by the line's ends and its words per separator", () => {
    expect(splitLinkList("Home | About us | Contact", 3, 4)).toBeDefined();
    expect(cannotBeLinkList("Home | About us | Contact", 3, 4)).toBe(false);
    expect(cannotBeLinkList("Home About us Contact | News", 2, 1)).toBe(true);
    expect(cannotBeLinkList("He left | She stayed | They wept.", 3, 4)).toBe(true);
    expect(cannotBeLinkList("home | About | Contact", 3, 4)).toBe(true);
  });

  it("says no by the separators it holds: a bar or bullet anywhere, a slash or dash between white space", () => {
    expect(cannotBeLinkList("Brussels / AFP", 2, 4)).toBe(false);
    expect(cannotBeLinkList("Brussels / AFP", 3, 4)).toBe(true);
    expect(cannotBeLinkList("News|Sport", 2, 4)).toBe(false);
    expect(cannotBeLinkList("News\u00a0–\tSport", 2, 4)).toBe(false);
    expect(cannotBeLinkList("Well-known A/B News –Sport", 2, 4)).toBe(true);
  });
});
