// Runs one or more stages over a text and returns what they removed, line by line.
import { cleanDocument, createDocument } from "../../src/core/index.js";
import type { Pipeline } from "../../src/core/stage.js";
import { buildPipeline } from "../../src/run/pipeline-file.js";

export function clean(raw: string, stages: Array<{ use: string; options?: Record<string, unknown> }>) {
  return cleanWith(raw, buildPipeline({ name: "test", stages }, "test pipeline"));
}

export function cleanWith(raw: string, pipeline: Pipeline) {
  const result = cleanDocument(createDocument({ id: "t", source: "t.txt", raw }), pipeline);
  return {
    text: result.text,
    removed: result.removals.map((r) => ({ rule: r.rule, text: r.text })),
    removals: result.removals,
    /** The rule that removed the given line's text, or undefined when it was kept. */
    ruleOf: (line: string) => result.removals.find((r) => r.text === line)?.rule,
  };
}
