import { describe, expect, it } from "vitest";
import { createDocument } from "../../src/core/document.js";
import { cleanDocument } from "../../src/core/stage.js";
import { PROMO_TABLE } from "../../src/rules/promos.js";
import { buildPipeline } from "../../src/run/pipeline-file.js";

const pipeline = buildPipeline({ name: "t", stages: [{ use: "promos" }] }, "test");
const removedBy = (raw: string, blocks?: { start: number; end: number; kind: "table-cell" | "paragraph" }[]) =>
  cleanDocument(createDocument({ id: "d", source: "d", raw, blocks }), pipeline).removals.map((r) => [r.rule, r.text]);

describe("promos: every example is removed by its own rule", () => {
  it.each(PROMO_TABLE.map((r) => [r.rule, r.lang, r.example]))("%s (%s): %s", (rule, _lang, example) => {
    expect(removedBy(`A line of the story that stays.\n${example}`)).toEqual([[rule, example]]);
  });
});

describe("promos: must keep", () => {
  it.each([
    "He said the newsletter had been popular with readers before it closed in 2012, and that he missed it.",
    "The company reported 12 issues with the software last year.",
    "Reporting by local papers led to the inquiry, which found the council at fault.",
    "Close to 300 people attended the meeting on Tuesday.",
    "Cookies and cakes were sold at the fair.",
    "The band's copyright dispute went to court in 2018.",
    "She can be reached only by boat in the winter months, the ferry operator said.",
  ])("%s", (line) => expect(removedBy(line)).toEqual([]));

  it("leaves numbers in table cells alone (they are data)", () => {
    expect(removedBy("Points\n42", [{ start: 0, end: 6, kind: "table-cell" }, { start: 7, end: 9, kind: "table-cell" }])).toEqual([]);
    expect(removedBy("Story.\n42")).toEqual([["ui/label", "42"]]);
  });
});
