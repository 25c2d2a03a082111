// The document core's shortcuts between the stages (stamping findings, the live lines, the line
// split, ranking findings), each held to the plain code it replaced on generated input.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyFindings, rank } from "../../src/core/apply.js";
import { createDocument, type Detection, type Finding } from "../../src/core/document.js";
import { WholeLines } from "../../src/core/kept.js";
import { LineView, splitLines } from "../../src/core/lines.js";
import { findingOf } from "../../src/core/stage.js";
import { realTexts } from "../match/real-texts.js";

/** An object's own keys and values, in order: what the audit and `JSON.stringify` see of it. */
const entries = (o: object) => JSON.stringify(Object.entries(o));

describe("findingOf", () => {
  const fields = ["rule", "start", "end", "reason", "moveTo", "value", "features", "stage"] as const;
  const value = (key: string) => (key === "start" || key === "end" ? 3 : key === "features" ? { words: 2 } : key === "stage" ? "own" : `${key}!`);
  /** A detection of some of the fields in some order, plain, frozen or of a class; some drawn twice (a stage handing one object over twice). */
  const detections = fc
    .array(fc.tuple(fc.shuffledSubarray([...fields]), fc.constantFrom("plain", "plain", "frozen", "class", "undefined stage")), { maxLength: 8 })
    .chain((drawn) => {
      class Made {}
      const made = drawn.map(([keys, kind]) => {
        const d: Record<string, unknown> = kind === "class" ? new Made() : {};
        for (const key of keys) d[key] = value(key);
        if (kind === "undefined stage") d.stage = undefined;
        return kind === "frozen" ? Object.freeze(d) : d;
      });
      return fc.array(fc.nat({ max: Math.max(0, made.length - 1) }), { maxLength: 10 }).map((picks) => (made.length ? picks.map((k) => made[k]) : []));
    });

  it("gives what `{ ...detection, stage }` gives, each finding an object of its own", () => {
    fc.assert(
      fc.property(detections, (list) => {
        const copies = list.map((d) => ({ ...d, stage: "s" }));
        const found = list.map((d) => findingOf(d as unknown as Detection, "s"));
        expect(found.map(entries)).toEqual(copies.map(entries));
        expect(found.every((f) => Object.getPrototypeOf(f) === Object.prototype)).toBe(true);
        expect(new Set(found).size).toBe(found.length);
      }),
      { numRuns: 3000 },
    );
  });

  it("leaves a frozen detection and one the stage already stamped as they are", () => {
    const frozen = Object.freeze({ rule: "r", start: 0, end: 1, reason: "x" });
    expect(findingOf(frozen, "s")).toEqual({ ...frozen, stage: "s" });
    const stamped = { rule: "r", start: 0, end: 1, reason: "x", stage: "mine" };
    const found = findingOf(stamped, "s");
    expect([found.stage, stamped.stage, found === stamped]).toEqual(["s", "mine", false]);
  });
});

describe("LineView.live", () => {
  it("lists the lines with content that are not removed, after any removals, and hands out a list of its own", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom("a", "b c", "", " ", "\u00a0"), { minLength: 1, maxLength: 20 }).map((lines) => lines.join("\n")),
        fc.array(fc.array(fc.tuple(fc.nat(), fc.nat({ max: 6 })), { maxLength: 4 }), { maxLength: 5 }),
        (raw, rounds) => {
          const view = new LineView(createDocument({ id: "t", source: "t", raw }));
          const plain = () => view.lines.filter((l) => !view.isBlank(l) && !view.isRemoved(l));
          for (const spans of rounds) {
            const live = view.live();
            expect(live).toEqual(plain());
            live.pop();
            expect(view.live()).toEqual(plain());
            view.markRemoved(spans.map(([s, n]): Finding => ({ rule: "r", stage: "s", reason: "", start: s % raw.length, end: Math.min(raw.length, (s % raw.length) + n + 1) })));
          }
          expect(view.live()).toEqual(plain());
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe("splitLines' line ends", () => {
  /** The plain split: a line ends at each LF, CRLF or lone CR. */
  function plainLines(raw: string): Array<[number, number, string]> {
    const out: Array<[number, number, string]> = [];
    const breaks = /\r\n|\r|\n/g;
    let start = 0;
    for (const m of raw.matchAll(breaks)) {
      out.push([start, m.index, raw.slice(start, m.index)]);
      start = m.index + m[0].length;
    }
    out.push([start, raw.length, raw.slice(start)]);
    return out;
  }

  it("ends lines where a split at LF, CRLF and lone CR does", () => {
    const text = fc.array(fc.constantFrom("a", " ", "\n", "\r", "\r\n", "\n\r", "\u2028", "\u0085", "\u00a0", "é", "\ud83d"), { maxLength: 30 }).map((a) => a.join(""));
    fc.assert(
      fc.property(text, (raw) => {
        expect(splitLines(raw).map((l) => [l.start, l.end, l.text])).toEqual(plainLines(raw));
      }),
      { numRuns: 3000 },
    );
    for (const raw of realTexts()) expect(splitLines(raw).map((l) => [l.start, l.end, l.text])).toEqual(plainLines(raw));
  });
});

describe("rank", () => {
  const byRank = (a: Finding, b: Finding) => a.start - b.start || b.end - a.end;
  const finding = (start: number, end: number, k: number): Finding => ({ rule: `r${k}`, stage: "s", reason: "", start, end });

  it("orders findings as the stable sort by start, then longer first, as drawn and at any text length", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat({ max: 40 }), fc.integer({ min: 1, max: 8 })), { minLength: 1, maxLength: 60 }),
        fc.constantFrom(48, 1000, 2 ** 22, 2 ** 29),
        (spans, length) => {
          const findings = spans.map(([s, n], k) => finding(s, s + n, k));
          expect(rank(findings, length)).toEqual(findings.slice().sort(byRank));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("reports the first invalid span in rank order, as the sort did", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: -3, max: 12 }), fc.integer({ min: -2, max: 6 }), fc.boolean()), { minLength: 1, maxLength: 12 }), (spans) => {
        const raw = "0123456789";
        const findings = spans.map(([s, n, half], k) => finding(s, half ? s + n + 0.5 : s + n, k));
        const plainError = (() => {
          const ranked = findings.slice().sort(byRank);
          const bad = ranked.find((f) => !(Number.isInteger(f.start) && Number.isInteger(f.end) && 0 <= f.start && f.start < f.end && f.end <= raw.length));
          return bad && `rule ${bad.rule} (stage s) reported an invalid span [${bad.start}, ${bad.end}) in a text of length 10`;
        })();
        const run = () => applyFindings(createDocument({ id: "d", source: "s", raw }), findings);
        if (plainError) expect(run).toThrow(plainError);
        else expect(run).not.toThrow();
      }),
      { numRuns: 2000 },
    );
  });
});

describe("WholeLines.lineAt", () => {
  /** The plain rule: the kept text's line [start, end) lies in one kept span and is a whole line of raw. */
  function plainLineAt(raw: string, spans: Array<[number, number]>, lines: ReturnType<typeof splitLines>, start: number, end: number): number {
    let at = 0;
    for (const [s, e] of spans) {
      if (start < at + (e - s)) {
        const rawStart = s + (start - at);
        const rawEnd = rawStart + (end - start);
        if (rawEnd > e) return -1;
        return lines.findIndex((l) => l.start === rawStart && l.end === rawEnd);
      }
      at += e - s;
    }
    return -1;
  }

  it("finds the raw line that each kept line is, kept whole in one span, as the plain rule does", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom("a", "bc", " ", "\n", "\n", "\r", "\r\n", ""), { minLength: 1, maxLength: 24 }).map((a) => a.join("")).filter((raw) => raw.length > 0),
        fc.array(fc.tuple(fc.nat(), fc.nat({ max: 4 })), { maxLength: 5 }),
        (raw, cuts) => {
          const doc = createDocument({ id: "t", source: "t", raw });
          const findings = cuts.map(([at, n]): Finding => ({ rule: "r", stage: "s", reason: "", start: at % raw.length, end: Math.min(raw.length, (at % raw.length) + n + 1) }));
          const { kept, keptSpans } = applyFindings(doc, findings);
          const lines = splitLines(raw);
          const whole = new WholeLines(raw, keptSpans, lines);
          for (let start = 0; ; ) {
            let end = kept.indexOf("\n", start);
            if (end === -1) end = kept.length;
            expect(whole.lineAt(start)).toBe(plainLineAt(raw, keptSpans, lines, start, end));
            if (end === kept.length) break;
            start = end + 1;
          }
        },
      ),
      { numRuns: 4000 },
    );
  });
});
