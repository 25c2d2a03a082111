// Near-duplicate documents, in input order: a document whose word-shingle Jaccard
// similarity to an earlier kept document reaches the threshold is left out, and says
// which one it duplicates. MinHash/LSH bands only propose candidates; the similarity
// that decides is exact, computed from the candidate's text, which is kept in a temp
// file with its id (not in memory). Only kept documents enter the index, so every
// left-out document points at a document that is in the outputs. Memory: an
// open-addressing table of band keys (12 per kept document, 8 bytes a slot, filled to
// between 0.42 and 0.85: about 140 bytes per kept document, and twice that for the moment
// the table doubles; linear probing stays short at that fill), plus 16 bytes for where its
// id and text are in the file.
import { closeSync, openSync, readSync, rmSync, writeSync } from "node:fs";
import { grown } from "./grow.js";
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
  /** Its id, as given to `add`. */
  ofId: string;
  similarity: number;
}

/**
 * Band key -> the first kept document with that band, in typed arrays (a Map costs several
 * times more per entry). Later kept documents with the same key are not added: each
 * document has 12 bands, so a near-copy still meets them through the others.
 */
class BandTable {
  private keys = new Uint32Array(1 << 16);
  private values = new Int32Array(1 << 16);
  private size = 0;

  private slot(key: number): number {
    const mask = this.keys.length - 1;
    let i = Math.imul(key, 0x9e3779b1) >>> 0 & mask;
    while (this.keys[i] !== 0 && this.keys[i] !== key) i = (i + 1) & mask;
    return i;
  }

  get(key: number): number | undefined {
    const i = this.slot(key);
    return this.keys[i] === 0 ? undefined : this.values[i];
  }

  /** Adds the key unless it is there already. */
  add(key: number, value: number): void {
    const i = this.slot(key);
    if (this.keys[i] !== 0) return;
    this.keys[i] = key;
    this.values[i] = value;
    if (++this.size * 20 > this.keys.length * 17) this.grow();
  }

  private grow(): void {
    const { keys, values } = this;
    this.keys = new Uint32Array(keys.length * 2);
    this.values = new Int32Array(keys.length * 2);
    for (let i = 0; i < keys.length; i++) {
      if (keys[i] === 0) continue;
      const j = this.slot(keys[i]!);
      this.keys[j] = keys[i]!;
      this.values[j] = values[i]!;
    }
  }
}

/** A band key as a non-zero 32-bit number (0 marks an empty slot); a clash only adds a candidate, checked exactly. */
function tableKey(bandKey: number): number {
  const band = Math.floor(bandKey / 2 ** 32);
  return ((bandKey % 2 ** 32) ^ Math.imul(band + 1, 0x85ebca6b)) >>> 0 || 1;
}

export class NearDuplicateIndex {
  private readonly buckets = new BandTable();
  private readonly fd: number;
  /** Where each kept document is in the temp file: its id's bytes start at `offsets[i]`, its text's follow them. */
  private offsets = new Float64Array(1024);
  private idLengths = new Uint32Array(1024);
  private textLengths = new Uint32Array(1024);
  private kept = 0;
  private end = 0;
  /** Bytes written to `writeBuffer` and not yet to the file (they start at `end - pending`). */
  private writeBuffer = Buffer.alloc(1 << 20);
  private pending = 0;

  constructor(
    private readonly options: NearDuplicateOptions,
    private readonly textsPath: string,
    /** The distinct shingle hashes of a text. */
    private readonly shingles: (text: string) => Set<number>,
  ) {
    this.fd = openSync(textsPath, "w+");
  }

  private read(kept: number, what: "id" | "text"): string {
    // A candidate may still be in the write buffer.
    if (this.pending) this.flush();
    const length = what === "id" ? this.idLengths[kept]! : this.textLengths[kept]!;
    const buffer = Buffer.alloc(length);
    readSync(this.fd, buffer, 0, length, this.offsets[kept]! + (what === "id" ? 0 : this.idLengths[kept]!));
    return buffer.toString("utf8");
  }

  private flush(): void {
    writeSync(this.fd, this.writeBuffer, 0, this.pending, this.end - this.pending);
    this.pending = 0;
  }

  /** Appends a string's UTF-8 bytes to the file, through the write buffer; returns their length. */
  private append(text: string): number {
    // A UTF-16 unit is at most 3 UTF-8 bytes: the whole string fits when that much room is left.
    if (this.pending + 3 * text.length > this.writeBuffer.length) {
      if (this.pending) this.flush();
      if (3 * text.length > this.writeBuffer.length) {
        const bytes = Buffer.from(text, "utf8");
        writeSync(this.fd, bytes, 0, bytes.length, this.end);
        this.end += bytes.length;
        return bytes.length;
      }
    }
    const length = this.writeBuffer.write(text, this.pending, "utf8");
    this.pending += length;
    this.end += length;
    return length;
  }

  private remember(id: string, text: string): number {
    if (this.kept === this.offsets.length) {
      this.offsets = grown(this.offsets);
      this.idLengths = grown(this.idLengths);
      this.textLengths = grown(this.textLengths);
    }
    this.offsets[this.kept] = this.end;
    this.idLengths[this.kept] = this.append(id);
    this.textLengths[this.kept] = this.append(text);
    return this.kept++;
  }

  /** Adds the next document; returns what it duplicates, or undefined when it is kept (and indexed). */
  add(text: string, id = ""): Duplicate | undefined {
    const own = this.shingles(text);
    const keys = own.size ? bandKeys(signature(own, this.options.minhash), this.options.minhash).map(tableKey) : [];
    const candidates = new Set<number>();
    for (const key of keys) {
      const kept = this.buckets.get(key);
      if (kept !== undefined) candidates.add(kept);
    }
    let best: { of: number; similarity: number } | undefined;
    for (const c of [...candidates].sort((a, b) => a - b)) {
      const similarity = exactJaccard(own, this.shingles(this.read(c, "text")));
      if (similarity >= this.options.threshold && (!best || similarity > best.similarity)) best = { of: c, similarity };
    }
    if (best) return { ...best, ofId: this.read(best.of, "id") };
    const kept = this.remember(id, text);
    // A text without words indexes nothing: empty documents are not each other's duplicates.
    for (const key of keys) this.buckets.add(key, kept);
    return undefined;
  }

  close(): void {
    closeSync(this.fd);
    rmSync(this.textsPath, { force: true });
  }
}
