// The byte stream of an input file: counted for progress as stored on disk, and
// gunzipped when the name ends in `.gz` (node:zlib works off the main thread).
import { createReadStream } from "node:fs";
import type { Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import type { InputFile } from "./inputs.js";

export function isGzipped(relative: string): boolean {
  return /\.gz$/i.test(relative);
}

/** The file's streams, first to last: the raw reader, then a gunzip when the file is gzipped. */
export function fileStreams(file: InputFile, onBytes?: (bytes: number) => void): Readable[] {
  const raw = createReadStream(file.path, { highWaterMark: 1 << 18 });
  if (onBytes) raw.on("data", (chunk) => onBytes(chunk.length));
  return isGzipped(file.relative) ? [raw, createGunzip()] : [raw];
}
