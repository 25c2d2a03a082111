import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cleanDocument, createDocument } from "../../src/core/index.js";
import { buildPipeline, loadPipeline } from "../../src/run/pipeline-file.js";
import { stageNames } from "../../src/stages/registry.js";

describe("pipeline files", () => {
  it("loads the default news pipeline with its stages in order", () => {
    const pipeline = loadPipeline("news");
    expect(pipeline.stages.map((s) => s.name)).toEqual(["icons", "widgets", "comments", "boilerplate-phrases", "tags", "captions", "timestamps", "related", "duplicates"]);
  });

  it("names the file and the field of an error", () => {
    expect(() => buildPipeline({ name: "x", stages: [{ use: "widgets", options: { maxLength: "long" } }] }, "my.json")).toThrow(
      "my.json: stages[0].options.maxLength: Invalid input: expected number, received string",
    );
    expect(() => buildPipeline({ name: "x", stages: [{ use: "nope" }] }, "my.json")).toThrow(/^my\.json: stages\[0\]\.use: unknown stage "nope" \(known: /);
    expect(() => buildPipeline({ name: "x", stages: [{ use: "icons", colour: 1 }] }, "p.yaml")).toThrow(/^p\.yaml: stages\[0\]: Unrecognized key: "colour"/);
    expect(() => buildPipeline({ name: "x", stages: [{ use: "icons" }], allowlist: ["("] }, "p.json")).toThrow(/^p\.json: allowlist\[0\]: Invalid regular expression/);
  });

  it("reads YAML, and user phrases remove lines under the stage's custom rule", () => {
    const dir = mkdtempSync(join(tmpdir(), "chaff-"));
    const path = join(dir, "mine.yaml");
    writeFileSync(path, "name: mine\nstages:\n  - use: widgets\n    options:\n      phrases: ['Click for the gallery']\n");
    const pipeline = loadPipeline(path);
    const result = cleanDocument(createDocument({ id: "d", source: "d", raw: "CLICK for the   gallery\nText stays.\n" }), pipeline);
    expect(result.removals.map((r) => [r.rule, r.text])).toEqual([["widget/custom", "CLICK for the   gallery"]]);
    expect(result.text).toBe("Text stays.\n");
  });

  it("reports a file that is not valid JSON with its path", () => {
    const dir = mkdtempSync(join(tmpdir(), "chaff-"));
    const path = join(dir, "bad.json");
    writeFileSync(path, "{ name: ");
    expect(() => loadPipeline(path)).toThrow(new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: not valid JSON`));
  });

  it("every registered stage can be built with its default options", () => {
    for (const use of stageNames()) expect(() => buildPipeline({ name: "x", stages: [{ use }] }, "x")).not.toThrow();
  });
});
