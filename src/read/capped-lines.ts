// Bytes -> lines of UTF-8 text, with a cap: a line that grows past `maxBytes` is not
// kept in memory; its bytes are counted and dropped up to the next line break, and an
// OversizedLine stands in its place. So a gzip bomb of one endless line costs the cap,
// not the bomb, and the lines after it are still read.
// A plain object fed chunk by chunk, not a stream: the JSONL reader takes each chunk's lines at
// once, where an object-mode stream (and a chain of them) handed them over one by one.

export class OversizedLine {
  constructor(readonly bytes: number) {}
}

const LF = 10;

export class CappedLines {
  private parts: Buffer[] = [];
  private size = 0;
  private oversized = false;

  constructor(private readonly maxBytes: number) {}

  /** The lines that end in `chunk` (a line begun in earlier chunks included), in order. */
  lines(chunk: Buffer): Array<string | OversizedLine> {
    const out: Array<string | OversizedLine> = [];
    let start = 0;
    while (start <= chunk.length) {
      const end = chunk.indexOf(LF, start);
      // A whole line inside the chunk is decoded from it in place: copying it out and joining
      // the copies was two copies of every record's bytes.
      if (end !== -1 && this.size === 0 && !this.oversized) {
        out.push(end - start > this.maxBytes ? new OversizedLine(end - start) : chunk.toString("utf8", start, end));
        start = end + 1;
        continue;
      }
      const piece = chunk.subarray(start, end === -1 ? chunk.length : end);
      this.add(piece);
      if (end === -1) break;
      out.push(this.endLine());
      start = end + 1;
    }
    return out;
  }

  /** The last line, when the bytes did not end in a line break. */
  rest(): Array<string | OversizedLine> {
    return this.size > 0 || this.oversized ? [this.endLine()] : [];
  }

  private add(piece: Buffer): void {
    this.size += piece.length;
    if (this.oversized) return;
    if (this.size > this.maxBytes) {
      this.oversized = true;
      this.parts = [];
    } else if (piece.length) this.parts.push(Buffer.from(piece));
  }

  private endLine(): string | OversizedLine {
    const line = this.oversized ? new OversizedLine(this.size) : Buffer.concat(this.parts).toString("utf8");
    this.parts = [];
    this.size = 0;
    this.oversized = false;
    return line;
  }
}
