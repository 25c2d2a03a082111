// A line-oriented view of a document's raw text. Most junk in scraped text is a
// whole line, so stages mostly think in lines; offsets stay those of `raw`.
import type { Block, BlockKind, Detection, Document, Finding, MetaField } from "./document.js";

export interface Line {
  /** 0-based line number. */
  index: number;
  /** Offset of the first character of the line in `raw`. */
  start: number;
  /** Offset just past the last character, excluding the line break. */
  end: number;
  /** The line without its break. */
  text: string;
  /** Offsets of the line's content without surrounding white space (NBSP included). */
  contentStart: number;
  contentEnd: number;
  /** The content with inner white space runs collapsed to one space. */
  content: string;
  /** Kind of the block the line lies in, when the document has blocks. */
  kind?: BlockKind;
  /** What the rule matchers found in the line once for every stage (src/match/literal-scan.ts); undefined until one asks. */
  scan?: unknown;
}

const SPACE = /[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]/;
const INNER_SPACE = /[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+/g;

/**
 * Every UTF-16 unit once, each surrogate alone: the units below the surrogates, those above them,
 * the low surrogates, then the high ones (a low before a high, or a high before a high, is no pair).
 * Made natively, as the hex of its UTF-16LE bytes (each block of 256 units is the 256 low bytes
 * joined by the block's high byte): a loop over 65,536 units in code run once, never optimised,
 * was 5-9 ms of every start (fresh processes under load).
 */
let everyUnit: string | undefined;
function allUnits(): string {
  if (everyUnit === undefined) {
    const hex = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, "0"));
    const blocks = hex.map((high) => hex.join(high) + high);
    const bytes = Buffer.from(blocks.join(""), "hex");
    const at = (unit: number) => unit * 2;
    everyUnit = Buffer.concat([
      bytes.subarray(0, at(0xd800)),
      bytes.subarray(at(0xe000)),
      bytes.subarray(at(0xdc00), at(0xe000)),
      bytes.subarray(at(0xd800), at(0xdc00)),
    ]).toString("utf16le");
  }
  return everyUnit;
}

/** The unit at a position of allUnits(). */
function unitAt(index: number): number {
  if (index < 0xd800) return index;
  if (index < 0xf800) return index + 0x800;
  return index < 0xfc00 ? index - 0xf800 + 0xdc00 : index - 0xfc00 + 0xd800;
}

/**
 * A one-character class as a table over UTF-16 units (1 where `re` matches the unit
 * alone): a lookup instead of a regex run on a one-character string. A surrogate is
 * looked up alone, as `re.test(text[i])` sees it.
 * Built by one global search over every unit rather than 65,536 calls: with
 * --no-regexp-tier-up each table cost 10-35 ms of every start, now well under 1 ms.
 */
export function unitTable(re: RegExp): Uint8Array {
  const table = new Uint8Array(0x10000);
  const everywhere = new RegExp(re.source, re.flags.replace(/[gy]/g, "") + "g");
  for (const match of allUnits().matchAll(everywhere)) {
    if (match[0].length !== 1) throw new Error(`unitTable: ${re} matches more than one character`);
    table[unitAt(match.index)] = 1;
  }
  return table;
}

/** SPACE by unit: lines are trimmed by looking at their ends only. */
const SPACE_UNIT = unitTable(SPACE);

const ASCII_SPACE = 1 << 12;
const OTHER_SPACE = 1 << 13;
/** LF and CR, the units a line ends at: the pass that reads a line's units finds its end too. */
const LINE_END = 1 << 14;
/** How far up a line's bits hold each two adjacent units' common classes (see `lineBits`). */
export const PAIR_SHIFT = 4;
/** In a line's bits: two ASCII spaces in a row. */
const SPACE_PAIR = ASCII_SPACE << PAIR_SHIFT;

/**
 * The classes of units the pass that splits a text into lines notes for each line, in one table
 * read per unit: SPACE's two kinds (an ASCII space, any other unit of SPACE), for the lines' content,
 * and in the low byte (bits 0-7) the classes the pipeline's finisher reads of every line
 * (TextFinisher.lineClasses). The normaliser reads every unit of every line too: one pass, not two.
 */
export class UnitClasses {
  /** Per unit: the finisher's classes | ASCII_SPACE or OTHER_SPACE. */
  readonly table: Uint16Array;

  constructor(readonly finisherClasses?: Uint8Array) {
    // Copied natively; the few units of SPACE found by native indexOf, not a callback per unit of 65,536 at every start.
    const table = finisherClasses ? new Uint16Array(finisherClasses) : new Uint16Array(0x10000);
    for (let unit = SPACE_UNIT.indexOf(1); unit !== -1; unit = SPACE_UNIT.indexOf(1, unit + 1)) table[unit] |= unit === 32 ? ASCII_SPACE : OTHER_SPACE;
    table[10] |= LINE_END;
    table[13] |= LINE_END;
    this.table = table;
  }

  /** The classes of a finisher's table, made once per table. */
  static of(finisherClasses: Uint8Array | undefined): UnitClasses {
    if (!finisherClasses) return (spaceOnly ??= new UnitClasses());
    let made = madeFor.get(finisherClasses);
    if (!made) madeFor.set(finisherClasses, (made = new UnitClasses(finisherClasses)));
    return made;
  }
}
let spaceOnly: UnitClasses | undefined;
const madeFor = new WeakMap<Uint8Array, UnitClasses>();

/** Where the last `lineBits` stopped reading: `to`, or the first unit of `stop` classes before it. */
let stoppedAt = 0;

/**
 * The bits of text[from, to): the OR of its units' classes and, PAIR_SHIFT up, of each two adjacent
 * units' common classes. Read without a branch per class (a test per space mispredicted at word
 * ends), and on the document's own flat string, not a line's slice of it. With `stop`, it stops
 * before the first unit of those classes (a line's end: `stoppedAt`), a branch almost never taken.
 */
export function lineBits(text: string, from: number, to: number, table: Uint16Array, stop = 0): number {
  let seen = 0;
  let before = 0;
  let i = from;
  for (; i < to; i++) {
    const unit = table[text.charCodeAt(i)];
    if (unit & stop) break;
    seen |= unit | ((before & unit) << PAIR_SHIFT);
    before = unit;
  }
  stoppedAt = i;
  return seen;
}

/**
 * Whether a line of these bits holds something INNER_SPACE would rewrite: a white-space unit other
 * than an ASCII space, or two spaces in a row. Most lines hold only single ASCII spaces, so
 * replacing each of them by itself is the cost saved.
 */
function holdsSpaceToCollapse(bits: number): boolean {
  return (bits & (OTHER_SPACE | SPACE_PAIR)) !== 0;
}

export function collapseSpaces(text: string): string {
  return collapsed(text, holdsSpaceToCollapse(lineBits(text, 0, text.length, UnitClasses.of(undefined).table)));
}

/** `text` with inner white space runs collapsed and trimmed; `rewrite`: holdsSpaceToCollapse of it. */
function collapsed(text: string, rewrite: boolean): string {
  return rewrite ? text.replace(INNER_SPACE, " ").trim() : text.trim();
}

/**
 * A line's content: `collapsed`. Without a run to rewrite the line's only white space is single ASCII
 * spaces, so trimming it is cutting the `lead` and `trail` units already counted (`trim` read them again: ~0.7% of the news run).
 */
function contentOf(text: string, bits: number, lead: number, trail: number): string {
  if (holdsSpaceToCollapse(bits)) return collapsed(text, true);
  return lead + trail === 0 ? text : text.slice(lead, text.length - trail);
}

export function splitLines(raw: string, blocks?: Block[]): Line[] {
  return linesOf(raw, blocks, UnitClasses.of(undefined), undefined);
}

/** `splitLines`, noting in `noted`, when given, each line's finisher classes (the low byte of its `lineBits`). */
function linesOf(raw: string, blocks: Block[] | undefined, classes: UnitClasses, noted: number[] | undefined): Line[] {
  const table = classes.table;
  const lines: Line[] = [];
  let start = 0;
  let blockIndex = 0;
  for (let index = 0; ; index++) {
    // LF, CRLF and a lone CR (old Mac files, some scrapers) all end a line: found by the pass that
    // reads the line's units for its bits (a search for each line's end read them twice: ~1% of the news run).
    const bits = lineBits(raw, start, raw.length, table, LINE_END);
    const lineEnd = stoppedAt;
    const text = raw.slice(start, lineEnd);
    let lead = 0;
    while (start + lead < lineEnd && SPACE_UNIT[raw.charCodeAt(start + lead)]) lead++;
    let trail = 0;
    if (start + lead < lineEnd) while (SPACE_UNIT[raw.charCodeAt(lineEnd - 1 - trail)]) trail++;
    let kind: BlockKind | undefined;
    if (blocks) {
      while (blockIndex < blocks.length && blocks[blockIndex].end <= start) blockIndex++;
      const block = blocks[blockIndex];
      if (block && block.start <= start + lead && start + lead < block.end) kind = block.kind;
    }
    lines.push({
      index,
      start,
      end: lineEnd,
      text,
      contentStart: start + lead,
      contentEnd: lineEnd - trail,
      content: contentOf(text, bits, lead, trail),
      kind,
      scan: undefined,
    });
    noted?.push(bits & 0xff);
    if (lineEnd === raw.length) break;
    // A CR just before an LF is one CRLF break.
    start = lineEnd + (raw.charCodeAt(lineEnd) === 13 && raw.charCodeAt(lineEnd + 1) === 10 ? 2 : 1);
  }
  return lines;
}

/**
 * Lines plus which of them earlier stages already removed, so that later stages
 * can look at neighbours and duplicates among the text that is still there.
 */
export class LineView {
  readonly lines: Line[];
  private readonly removed: Uint8Array;
  /** Per line, the finisher's classes its units hold (`lineBits`' low byte), when the view was made with them. */
  readonly classes: readonly number[] | undefined;

  constructor(
    readonly doc: Document,
    readonly unitClasses: UnitClasses = UnitClasses.of(undefined),
  ) {
    const noted = unitClasses.finisherClasses ? [] : undefined;
    this.lines = linesOf(doc.raw, doc.blocks, unitClasses, noted);
    this.classes = noted;
    this.removed = new Uint8Array(this.lines.length);
    this.markRemoved(doc.findings);
  }

  isRemoved(line: Line): boolean {
    return this.removed[line.index] === 1;
  }

  isBlank(line: Line): boolean {
    return line.contentStart >= line.contentEnd;
  }

  /**
   * The live lines as of the last `live()`, and whether a line was removed since. Each stage asks
   * for them once or twice: they are taken from the last list, not from every line again.
   */
  private liveLines: Line[] | undefined;
  private liveStale = true;

  /** Lines that have content and are not removed yet, in order. */
  live(): Line[] {
    if (this.liveStale) {
      const live: Line[] = [];
      for (const line of this.liveLines ?? this.lines) if (!this.isBlank(line) && !this.isRemoved(line)) live.push(line);
      this.liveLines = live;
      this.liveStale = false;
    }
    // A copy: the caller may change its list.
    return this.liveLines!.slice();
  }

  /** The nearest live line before (`step` -1) or after (`step` 1) the given one. */
  neighbour(line: Line, step: 1 | -1): Line | undefined {
    for (let i = line.index + step; i >= 0 && i < this.lines.length; i += step) {
      const other = this.lines[i];
      if (!this.isBlank(other) && !this.isRemoved(other)) return other;
    }
    return undefined;
  }

  /** Marks lines whose whole content is covered by the findings. */
  markRemoved(findings: readonly Finding[]): void {
    if (findings.length === 0) return;
    const union = mergeSpans(findings);
    // Lines and merged spans both ascend: one pass over each.
    let next = 0;
    for (const line of this.lines) {
      if (this.removed[line.index] || this.isBlank(line)) continue;
      while (next < union.length && union[next + 1] <= line.contentStart) next += 2;
      if (next === union.length) break;
      if (union[next] <= line.contentStart && union[next + 1] >= line.contentEnd) {
        this.removed[line.index] = 1;
        this.liveStale = true;
      }
    }
  }
}

/**
 * The union of the spans as sorted, disjoint, non-touching spans, each as its start and end in
 * one flat list. A stage mostly reports in line order: spans already sorted are not copied to sort.
 */
function mergeSpans(findings: readonly Finding[]): number[] {
  let sorted = true;
  for (let i = 1; i < findings.length && sorted; i++) sorted = findings[i - 1].start <= findings[i].start;
  const spans = sorted ? findings : [...findings].sort((a, b) => a.start - b.start);
  const union: number[] = [];
  for (const { start, end } of spans) {
    if (union.length > 0 && start <= union[union.length - 1]) union[union.length - 1] = Math.max(union[union.length - 1], end);
    else union.push(start, end);
  }
  return union;
}

/**
 * `Math.min(content.split(" ").length, limit)` of a line's content (its white space runs are single spaces):
 * its spaces counted up to the limit, no array of its words (a paragraph was split whole for a few words' count).
 */
export function wordsUpTo(content: string, limit: number): number {
  let words = 1;
  for (let at = content.indexOf(" "); at !== -1 && words < limit; at = content.indexOf(" ", at + 1)) words++;
  return words;
}

/** A finding that covers a line's whole content, the one shape every line stage reports. */
export function lineDetection(
  line: Line,
  what: { rule: string; reason: string; moveTo?: MetaField },
  more: Pick<Detection, "features" | "value"> = {},
): Detection {
  const detection: Detection = { rule: what.rule, start: line.contentStart, end: line.contentEnd, reason: what.reason };
  if (what.moveTo) detection.moveTo = what.moveTo;
  if (more.value !== undefined) detection.value = more.value;
  if (more.features) detection.features = more.features;
  return detection;
}
