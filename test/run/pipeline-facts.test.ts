// src/run/pipeline-facts.ts holds each built-in pipeline's options as the schemas check them, so
// that a run of one never loads zod: it must be what the schemas give now (`npm run facts`).
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { collectPipelineFacts } from "../../scripts/pipeline-facts.js";
import { checkPipeline, loadCorpusStages, loadPipeline } from "../../src/run/pipeline-file.js";
import { CHECKED_PIPELINES } from "../../src/run/pipeline-facts.js";
import { tempDir } from "../helpers/corpus.js";
import { writeFileSync } from "node:fs";

const PIPELINES = join(import.meta.dirname, "../../pipelines");

describe("pipeline facts", () => {
  it("hold every built-in pipeline file's text and its checked options, as the schemas check them now", () => {
    expect([...CHECKED_PIPELINES]).toEqual(collectPipelineFacts());
    const files = readdirSync(PIPELINES).filter((name) => name.endsWith(".json"));
    expect(CHECKED_PIPELINES.size).toBe(files.length);
    for (const name of files) {
      const text = readFileSync(join(PIPELINES, name), "utf8");
      expect(JSON.parse(CHECKED_PIPELINES.get(text)!)).toEqual(checkPipeline(JSON.parse(text), name));
    }
  });

  it("give the defaults the schemas fill in (comments' maxLength, the normaliser's form)", () => {
    const news = JSON.parse(CHECKED_PIPELINES.get(readFileSync(join(PIPELINES, "news.json"), "utf8"))!);
    const comments = news.file.stages.findIndex((stage: { use: string }) => stage.use === "comments");
    expect(news.options[comments]).toMatchObject({ maxLength: 200, phrases: [], patterns: [], disable: [] });
    expect(news.file.normalise).toEqual({ form: "NFC", paragraphs: "line" });
  });

  it("are not used for a copy of a built-in pipeline that differs: its options are checked", () => {
    const dir = tempDir("chaff-pipeline-facts-");
    const text = readFileSync(join(PIPELINES, "news.json"), "utf8").replace('"use": "comments"', '"use": "comments", "options": { "maxLength": 0 }');
    writeFileSync(join(dir, "news.json"), text);
    expect(() => loadPipeline(join(dir, "news.json"))).toThrow(`${join(dir, "news.json")}: stages[2].options.maxLength: Too small: expected number to be >0`);
    writeFileSync(join(dir, "same.json"), readFileSync(join(PIPELINES, "news-corpus.json"), "utf8"));
    expect(loadCorpusStages(join(dir, "same.json"))).toEqual(loadCorpusStages("news-corpus"));
    expect(loadCorpusStages("news-corpus").map((stage) => stage.use).length).toBeGreaterThan(0);
  });
});
