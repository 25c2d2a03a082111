import { describe, expect, it } from "vitest";
import { DEFAULT_READ_OPTIONS, type ReadItem, type ReadOptions } from "../../src/read/formats.js";
import { jsonlFormat } from "../../src/read/jsonl.js";
import { inputFile, jsonl, tempDir, writeInput } from "../helpers/corpus.js";

async function readAll(name: string, content: string, options: Partial<ReadOptions> = {}): Promise<ReadItem[]> {
  const path = writeInput(tempDir(), name, content);
  const items: ReadItem[] = [];
  for await (const item of jsonlFormat.read(inputFile(path, name), { ...DEFAULT_READ_OPTIONS, ...options })) items.push(item);
  return items;
}

const CORPUS = [
  JSON.stringify({ id: "a1", text: "First document.", url: "https://x.example/1", lang: "en" }),
  "",
  "{not json",
  JSON.stringify({ text: "No id here." }),
  JSON.stringify({ id: "n", text: 5 }),
  JSON.stringify({ id: "m" }),
  JSON.stringify(["an", "array"]),
  JSON.stringify({ id: 42, text: "Numeric id." }),
  JSON.stringify({ id: { nested: true }, text: "Bad id." }),
].join("\n");

describe("JSONL reader", () => {
  it("reads records with their ids, fields and line numbers, and sets bad lines aside with the reason", async () => {
    const items = await readAll("corpus.jsonl", CORPUS);
    expect(items).toEqual([
      { task: { id: "a1", source: expect.stringMatching(/corpus\.jsonl#1$/), route: "text", content: "First document.", contentType: undefined, url: "https://x.example/1", fields: { url: "https://x.example/1", lang: "en" }, at: { line: 1 } } },
      { reject: { line: 3, reason: expect.stringMatching(/^malformed JSON: /) } },
      { task: expect.objectContaining({ id: "corpus.jsonl#4", content: "No id here.", at: { line: 4 } }) },
      { reject: { line: 5, reason: '"text" field is a number, not a string' } },
      { reject: { line: 6, reason: 'no "text" field' } },
      { reject: { line: 7, reason: "record is an array, not an object" } },
      { task: expect.objectContaining({ id: "42", content: "Numeric id.", at: { line: 8 } }) },
      { reject: { line: 9, reason: '"id" field is an object, not a string or number' } },
    ]);
  });

  it("names the JSON error of a malformed line", async () => {
    const [item] = await readAll("bad.jsonl", '{"id": "x", "text": "unterminated\n');
    expect(item).toEqual({ reject: { line: 1, reason: expect.stringMatching(/^malformed JSON: Unterminated string in JSON at position \d+/) } });
  });

  it("reads gzipped JSONL the same way", async () => {
    const plain = await readAll("corpus.jsonl", CORPUS);
    const gz = await readAll("corpus.jsonl.gz", CORPUS);
    const strip = (items: ReadItem[]) => items.map((i) => ("task" in i ? { ...i.task, source: "", id: i.task.id.replace(".gz", "") } : i));
    expect(strip(gz)).toEqual(strip(plain));
  });

  it("takes the text and id from the fields it is told to", async () => {
    const [item] = await readAll("c.jsonl", jsonl([{ doc_id: "d7", body: "Some text.", id: "ignored" }]), { textField: "body", idField: "doc_id" });
    expect(item).toEqual({ task: expect.objectContaining({ id: "d7", content: "Some text.", fields: { id: "ignored" }, route: "text" }) });
  });

  it("sends a record down the HTML route when the field is `html`, its content type says HTML, or --html says so", async () => {
    const routes = async (records: unknown[], options: Partial<ReadOptions> = {}) =>
      (await readAll("h.jsonl", jsonl(records), options)).map((i) => ("task" in i ? i.task.route : "reject"));
    expect(await routes([{ html: "<p>x</p>" }], { textField: "html" })).toEqual(["html"]);
    expect(await routes([{ text: "<p>x</p>", content_type: "text/html; charset=utf-8" }, { text: "x", content_type: "text/plain" }])).toEqual(["html", "text"]);
    expect(await routes([{ text: "<p>x</p>" }], { html: true })).toEqual(["html"]);
    expect(await routes([{ html: "<p>x</p>" }], { textField: "html", html: false })).toEqual(["text"]);
  });
});
