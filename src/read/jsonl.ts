// JSON lines (`.jsonl`, `.ndjson`, gzipped or not), streamed line by line with
// stream-chain's JSONL parser. A line that is not JSON is set aside as a reject
// naming its line number; blank lines are skipped but still counted.
import chain from "stream-chain";
import { none } from "stream-chain/defs.js";
import { jsonlParser } from "stream-chain/jsonl/parser.js";
import fixUtf8Stream from "stream-chain/utils/fixUtf8Stream.js";
import lines from "stream-chain/utils/lines.js";
import { recordOutputWriter } from "../write/records.js";
import { registerFormat, type InputFormat, type ReadItem } from "./formats.js";
import { recordToItem } from "./records.js";
import { fileStreams } from "./source.js";

const JSONL = /\.(?:jsonl|ndjson)(?:\.gz)?$/i;

/** Marks a line JSON.parse refused; no parsed JSON value can be an instance of it. */
class MalformedLine {
  constructor(readonly message: string) {}
}

export const jsonlFormat: InputFormat = {
  name: "jsonl",
  shape: "record",
  accepts: (relative) => JSONL.test(relative),
  outputName: (relative) => relative,
  async *read(file, options) {
    const parseLine = jsonlParser({ errorIndicator: (error: Error) => new MalformedLine(error.message) });
    let lineNumber = 0;
    const numbered = (line: string) => {
      lineNumber++;
      const parsed = parseLine(line);
      return parsed === none ? none : { line: lineNumber, value: parsed.value };
    };
    const stream = chain([...fileStreams(file, options.onBytes), fixUtf8Stream(), lines(), numbered]);
    for await (const { line, value } of stream as AsyncIterable<{ line: number; value: unknown }>) {
      const item: ReadItem =
        value instanceof MalformedLine
          ? { reject: { line, reason: `malformed JSON: ${value.message}` } }
          : recordToItem(value, { line }, file, options);
      yield item;
    }
  },
  createWriter: (outPath) => recordOutputWriter(outPath, "lines"),
};

registerFormat(jsonlFormat);
