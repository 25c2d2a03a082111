// A JSON array of records (`.json`, gzipped or not), streamed element by element
// with stream-json: the whole file is never in memory. Unlike JSONL, a syntax error
// cannot be stepped over, so it fails the file, naming the last good record.
import chain from "stream-chain";
import { parser } from "stream-json";
import { streamArray } from "stream-json/streamers/stream-array.js";
import { RecordWriter } from "../write/records.js";
import { registerFormat, type InputFormat } from "./formats.js";
import { recordToItem } from "./records.js";
import { fileStreams, isGzipped } from "./source.js";

const JSON_ARRAY = /\.json(?:\.gz)?$/i;

export const jsonArrayFormat: InputFormat = {
  name: "json",
  shape: "record",
  accepts: (relative) => JSON_ARRAY.test(relative),
  outputName: (relative) => relative,
  async *read(file, options) {
    const stream = chain([...fileStreams(file, options.onBytes), parser(), streamArray()]);
    let records = 0;
    try {
      for await (const { key, value } of stream as AsyncIterable<{ key: number; value: unknown }>) {
        records = key + 1;
        yield recordToItem(value, { record: records }, file, options);
      }
    } catch (error) {
      const message = (error as Error).message;
      if (/top-level object should be an array/i.test(message)) throw new Error("expected a JSON array of records");
      throw new Error(`invalid JSON after record ${records}: ${message}`);
    }
  },
  createWriter(outPath) {
    const writer = new RecordWriter(outPath, "array", isGzipped(outPath));
    return {
      write: (body) => writer.write(body),
      commit: () => writer.commit(),
      abort: () => writer.abort(),
      outputOf: (task) => `${outPath}#${task.id}`,
    };
  },
};

registerFormat(jsonArrayFormat);
