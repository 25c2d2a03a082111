// The kept text seen from `raw`: which parts of a span of `raw` survived the removals, and
// where they sit in the kept text. Renderers use it to put the blocks back together after
// apply, so the audit's offsets stay offsets into `raw`.
import type { Block } from "./document.js";

export class KeptText {
  /** Kept-text offset at which each kept span starts. */
  private readonly at: number[] = [];

  constructor(
    private readonly raw: string,
    private readonly spans: ReadonlyArray<readonly [number, number]>,
  ) {
    let offset = 0;
    for (const [start, end] of spans) {
      this.at.push(offset);
      offset += end - start;
    }
  }

  /** Index of the first span that ends after `offset`. */
  private firstEndingAfter(offset: number): number {
    let lo = 0;
    let hi = this.spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.spans[mid][1] <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The kept characters of `raw[start, end)`, in order. */
  slice(start: number, end: number): string {
    let out = "";
    for (let i = this.firstEndingAfter(start); i < this.spans.length && this.spans[i][0] < end; i++) {
      out += this.raw.slice(Math.max(start, this.spans[i][0]), Math.min(end, this.spans[i][1]));
    }
    return out;
  }

  /** Whether every character of `raw[start, end)` was kept. */
  whole(start: number, end: number): boolean {
    const i = this.firstEndingAfter(start);
    return i < this.spans.length && this.spans[i][0] <= start && end <= this.spans[i][1];
  }

  /** Where a kept offset of `raw` lands in the kept text. */
  offsetOf(rawOffset: number): number {
    const i = this.firstEndingAfter(rawOffset);
    return this.at[i] + (rawOffset - this.spans[i][0]);
  }

  /** Spans of the kept text that hold whole verbatim (code) blocks: the normaliser leaves them as they are. */
  verbatimSpans(blocks: readonly Block[]): Array<[number, number]> {
    const out: Array<[number, number]> = [];
    for (const block of blocks) {
      if (block.code === undefined || !this.whole(block.start, block.end)) continue;
      const start = this.offsetOf(block.start);
      out.push([start, start + (block.end - block.start)]);
    }
    return out;
  }
}
