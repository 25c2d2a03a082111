// A document's output and audit lines, encoded as soon as it is cleaned. Cleaned inline, a batch's
// results wait for the writer until the whole batch is done; held as strings (news: ~5 kB of audit
// per record, much of it a rope of small pieces), they outlived the young generation's collections
// and were copied, then promoted to the old generation. Bytes outside the JS heap are not copied by
// a collection. Texts are encoded end to end into shared slabs, each text's bytes a view of its
// slab (one allocation per slab, not per text); a slab is freed when its last view is.

/** Bytes per slab; a text larger than a slab gets a buffer of its own. */
const SLAB_BYTES = 256 * 1024;

let slab: Buffer | undefined;
let used = 0;
const EMPTY = new Uint8Array(0);

/** `text` as UTF-8, the same bytes as `Buffer.from(text)`. */
export function encodeUtf8(text: string): Uint8Array {
  return encodeUtf8After(EMPTY, text);
}

/** `head` (bytes) followed by `text` as UTF-8, in one view: the same bytes as `Buffer.concat([head, Buffer.from(text)])`. */
export function encodeUtf8After(head: Uint8Array, text: string): Uint8Array {
  const headBytes = head.byteLength;
  // Before the first slab, an empty text would otherwise fit in the "free" bytes of no slab.
  if (headBytes === 0 && text.length === 0) return EMPTY;
  const free = slab ? slab.length - used : 0;
  // At most 3 bytes per UTF-16 unit: when that fits, there is no need to count the bytes first.
  if (headBytes + text.length * 3 > free) {
    const bytes = headBytes + Buffer.byteLength(text);
    if (bytes > free) {
      if (bytes > SLAB_BYTES / 4) return ownBuffer(head, text, bytes);
      slab = Buffer.allocUnsafeSlow(SLAB_BYTES);
      used = 0;
    }
  }
  const start = used;
  if (headBytes > 0) slab!.set(head, used);
  used += headBytes;
  used += slab!.write(text, used, "utf8");
  return slab!.subarray(start, used);
}

function ownBuffer(head: Uint8Array, text: string, bytes: number): Buffer {
  if (head.byteLength === 0) return Buffer.from(text, "utf8");
  const own = Buffer.allocUnsafe(bytes);
  own.set(head, 0);
  own.write(text, head.byteLength, "utf8");
  return own;
}

/**
 * Texts encoded for a moment, end to end in one buffer used again: a batch cleaned on the main
 * thread holds each record's head here until its tail is written after it (src/run/task.ts), as
 * bytes outside the JS heap. A view stays valid until `clear()`; a text that does not fit starts a
 * larger buffer, and the views of the one before keep it. Made on first use (pool workers never
 * use it); one larger than a slab, made for a large record, is let go at `clear()`.
 */
export class Utf8Scratch {
  #buffer?: Buffer;
  #used = 0;

  encode(text: string): Uint8Array {
    const free = this.#buffer ? this.#buffer.length - this.#used : -1;
    if (text.length * 3 > free) {
      const bytes = Buffer.byteLength(text);
      if (bytes > free) {
        this.#buffer = Buffer.allocUnsafeSlow(Math.max(SLAB_BYTES, bytes));
        this.#used = 0;
      }
    }
    const start = this.#used;
    this.#used += this.#buffer!.write(text, start, "utf8");
    return this.#buffer!.subarray(start, this.#used);
  }

  /** Every view made so far may be written over from now on. */
  clear(): void {
    this.#used = 0;
    if (this.#buffer && this.#buffer.length > SLAB_BYTES) this.#buffer = undefined;
  }
}
