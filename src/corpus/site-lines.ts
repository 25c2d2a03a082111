// Lines a site repeats on its pages. Two passes over the documents with memory that does
// not grow with the corpus: the first counts pages per (site, line) in a Count-Min sketch
// (fixed size; it can only overcount), the second counts exactly, in a map, only the
// lines the sketch says may reach `minPages`. So the decision is exact; the sketch only
// bounds how many lines the exact map holds.

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
export function lineKeyText(line: string): string {
  let text = line.trim();
  if (/\s\s|[^\S ]/.test(text)) text = text.replace(/\s+/g, " ");
  text = text.toLowerCase();
  return /\p{Nd}/u.test(text) ? text.replace(/\p{Nd}/gu, "0") : text;
}

export type Hash64 = (text: string) => bigint;

/** A line's identity within its site: 64 bits, as two 32-bit halves for the sketch. */
function key(site: string, line: string, hash: Hash64): bigint {
  return hash(`${site}\u0000${lineKeyText(line)}`);
}

export class SiteLineCounter {
  private readonly sketch: Uint16Array;
  private readonly pagesPerSite = new Map<string, number>();
  private readonly exact = new Map<bigint, number>();

  constructor(
    private readonly options: SiteBoilerplateOptions,
    private readonly hash: Hash64,
  ) {
    this.sketch = new Uint16Array(options.sketchDepth * options.sketchWidth);
  }

  /** The distinct non-blank lines of a page, as keys. */
  private pageKeys(site: string, text: string): bigint[] {
    const keys = new Set<bigint>();
    for (const line of text.split("\n")) if (line.trim() !== "") keys.add(key(site, line, this.hash));
    return [...keys];
  }

  private cells(k: bigint): number[] {
    const lo = Number(k & 0xffffffffn);
    const hi = Number(k >> 32n) | 1;
    const cells: number[] = [];
    for (let row = 0; row < this.options.sketchDepth; row++) cells.push(row * this.options.sketchWidth + ((lo + Math.imul(row, hi)) >>> 0) % this.options.sketchWidth);
    return cells;
  }

  /** First pass: one page of a site. */
  countPage(site: string, text: string): void {
    this.pagesPerSite.set(site, (this.pagesPerSite.get(site) ?? 0) + 1);
    for (const k of this.pageKeys(site, text)) for (const c of this.cells(k)) if (this.sketch[c]! < 0xffff) this.sketch[c]!++;
  }

  private estimate(k: bigint): number {
    let min = Infinity;
    for (const c of this.cells(k)) min = Math.min(min, this.sketch[c]!);
    return min;
  }

  /** Second pass: the same page again; exact counts for the lines that may be repeated. */
  recountPage(site: string, text: string): void {
    for (const k of this.pageKeys(site, text)) if (this.estimate(k) >= this.options.minPages) this.exact.set(k, (this.exact.get(k) ?? 0) + 1);
  }

  /** Lines the exact map holds: what the second pass costs in memory. */
  get candidates(): number {
    return this.exact.size;
  }

  pages(site: string): number {
    return this.pagesPerSite.get(site) ?? 0;
  }

  /** After both passes: whether a line of a page of `site` is site boilerplate, with its counts. */
  verdict(site: string, line: string): { pages: number; share: number } | undefined {
    if (line.trim() === "") return undefined;
    const pages = this.exact.get(key(site, line, this.hash)) ?? 0;
    const sitePages = this.pages(site);
    if (pages < this.options.minPages || sitePages === 0) return undefined;
    const share = pages / sitePages;
    if (share < this.options.minShare) return undefined;
    const wordCount = line.trim().split(/\s+/).length;
    if (wordCount > this.options.proseWords && share < this.options.proseShare) return undefined;
    return { pages, share };
  }
}
