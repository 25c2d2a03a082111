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
  // Before the first slab, an empty text would otherwise fit in the "free" bytes of no slab.
  if (text.length === 0) return EMPTY;
  const free = slab ? slab.length - used : 0;
  // At most 3 bytes per UTF-16 unit: when that fits, there is no need to count the bytes first.
  if (text.length * 3 > free) {
    const bytes = Buffer.byteLength(text);
    if (bytes > free) {
      if (bytes > SLAB_BYTES / 4) return Buffer.from(text, "utf8");
      slab = Buffer.allocUnsafeSlow(SLAB_BYTES);
      used = 0;
    }
  }
  const start = used;
  used += slab!.write(text, start, "utf8");
  return slab!.subarray(start, used);
}
