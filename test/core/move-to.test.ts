// Text moves into metadata when its finding removes something: a finding that an earlier
// removal shadows moves nothing.
import { describe, expect, it } from "vitest";
import { cleanDocument, createDocument, type Detection, type Pipeline } from "../../src/core/index.js";

const stage = (name: string, detect: (raw: string) => Detection[]) => ({ name, detect: ({ doc }: { doc: { raw: string } }) => detect(doc.raw) });

describe("moveTo", () => {
  const raw = "Photo: AFP / Tags: NATO\nStoltenberg spoke.\nTags: Russia\n";
  const caption = stage("captions", (text) => [{ rule: "caption/credit", start: 0, end: text.indexOf("\n"), reason: "caption" }]);
  const tags = stage("tags", (text) =>
    [...text.matchAll(/Tags: (\w+)/g)].map((m) => ({ rule: "meta/tags", start: m.index!, end: m.index! + m[0].length, reason: "tags", moveTo: "tags" as const, value: [m[1]] })),
  );
  it("fills metadata only from findings that survive apply, in the order they were found", () => {
    const pipeline: Pipeline = { name: "t", stages: [caption, tags] };
    const result = cleanDocument(createDocument({ id: "d", source: "d", raw }), pipeline);
    expect(result.doc.meta.tags).toEqual(["Russia"]);
    expect(result.shadowed).toBe(1);
    expect(result.removals.map((r) => [r.rule, r.text, r.movedTo])).toEqual([
      ["caption/credit", "Photo: AFP / Tags: NATO", undefined],
      ["meta/tags", "Tags: Russia", "tags"],
    ]);
  });
  it("moves every surviving finding's text when nothing shadows it", () => {
    const result = cleanDocument(createDocument({ id: "d", source: "d", raw }), { name: "t", stages: [tags] });
    expect(result.doc.meta.tags).toEqual(["NATO", "Russia"]);
  });
});
