// labelText reads decorations off unit tables: it must strip exactly what its two patterns strip.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LEADING_DECORATION, TRAILING_DECORATION, labelText } from "../../src/match/line-rules.js";
import { splitLines } from "../../src/core/lines.js";
import { realTexts } from "./real-texts.js";

/** The plain strip: the leading run, then the trailing run of what is left. */
function plainLabel(content: string): string {
  const lead = LEADING_DECORATION.exec(content)?.[0].length ?? 0;
  if (lead === content.length) return "";
  const rest = content.slice(lead);
  return rest.slice(0, rest.length - (TRAILING_DECORATION.exec(rest)?.[0].length ?? 0));
}

const chars = ["a", "É", " ", "\u00a0", "\u3000", "|", "•", "·", "»", "«", "›", "‹", ">", "<", "-", "–", "—", ":", "*", "#", "▶", "►", "→", "↓", "▼", "\ud83d", "\ude00", ".", "x"];

describe("labelText", () => {
  it("strips what LEADING_DECORATION and TRAILING_DECORATION strip, on generated text", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...chars), { maxLength: 12 }).map((a) => a.join("")), (content) => {
        expect(labelText(content)).toBe(plainLabel(content));
      }),
      { numRuns: 5000 },
    );
  });

  it("strips what they strip on every line of the seed texts and AEB dumps", () => {
    for (const text of realTexts()) for (const line of splitLines(text)) expect(labelText(line.content)).toBe(plainLabel(line.content));
  });
});
