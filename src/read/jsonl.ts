// JSON lines (`.jsonl`, `.ndjson`, gzipped or not), streamed line by line with
// stream-chain's JSONL parser. A line that is not JSON, or is longer than
// --max-document-mb (dropped as it streams, never held), is set aside as a reject
// naming its line number; blank lines are skipped but still counted.
// The parsers load on the first JSONL file read: a run of other files does not pay for them.
import { CappedLines, OversizedLine } from "./capped-lines.js";
import type { Readable } from "node:stream";
import { registerFormat, tooLarge, type InputFormat, type ReadItem, type ReadOptions } from "./formats.js";
import type { InputFile } from "./inputs.js";
import { recordToItem } from "./records.js";
import { fileStreams } from "./source.js";

/** A top-level number field of a JSON line as written (parsed again, losslessly: only for ids JSON.parse would round). */
async function exactNumberReader(): Promise<(line: string, field: string) => string | undefined> {
  const { isLosslessNumber, parse: losslessParse } = await import("lossless-json");
  return (line, field) => {
    const record = losslessParse(line) as Record<string, unknown>;
    return isLosslessNumber(record[field]) ? String(record[field]) : undefined;
  };
}

let parsers: ReturnType<typeof loadParsers> | undefined;
/** Loaded once, before a file's streams open: a stream counted for progress flows at once and would not wait for an import. */
function jsonlParsers() {
  return (parsers ??= loadParsers());
}
async function loadParsers() {
  const [{ default: chain }, defs, { jsonlParser }, exactNumber] = await Promise.all([
    import("stream-chain"),
    import("stream-chain/defs.js"),
    import("stream-chain/jsonl/parser.js"),
    exactNumberReader(),
  ]);
  return { chain, none: defs.none, jsonlParser, exactNumber };
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
  async *read(file, options) {
    const loaded = await jsonlParsers();
    yield* jsonlItems(loaded, fileStreams(file, options.onBytes), file, options);
  },
};

/** JSON lines from `streams` (stdin for `chaff clean - --jsonl`, piped: it waits); `file` names them in ids and messages. */
export async function* readJsonl(streams: Readable[], file: InputFile, options: ReadOptions): AsyncGenerator<ReadItem> {
  yield* jsonlItems(await jsonlParsers(), streams, file, options);
}

async function* jsonlItems(loaded: Awaited<ReturnType<typeof loadParsers>>, streams: Readable[], file: InputFile, options: ReadOptions): AsyncGenerator<ReadItem> {
  {
    const { chain, none, jsonlParser, exactNumber } = loaded;
    const parseLine = jsonlParser({ errorIndicator: (error: Error) => new MalformedLine(error.message) });
    let lineNumber = 0;
    const numbered = (line: string | OversizedLine) => {
      lineNumber++;
      if (line instanceof OversizedLine) return { line: lineNumber, value: line };
      const parsed = parseLine(line);
      // `none` (a blank line) is the parser's only symbol.
      return typeof parsed === "symbol" ? none : { line: lineNumber, value: parsed.value, text: line };
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
