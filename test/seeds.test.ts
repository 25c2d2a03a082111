// The five seed documents, against their line-by-line gold labels.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cleanDocument, createDocument } from "../src/core/index.js";
import { loadPipeline } from "../src/run/pipeline-file.js";

const seedsDir = join(import.meta.dirname, "../raw");
const gold = JSON.parse(readFileSync(join(import.meta.dirname, "fixtures/seeds-gold.json"), "utf8")) as {
  documents: Array<{ file: string; lines: Array<{ line: number; label: string; kind?: string; text: string }> }>;
};
/** The rule id chaff must use for each kind of junk the gold file names. */
const RULE_FOR_KIND: Record<string, RegExp> = {
  "share-widget": /^widget\/share$/,
  caption: /^caption\//,
  navigation: /^nav\//,
  "related-link": /^link\/related$/,
  dateline: /^meta\/dateline$/,
  duplicate: /^dup\//,
  "comment-prompt": /^comment\/prompt$/,
  tags: /^meta\/tags$/,
  "icon-string": /^icons\/font-names$/,
  timestamp: /^meta\/timestamp$/,
};

describe("seed documents", () => {
  const pipeline = loadPipeline("news");
  for (const seed of gold.documents) {
    it(`${seed.file}: removes exactly the junk lines, with the right rules, and keeps the rest`, () => {
      const raw = readFileSync(join(seedsDir, seed.file), "utf8");
      const result = cleanDocument(createDocument({ id: seed.file, source: seed.file, raw }), pipeline);
      const junk = seed.lines.filter((l) => l.label === "junk");
      expect(result.removals.map((r) => r.line)).toEqual(junk.map((l) => l.line));
      for (const [i, removal] of result.removals.entries()) expect(removal.rule).toMatch(RULE_FOR_KIND[junk[i].kind!]);
      const out = result.text.replace(/\s+/g, " ");
      for (const keep of seed.lines.filter((l) => l.label === "keep")) expect(out).toContain(keep.text);
    });
  }

  it("moves the timestamp, dateline and tags into metadata", () => {
    const meta = (file: string) => {
      const raw = readFileSync(join(seedsDir, file), "utf8");
      return cleanDocument(createDocument({ id: file, source: file, raw }), pipeline).doc.meta;
    };
    expect(meta("004_989369bf34c36e15.txt").timestamp).toEqual(["7 Apr, 2016 05:27"]);
    expect(meta("002_53b21c95f0bdb8b4.txt").dateline).toEqual(["Brussels / AFP"]);
    expect(meta("003_a93c72b2128831dd.txt").tags).toEqual(["NATO", "Russia"]);
  });

  it("is idempotent: cleaning clean text removes nothing more", () => {
    for (const file of readdirSync(seedsDir).filter((f) => f.endsWith(".txt"))) {
      const raw = readFileSync(join(seedsDir, file), "utf8");
      const once = cleanDocument(createDocument({ id: file, source: file, raw }), pipeline).text;
      const twice = cleanDocument(createDocument({ id: file, source: file, raw: once }), pipeline);
      expect(twice.removals).toEqual([]);
      expect(twice.text).toBe(once);
    }
  });
});
