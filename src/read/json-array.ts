// A JSON array of records (`.json`, gzipped or not), streamed element by element
// with stream-json: the whole file is never in memory. Unlike JSONL, a syntax error
// cannot be stepped over, so it fails the file, naming where.
import chain from "stream-chain";
import { parser } from "stream-json";
import { streamArray } from "stream-json/streamers/stream-array.js";
import { recordOutputWriter } from "../write/records.js";
import { NotACorpusError, registerFormat, type InputFormat } from "./formats.js";
import { recordToItem } from "./records.js";
import { fileStreams, isGzipped } from "./source.js";

const JSON_ARRAY = /\.json(?:\.gz)?$/i;

export const jsonArrayFormat: InputFormat = {
  name: "json",
  shape: "record",
  accepts: (relative) => JSON_ARRAY.test(relative),
  outputName: (relative) => relative,
  async *read(file, options) {
    // stream-json's errors carry no position, and it parses a whole chunk before handing
    // anything on: name the byte range of the chunk that failed.
    let chunkStart = 0;
    let chunkEnd = 0;
    const measured = (chunk: Buffer) => {
      chunkStart = chunkEnd;
      chunkEnd += chunk.length;
      return chunk;
    };
    const stream = chain([...fileStreams(file, options.onBytes), measured, parser(), streamArray()]);
    try {
      for await (const { key, value } of stream as AsyncIterable<{ key: number; value: unknown }>) {
        yield recordToItem(value, { record: key + 1 }, file, options);
      }
    } catch (error) {
      const message = (error as Error).message;
      if (/top-level object should be an array/i.test(message)) throw new NotACorpusError("expected a JSON array of records");
      const where = isGzipped(file.relative) ? "of the decompressed file" : "of the file";
      throw new Error(`invalid JSON within bytes ${chunkStart}-${chunkEnd} ${where}: ${message}`);
    }
  },
  createWriter: (outPath) => recordOutputWriter(outPath, "array"),
};

registerFormat(jsonArrayFormat);
