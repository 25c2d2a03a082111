// Duplicates inside one document: a title printed twice, a repeated line, and a
// sentence of an earlier paragraph repeated as a paragraph of its own.
// (Text that recurs across documents is syndication, a corpus-level fact: not here.)
import * as z from "../core/schema.js";
import type { Detection } from "../core/document.js";
import { unitTable, wordsUpTo, type Line } from "../core/lines.js";
import { runsOnInto } from "../match/line-features.js";
import { literalGate } from "../match/line-rules.js";
import { unitAt } from "../match/units.js";
import { registerStage } from "./registry.js";

export const DuplicateOptions = z.strictObject({
  /**
   * Fewest characters a repeated line needs. Short lines recur legitimately (table cells,
   * list items, speaker names: "Colorado", "MacBook Air"); short junk is left to other stages.
   */
  minLineChars: z._default(z.number().check(z.int(), z.nonnegative()), 20),
  /** Fewest characters for a repeat of the title (the first line). */
  minTitleChars: z._default(z.number().check(z.int(), z.nonnegative()), 8),
  /**
   * Most words of a first line that is the title: a longer first line is a paragraph (a page
   * whose dump starts with its text), and its repeats are ordinary repeated lines.
   */
  titleMaxWords: z._default(z.number().check(z.int(), z.positive()), 30),
  /** Fewest words a repeated sentence needs to count as a duplicate of part of a paragraph. */
  minSentenceWords: z._default(z.number().check(z.int(), z.positive()), 6),
  /** Compare lines case-insensitively. */
  ignoreCase: z._default(z.boolean(), false),
  /**
   * A repeated line of at least this many words is kept when it stands alone, far from its
   * first copy: a refrain, the same question put to each interviewee, a forum reply quoting
   * a post, a meal that recurs in a weekly plan. 0 removes every repeat.
   * Example kept: "What do you cook at home?" asked again after each answer.
   */
  refrainWords: z._default(z.number().check(z.int(), z.nonnegative()), 0),
  /**
   * A repeat that continues a run of this many lines, each repeating the line after the
   * previous one's first copy, is a second copy of a block (the story printed twice, a
   * teaser list shown again) and is removed even when its lines are long.
   */
  copyRunLines: z._default(z.number().check(z.int(), z.positive()), 5),
  /** A repeat within this many lines of its first copy is an echo (a caption under its photo's alt text) and is removed. */
  echoLines: z._default(z.number().check(z.int(), z.nonnegative()), 2),
});
export type DuplicateOptions = z.infer<typeof DuplicateOptions>;


/**
 * A sentence ends at . ! ? … and any closing quotes or brackets, before white space.
 * (No u flag: every character here is one UTF-16 unit, so it matches the same.)
 */
export const SENTENCE_BOUNDARY = /[.!?…]["'”’»)]*(\s+)/g;
/**
 * A SENTENCE_BOUNDARY match starts with one of these in a line's content, whose only white space is
 * single ASCII spaces (src/core/lines.ts): a mark, then a closing quote or the space. The line scan looks
 * for them, not for every stop: a line of one sentence, ending at its stop, holds none.
 */
export const SENTENCE_END_LITERALS = [...".!?…"].flatMap((mark) => [..."\"'”’») "].map((after) => mark + after));

/** Where a text's sentences start and end (sentenceBounds). */
interface SentenceBounds {
  starts: number[];
  ends: number[];
}

/** Units of SENTENCE_BOUNDARY's classes after its mark: 2 a closing quote or bracket, 4 white space (\s). */
const BOUNDARY_UNIT = new Uint8Array(0x10000);
for (const closer of "\"'”’»)") BOUNDARY_UNIT[closer.charCodeAt(0)] = 2;
const WHITE_SPACE = unitTable(/\s/);
for (let unit = 0; unit < WHITE_SPACE.length; unit++) if (WHITE_SPACE[unit]) BOUNDARY_UNIT[unit] = 4;

/** SENTENCE_BOUNDARY's first unit: a match can only start at one. */
const MARK = /[.!?…]/g;

/**
 * Where sentences start in a text (after a boundary) and where they end (before its white space, or at
 * the end): SENTENCE_BOUNDARY's matches, found by a read of the units without a match object each.
 * The marks are found by a native search (MARK's `test`, no match object): reading every unit of the
 * line in JS was most of the cost (corpus lines: 0.5x the time), and most units are no mark.
 */
export function sentenceBounds(text: string): SentenceBounds {
  const starts = [0];
  const ends: number[] = [];
  const length = text.length;
  for (let i = 0; i < length; ) {
    MARK.lastIndex = i;
    if (!MARK.test(text)) break;
    // After the mark: closers, then white space, or no match here (the next try starts after the mark).
    i = MARK.lastIndex;
    let end = i;
    while (end < length && BOUNDARY_UNIT[unitAt(text, end)] === 2) end++;
    if (end === length || BOUNDARY_UNIT[unitAt(text, end)] !== 4) continue;
    let after = end + 1;
    while (after < length && BOUNDARY_UNIT[unitAt(text, after)] === 4) after++;
    ends.push(end);
    if (after < length) starts.push(after);
    i = after;
  }
  ends.push(length);
  return { starts, ends };
}

/**
 * A number equal texts share and different ones seldom do: the length of text[from, to) and five of its
 * units spread over it. The tables below are keyed by it: V8 hashes a string key by reading every unit
 * of it, and each line's content (each sentence sliced out) is a new string hashed at its first lookup.
 */
export function shapeOf(text: string, from: number, to: number): number {
  const length = to - from;
  let shape = length;
  if (length > 0) for (let k = 0; k < 5; k++) shape = (Math.imul(shape, 31) + unitAt(text, from + (((length - 1) * k) >> 2))) | 0;
  return shape & 0x3fffffff;
}

/**
 * Entries numbered in the order they are added, each under a shape, and found by it: chains in
 * buckets, over plain arrays (numbers the caller's arrays are indexed by). A Map was asked twice a
 * line (get, then set on a miss), each a call that hashes, and grew by allocating.
 */
export class ShapeChains {
  /** Per bucket, its newest entry + 1 (0: none). */
  private heads: number[];
  private readonly shapes: number[] = [];
  /** Per entry, the entry added before it to its bucket + 1 (0: none). */
  private readonly below: number[] = [];

  /** `expected`: how many entries there will likely be (the buckets grow past that). */
  constructor(expected = 8) {
    let buckets = 8;
    while (buckets < expected) buckets *= 2;
    this.heads = new Array<number>(buckets).fill(0);
  }

  get size(): number {
    return this.shapes.length;
  }

  /** A new entry of the shape: its number. */
  add(shape: number): number {
    const entry = this.shapes.length;
    if (entry === this.heads.length) this.grow();
    const bucket = bucketOf(shape, this.heads.length);
    this.shapes.push(shape);
    this.below.push(this.heads[bucket]);
    this.heads[bucket] = entry + 1;
    return entry;
  }

  /** The newest entry of the shape, or -1. */
  newest(shape: number): number {
    return this.sameShape(this.heads[bucketOf(shape, this.heads.length)] - 1, shape);
  }

  /** The newest entry older than `entry` of its shape, or -1. */
  older(entry: number): number {
    return this.sameShape(this.below[entry] - 1, this.shapes[entry]);
  }

  /** `entry` or the newest older one of its bucket that has the shape, or -1. */
  private sameShape(entry: number, shape: number): number {
    while (entry !== -1 && this.shapes[entry] !== shape) entry = this.below[entry] - 1;
    return entry;
  }

  /** Twice the buckets, every entry linked again oldest first (so each bucket stays newest first). */
  private grow(): void {
    const heads = new Array<number>(this.heads.length * 2).fill(0);
    for (let entry = 0; entry < this.shapes.length; entry++) {
      const bucket = bucketOf(this.shapes[entry], heads.length);
      this.below[entry] = heads[bucket];
      heads[bucket] = entry + 1;
    }
    this.heads = heads;
  }
}

/** A shape's bucket among `buckets` (a power of two): its bits mixed, as its low bits are mostly its last units'. */
function bucketOf(shape: number, buckets: number): number {
  return (Math.imul(shape, 0x9e3779b1) >>> 12) & (buckets - 1);
}

/** Each key's first place, keys chained by their shape (ShapeChains) and told apart by their text. */
export class FirstPlaces {
  private readonly chains: ShapeChains;
  private readonly keys: string[] = [];
  private readonly places: number[] = [];

  /** `expected`: how many keys there will likely be. */
  constructor(expected?: number) {
    this.chains = new ShapeChains(expected);
  }

  /** The first place of `key`, whose shape is `shape`; or -1, `at` now its first place. */
  firstOrAdd(key: string, shape: number, at: number): number {
    for (let entry = this.chains.newest(shape); entry !== -1; entry = this.chains.older(entry)) if (this.keys[entry] === key) return this.places[entry];
    this.chains.add(shape);
    this.keys.push(key);
    this.places.push(at);
    return -1;
  }
}

/**
 * Earlier paragraphs indexed by the first sentence at each of their sentence starts,
 * so that finding a repeated sentence is a lookup, not a search of every earlier
 * paragraph (which was quadratic in the length of the document). Indexed by the sentence's
 * shape, not its text: an entry whose first sentence differs fails hostOf's test all the same
 * (a paragraph holding the sentence at a start, ending at a sentence end there, has it as its
 * first sentence from that start), so the earliest that passes is the same.
 */
export class SentenceIndex {
  /** An entry per sentence start of an indexed paragraph, under its first sentence's shape. */
  private readonly chains = new ShapeChains();
  private readonly starts: number[] = [];
  /** Per entry, its paragraph's number in the three arrays after it. */
  private readonly paragraphOf: number[] = [];
  private readonly hosts: Line[] = [];
  private readonly texts: string[] = [];
  private readonly ends: Array<readonly number[]> = [];

  /** `bounds`: the text's sentenceBounds, undefined when it is known to be one sentence. */
  add(host: Line, text: string, bounds: SentenceBounds | undefined): void {
    // A text of one sentence holds no other text of whole sentences as a proper part (hostOf's
    // test): most short lines are one, and are not indexed.
    if (!bounds || bounds.ends.length === 1) return;
    const { starts, ends } = bounds;
    const paragraph = this.hosts.length;
    this.hosts.push(host);
    this.texts.push(text);
    this.ends.push(ends);
    let e = 0;
    for (const start of starts) {
      while (ends[e] <= start) e++;
      this.chains.add(shapeOf(text, start, ends[e]));
      this.starts.push(start);
      this.paragraphOf.push(paragraph);
    }
  }

  /**
   * The earliest paragraph holding `sentence` (one or more whole sentences) as a proper part.
   * `wholeShape`: shapeOf the whole sentence, which is its first sentence's when it is one.
   */
  hostOf(sentence: string, bounds: SentenceBounds | undefined, wholeShape: number): Line | undefined {
    if (this.chains.size === 0) return undefined;
    const firstEnd = bounds ? bounds.ends[0] : sentence.length;
    const first = firstEnd === sentence.length ? wholeShape : shapeOf(sentence, 0, firstEnd);
    // Newest first: the last entry that passes is the earliest.
    let earliest: Line | undefined;
    for (let entry = this.chains.newest(first); entry !== -1; entry = this.chains.older(entry)) {
      const paragraph = this.paragraphOf[entry];
      const text = this.texts[paragraph];
      const start = this.starts[entry];
      if (sentence.length < text.length && text.startsWith(sentence, start) && this.ends[paragraph].includes(start + sentence.length)) earliest = this.hosts[paragraph];
    }
    return earliest;
  }
}

/** A repeated line: where it is and where its first copy is, counted in live lines. */
interface Repeat {
  finding: Detection;
  at: number;
  firstAt: number;
  /** At least `refrainWords` words. */
  long: boolean;
}

/**
 * The long repeats to keep: those that neither belong to a copied block of `copyRunLines`
 * lines (each line the repeat of the line after the previous one's first copy) nor sit within
 * `echoLines` of their first copy. The run length goes into the features of long repeats removed.
 */
function refrainsAmong(repeats: readonly Repeat[], options: DuplicateOptions): Set<Detection> {
  const keep = new Set<Detection>();
  let start = 0;
  for (let i = 1; i <= repeats.length; i++) {
    const continues = i < repeats.length && repeats[i].at === repeats[i - 1].at + 1 && repeats[i].firstAt === repeats[i - 1].firstAt + 1;
    if (continues) continue;
    const run = i - start;
    for (const { finding, at, firstAt, long } of repeats.slice(start, i)) {
      if (!long) continue;
      if (run < options.copyRunLines && at - firstAt > options.echoLines) keep.add(finding);
      else finding.features = { ...finding.features, copyRun: run };
    }
    start = i;
  }
  return keep;
}

registerStage("duplicates", {
  description: "Repeated titles and lines, and sentences repeated as their own paragraph",
  options: DuplicateOptions,
  create(options: DuplicateOptions) {
    const key = (line: Line) => (options.ignoreCase ? line.content.toLowerCase() : line.content);
    // A line without a sentence's end before a quote or a space (the line scan says so) is one sentence: no boundary search.
    // (Lower-casing the key adds or removes none of them.)
    const mayEndSentence = literalGate(SENTENCE_END_LITERALS, false) ?? (() => true);
    return {
      name: "duplicates",
      detect({ lines }) {
        const found: Detection[] = [];
        const live = lines.live();
        /** Each key's first line, by its place in `live` (a number per line, not an object). */
        const seen = new FirstPlaces(live.length);
        // Repeated lines wait for the run they belong to (see refrainWords).
        const repeats: Repeat[] = [];
        const earlier = new SentenceIndex();
        // The first line is the title unless it is a paragraph: too long, or running on into the next (hard-wrapped).
        const paragraph = wordsUpTo(live[0]?.content ?? "", options.titleMaxWords + 1) > options.titleMaxWords || (live.length > 1 && runsOnInto(live[0].content, live[1].content));
        const title = paragraph ? undefined : live[0];
        for (let at = 0; at < live.length; at++) {
          const line = live[at];
          const k = key(line);
          const shape = shapeOf(k, 0, k.length);
          const firstAt = seen.firstOrAdd(k, shape, at);
          const first = firstAt === -1 ? undefined : live[firstAt];
          const isTitle = first !== undefined && first === title;
          if (first && k.length >= (isTitle ? options.minTitleChars : options.minLineChars)) {
            const finding: Detection = {
              rule: isTitle ? "dup/title" : "dup/line",
              start: line.contentStart,
              end: line.contentEnd,
              reason: isTitle ? "the title repeated" : `a repeat of line ${first.index + 1}`,
              features: { firstLine: first.index + 1 },
            };
            found.push(finding);
            if (!isTitle && options.refrainWords > 0) {
              repeats.push({ finding, at, firstAt, long: wordsUpTo(line.content, options.refrainWords) >= options.refrainWords });
            }
            continue;
          }
          const bounds = mayEndSentence(line) ? sentenceBounds(k) : undefined;
          // The host first: most lines have none, and then their words need no count.
          const host = earlier.hostOf(k, bounds, shape);
          if (host && wordsUpTo(line.content, options.minSentenceWords) >= options.minSentenceWords) {
            found.push({
              rule: "dup/sentence",
              start: line.contentStart,
              end: line.contentEnd,
              reason: `repeats a sentence of line ${host.index + 1} as its own paragraph`,
              features: { hostLine: host.index + 1 },
            });
            continue;
          }
          earlier.add(line, k, bounds);
        }
        if (!repeats.some((repeat) => repeat.long)) return found;
        const refrains = refrainsAmong(repeats, options);
        return refrains.size === 0 ? found : found.filter((finding) => !refrains.has(finding));
      },
    };
  },
});
