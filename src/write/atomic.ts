// Outputs appear whole or not at all: write to a temporary file beside the target
// (`NAME.tmp-PID-N`), then rename (atomic on one file system). A failed write removes
// its temporary file and throws a WriteError naming the target and the reason; a run
// killed before it could do that leaves temporaries that the next run removes (stale.ts).
import { createWriteStream, type WriteStream } from "node:fs";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { once } from "node:events";
import { dirname } from "node:path";
import type { Writable } from "node:stream";

/** What file-system error codes mean, for one-line messages. */
const REASONS: Record<string, string> = {
  ENOSPC: "no space left on device",
  EDQUOT: "disk quota exceeded",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EROFS: "read-only file system",
  ENOTDIR: "a part of the path is a file, not a folder",
  // Creating the folders of a path fails so when one of them is a file.
  EEXIST: "a part of the path is a file, not a folder",
  EISDIR: "it is a folder",
  EMFILE: "too many open files",
  EIO: "input/output error",
};

/** A file chaff could not write: names the file the user asked for, not its temporary. */
export class WriteError extends Error {
  constructor(
    readonly path: string,
    cause: unknown,
  ) {
    const code = (cause as NodeJS.ErrnoException).code;
    const reason = code && REASONS[code] ? `${REASONS[code]} (${code})` : (cause as Error).message;
    super(`cannot write ${path}: ${reason}`, { cause });
  }
}

/** Removes a temporary file; a failure here must not hide the error that led to it. */
export async function removeQuietly(path: string): Promise<void> {
  await rm(path, { force: true }).catch(() => {});
}

let counter = 0;
export function temporaryPath(path: string): string {
  return `${path}.tmp-${process.pid}-${++counter}`;
}

export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const tmp = temporaryPath(path);
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (error) {
    await removeQuietly(tmp);
    throw new WriteError(path, error);
  }
}

/** Resolves when `stream` can take more; rejects when it failed, before or while waiting (a full disk never drains). */
/** Destroys a file stream that is still open and waits until its file is closed. */
export async function destroyed(stream: WriteStream | undefined): Promise<void> {
  if (!stream || stream.closed) return;
  const closed = once(stream, "close").catch(() => {});
  stream.destroy();
  await closed;
}

export async function drained(stream: Writable): Promise<void> {
  if (stream.errored) throw stream.errored;
  await once(stream, "drain");
}

/** A stream to a temporary file that becomes `path` on `commit()`, or vanishes on `abort()`. */
export class AtomicWriteStream {
  private readonly tmp: string;
  private stream?: WriteStream;

  constructor(readonly path: string) {
    this.tmp = temporaryPath(path);
  }

  async open(): Promise<WriteStream> {
    try {
      await mkdir(dirname(this.path), { recursive: true });
      this.stream = createWriteStream(this.tmp);
      await once(this.stream, "open");
      return this.stream;
    } catch (error) {
      await this.abort();
      throw new WriteError(this.path, error);
    }
  }

  /** Writes a chunk, waiting for the stream to drain when its buffer is full. */
  write(chunk: string | Uint8Array): Promise<void> {
    return this.writeWith((stream) => stream.write(chunk));
  }

  /** Runs `put` on the open stream (it returns what the stream's writes returned), then waits for the stream to drain when it is full. */
  async writeWith(put: (stream: Writable) => boolean): Promise<void> {
    const stream = this.stream ?? (await this.open());
    try {
      if (stream.errored) throw stream.errored;
      if (!put(stream)) await drained(stream);
    } catch (error) {
      await this.abort();
      throw new WriteError(this.path, error);
    }
  }

  async commit(): Promise<void> {
    const stream = this.stream ?? (await this.open());
    try {
      await new Promise<void>((resolve, reject) => stream.end((error?: Error | null) => (error ? reject(error) : resolve())));
      await rename(this.tmp, this.path);
    } catch (error) {
      await this.abort();
      throw new WriteError(this.path, error);
    }
  }

  async abort(): Promise<void> {
    await destroyed(this.stream);
    await removeQuietly(this.tmp);
  }
}
