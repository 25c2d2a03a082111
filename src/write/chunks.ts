// Bytes collected between writes, kept as the pieces they came in. Joining them into one large
// string first (`pending += text`) was most of a run's writing cost: a string of a few hundred
// kB lands in V8's large-object space, and encoding a rope of them flattens it there first
// (bench:throughput, 30 MB: 1.6 s of 5.7 s of the main thread's CPU, news pipeline). Each
// piece is encoded on its own (small strings encode fast) and the pieces are copied once.

/** Clean text, or its UTF-8 bytes (what a pool worker sends back: run/cleaner.ts). */
export type Written = string | Uint8Array;

export class Chunks {
  private pieces: Uint8Array[] = [];
  /** Bytes held. */
  size = 0;

  add(piece: Written): void {
    const bytes = typeof piece === "string" ? Buffer.from(piece, "utf8") : piece;
    if (bytes.length === 0) return;
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
