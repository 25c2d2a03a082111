// Lines a site repeats on its pages. Two passes over the documents with memory that does
// not grow with the corpus: the first counts pages per (site, line) in a Count-Min sketch
// (fixed size; it can only overcount), the second counts exactly, in a map, only the
// lines the sketch says may reach `minPages`. So the decision is exact; the sketch only
// bounds how many lines the exact map holds.

import { closeSync, openSync, readSync, rmSync, writeSync } from "node:fs";

export interface SiteBoilerplateOptions {
  /** A line must be on at least this many pages of its site... */
  minPages: number;
  /** ...and on at least this share of the site's pages. */
  minShare: number;
  /**
   * A line of more than this many words is prose: it goes only when it is on at least
   * `proseShare` of the site's pages (a syndicated paragraph two or three pages share stays).
   */
  proseWords: number;
  proseShare: number;
  /** Count-Min sketch: rows and counters per row (memory: depth x width x 2 bytes). */
  sketchDepth: number;
  sketchWidth: number;
}

/** Chosen on cleanportaleval's dumps (4 sites, 10 to 30 pages each); see the README. */
export const DEFAULT_SITE_BOILERPLATE: SiteBoilerplateOptions = {
  minPages: 3,
  minShare: 0.1,
  proseWords: 40,
  proseShare: 0.5,
  sketchDepth: 4,
  sketchWidth: 1 << 22,
};

/** How a line is compared: trimmed, spaces collapsed, lower-cased, digits as 0 (`© 2016` and `© 2017` are one line), as CCNet does. */
function lineKeyText(line: string): string {
  let text = line.trim();
  if (/\s\s|[^\S ]/.test(text)) text = text.replace(/\s+/g, " ");
  text = text.toLowerCase();
  return /\p{Nd}/u.test(text) ? text.replace(/\p{Nd}/gu, "0") : text;
}

export type Hash64 = (text: string) => bigint;

export class SiteLineCounter {
  private sketch: Uint16Array;
  private readonly pagesPerSite = new Map<string, number>();
  private readonly exact = new Map<bigint, number>();

  constructor(
    private readonly options: SiteBoilerplateOptions,
    private readonly hash: Hash64,
  ) {
    this.sketch = new Uint16Array(options.sketchDepth * options.sketchWidth);
  }

  /**
   * The key of each line of a page (`text.split("\n")`), 0 for a blank line: computed once, kept in a KeyLog for the
   * later passes. Equal to `lineKey(site, line)` for each line, but the page is folded at once rather than line by line:
   * spaces collapsed first (as `lineKeyText` does before lower-casing, which matters to Greek final sigma), then
   * lower-cased, then digits replaced; none of these adds, removes or moves a line break.
   */
  lineKeys(site: string, text: string): bigint[] {
    const spaced = /[^\S \n]| [^\S\n]/.test(text) ? text.replace(/[^\S\n]+/g, " ") : text;
    const lower = spaced.toLowerCase();
    const folded = /\p{Nd}/u.test(lower) ? lower.replace(/\p{Nd}/gu, "0") : lower;
    return folded.split("\n").map((line) => {
      const trimmed = line.trim();
      return trimmed === "" ? 0n : this.hash(`${site}\u0000${trimmed}`);
    });
  }

  /** A line's identity within its site (64 bits, as two 32-bit halves for the sketch), line by line: the reference `lineKeys` is tested against. */
  lineKey(site: string, line: string): bigint {
    return line.trim() === "" ? 0n : this.hash(`${site}\u0000${lineKeyText(line)}`);
  }

  /** The distinct keys of a page's non-blank lines. */
  private static distinct(lineKeys: ArrayLike<bigint>): Set<bigint> {
    const keys = new Set<bigint>();
    for (let i = 0; i < lineKeys.length; i++) if (lineKeys[i] !== 0n) keys.add(lineKeys[i]!);
    return keys;
  }

  private cells(k: bigint): number[] {
    const lo = Number(k & 0xffffffffn);
    const hi = Number(k >> 32n) | 1;
    const cells: number[] = [];
    for (let row = 0; row < this.options.sketchDepth; row++) cells.push(row * this.options.sketchWidth + ((lo + Math.imul(row, hi)) >>> 0) % this.options.sketchWidth);
    return cells;
  }

  /** First pass: one page of a site, by its line keys. */
  countPage(site: string, lineKeys: ArrayLike<bigint>): void {
    this.pagesPerSite.set(site, (this.pagesPerSite.get(site) ?? 0) + 1);
    for (const k of SiteLineCounter.distinct(lineKeys)) for (const c of this.cells(k)) if (this.sketch[c]! < 0xffff) this.sketch[c]!++;
  }

  private estimate(k: bigint): number {
    let min = Infinity;
    for (const c of this.cells(k)) min = Math.min(min, this.sketch[c]!);
    return min;
  }

  /**
   * Pages of its site a line must be on to be removed: `minPages`, and `minShare` of the site's pages (rounded down:
   * a floor never excludes a line `verdict` would take). Known once the first pass has counted every page.
   */
  private neededPages(site: string): number {
    return Math.max(this.options.minPages, Math.floor(this.options.minShare * this.pages(site)));
  }

  /**
   * Second pass: the same page of `site` again; exact counts for the lines that may be repeated. A line whose
   * overestimate is below what its site needs cannot be removed, so it is not counted: on a big site, lines
   * repeated a few times (a quote, a syndicated paragraph) would otherwise fill the map.
   */
  recountPage(site: string, lineKeys: ArrayLike<bigint>): void {
    const needed = this.neededPages(site);
    for (const k of SiteLineCounter.distinct(lineKeys)) if (this.estimate(k) >= needed) this.exact.set(k, (this.exact.get(k) ?? 0) + 1);
  }

  /** After the second pass: the sketch is not read again, and its memory (32 MB by default) goes back before the third. */
  releaseSketch(): void {
    this.sketch = new Uint16Array(0);
  }

  /** Lines the exact map holds: what the second pass costs in memory. */
  get candidates(): number {
    return this.exact.size;
  }

  pages(site: string): number {
    return this.pagesPerSite.get(site) ?? 0;
  }

  /** After both passes: whether a line of a page of `site` is site boilerplate, with its counts. */
  verdict(site: string, line: string, lineKey: bigint): { pages: number; share: number } | undefined {
    if (lineKey === 0n) return undefined;
    const pages = this.exact.get(lineKey) ?? 0;
    const sitePages = this.pages(site);
    if (pages < this.options.minPages || sitePages === 0) return undefined;
    const share = pages / sitePages;
    if (share < this.options.minShare) return undefined;
    const wordCount = line.trim().split(/\s+/).length;
    if (wordCount > this.options.proseWords && share < this.options.proseShare) return undefined;
    return { pages, share };
  }
}

/**
 * The line keys of every page, in order, in a temp file: the first pass hashes each line
 * once, the second reads the keys back instead of reading and hashing the outputs again,
 * and the third takes each line's key from here. Per page: a 32-bit line count, then a
 * 64-bit key per line (0: blank).
 */
export class KeyLog {
  private readonly fd: number;
  private chunk = Buffer.alloc(1 << 20);
  private used = 0;
  private readAt = 0;
  private buffered = 0;

  constructor(private readonly path: string) {
    this.fd = openSync(path, "w+");
  }

  append(lineKeys: readonly bigint[]): void {
    const bytes = 4 + 8 * lineKeys.length;
    if (this.used + bytes > this.chunk.length) this.flush();
    if (bytes > this.chunk.length) this.chunk = Buffer.alloc(bytes);
    this.chunk.writeUInt32LE(lineKeys.length, this.used);
    for (let i = 0; i < lineKeys.length; i++) this.chunk.writeBigUInt64LE(lineKeys[i]!, this.used + 4 + 8 * i);
    this.used += bytes;
  }

  private flush(): void {
    writeSync(this.fd, this.chunk, 0, this.used);
    this.used = 0;
  }

  /** Ends writing; the next `next()` reads from the first page. */
  rewind(): void {
    if (this.used) this.flush();
    this.readAt = 0;
    this.buffered = 0;
    this.used = 0;
  }

  /** The next page's line keys, in the order they were appended. */
  next(): BigUint64Array {
    const count = this.take(4).readUInt32LE(0);
    const bytes = this.take(8 * count);
    const keys = new BigUint64Array(count);
    for (let i = 0; i < count; i++) keys[i] = bytes.readBigUInt64LE(8 * i);
    return keys;
  }

  /** `n` bytes from the file, through the chunk (refilled as it runs out). */
  private take(n: number): Buffer {
    if (this.used + n > this.buffered) {
      const left = this.buffered - this.used;
      if (n > this.chunk.length) {
        const bigger = Buffer.alloc(n);
        this.chunk.copy(bigger, 0, this.used, this.buffered);
        this.chunk = bigger;
      } else this.chunk.copy(this.chunk, 0, this.used, this.buffered);
      const read = readSync(this.fd, this.chunk, left, this.chunk.length - left, this.readAt);
      this.readAt += read;
      this.buffered = left + read;
      this.used = 0;
      if (this.buffered < n) throw new Error(`${this.path}: the line keys end early`);
    }
    const out = this.chunk.subarray(this.used, this.used + n);
    this.used += n;
    return out;
  }

  close(): void {
    closeSync(this.fd);
    rmSync(this.path, { force: true });
  }
}
