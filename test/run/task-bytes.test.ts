// The main thread's batches hand the writer each document's body and audit as UTF-8 bytes, encoded
// as soon as it is cleaned (src/run/task.ts): the bytes must be those of cleanTask's strings.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadPipeline } from "../../src/run/pipeline-file.js";
import { cleanTask, cleanTasksWithin, type CleanOutcome, type CleanTask } from "../../src/run/task.js";
import { realTexts } from "../match/real-texts.js";

const news = loadPipeline("news");
const pipelines = { text: news, html: news };
const noHtml = async () => Promise.reject(new Error("no HTML here"));

/** Records' bodies are made in two parts in a batch (their metadata after every document is cleaned), other bodies at once. */
const SHAPES = [
  { shape: "record", format: undefined },
  { shape: "text", format: undefined },
  { shape: "record", format: "md" },
  { shape: "text", format: "json" },
] as const;

function tasksOf(texts: readonly string[], turn = 2): CleanTask[] {
  // Records (JSON bodies, the language detector) and plain texts by turns; Markdown and JSON bodies too when `turn` is 4.
  return texts.map((content, i) => ({ id: `d${i}`, source: `in.jsonl#${i}`, output: `out.jsonl#d${i}`, route: "text", content, ...SHAPES[i % turn], fields: { url: "https://example.org/" } }));
}

async function expectSameBytes(tasks: readonly CleanTask[]): Promise<void> {
  const batch = await cleanTasksWithin(tasks, pipelines, 60_000);
  for (const [i, task] of tasks.entries()) {
    const plain = await cleanTask(task, pipelines, noHtml);
    const result = batch[i];
    if (!("ok" in result)) throw new Error(result.error);
    const bytes: CleanOutcome = result.ok;
    expect(bytes.body).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(bytes.body).equals(Buffer.from(plain.body))).toBe(true);
    expect(Buffer.from(bytes.audit).equals(Buffer.from(plain.audit))).toBe(true);
    expect({ ...bytes, body: "", audit: "" }).toEqual({ ...plain, body: "", audit: "" });
  }
}

describe("a batch cleaned on the main thread", () => {
  it("gives the bytes of cleanTask's body and audit on the seeds and AEB dumps", async () => {
    const texts = realTexts();
    for (let i = 0; i < texts.length; i += 32) await expectSameBytes(tasksOf(texts.slice(i, i + 32), 4));
  });

  it("gives the bytes of cleanTask's body and audit on generated texts (lone surrogates, non-BMP, long lines)", async () => {
    const line = fc.oneof(
      fc.constantFrom("Share this article", "Advertisement", "Follow us on Twitter", "Photo: Reuters", "", "😀 \ud800 \udc00 «quoted» \"x\" \\ \t"),
      fc.string({ unit: "grapheme", maxLength: 120 }),
      fc.string({ unit: "binary", maxLength: 80 }),
      fc.nat(20_000).map((n) => "Word and word ".repeat(n / 14)),
    );
    const text = fc.array(line, { maxLength: 30 }).map((lines) => lines.join("\n"));
    await fc.assert(
      fc.asyncProperty(fc.array(text, { minLength: 1, maxLength: 8 }), fc.constantFrom(2, 4), (texts, turn) => expectSameBytes(tasksOf(texts, turn))),
      { numRuns: 60 },
    );
  });
});
