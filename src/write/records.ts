// Records out: the shape datatrove and Dolma read, `{id, text, metadata}`, as JSON
// lines or a JSON array, gzipped when the input was. Streamed to a temporary file
// that is renamed into place on commit.
import { once } from "node:events";
import { createWriteStream, type WriteStream } from "node:fs";
import { mkdir, rename } from "node:fs/promises";
import { dirname } from "node:path";
import { finished, pipeline } from "node:stream/promises";
import { createGzip, type Gzip } from "node:zlib";
import { destroyed, drained, removeQuietly, temporaryPath, WriteError } from "./atomic.js";
import { Chunks } from "./chunks.js";

import type { TextLines } from "../core/stage.js";
import { recordMetadata, type RecordMetadata } from "./render/metadata.js";

export interface OutputRecord {
  id: string;
  /** The clean text, or Markdown with `--format md`. */
  text: string;
  /** See write/render/metadata.ts: the input's fields, url/title/date/author/language, chaff's own under `chaff`. */
  metadata: RecordMetadata;
}

/** What a record is made of (see recordJson). */
export interface RecordJsonParts {
  id: string;
  text: string;
  meta: Record<string, unknown>;
  rules: Record<string, number>;
  chars: { in: number; out: number; removed: number };
  fields: Record<string, unknown>;
  /** The clean plain text, for the language detector (defaults to `text`). */
  plain?: string;
  /** `text` as the lines it was joined from, when the normaliser made it so: escaped line by line. */
  lines?: TextLines;
}

/** One output record as JSON: a single line (`indent` 0), or indented for a file of its own. */
export function recordJson(parts: RecordJsonParts, indent = 0): string {
  const rest = restOf(parts);
  if (indent === 0 && parts.lines) return recordHead(parts.id, parts.lines, recordTail(rest));
  const record: OutputRecord = { id: parts.id, text: parts.text, metadata: metadataOf(rest) };
  return JSON.stringify(record, null, indent || undefined);
}

/** What a record's metadata is made of. */
interface MetadataParts {
  fields: Record<string, unknown>;
  meta: Record<string, unknown>;
  /** The clean plain text, for the language detector. */
  plain: string;
  rules: Record<string, number>;
  chars: { in: number; out: number; removed: number };
}

function restOf(parts: RecordJsonParts): MetadataParts {
  return { fields: parts.fields, meta: parts.meta, plain: parts.plain ?? parts.text, rules: parts.rules, chars: parts.chars };
}

function metadataOf(rest: MetadataParts): RecordMetadata {
  return recordMetadata(rest.fields, rest.meta, rest.plain, { removals: rest.rules, chars: rest.chars });
}

/**
 * A one-line record made from its text's lines (recordJson's bytes), in two parts: `head`, the
 * JSON up to its metadata's value, and what the metadata is made of, which `recordTail` writes. A
 * batch cleaned on the main thread makes every head first and every tail after: the language
 * detector in the tail reads ~0.5 MB of tables that cleaning a document pushes out of the cache;
 * read for one record after another they stay in it (src/run/task.ts, cleanTasksWithin).
 */
export interface RecordInTwo {
  head: string;
  rest: MetadataParts;
}

/** recordJson's one-line record in two parts; undefined when the text has no lines (recordJson then escapes it whole). */
export function recordInTwo(parts: RecordJsonParts): RecordInTwo | undefined {
  return parts.lines ? { head: recordHead(parts.id, parts.lines, ""), rest: restOf(parts) } : undefined;
}

/** What follows a RecordInTwo's head: its metadata, the language read now, and the closing brace. */
export function recordTail(rest: MetadataParts): string {
  return `${JSON.stringify(metadataOf(rest))}}`;
}

/**
 * `JSON.stringify(record)` for a record whose text is `lines` (TextLines): V8 escapes a string
 * unit by unit (~3 ns each, 8-9% of the floor's CPU), where a line that holds nothing to escape,
 * most of them, is its own JSON. So only the lines listed as escaped go through JSON.stringify.
 */
export function recordLineOfLines(record: OutputRecord, lines: TextLines): string {
  return recordHead(record.id, lines, `${JSON.stringify(record.metadata)}}`);
}

/**
 * `{"id":…,"text":"…","metadata":` of a record whose text is `lines`, then `tail`: one join makes
 * it (a flat string, which the writer encodes without flattening it first).
 */
function recordHead(id: string, { lines, separator, escaped }: TextLines, tail: string): string {
  const pieces = lines.slice();
  for (const line of escaped) pieces[line] = inJson(pieces[line]);
  pieces[0] = `{"id":${JSON.stringify(id)},"text":"${pieces[0]}`;
  pieces[pieces.length - 1] += `\\n","metadata":${tail}`;
  return pieces.join(inJson(separator));
}

/** A string as it stands inside a JSON string literal, quotes left out. */
function inJson(text: string): string {
  return JSON.stringify(text).slice(1, -1);
}

/** A byte sink to `path`, optionally gzipped, that appears only on `commit()`. */
class AtomicSink {
  private readonly tmp: string;
  private file?: WriteStream;
  private gzip?: Gzip;
  /** Settles when the file is closed, or with the first error of the gzip or the file. */
  private done?: Promise<void>;
  private readonly pending = new Chunks();

  constructor(
    readonly path: string,
    private readonly compress: boolean,
  ) {
    this.tmp = temporaryPath(path);
  }

  private async open(): Promise<void> {
    await mkdir(dirname(this.path), { recursive: true });
    const file = createWriteStream(this.tmp, { highWaterMark: 1 << 20 });
    await once(file, "open");
    this.file = file;
    if (this.compress) {
      this.gzip = createGzip({ level: 6 });
      // pipeline, not pipe: a file that fails (a full disk) fails the gzip too, so no wait hangs.
      this.done = pipeline(this.gzip, file);
    } else this.done = finished(file);
    this.done.catch(() => {});
  }

  /** Buffers small writes; hands the stream 256 KB at a time and waits when it is full. */
  async write(text: string | Uint8Array): Promise<void> {
    this.pending.add(text);
    if (this.pending.size >= 1 << 18) await this.guard(() => this.flush());
  }

  private async flush(): Promise<void> {
    if (!this.file) await this.open();
    const target = this.gzip ?? this.file!;
    if (target.errored) throw target.errored;
    if (this.pending.size > 0 && !this.pending.writeTo(target)) await Promise.race([drained(target), this.done]);
  }

  async commit(): Promise<void> {
    await this.guard(async () => {
      await this.flush();
      (this.gzip ?? this.file!).end();
      await this.done;
      await rename(this.tmp, this.path);
    });
  }

  /** Runs a step; on failure removes the temporary file and throws a WriteError naming the target. */
  private async guard(step: () => Promise<void>): Promise<void> {
    try {
      await step();
    } catch (error) {
      await this.abort();
      throw new WriteError(this.path, error);
    }
  }

  async abort(): Promise<void> {
    this.gzip?.destroy();
    await destroyed(this.file);
    await removeQuietly(this.tmp);
  }
}

/** How record bodies are framed: one per line, or as the elements of a JSON array. */
export type RecordFraming = "lines" | "array";

/** Writes record bodies (JSON without a line break) in order. */
export class RecordWriter {
  private readonly sink: AtomicSink;
  private count = 0;

  constructor(
    readonly path: string,
    private readonly framing: RecordFraming,
    compress: boolean,
  ) {
    this.sink = new AtomicSink(path, compress);
  }

  async write(body: string | Uint8Array): Promise<void> {
    if (this.framing === "array") await this.sink.write(this.count === 0 ? "[\n" : ",\n");
    await this.sink.write(body);
    if (this.framing === "lines") await this.sink.write("\n");
    this.count++;
  }

  async commit(): Promise<void> {
    if (this.framing === "array") await this.sink.write(this.count === 0 ? "[]\n" : "\n]\n");
    await this.sink.commit();
  }

  abort(): Promise<void> {
    return this.sink.abort();
  }
}
