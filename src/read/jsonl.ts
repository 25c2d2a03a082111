// JSON lines (`.jsonl`, `.ndjson`, gzipped or not), streamed chunk by chunk and cut into
// lines as they come. A line that is not JSON, or is longer than --max-document-mb (dropped
// as it streams, never held), is set aside as a reject naming its line number; blank lines
// are skipped but still counted. Each line is parsed once, by JSON.parse, where it is cut: a
// chain of object-mode streams (stream-chain's) between the bytes and the parse cost more than
// the parse (bench:throughput's floor, 30 MB: ~70 ms of ~170 for reading).
// lossless-json loads on the first JSONL file read: a run of other files does not pay for it.
import { CappedLines, OversizedLine } from "./capped-lines.js";
import { pipeline, type Readable } from "node:stream";
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
  return { exactNumber: await exactNumberReader() };
}

const JSONL = /\.(?:jsonl|ndjson)(?:\.gz)?$/i;

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
  const { exactNumber } = loaded;
  const cut = new CappedLines(options.maxDocumentBytes);
  let lineNumber = 0;
  /** The item of the next line; undefined for a blank line (counted, not read). */
  const itemOf = (line: string | OversizedLine): ReadItem | undefined => {
    const at = { line: ++lineNumber };
    if (line instanceof OversizedLine) return { reject: { ...at, reason: tooLarge(line.bytes, options.maxDocumentBytes) } };
    if (line === "") return undefined;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      return { reject: { ...at, reason: `malformed JSON: ${(error as Error).message}` } };
    }
    return recordToItem(value, at, file, options, () => exactNumber(line, options.idField));
  };
  for await (const chunk of joined(streams)) {
    for (const line of cut.lines(chunk as Buffer)) {
      const item = itemOf(line);
      if (item) yield item;
    }
  }
  for (const line of cut.rest()) {
    const item = itemOf(line);
    if (item) yield item;
  }
}

/** The last of `streams`, each piped into the next (node's pipeline: an error of any of them ends it with that error, and an early end destroys them all). */
function joined(streams: Readable[]): Readable {
  return streams.length === 1 ? streams[0] : (pipeline(streams as unknown as [Readable, Readable], () => {}) as unknown as Readable);
}

registerFormat(jsonlFormat);
