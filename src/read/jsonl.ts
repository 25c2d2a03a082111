// JSON lines (`.jsonl`, `.ndjson`, gzipped or not), streamed line by line with
// stream-chain's JSONL parser. A line that is not JSON, or is longer than
// --max-document-mb (dropped as it streams, never held), is set aside as a reject
// naming its line number; blank lines are skipped but still counted.
import { isLosslessNumber, parse as losslessParse } from "lossless-json";
import chain from "stream-chain";
import { none } from "stream-chain/defs.js";
import { jsonlParser } from "stream-chain/jsonl/parser.js";
import { CappedLines, OversizedLine } from "./capped-lines.js";
import type { Readable } from "node:stream";
import { registerFormat, tooLarge, type InputFormat, type ReadItem, type ReadOptions } from "./formats.js";
import type { InputFile } from "./inputs.js";
import { recordToItem } from "./records.js";
import { fileStreams } from "./source.js";

/** A top-level number field of a JSON line as written (parsed again, losslessly: only for ids JSON.parse would round). */
function exactNumber(line: string, field: string): string | undefined {
  const record = losslessParse(line) as Record<string, unknown>;
  return isLosslessNumber(record[field]) ? String(record[field]) : undefined;
}

const JSONL = /\.(?:jsonl|ndjson)(?:\.gz)?$/i;

/** Marks a line JSON.parse refused; no parsed JSON value can be an instance of it. */
class MalformedLine {
  constructor(readonly message: string) {}
}

export const jsonlFormat: InputFormat = {
  name: "jsonl",
  output: "lines",
  accepts: (relative) => JSONL.test(relative),
  outputName: (relative) => relative,
  read: (file, options) => readJsonl(fileStreams(file, options.onBytes), file, options),
};

/** JSON lines from `streams` (a file's, or stdin for `chaff clean - --jsonl`); `file` names them in ids and messages. */
export async function* readJsonl(streams: Readable[], file: InputFile, options: ReadOptions): AsyncGenerator<ReadItem> {
  {
    const parseLine = jsonlParser({ errorIndicator: (error: Error) => new MalformedLine(error.message) });
    let lineNumber = 0;
    const numbered = (line: string | OversizedLine) => {
      lineNumber++;
      if (line instanceof OversizedLine) return { line: lineNumber, value: line };
      const parsed = parseLine(line);
      return parsed === none ? none : { line: lineNumber, value: parsed.value, text: line };
    };
    const stream = chain([...streams, new CappedLines(options.maxDocumentBytes), numbered]);
    for await (const { line, value, text } of stream as AsyncIterable<{ line: number; value: unknown; text?: string }>) {
      const item: ReadItem =
        value instanceof OversizedLine
          ? { reject: { line, reason: tooLarge(value.bytes, options.maxDocumentBytes) } }
          : value instanceof MalformedLine
            ? { reject: { line, reason: `malformed JSON: ${value.message}` } }
            : recordToItem(value, { line }, file, options, () => exactNumber(text!, options.idField));
      yield item;
    }
  }
}

registerFormat(jsonlFormat);
