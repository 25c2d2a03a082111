// Records out: the shape datatrove and Dolma read, `{id, text, metadata}`, as JSON
// lines or a JSON array, gzipped when the input was. Streamed to a temporary file
// that is renamed into place on commit.
import { createWriteStream, type WriteStream } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import { dirname } from "node:path";
import { createGzip, type Gzip } from "node:zlib";

export interface OutputRecord {
  id: string;
  text: string;
  metadata: {
    /** The input record's fields other than the id and text fields, verbatim. */
    source_fields: Record<string, unknown>;
    /** What the reader, extractor and stages found: timestamp, dateline, tags, byline, title... */
    found: Record<string, unknown>;
    /** Removed fragments by rule id. */
    removals: Record<string, number>;
    chars: { in: number; out: number; removed: number };
  };
}

/** One output record as a single line of JSON (no line break). */
export function recordJson(parts: {
  id: string;
  text: string;
  meta: Record<string, unknown>;
  rules: Record<string, number>;
  chars: { in: number; out: number; removed: number };
  fields: Record<string, unknown>;
}): string {
  const record: OutputRecord = {
    id: parts.id,
    text: parts.text,
    metadata: { source_fields: parts.fields, found: parts.meta, removals: parts.rules, chars: parts.chars },
  };
  return JSON.stringify(record);
}

let counter = 0;

/** A byte sink to `path`, optionally gzipped, that appears only on `commit()`. */
export class AtomicSink {
  private readonly tmp: string;
  private file?: WriteStream;
  private gzip?: Gzip;
  private pending = "";

  constructor(
    readonly path: string,
    private readonly compress: boolean,
  ) {
    this.tmp = `${path}.tmp-${process.pid}-${++counter}`;
  }

  private async open(): Promise<void> {
    await mkdir(dirname(this.path), { recursive: true });
    const file = createWriteStream(this.tmp, { highWaterMark: 1 << 20 });
    await new Promise<void>((resolve, reject) => {
      file.once("open", () => resolve());
      file.once("error", reject);
    });
    this.file = file;
    if (this.compress) {
      this.gzip = createGzip({ level: 6 });
      this.gzip.pipe(file);
    }
  }

  /** Buffers small writes; hands the stream 256 KB at a time and waits when it is full. */
  async write(text: string): Promise<void> {
    this.pending += text;
    if (this.pending.length >= 1 << 18) await this.flush();
  }

  private async flush(): Promise<void> {
    if (!this.file) await this.open();
    const target = this.gzip ?? this.file!;
    const chunk = this.pending;
    this.pending = "";
    if (chunk && !target.write(chunk)) await new Promise<void>((resolve) => target.once("drain", () => resolve()));
  }

  async commit(): Promise<void> {
    await this.flush();
    const file = this.file!;
    const closed = new Promise<void>((resolve, reject) => {
      file.once("close", () => resolve());
      file.once("error", reject);
    });
    if (this.gzip) this.gzip.end();
    else file.end();
    await closed;
    await rename(this.tmp, this.path);
  }

  async abort(): Promise<void> {
    this.gzip?.destroy();
    if (this.file && !this.file.closed) await new Promise<void>((resolve) => this.file!.destroy() && this.file!.once("close", () => resolve()));
    await rm(this.tmp, { force: true });
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

  async write(body: string): Promise<void> {
    if (this.framing === "lines") await this.sink.write(body + "\n");
    else await this.sink.write((this.count === 0 ? "[\n" : ",\n") + body);
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

/** The output writer of a record format: framed records, gzipped when the output name ends in `.gz`. */
export function recordOutputWriter(outPath: string, framing: RecordFraming): { write(body: string): Promise<void>; commit(): Promise<void>; abort(): Promise<void>; outputOf(task: { id: string }): string } {
  const writer = new RecordWriter(outPath, framing, /\.gz$/i.test(outPath));
  return {
    write: (body) => writer.write(body),
    commit: () => writer.commit(),
    abort: () => writer.abort(),
    outputOf: (task) => `${outPath}#${task.id}`,
  };
}
