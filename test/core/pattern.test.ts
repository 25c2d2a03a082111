// Rule tables hold Patterns: source and flags, built into a RegExp on first use.
import { describe, expect, it } from "vitest";
import { Pattern, re } from "../../src/core/pattern.js";
import { rulePatterns } from "../match/rule-patterns.js";

describe("Pattern", () => {
  it("is written as a regular expression literal inside re`…`, read raw", () => {
    const pattern = re`/\bfoto:\s*\S+\/\d+$/iu`;
    expect([pattern.source, pattern.flags]).toEqual([String.raw`\bfoto:\s*\S+\/\d+$`, "iu"]);
    expect(pattern.source).toBe(/\bfoto:\s*\S+\/\d+$/iu.source);
    expect(pattern.test("FOTO: dpa/2024")).toBe(true);
    expect(pattern.exec("foto: x/1")?.[0]).toBe("foto: x/1");
    expect(re`/a${"|b"}/`.source).toBe("a|b");
  });

  it("refuses what is not a literal", () => {
    expect(() => re`abc`).toThrow("re: not a regular expression literal: abc");
  });

  it("builds its RegExp once, on first use; Pattern.of keeps one already built", () => {
    const pattern = new Pattern("a+", "g");
    expect(pattern.regex).toBe(pattern.regex);
    expect(pattern.regex.flags).toBe("g");
    const built = /x/u;
    expect(Pattern.of(built).regex).toBe(built);
  });

  it("keeps, for every pattern of the rule tables, the source its RegExp gives (gates and table facts read it)", async () => {
    const patterns = await rulePatterns();
    expect(patterns.length).toBeGreaterThan(200);
    for (const { where, source, flags } of patterns) expect(new RegExp(source, flags).source, where).toBe(source);
  });
});
