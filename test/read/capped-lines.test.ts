import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CappedLines, OversizedLine } from "../../src/read/capped-lines.js";

/** What CappedLines gives for `bytes` delivered in pieces cut at `cuts`. */
async function linesOf(bytes: Buffer, cuts: number[], maxBytes: number): Promise<Array<string | number>> {
  const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const pieces = [0, ...at, bytes.length].slice(1).map((end, i, ends) => bytes.subarray(i === 0 ? 0 : ends[i - 1], end));
  const cut = new CappedLines(maxBytes);
  const lines = [...pieces.filter((p) => p.length).flatMap((piece) => cut.lines(piece)), ...cut.rest()];
  return lines.map((line) => (line instanceof OversizedLine ? -line.bytes : line));
}

/** The same lines read plainly: the whole text split on line feeds, a line over the cap as minus its bytes. */
function plainLines(bytes: Buffer, maxBytes: number): Array<string | number> {
  const text = bytes.toString("utf8");
  const lines = text.split("\n");
  if (text.endsWith("\n") || text === "") lines.pop();
  return lines.map((line) => (Buffer.byteLength(line) > maxBytes ? -Buffer.byteLength(line) : line));
}

describe("CappedLines", () => {
  it("cuts lines at line feeds wherever the chunks end, multi-byte characters whole, long lines counted not kept", async () => {
    expect(await linesOf(Buffer.from("ab\n\ncdé\nlong line here\nz"), [1, 6, 9], 8)).toEqual(["ab", "", "cdé", -14, "z"]);
    const piece = fc.constantFrom("a", "é", "€", "😀", "\n", "\n\n", "word ", "x".repeat(20));
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 40 }), fc.array(fc.nat(), { maxLength: 6 }), fc.integer({ min: 1, max: 30 }), async (parts, cuts, cap) => {
        const bytes = Buffer.from(parts.join(""));
        expect(await linesOf(bytes, cuts, cap)).toEqual(plainLines(bytes, cap));
      }),
      { numRuns: 300 },
    );
  });
});
