// The C4 baseline of bench:dump and the throughput benchmark: its line rules, exactly.
import { describe, expect, it } from "vitest";
import { c4KeepsLine, c4LineFilter } from "../../bench/c4.js";

describe("C4 line rules", () => {
  it.each([
    "The council approved the bridge.",
    "Did the council approve the bridge?",
    'He said: "We will build it."',
    "It is done'",
  ])("keeps %s", (line) => expect(c4KeepsLine(line)).toBe(true));
  it.each([
    ["no terminal punctuation", "The council approved the bridge"],
    ["fewer than 3 words", "Thank you."],
    ["javascript", "Please enable JavaScript to view this page."],
    ["policy phrase", "Read our privacy policy and terms of use."],
    ["cookies", "This site uses cookies to improve your experience."],
    ["lorem ipsum", "Lorem ipsum dolor sit amet."],
    ["closing curly quote is not C4's", "He said “we will build it.”"],
  ])("drops a line with %s", (_why, line) => expect(c4KeepsLine(line)).toBe(false));
  it("filters a text line by line", () => {
    expect(c4LineFilter("Home\nThe council approved the bridge.\r\nShare\n  It will open next year.  ")).toBe(
      "The council approved the bridge.\nIt will open next year.",
    );
  });
});
