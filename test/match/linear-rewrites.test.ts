// Patterns rewritten to run in linear time (test/match/redos.test.ts checks every literal) match
// what the patterns they replaced matched: each is compared with the old one on generated strings
// built from the units that make the old one backtrack.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CHARSET_PARAM, charsetFromMeta, META_CHARSET_ATTR } from "../../src/extract/decode.js";
import { isCanonicalLink } from "../../src/extract/prestrip.js";
import { isRelatedLabel } from "../../src/match/related-label.js";
import { withoutTrailingBlanks } from "../../src/stages/normalise.js";
import { DATELINE_END } from "../../src/stages/timestamps.js";

const from = (pieces: string[], maxLength = 40) => fc.array(fc.constantFrom(...pieces), { maxLength }).map((p) => p.join(""));
const RUNS = { numRuns: 3000 };

describe("rewritten patterns match what the old ones matched", () => {
  it("isCanonicalLink: /\\brel\\s*=\\s*[\"']?[^\"'>]*\\bcanonical\\b/i", () => {
    const old = /\brel\s*=\s*["']?[^"'>]*\bcanonical\b/i;
    fc.assert(fc.property(from(["<link", " ", "rel", "REL", "=", '"', "'", ">", "canonical", "Canonical", "canonicals", "x", "-", "\t"]), (tag) => isCanonicalLink(tag) === old.test(tag)), RUNS);
    expect(isCanonicalLink('<link rel="canonical" href="/a">')).toBe(true);
    expect(isCanonicalLink('<link rel="stylesheet" href="/canonical.css">')).toBe(false);
  });

  it("trailing runs: a lookbehind, a loop and trimEnd give what /X+$/ gave", () => {
    const units = [" ", "\t", ".", "-", "–", "—", "\u00a0", "\u2028", "\ufeff", "\n", "a", "B", "1", "!", "€", "😀"];
    fc.assert(
      fc.property(from(units), (s) => {
        expect(s.replace(DATELINE_END, "")).toBe(s.replace(/[\s.–—-]+$/u, ""));
        expect(withoutTrailingBlanks(s)).toBe(s.replace(/[ \t]+$/, ""));
        expect(s.trimEnd()).toBe(s.replace(/\s+$/, ""));
      }),
      RUNS,
    );
  });

  it("isRelatedLabel trims the same edges as /^[\\s\\p{P}\\p{S}]+|[\\s\\p{P}\\p{S}]+$/gu", () => {
    const oldBare = (text: string) => text.replace(/\s+/g, " ").replace(/^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu, "").toLowerCase();
    const labels = ["Read more", "Also read", "You may also like", "Related", "LESEN SIE AUCH"];
    fc.assert(
      fc.property(from(["-", "…", ":", " ", "»", "€", "😀", "\u00a0"], 8), fc.constantFrom(...labels, "The council met"), from(["-", "…", ":", " ", "»", "€", "😀", "x"], 8), (before, label, after) => {
        const text = before + label + after;
        expect(isRelatedLabel(text)).toBe(oldBare(text).length > 0 && isRelatedLabel(oldBare(text)));
      }),
      RUNS,
    );
    expect(isRelatedLabel("—— Read more: ——")).toBe(true);
  });

  it("charset parameters: `\\s*(?:[\"']\\s*)?` reads what `\\s*[\"']?\\s*` read", () => {
    const oldParam = /charset\s*=\s*["']?\s*([\w.:-]+)/i;
    const oldAttr = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/i;
    fc.assert(
      fc.property(fc.array(fc.tuple(from(["text/html", ";", "x"], 3), fc.constantFrom("charset", "xcharset", "CHARSET"), from([" ", "\t"], 3), fc.constantFrom("=", ""), from([" ", "\t"], 3), fc.constantFrom('"', "'", ""), from([" ", "\t", '"'], 3), fc.constantFrom("utf-8", "iso-8859-1", "", ">")), { maxLength: 3 }), (parts) => {
        const value = parts.flat().join("");
        expect(CHARSET_PARAM.exec(value)?.slice(0, 2)).toEqual(oldParam.exec(value)?.slice(0, 2));
        expect(META_CHARSET_ATTR.exec(value)?.slice(0, 2)).toEqual(oldAttr.exec(value)?.slice(0, 2));
      }),
      RUNS,
    );
    expect(charsetFromMeta(new TextEncoder().encode('<meta charset= " windows-1252">'))).toBe("windows-1252");
  });
});
