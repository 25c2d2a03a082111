import { describe, expect, it } from "vitest";
import { splitLines } from "../../src/core/lines.js";

describe("splitLines", () => {
  it.each([
    ["a\nb", [[0, 1, "a"], [2, 3, "b"]]],
    ["a\r\nb\r\n", [[0, 1, "a"], [3, 4, "b"], [6, 6, ""]]],
    ["a\rb\rc", [[0, 1, "a"], [2, 3, "b"], [4, 5, "c"]]],
    ["a\r\rb", [[0, 1, "a"], [2, 2, ""], [3, 4, "b"]]],
    ["a\r", [[0, 1, "a"], [2, 2, ""]]],
    ["x\r\ny\rz\n", [[0, 1, "x"], [3, 4, "y"], [5, 6, "z"], [7, 7, ""]]],
  ])("ends lines at LF, CRLF and a lone CR: %j", (raw, expected) => {
    expect(splitLines(raw).map((l) => [l.start, l.end, l.text])).toEqual(expected);
  });
});
