// Outputs appear whole or not at all: write to a temporary file beside the
// target, then rename (atomic on one file system).
import { createWriteStream, type WriteStream } from "node:fs";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { dirname } from "node:path";

let counter = 0;
function temporaryPath(path: string): string {
  return `${path}.tmp-${process.pid}-${++counter}`;
}

export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = temporaryPath(path);
  try {
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}

/** A stream to a temporary file that becomes `path` on `commit()`, or vanishes on `abort()`. */
export class AtomicWriteStream {
  private readonly tmp: string;
  private stream?: WriteStream;

  constructor(readonly path: string) {
    this.tmp = temporaryPath(path);
  }

  async open(): Promise<WriteStream> {
    await mkdir(dirname(this.path), { recursive: true });
    this.stream = createWriteStream(this.tmp);
    await new Promise<void>((resolve, reject) => {
      this.stream!.once("open", () => resolve());
      this.stream!.once("error", reject);
    });
    return this.stream;
  }

  /** Writes a chunk, waiting for the stream to drain when its buffer is full. */
  async write(chunk: string | Uint8Array): Promise<void> {
    const stream = this.stream ?? (await this.open());
    if (!stream.write(chunk)) await new Promise<void>((resolve) => stream.once("drain", () => resolve()));
  }

  async commit(): Promise<void> {
    const stream = this.stream ?? (await this.open());
    await new Promise<void>((resolve, reject) => stream.end((error?: Error | null) => (error ? reject(error) : resolve())));
    await rename(this.tmp, this.path);
  }

  async abort(): Promise<void> {
    if (this.stream && !this.stream.closed) await new Promise<void>((resolve) => this.stream!.destroy() && this.stream!.once("close", () => resolve()));
    await rm(this.tmp, { force: true });
  }
}
