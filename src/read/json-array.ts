// A JSON array of records (`.json`, gzipped or not), streamed element by element
// with stream-json: the whole file is never in memory. Unlike JSONL, a syntax error
// cannot be stepped over, so it fails the file, naming where.
// stream-json loads on the first JSON file read: a run of other files does not pay for it.
import { NotACorpusError, registerFormat, tooLarge, type InputFormat } from "./formats.js";
import { recordToItem } from "./records.js";
import { fileStreams, isGzipped } from "./source.js";

const JSON_ARRAY = /\.json(?:\.gz)?$/i;

class RecordTooLarge extends Error {}

/** Values that start or are a whole element: one of them at the array's own level is the next record. */
const VALUE_TOKENS = new Set(["startObject", "startArray", "stringValue", "numberValue", "nullValue", "trueValue", "falseValue"]);

/**
 * Watches the parser's tokens for each record's id field holding a number, and keeps the
 * number as written (stream-json's tokens carry it as text; the assembled record holds a
 * rounded double).
 */
function exactIds(idField: string) {
  const byRecord = new Map<number, string>();
  let depth = 0;
  let record = -1;
  let idNext = false;
  const tap = (token: { name: string; value?: string }) => {
    if (token.name === "keyValue") idNext = depth === 2 && token.value === idField;
    else if (VALUE_TOKENS.has(token.name)) {
      if (depth === 1) record++;
      if (idNext && token.name === "numberValue") byRecord.set(record, token.value!);
      idNext = false;
    }
    if (token.name === "startObject" || token.name === "startArray") depth++;
    else if (token.name === "endObject" || token.name === "endArray") depth--;
    return token;
  };
  /** The id as written of a record (0-based), forgotten once asked for. */
  const taken = (index: number) => {
    const id = byRecord.get(index);
    byRecord.delete(index);
    return id;
  };
  return { tap, taken };
}

export const jsonArrayFormat: InputFormat = {
  name: "json",
  output: "array",
  accepts: (relative) => JSON_ARRAY.test(relative),
  outputName: (relative) => relative,
  async *read(file, options) {
    // Loaded before the file's streams open: a stream counted for progress flows at once and would not wait.
    const [{ default: chain }, { parser }, { streamArray }] = await Promise.all([
      import("stream-chain"),
      import("stream-json"),
      import("stream-json/streamers/stream-array.js"),
    ]);
    // stream-json's errors carry no position, and it parses a whole chunk before handing
    // anything on: name the byte range of the chunk that failed.
    let chunkStart = 0;
    let chunkEnd = 0;
    // Bytes parsed since the last record came out: past the cap, the record in the making is too large.
    let sinceRecord = 0;
    let records = 0;
    const measured = (chunk: Buffer) => {
      chunkStart = chunkEnd;
      chunkEnd += chunk.length;
      sinceRecord += chunk.length;
      if (sinceRecord > options.maxDocumentBytes) throw new RecordTooLarge(`record ${records + 1}: ${tooLarge(undefined, options.maxDocumentBytes)}`);
      return chunk;
    };
    const ids = exactIds(options.idField);
    const stream = chain([...fileStreams(file, options.onBytes), measured, parser(), ids.tap, streamArray()]);
    try {
      for await (const { key, value } of stream as AsyncIterable<{ key: number; value: unknown }>) {
        sinceRecord = 0;
        records = key + 1;
        const exact = ids.taken(key);
        yield recordToItem(value, { record: key + 1 }, file, options, () => exact);
      }
    } catch (error) {
      // A JSON array cannot be resynchronised after a record it could not hold: the file fails.
      if (error instanceof RecordTooLarge) throw new Error(error.message);
      const message = (error as Error).message;
      if (/top-level object should be an array/i.test(message)) throw new NotACorpusError("expected a JSON array of records");
      const where = isGzipped(file.relative) ? "of the decompressed file" : "of the file";
      throw new Error(`invalid JSON within bytes ${chunkStart}-${chunkEnd} ${where}: ${message}`);
    }
  },
};

registerFormat(jsonArrayFormat);
