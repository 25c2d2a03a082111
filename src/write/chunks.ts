// Text collected between writes, encoded straight into buffers that are used again once the
// stream has written them. Joining the text into one large string first (`pending += text`) was
// most of the main thread's writing cost: a string of a few hundred kB lands in V8's large-object
// space, and encoding a rope of them flattens it there first (bench:throughput, 30 MB, news
// pipeline, --cpu-prof: 1.6 s in Buffer.from). Encoding each piece into a buffer of its own and
// joining those (Buffer.concat) cost a copy of every byte and a fresh large buffer per write,
// whose pages the kernel mapped again every time (the floor's page faults).
import type { Writable } from "node:stream";

/** Bytes per buffer: pieces of text are encoded into it end to end. */
const BUFFER_BYTES = 64 * 1024;
/** Written buffers kept for reuse: a stream holds up to its high-water mark (1 MB) plus one flush. */
const SPARE_BUFFERS = 40;

export class Chunks {
  /** Filled buffers (views of their used part) not yet handed to a stream. */
  private filled: Buffer[] = [];
  private current?: Buffer;
  private used = 0;
  private readonly spare: Buffer[] = [];
  /** Bytes held. */
  size = 0;

  /** Appends text, or bytes already encoded (src/write/utf8-slabs.ts): copied in. */
  add(text: string | Uint8Array): void {
    if (typeof text !== "string") return this.addBytes(text);
    if (text.length === 0) return;
    // At most 3 bytes per UTF-16 unit: when that fits, there is no need to count the bytes.
    if (text.length * 3 > this.free() && !this.makeRoom(Buffer.byteLength(text))) return this.holdAside(Buffer.from(text, "utf8"));
    const written = this.current!.write(text, this.used, "utf8");
    this.used += written;
    this.size += written;
  }

  private addBytes(bytes: Uint8Array): void {
    const size = bytes.byteLength;
    if (size === 0) return;
    if (!this.makeRoom(size)) return this.holdAside(Buffer.from(bytes.buffer, bytes.byteOffset, size));
    this.current!.set(bytes, this.used);
    this.used += size;
    this.size += size;
  }

  private free(): number {
    return this.current ? this.current.length - this.used : 0;
  }

  /** Makes `bytes` of room in the current buffer (a new one when they do not fit); false when no buffer holds them. */
  private makeRoom(bytes: number): boolean {
    if (bytes <= this.free()) return true;
    this.seal();
    if (bytes > BUFFER_BYTES) return false;
    this.current = this.spare.pop() ?? Buffer.allocUnsafeSlow(BUFFER_BYTES);
    return true;
  }

  /** Keeps bytes larger than a buffer as they are, after what is held. */
  private holdAside(bytes: Buffer): void {
    this.filled.push(bytes);
    this.size += bytes.length;
  }

  /**
   * Hands everything held to `stream` (one writev for a file stream) and empties the collection;
   * each buffer is used again once the stream has written it. Returns what the last write
   * returned: false when the caller should wait for "drain".
   */
  writeTo(stream: Writable): boolean {
    this.seal();
    const pieces = this.filled;
    this.filled = [];
    this.size = 0;
    let more = true;
    stream.cork();
    for (const piece of pieces) more = stream.write(piece, (error) => error || this.reuse(piece));
    stream.uncork();
    return more;
  }

  /** Closes the buffer being filled: its used part joins the filled ones. */
  private seal(): void {
    if (this.current && this.used > 0) this.filled.push(this.current.subarray(0, this.used));
    this.current = undefined;
    this.used = 0;
  }

  private reuse(piece: Buffer): void {
    // Only whole buffers of this collection's own size come back (a large piece was made for itself).
    if (piece.buffer.byteLength === BUFFER_BYTES && piece.byteOffset === 0 && this.spare.length < SPARE_BUFFERS) {
      this.spare.push(Buffer.from(piece.buffer, 0, BUFFER_BYTES));
    }
  }
}
