// The run's two logs besides the outputs: the audit (every removal, every document) and
// the rejects (records set aside, documents that failed). Both appear whole or not at all.
import { AtomicWriteStream } from "./atomic.js";
import { Chunks } from "./chunks.js";

/** Audit lines are buffered up to this many bytes between writes. */
const AUDIT_BUFFER = 1 << 20;

export class AuditSink {
  private readonly stream: AtomicWriteStream;
  private readonly buffer = new Chunks();

  constructor(readonly path: string) {
    this.stream = new AtomicWriteStream(path);
  }

  /** Opens the file at once, so that an audit that cannot be written stops the run before any work. */
  async open(): Promise<void> {
    await this.stream.open();
  }

  async append(lines: string | Uint8Array): Promise<void> {
    this.buffer.add(lines);
    if (this.buffer.size >= AUDIT_BUFFER) await this.flush();
  }

  /** The line of a document or file that failed (the report reads these). */
  appendError(record: { doc?: string; source: string; reason: string }): Promise<void> {
    return this.append(JSON.stringify({ type: "error", ...record }) + "\n");
  }

  private async flush(): Promise<void> {
    if (this.buffer.size > 0) await this.stream.writeWith((stream) => this.buffer.writeTo(stream));
  }

  async commit(): Promise<void> {
    await this.flush();
    await this.stream.commit();
  }

  abort(): Promise<void> {
    return this.stream.abort();
  }
}

export class RejectsSink {
  private readonly stream: AtomicWriteStream;
  /** Whether anything was set aside. */
  used = false;

  constructor(readonly path: string) {
    this.stream = new AtomicWriteStream(path);
  }

  async append(line: Record<string, unknown>): Promise<void> {
    this.used = true;
    await this.stream.write(JSON.stringify(line) + "\n");
  }

  /** Writes the file (empty when nothing was set aside), or leaves none when `keepEmpty` is false and nothing was. */
  async finish(keepEmpty: boolean): Promise<void> {
    if (this.used || keepEmpty) await this.stream.commit();
    else await this.stream.abort();
  }

  abort(): Promise<void> {
    return this.stream.abort();
  }
}
