// Stages are made (their rules compiled) on their first document, not when the pipeline loads.
import { describe, expect, it } from "vitest";
import * as z from "../../src/core/schema.js";
import { cleanDocument, createDocument } from "../../src/core/index.js";
import { buildPipeline } from "../../src/run/pipeline-file.js";
import { registerStage } from "../../src/stages/registry.js";

let made = 0;
registerStage("test-counting", {
  description: "removes lines that say 'drop', counting how often it is made",
  options: z.strictObject({ word: z._default(z.string(), "drop") }),
  create: (options: { word: string }) => {
    made++;
    return {
      name: "test-counting",
      detect: ({ lines }) => lines.live().filter((l) => l.content === options.word).map((l) => ({ rule: "test/drop", start: l.contentStart, end: l.contentEnd, reason: "the word" })),
    };
  },
});

describe("a pipeline's stages", () => {
  it("are made on the first document, once, and keep the name the pipeline file gives them", () => {
    const pipeline = buildPipeline({ name: "t", stages: [{ use: "test-counting", name: "renamed", options: { word: "gone" } }] }, "t.json");
    expect(made).toBe(0);
    expect(pipeline.stages.map((s) => s.name)).toEqual(["renamed"]);
    const first = cleanDocument(createDocument({ id: "a", source: "a", raw: "keep\ngone\n" }), pipeline);
    cleanDocument(createDocument({ id: "b", source: "b", raw: "gone\n" }), pipeline);
    expect(made).toBe(1);
    expect(first.removals.map((r) => [r.rule, r.stage, r.text])).toEqual([["test/drop", "renamed", "gone"]]);
  });
  it("have their options checked when the pipeline loads", () => {
    expect(() => buildPipeline({ name: "t", stages: [{ use: "test-counting", options: { word: 3 } }] }, "t.json")).toThrow(/^t\.json: stages\[0\]\.options\.word: /);
    expect(made).toBe(1);
  });
});
