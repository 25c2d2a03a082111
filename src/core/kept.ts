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

/**
 * The lines of a kept text, asked for in order, that are unchanged lines of `raw`: a line of the kept
 * text (up to its LF) whose units lie in one kept span and are a whole line of `raw`. Its facts noted when
 * `raw` was split (LineView) hold for it: the normaliser reads them instead of the line's units again,
 * and its end instead of searching for it.
 */
export class WholeLines {
  /** The kept span the last asked line starts in, and the kept-text offset that span starts at. */
  private span = 0;
  private spanAt = 0;
  /** The first line of `raw` not before the last asked line's place in `raw`. */
  private line = 0;

  constructor(
    private readonly raw: string,
    private readonly spans: ReadonlyArray<readonly [number, number]>,
    private readonly lines: ReadonlyArray<{ readonly start: number; readonly end: number }>,
  ) {}

  /**
   * The index in `lines` of the line of `raw` that the kept text's line starting at `start` is, or -1:
   * the raw line starts there, and its LF is kept in the same span (or it ends the kept text). Asked with ascending starts.
   */
  lineAt(start: number): number {
    const spans = this.spans;
    while (this.span < spans.length && this.spanAt + (spans[this.span][1] - spans[this.span][0]) <= start) {
      this.spanAt += spans[this.span][1] - spans[this.span][0];
      this.span++;
    }
    if (this.span === spans.length) return -1;
    const rawStart = spans[this.span][0] + (start - this.spanAt);
    const spanEnd = spans[this.span][1];
    const lines = this.lines;
    while (this.line < lines.length && lines[this.line].start < rawStart) this.line++;
    if (this.line === lines.length || lines[this.line].start !== rawStart) return -1;
    const end = lines[this.line].end;
    if (end > spanEnd) return -1;
    // The kept text's unit after the line: the raw line's own break (a CR does not end the kept line), or the next span's first.
    const next = end < spanEnd ? end : this.span + 1 < spans.length ? spans[this.span + 1][0] : -1;
    return next === -1 || this.raw.charCodeAt(next) === 10 ? this.line : -1;
  }
}
