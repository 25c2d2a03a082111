import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { holdsIconMarker, iconFeatures, iconMarkers } from "../../src/stages/icons.js";

// The icons stage skips a line when iconMarkers says its icon and class tokens cannot reach the
// shares; that is exact only while the markers bound the tokens iconFeatures counts.
describe("iconMarkers", () => {
  it("counts the tokens iconFeatures counts and bounds its icon and class tokens", () => {
    expect(iconMarkers("icon bookmark-bicon cameraicon fa-twitter")).toEqual({ tokens: 4, markers: 5 });
    expect(iconMarkers("A well-known  story")).toEqual({ tokens: 3, markers: 1 });
    expect(holdsIconMarker("A well-known  story")).toBe(true);
    expect(holdsIconMarker("An ICONIC story")).toBe(true);
    expect(holdsIconMarker("A story without one ‐ ＿ ıcon")).toBe(false);
    const token = fc.constantFrom("icon", "ICON", "Icon", "ıcon", "İcon", "ico_mail", "ico-x", "fa-facebook", "bi-x", "chevron-down", "arrow_forward", "v-play", "a-", "-", "_", "word", "x1-y2", "İ", "😀", "\u00a0", " ", "\t", "\u3000", "\ufeff", "\n", "");
    fc.assert(
      fc.property(fc.array(token, { maxLength: 30 }), (tokens) => {
        const content = tokens.join("");
        const exact = iconFeatures(content);
        const bound = iconMarkers(content);
        expect(bound.tokens).toBe(exact.tokens);
        expect(bound.markers).toBeGreaterThanOrEqual(Math.round(exact.iconShare * exact.tokens));
        expect(bound.markers).toBeGreaterThanOrEqual(Math.round(exact.classShare * exact.tokens));
        // The stage asks holdsIconMarker before counting: it must say "none" exactly when iconMarkers counts none.
        expect(holdsIconMarker(content)).toBe(bound.markers > 0);
      }),
      { numRuns: 1000 },
    );
  });
});
