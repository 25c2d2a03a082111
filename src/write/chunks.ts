// Text collected between writes, kept as the pieces it came in. Joining them into one large
// string first (`pending += text`) was most of the main thread's writing cost: a string of a few
// hundred kB lands in V8's large-object space, and encoding a rope of them flattens it there
// first (bench:throughput, 30 MB, news pipeline, --cpu-prof: 1.6 s in Buffer.from). Each piece
// is encoded on its own, which is fast for small strings, and the bytes are copied once.

export class Chunks {
  private pieces: Buffer[] = [];
  /** Bytes held. */
  size = 0;

  add(text: string): void {
    if (text.length === 0) return;
    const bytes = Buffer.from(text, "utf8");
    this.pieces.push(bytes);
    this.size += bytes.length;
  }

  /** Everything held, as one buffer, and empties the collection. */
  take(): Buffer {
    const all = Buffer.concat(this.pieces, this.size);
    this.pieces = [];
    this.size = 0;
    return all;
  }
}
