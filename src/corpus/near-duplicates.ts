// Near-duplicate documents, in input order: a document whose word-shingle Jaccard
// similarity to an earlier kept document reaches the threshold is left out, and says
// which one it duplicates. MinHash/LSH bands only propose candidates; the similarity
// that decides is exact, computed from the candidate's text, which is kept in a temp
// file (not in memory). Only kept documents enter the index, so every left-out
// document points at a document that is in the outputs. Memory: the LSH buckets,
// one entry per band (12) per kept document, plus two numbers for its text's place.
import { closeSync, openSync, readSync, rmSync, writeSync } from "node:fs";
import { bandKeys, DEFAULT_MINHASH, exactJaccard, signature, type MinHashParams } from "./minhash.js";

export interface NearDuplicateOptions {
  /** Jaccard similarity of word-shingle sets at or above which a document is a near-duplicate. */
  threshold: number;
  minhash: MinHashParams;
}

export const DEFAULT_NEAR_DUPLICATES: NearDuplicateOptions = { threshold: 0.8, minhash: DEFAULT_MINHASH };

export interface Duplicate {
  /** Index (among kept documents, in input order) of the document this one duplicates. */
  of: number;
  similarity: number;
}

export class NearDuplicateIndex {
  /** Band key -> kept documents with that band (usually one). */
  private readonly buckets = new Map<number, number | number[]>();
  private readonly fd: number;
  /** Byte offset and length of each kept document's text in the temp file. */
  private readonly offsets: number[] = [];
  private readonly lengths: number[] = [];
  private end = 0;

  constructor(
    private readonly options: NearDuplicateOptions,
    private readonly textsPath: string,
    /** The distinct shingle hashes of a text. */
    private readonly shingles: (text: string) => Set<number>,
  ) {
    this.fd = openSync(textsPath, "w+");
  }

  private textOf(kept: number): string {
    const buffer = Buffer.alloc(this.lengths[kept]!);
    readSync(this.fd, buffer, 0, buffer.length, this.offsets[kept]!);
    return buffer.toString("utf8");
  }

  /** Adds the next document; returns what it duplicates, or undefined when it is kept (and indexed). */
  add(text: string): Duplicate | undefined {
    const own = this.shingles(text);
    const keys = own.size ? bandKeys(signature(own, this.options.minhash), this.options.minhash) : [];
    const candidates = new Set<number>();
    for (const key of keys) {
      const bucket = this.buckets.get(key);
      if (bucket === undefined) continue;
      if (typeof bucket === "number") candidates.add(bucket);
      else for (const c of bucket) candidates.add(c);
    }
    let best: Duplicate | undefined;
    for (const c of [...candidates].sort((a, b) => a - b)) {
      const similarity = exactJaccard(own, this.shingles(this.textOf(c)));
      if (similarity >= this.options.threshold && (!best || similarity > best.similarity)) best = { of: c, similarity };
    }
    if (best) return best;
    const kept = this.offsets.length;
    const bytes = Buffer.from(text, "utf8");
    writeSync(this.fd, bytes, 0, bytes.length, this.end);
    this.offsets.push(this.end);
    this.lengths.push(bytes.length);
    this.end += bytes.length;
    // A text without words indexes nothing: empty documents are not each other's duplicates.
    for (const key of keys) {
      const bucket = this.buckets.get(key);
      if (bucket === undefined) this.buckets.set(key, kept);
      else if (typeof bucket === "number") this.buckets.set(key, [bucket, kept]);
      else bucket.push(kept);
    }
    return undefined;
  }

  close(): void {
    closeSync(this.fd);
    rmSync(this.textsPath, { force: true });
  }
}
