// MinHash signatures over word shingles, and LSH banding to find candidate pairs.
// Shingles are hashed once with xxHash32; each of the k "permutations" is a bijection
// of 32-bit ints (xor with a fixed seed, then MurmurHash3's finaliser), so the
// signature's agreement rate estimates the Jaccard similarity of the shingle sets.

export interface MinHashParams {
  /** Words per shingle. */
  shingle: number;
  /** LSH bands, and rows per band: the signature has bands x rows hashes. */
  bands: number;
  rows: number;
}

/**
 * 12 bands of 5 rows (60 hashes): a pair at Jaccard 0.8 shares a band with probability
 * 1 - (1 - 0.8^5)^12 = 0.992, a pair at 0.5 with 0.32 (candidates are then checked exactly).
 */
export const DEFAULT_MINHASH: MinHashParams = { shingle: 5, bands: 12, rows: 5 };

export type Hash32 = (text: string, seed?: number) => number;

/** MurmurHash3's 32-bit finaliser: a bijection that spreads every input bit. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Fixed seeds for the permutations (splitmix32 from a constant): the same signatures on every run and machine. */
function permutationSeeds(count: number): Uint32Array {
  const seeds = new Uint32Array(count);
  let state = 0x9e3779b9;
  for (let i = 0; i < count; i++) {
    state = (state + 0x9e3779b9) >>> 0;
    seeds[i] = fmix32(state);
  }
  return seeds;
}

const seedCache = new Map<number, Uint32Array>();
function seedsFor(count: number): Uint32Array {
  let seeds = seedCache.get(count);
  if (!seeds) seedCache.set(count, (seeds = permutationSeeds(count)));
  return seeds;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
/** 1 where a UTF-16 unit alone is a letter or digit (2: a surrogate, decided with its pair). */
const WORD_UNIT = (() => {
  const table = new Uint8Array(0x10000);
  for (let unit = 0; unit < 0x10000; unit++) table[unit] = unit >= 0xd800 && unit <= 0xdfff ? 2 : WORD_CHAR.test(String.fromCharCode(unit)) ? 1 : 0;
  return table;
})();

/** Lower-cased words (letters and digits in any script): `[\p{L}\p{N}]+` runs, found by a table scan. */
export function words(text: string): string[] {
  const lower = text.toLowerCase();
  const found: string[] = [];
  let start = -1;
  for (let i = 0; i < lower.length; i++) {
    let kind = WORD_UNIT[lower.charCodeAt(i)]!;
    let width = 1;
    if (kind === 2) {
      const code = lower.codePointAt(i)!;
      width = code > 0xffff ? 2 : 1;
      kind = WORD_CHAR.test(String.fromCodePoint(code)) ? 1 : 0;
    }
    if (kind === 1) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      found.push(lower.slice(start, i));
      start = -1;
    }
    i += width - 1;
  }
  if (start >= 0) found.push(lower.slice(start));
  return found;
}

/**
 * The distinct hashes of a text's word n-grams; a text shorter than n words is one shingle.
 * Each word is hashed once and an n-gram's hash combines its words' hashes in order.
 */
export function shingleHashes(text: string, n: number, hash: Hash32): Set<number> {
  const tokens = words(text);
  const hashes = new Set<number>();
  if (tokens.length === 0) return hashes;
  const wordHashes = tokens.map((w) => hash(w));
  const combine = (from: number, to: number) => {
    let h = 0x811c9dc5;
    for (let i = from; i < to; i++) h = fmix32((Math.imul(h, 0x01000193) ^ wordHashes[i]!) >>> 0);
    return h;
  };
  if (tokens.length < n) {
    hashes.add(combine(0, tokens.length));
    return hashes;
  }
  for (let i = 0; i + n <= tokens.length; i++) hashes.add(combine(i, i + n));
  return hashes;
}

/** The MinHash signature of a set of shingle hashes (all 0xffffffff for an empty set). */
export function signature(shingles: Iterable<number>, params: MinHashParams = DEFAULT_MINHASH): Uint32Array {
  const k = params.bands * params.rows;
  const seeds = seedsFor(k);
  const sig = new Uint32Array(k).fill(0xffffffff);
  for (const h of shingles) {
    for (let i = 0; i < k; i++) {
      // fmix32, inlined: this loop is most of the cost of near-duplicate detection.
      let v = (h ^ seeds[i]!) >>> 0;
      v ^= v >>> 16;
      v = Math.imul(v, 0x85ebca6b);
      v ^= v >>> 13;
      v = Math.imul(v, 0xc2b2ae35);
      v = (v ^ (v >>> 16)) >>> 0;
      if (v < sig[i]!) sig[i] = v;
    }
  }
  return sig;
}

/** The share of positions where two signatures agree: an unbiased estimate of Jaccard similarity. */
export function estimatedJaccard(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}

/** One key per band: the band's number and a hash of its rows, as one safe integer. */
export function bandKeys(sig: Uint32Array, params: MinHashParams = DEFAULT_MINHASH): number[] {
  const keys: number[] = [];
  for (let band = 0; band < params.bands; band++) {
    let h = band + 1;
    for (let r = 0; r < params.rows; r++) h = fmix32((Math.imul(h, 31) + sig[band * params.rows + r]!) >>> 0);
    keys.push(band * 2 ** 32 + h);
  }
  return keys;
}

/** Exact Jaccard similarity of two sets, for tests and for checking the estimate. */
export function exactJaccard(a: ReadonlySet<number>, b: ReadonlySet<number>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / (a.size + b.size - shared);
}
