// Bytes -> lines of UTF-8 text, with a cap: a line that grows past `maxBytes` is not
// kept in memory; its bytes are counted and dropped up to the next line break, and an
// OversizedLine stands in its place. So a gzip bomb of one endless line costs the cap,
// not the bomb, and the lines after it are still read.
import { Transform, type TransformCallback } from "node:stream";

export class OversizedLine {
  constructor(readonly bytes: number) {}
}

const LF = 10;

export class CappedLines extends Transform {
  private parts: Buffer[] = [];
  private size = 0;
  private oversized = false;

  constructor(private readonly maxBytes: number) {
    super({ readableObjectMode: true });
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    let start = 0;
    while (start <= chunk.length) {
      const end = chunk.indexOf(LF, start);
      // A whole line inside the chunk is decoded from it in place: copying it out and joining
      // the copies was two copies of every record's bytes.
      if (end !== -1 && this.size === 0 && !this.oversized) {
        this.push(end - start > this.maxBytes ? new OversizedLine(end - start) : chunk.toString("utf8", start, end));
        start = end + 1;
        continue;
      }
      const piece = chunk.subarray(start, end === -1 ? chunk.length : end);
      this.add(piece);
      if (end === -1) break;
      this.endLine();
      start = end + 1;
    }
    done();
  }

  override _flush(done: TransformCallback): void {
    if (this.size > 0 || this.oversized) this.endLine();
    done();
  }

  private add(piece: Buffer): void {
    this.size += piece.length;
    if (this.oversized) return;
    if (this.size > this.maxBytes) {
      this.oversized = true;
      this.parts = [];
    } else if (piece.length) this.parts.push(Buffer.from(piece));
  }

  private endLine(): void {
    this.push(this.oversized ? new OversizedLine(this.size) : Buffer.concat(this.parts).toString("utf8"));
    this.parts = [];
    this.size = 0;
    this.oversized = false;
  }
}
