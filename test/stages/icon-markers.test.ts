import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countIconMarkers, iconFeatures, markersMayReachShares } from "../../src/stages/icons.js";
import { unitTable } from "../../src/core/lines.js";
import { realTexts } from "../match/real-texts.js";
import { splitLines } from "../../src/core/lines.js";

// The icons stage skips a line when iconMarkers says its icon and class tokens cannot reach the
// shares; that is exact only while the markers bound the tokens iconFeatures counts.
describe("iconMarkers", () => {
  it("counts the tokens iconFeatures counts and bounds its icon and class tokens", () => {
    expect(iconMarkers("icon bookmark-bicon cameraicon fa-twitter")).toEqual({ tokens: 4, markers: 5 });
    expect(iconMarkers("A well-known  story")).toEqual({ tokens: 3, markers: 1 });
    expect(countIconMarkers("A well-known  story")).toBe(1);
    expect(countIconMarkers("An ICONIC story")).toBe(1);
    expect(countIconMarkers("A story without one ‐ ＿ ıcon")).toBe(0);
    expect(countIconMarkers("ico_mail fa-x icon-x")).toBe(4);
    const token = fc.constantFrom("icon", "ICON", "Icon", "ıcon", "İcon", "ico_mail", "ico-x", "fa-facebook", "bi-x", "chevron-down", "arrow_forward", "v-play", "a-", "-", "_", "word", "x1-y2", "İ", "😀", "\u00a0", " ", "\t", "\u3000", "\ufeff", "\n", "");
    fc.assert(
      fc.property(fc.array(token, { maxLength: 30 }), (tokens) => {
        const content = tokens.join("");
        const exact = iconFeatures(content);
        const bound = iconMarkers(content);
        expect(bound.tokens).toBe(exact.tokens);
        expect(bound.markers).toBeGreaterThanOrEqual(Math.round(exact.iconShare * exact.tokens));
        expect(bound.markers).toBeGreaterThanOrEqual(Math.round(exact.classShare * exact.tokens));
        // The stage counts markers natively: the same count.
        expect(countIconMarkers(content)).toBe(bound.markers);
      }),
      { numRuns: 1000 },
    );
  });

  // The stage's bound as it was: iconMarkers' count of every line that holds a marker.
  it("bounds the shares as iconMarkers' counts do, for any options", () => {
    const plain = (content: string, o: { minTokens: number; minIconShare: number; minClassShare: number }) => {
      const { tokens, markers } = iconMarkers(content);
      if (markers === 0) return undefined;
      return tokens >= o.minTokens && (markers / tokens >= o.minIconShare || markers / tokens >= o.minClassShare);
    };
    const token = fc.constantFrom("icon", "Icon", "ıcon", "ico_mail", "fa-x", "chevron-down", "arrow_forward", "well-known", "-", "_", "word", "a", "İ", "😀", " ", " ", "\u00a0", "\t");
    const options = fc.record({ minTokens: fc.integer({ min: 1, max: 8 }), minIconShare: fc.constantFrom(0.01, 0.1, 0.2, 0.25, 0.3, 0.5, 1), minClassShare: fc.constantFrom(0.01, 0.25, 0.5, 0.8, 1) });
    fc.assert(
      fc.property(fc.array(token, { maxLength: 30 }), options, (tokens, o) => {
        const content = tokens.join("");
        expect(markersMayReachShares(content, o)).toBe(plain(content, o));
      }),
      { numRuns: 3000 },
    );
    const defaults = { minTokens: 4, minIconShare: 0.3, minClassShare: 0.8 };
    for (const text of realTexts()) for (const line of splitLines(text)) expect(markersMayReachShares(line.content, defaults)).toBe(plain(line.content, defaults));
  });
});

const WHITE_SPACE = unitTable(/\s/);
const HYPHEN = 45;
const UNDERSCORE = 95;

/**
 * The plain count the stage's bound is held to: the tokens of a line (as iconFeatures splits them)
 * and its "-", "_" and "icon"s, unit by unit (what the stage did before it counted natively).
 */
function iconMarkers(content: string): { tokens: number; markers: number } {
  let tokens = 0;
  let markers = 0;
  let inToken = false;
  for (let i = 0; i < content.length; i++) {
    const unit = content.charCodeAt(i);
    if (WHITE_SPACE[unit]) {
      inToken = false;
      continue;
    }
    if (!inToken) tokens++;
    inToken = true;
    if (unit === HYPHEN || unit === UNDERSCORE) markers++;
    // "icon" as /icon/i reads it: without the u flag only ASCII letters fold.
    else if ((unit | 32) === 105 && (content.charCodeAt(i + 1) | 32) === 99 && (content.charCodeAt(i + 2) | 32) === 111 && (content.charCodeAt(i + 3) | 32) === 110) markers++;
  }
  return { tokens, markers };
}
