// Runs stages from the registry on small texts, for table tests.
import { cleanDocument, createDocument, type Block, type CleanResult } from "../src/core/index.js";
import { buildPipeline } from "../src/run/pipeline-file.js";

export function runStages(raw: string, stages: Array<string | { use: string; options?: Record<string, unknown> }>, blocks?: Block[]): CleanResult {
  const pipeline = buildPipeline({ name: "test", stages: stages.map((s) => (typeof s === "string" ? { use: s } : s)) }, "test");
  return cleanDocument(createDocument({ id: "t", source: "t.txt", raw, blocks }), pipeline);
}

/** The rule that removed the given line of a one-document run, or undefined when it was kept. */
export function ruleFor(result: CleanResult, lineText: string): string | undefined {
  return result.removals.find((r) => r.text.trim() === lineText.trim())?.rule;
}

/** A prose paragraph to put around lines under test, so context rules see an article. */
export const PROSE =
  "The alliance said on Wednesday that the talks in Brussels had been frank and useful, and that both sides would meet again before the summit in July.";
