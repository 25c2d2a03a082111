import { describe, expect, it } from "vitest";
import { DEFAULT_READ_OPTIONS, type ReadItem } from "../../src/read/formats.js";
import { jsonArrayFormat } from "../../src/read/json-array.js";
import { inputFile, tempDir, writeInput } from "../helpers/corpus.js";

async function readAll(name: string, content: string): Promise<ReadItem[]> {
  const path = writeInput(tempDir(), name, content);
  const items: ReadItem[] = [];
  for await (const item of jsonArrayFormat.read(inputFile(path, name), DEFAULT_READ_OPTIONS)) items.push(item);
  return items;
}

const ARRAY = JSON.stringify([{ id: "a", text: "One." }, { text: 3 }, { title: "no text" }, { text: "Two." }], null, 1);

describe("JSON array reader", () => {
  it("streams the elements with their record numbers, and sets bad records aside", async () => {
    expect(await readAll("c.json", ARRAY)).toEqual([
      { task: expect.objectContaining({ id: "a", content: "One.", at: { record: 1 }, source: expect.stringMatching(/c\.json#1$/) }) },
      { reject: { record: 2, reason: '"text" field is a number, not a string' } },
      { reject: { record: 3, reason: 'no "text" field' } },
      { task: expect.objectContaining({ id: "c.json#4", content: "Two.", at: { record: 4 } }) },
    ]);
  });

  it("reads a gzipped array the same way", async () => {
    const gz = (await readAll("c.json.gz", ARRAY)).map((i) => ("task" in i ? i.task.content : i));
    expect(gz).toEqual(["One.", { reject: { record: 2, reason: '"text" field is a number, not a string' } }, { reject: { record: 3, reason: 'no "text" field' } }, "Two."]);
  });

  it("fails the file on a syntax error, naming the bytes where it is", async () => {
    await expect(readAll("bad.json", '[{"text": "One."}, {"text": "Two."}, {"text": oops}]')).rejects.toThrow(
      "invalid JSON within bytes 0-52 of the file: Parser cannot parse input: expected a value",
    );
  });

  it("fails a file that is not an array", async () => {
    await expect(readAll("obj.json", '{"text": "One."}')).rejects.toThrow("expected a JSON array of records");
  });
});
