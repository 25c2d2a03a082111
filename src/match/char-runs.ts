// Words as runs of one character class, found without a regex: a table per UTF-16 code unit,
// filled as characters come, says whether each belongs to the class. On the lines and samples
// the stages read, `text.match(/[\p{L}...]+/gu)` spent most of its time in the Unicode-class
// test and in the array of matches; this tests each distinct character once per thread.
import { unitAt } from "./units.js";

/** Whether a code unit is in the class: 0 not looked up yet, 1 in, 2 out. */
type Kinds = Uint8Array;

export class CharRuns {
  readonly #kinds: Kinds = new Uint8Array(0x10000);

  /** `char`: a pattern of one character with the `u` flag, e.g. /^[\p{L}\p{M}'’]$/u. */
  constructor(private readonly char: RegExp) {}

  /**
   * Calls `onRun(start, end)` for each maximal run of the class in `text`, as
   * `text.matchAll(/[class]+/gu)` would find them (astral characters whole, lone surrogates out).
   */
  each(text: string, onRun: (start: number, end: number) => void): void {
    const kinds = this.#kinds;
    const end = text.length;
    let start = -1;
    for (let i = 0; i <= end; i++) {
      let inClass = false;
      let width = 1;
      if (i < end) {
        const unit = unitAt(text, i);
        if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < end && (unitAt(text, i + 1) & 0xfc00) === 0xdc00) {
          width = 2;
          inClass = this.pairIn(text, i);
        } else inClass = (kinds[unit] || this.kindOf(unit)) === 1;
      }
      if (inClass) {
        if (start < 0) start = i;
      } else if (start >= 0) {
        onRun(start, i);
        start = -1;
      }
      i += width - 1;
    }
  }

  /**
   * The class by UTF-16 unit as far as looked up (1 in, 2 out, 0 not yet: ask `kindOf`), for a loop
   * that reads units itself: a look in a table, the regex only on a unit's first sight.
   */
  units(): Uint8Array {
    return this.#kinds;
  }

  /** The kind of a unit alone (1 in, 2 out), looked up and kept. */
  kindOf(unit: number): number {
    let kind = this.#kinds[unit];
    if (kind === 0) this.#kinds[unit] = kind = this.char.test(String.fromCharCode(unit)) ? 1 : 2;
    return kind;
  }

  /** Whether the surrogate pair text[at, at + 2) is in the class. */
  pairIn(text: string, at: number): boolean {
    return this.char.test(text.slice(at, at + 2));
  }

  // runStart and runEnd read a unit outside the surrogates by the table inline and call #surrogateWidth only
  // for a surrogate: a call per unit cost more than the test (the CLI's inlining budget is small).

  /** Where the next run at or after `i` starts in text[0, end) (`end` when none does). */
  runStart(text: string, i: number, end: number): number {
    const kinds = this.#kinds;
    for (; i < end; i++) {
      const unit = unitAt(text, i);
      if ((unit & 0xf800) === 0xd800 ? this.#surrogateWidth(text, i, end) > 0 : (kinds[unit] || this.kindOf(unit)) === 1) return i;
    }
    return end;
  }

  /** The end of the run from `i` in text[0, end) (`i` when none starts there). */
  runEnd(text: string, i: number, end: number): number {
    const kinds = this.#kinds;
    while (i < end) {
      const unit = unitAt(text, i);
      const width = (unit & 0xf800) === 0xd800 ? this.#surrogateWidth(text, i, end) : (kinds[unit] || this.kindOf(unit)) === 1 ? 1 : 0;
      if (width === 0) return i;
      i += width;
    }
    return i;
  }

  /** The width (2 a pair, 1 a lone surrogate) of the class's character at the surrogate text[i], else 0. */
  #surrogateWidth(text: string, i: number, end: number): number {
    const unit = unitAt(text, i);
    if (unit <= 0xdbff && i + 1 < end && (unitAt(text, i + 1) & 0xfc00) === 0xdc00) return this.pairIn(text, i) ? 2 : 0;
    return (this.#kinds[unit] || this.kindOf(unit)) === 1 ? 1 : 0;
  }

  /** The number of runs: `text.match(/[class]+/gu)?.length ?? 0`. */
  count(text: string): number {
    // A text has fewer runs than units. (Infinity here made countUpTo's optimised code, which had seen small
    // integers only, deoptimise on its first count() and compile again.)
    return this.countUpTo(text, text.length);
  }

  /**
   * The number of runs while it is at most `limit`, else limit + 1, read no further: a stage that
   * wants lines of a few words stops reading a paragraph after its first words.
   */
  countUpTo(text: string, limit: number): number {
    const kinds = this.#kinds;
    const end = text.length;
    let runs = 0;
    let inRun = false;
    for (let i = 0; i < end; i++) {
      const unit = unitAt(text, i);
      let inClass: boolean;
      if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < end && (unitAt(text, i + 1) & 0xfc00) === 0xdc00) {
        inClass = this.pairIn(text, i);
        i++;
      } else inClass = (kinds[unit] || this.kindOf(unit)) === 1;
      if (inClass && !inRun && ++runs > limit) return runs;
      inRun = inClass;
    }
    return runs;
  }
}
