// What the boilerplate stages measure on a line: words, stopwords in the document's
// language, closing punctuation, capitals. The language is detected once per document,
// from its stopwords.
import type { Document } from "../core/document.js";
import type { Line } from "../core/lines.js";
import { TERMINAL_PUNCTUATION, UNSPACED_SCRIPT } from "../rules/boilerplate.js";
import { CharRuns } from "./char-runs.js";
import { unitAt } from "./units.js";
import { CHAR_BASE, STOPWORD_LANGUAGE_COUNTS, STOPWORD_LANGUAGE_POSITIONS, STOPWORD_LANGUAGES, STOPWORD_LENGTHS, STOPWORDS } from "./stopword-facts.js";

const stopwordSets = new Map<string, ReadonlySet<string>>();

/**
 * Each stopword and the languages that list it. The stages need the stopword list that
 * fits the document, so the language is the one whose stopwords the text uses most: it
 * agrees with a 60-language n-gram detector (eld) on 182 of 186 benchmark and seed pages
 * (the others: Malay/Indonesian, and Japanese, whose unspaced script skips stopwords
 * anyway) and costs 2 MB per thread instead of eld's 150 MB, which broke the memory bound
 * of a worker pool.
 */
let stopwordIndex: StopwordIndex | undefined;
const languagesOfStopword = (): StopwordIndex => (stopwordIndex ??= new StopwordIndex());

/**
 * Words are looked up by a hash of their UTF-16 units, the same for a stopword and for its place
 * in a text (the scan computes it as it reads): hash = hash * 31 + unit, in 32 bits.
 */

/** Bits of the stopword filter's index (a 2^18-bit table: ~7% of the words that are no stopword pass it). */
const FILTER_BITS = 18;
/** The filter's bit for a word's hash: its top bits after a multiplicative mix. */
function filterBit(hash: number): number {
  return Math.imul(hash, 0x9e3779b1) >>> (32 - FILTER_BITS);
}

/**
 * Words end to end in one array of units (word w is units[starts[w], starts[w + 1])), in an
 * open-addressing table of (hash, index + 1) pairs by slot, at most half full: a word of a text is
 * looked up by its place and its hash (hash = hash * 31 + unit, in 32 bits, over its units as
 * stored), without being cut out as a new string and hashed again by a Set.
 */
class WordSlots {
  readonly #units: Uint16Array;
  readonly #starts: Int32Array;
  /** 0 when empty; one read per probe. */
  readonly #slots: Int32Array;

  constructor(units: Uint16Array, starts: Int32Array) {
    this.#units = units;
    this.#starts = starts;
    const count = starts.length - 1;
    let size = 1;
    while (size < 2 * count) size *= 2;
    const slots = (this.#slots = new Int32Array(2 * size));
    for (let w = 0, i = 0; w < count; w++) {
      // The word's hash, written out: this loop runs once, before V8 optimises it, and a call per word was a third of it.
      let hash = 0;
      for (const end = starts[w + 1]; i < end; i++) hash = (Math.imul(hash, 31) + units[i]) | 0;
      let slot = Math.imul(hash, 0x9e3779b1) & (size - 1);
      while (slots[2 * slot + 1] !== 0) slot = (slot + 1) & (size - 1);
      slots[2 * slot] = hash;
      slots[2 * slot + 1] = w + 1;
    }
  }

  /** Calls `each` with the hash of every word. */
  eachHash(each: (hash: number) => void): void {
    for (let slot = 0; slot < this.#slots.length; slot += 2) if (this.#slots[slot + 1] !== 0) each(this.#slots[slot]);
  }

  /** Index + 1 of the word text[start, end), lower-cased through `lower` when given, whose hash is `hash`; 0 when it is none. */
  entryOf(text: string, start: number, end: number, hash: number, lower: Uint16Array | undefined): number {
    const slots = this.#slots;
    const mask = (slots.length >> 1) - 1;
    for (let slot = Math.imul(hash, 0x9e3779b1) & mask; ; slot = (slot + 1) & mask) {
      const entry = slots[2 * slot + 1];
      if (entry === 0) return 0;
      if (slots[2 * slot] === hash && this.#sameWord(entry - 1, text, start, end, lower)) return entry;
    }
  }

  /** Whether text[start, end), lower-cased through `lower` when given, is word `word`. */
  #sameWord(word: number, text: string, start: number, end: number, lower: Uint16Array | undefined): boolean {
    const from = this.#starts[word];
    if (this.#starts[word + 1] - from !== end - start) return false;
    for (let i = start; i < end; i++) {
      const unit = text.charCodeAt(i);
      // Every unit of a word was lowered (and learnt) by the scan that found it.
      if (this.#units[from + i - start] !== (lower ? lower[unit] : unit)) return false;
    }
    return true;
  }
}

/**
 * The stopwords in an open-addressing table looked up by a word's place in the text: a word is
 * found without cutting it out (a new string, hashed again by the Map). The detector looks up
 * every word of each record's clean text; this made it 2x faster (see README, "Speed of the text route").
 */
class StopwordIndex {
  /** Language codes in code order; a language's position is its index. */
  readonly languages = STOPWORD_LANGUAGES;
  /** Positions (+ CHAR_BASE) of the languages listing word w: #languageList[#languageStarts[w], #languageStarts[w + 1]). */
  readonly #languageStarts: Int32Array;
  readonly #languageList: Uint8Array;
  /** The stopwords, looked up by their place in a text. */
  readonly #words: WordSlots;
  /**
   * One bit per FILTER_BITS-bit mix of a hash, set for each stopword's (32 kB): most words of a
   * text are no stopword, and this small table says so without reading the slots (~500 kB, out
   * of the cache by the time the next record's language is asked for).
   */
  readonly #filter = new Uint32Array(1 << (FILTER_BITS - 5));
  /** The longest stopword, in UTF-16 units: a longer word is none. */
  readonly #longest: number = 0;
  /** Words in the index. */
  readonly #count: number;

  /**
   * Built from the generated facts (src/match/stopword-facts.ts): the words' units and language
   * lists are copied natively out of their strings; only the hashes need a loop.
   */
  constructor() {
    const count = (this.#count = STOPWORD_LENGTHS.length);
    const starts = new Int32Array(count + 1);
    this.#languageStarts = new Int32Array(count + 1);
    for (let w = 0; w < count; w++) {
      const length = STOPWORD_LENGTHS.charCodeAt(w) - CHAR_BASE;
      starts[w + 1] = starts[w] + length;
      this.#languageStarts[w + 1] = this.#languageStarts[w] + STOPWORD_LANGUAGE_COUNTS.charCodeAt(w) - CHAR_BASE;
      if (length > this.#longest) this.#longest = length;
    }
    const bytes = Buffer.from(STOPWORDS, "utf16le");
    this.#words = new WordSlots(new Uint16Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length)), starts);
    this.#languageList = Buffer.from(STOPWORD_LANGUAGE_POSITIONS, "latin1");
    this.#words.eachHash((hash) => {
      const bit = filterBit(hash);
      this.#filter[bit >>> 5] |= 1 << (bit & 31);
    });
  }

  /**
   * Hits per word, reused by every call (zeroed again after each), and the words hit: the first
   * #hitCount of #hitWords (an array emptied by `length = 0` lost its storage and grew again on
   * every call: 2 kB per record).
   */
  #hits = new Uint32Array(0);
  #hitWords = new Int32Array(0);
  #hitCount = 0;

  /**
   * Stopword hits per language (by position in `languages`) among the runs of `words` in `lower`.
   * One pass that hashes each word as it reads it, and counts hits per word, adding them to
   * the word's languages once at the end: a common word ("a", "de") is listed by dozens of
   * languages (test/match/stopword-language.test.ts holds it to the plain regex tokenizer).
   */
  countHits(lower: string, words: WordUnits): Uint32Array {
    this.#scan(lower, 0, lower.length, words);
    return this.#counts();
  }

  /**
   * `countHits` of the lower-cased spans text[spans[2k], spans[2k + 1]) joined by line breaks, read
   * in place and lower-cased unit by unit (`words` made with a LowerCase): no sample string, no
   * lower-cased copy. Undefined when a unit's lower case depends on more than the unit (see
   * lowerCaseTable): the caller then lower-cases the joined text itself.
   */
  countHitsIn(text: string, spans: ArrayLike<number>, words: WordUnits): Uint32Array | undefined {
    for (let k = 0; k < spans.length; k += 2) {
      if (!this.#scan(text, spans[k], spans[k + 1], words)) {
        for (let k = 0; k < this.#hitCount; k++) this.#hits[this.#hitWords[k]] = 0;
        this.#hitCount = 0;
        return undefined;
      }
    }
    return this.#counts();
  }

  /** Counts the hits of text[from, to) into #hits; false (and stops) on a unit `words` cannot lower-case alone. */
  #scan(text: string, from: number, to: number, words: WordUnits): boolean {
    if (this.#hits.length !== this.#count) {
      this.#hits = new Uint32Array(this.#count);
      this.#hitWords = new Int32Array(this.#count);
    }
    const table = words.table;
    let start = -1;
    let hash = 0;
    for (let i = from; i < to; i++) {
      const unit = text.charCodeAt(i);
      const known = table[unit] || words.learn(unit);
      if (known & IN_WORD) {
        if (start < 0) {
          start = i;
          hash = 0;
        }
        hash = (Math.imul(hash, 31) + (known & 0xffff)) | 0;
        continue;
      }
      if (known === SPECIAL) {
        if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < to && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
          // A surrogate pair: the class of the character; hashed as it is (its block does not change case).
          if (words.pairChanges(unit)) return false;
          if (words.pairIn(text, i)) {
            if (start < 0) {
              start = i;
              hash = 0;
            }
            hash = (Math.imul(hash, 31) + unit) | 0;
            hash = (Math.imul(hash, 31) + text.charCodeAt(i + 1)) | 0;
            i++;
            continue;
          }
          if (start >= 0) this.#found(text, start, i, hash, words.lower);
          start = -1;
          i++;
          continue;
        }
        // Not a surrogate: a unit whose lower case is not one unit alone (İ, Σ).
        if (unit < 0xd800 || unit > 0xdfff) return false;
      }
      if (start >= 0) this.#found(text, start, i, hash, words.lower);
      start = -1;
    }
    if (start >= 0) this.#found(text, start, to, hash, words.lower);
    return true;
  }

  /** Counts the word text[start, end) (its hash `hash`) when it is a stopword. */
  #found(text: string, start: number, end: number, hash: number, lower: Uint16Array | undefined): void {
    const bit = filterBit(hash);
    if (end - start <= this.#longest && this.#filter[bit >>> 5] & (1 << (bit & 31))) {
      const entry = this.#words.entryOf(text, start, end, hash, lower);
      if (entry !== 0 && this.#hits[entry - 1]++ === 0) this.#hitWords[this.#hitCount++] = entry - 1;
    }
  }

  /** Hits per language from #hits, which it zeroes again. */
  #counts(): Uint32Array {
    const hits = this.#hits;
    const counts = new Uint32Array(this.languages.length);
    for (let k = 0; k < this.#hitCount; k++) {
      const word = this.#hitWords[k];
      for (let k = this.#languageStarts[word]; k < this.#languageStarts[word + 1]; k++) counts[this.#languageList[k] - CHAR_BASE] += hits[word];
      hits[word] = 0;
    }
    this.#hitCount = 0;
    return counts;
  }
}

/** In LowerCase.units: a unit whose lower case is not one unit on its own (İ -> i̇; Σ -> σ or ς by position). */
const UNMAPPED = 0xffff;

/** In WordUnits.table: the unit (lower-cased, when words are) is a word character. */
const IN_WORD = 0x10000;
/** In WordUnits.table: looked up, not a word character. */
const NOT_IN_WORD = 0x20000;
/** In WordUnits.table: a surrogate (its pair decides), or a unit that lower-cases only with its neighbours. */
const SPECIAL = 0x40000;

/**
 * What the stopword scan needs of each UTF-16 unit, in one table read: the unit as a word's hash
 * reads it (lower-cased through `lowerCase` when given) and whether it is a word character.
 * Filled as units come. Two reads (lower case, then class) and their branches per unit were
 * most of the detector's time on every output record.
 */
class WordUnits {
  /** 0: not learnt yet; else the unit as hashed | IN_WORD, or | NOT_IN_WORD; or SPECIAL. */
  readonly table = new Uint32Array(0x10000);
  readonly lower: Uint16Array | undefined;

  constructor(
    private readonly words: CharRuns,
    private readonly lowerCase: LowerCase | undefined,
  ) {
    this.lower = lowerCase?.units;
  }

  learn(unit: number): number {
    let known = SPECIAL;
    if (unit < 0xd800 || unit > 0xdfff) {
      const hashed = this.lowerCase ? this.lowerCase.units[unit] || this.lowerCase.learn(unit) : unit;
      if (hashed !== UNMAPPED || !this.lowerCase) known = hashed | (this.words.kindOf(hashed) === 1 ? IN_WORD : NOT_IN_WORD);
    }
    return (this.table[unit] = known);
  }

  pairChanges(high: number): boolean {
    return this.lowerCase ? this.lowerCase.pairChanges(high) : false;
  }

  pairIn(text: string, at: number): boolean {
    return this.words.pairIn(text, at);
  }
}

/** Lower case by UTF-16 unit, as String.prototype.toLowerCase gives it, for units it maps alone. */
interface LowerCase {
  /** The lower case of each unit as far as learnt, 0 when not yet (ask `learn`); UNMAPPED for those that expand or depend on their neighbours. */
  units: Uint16Array;
  /** Looks up the lower case of a unit alone and keeps it. */
  learn(unit: number): number;
  /** Whether some character of this high surrogate's block changes when lower-cased (Deseret, Osage, Adlam...). */
  pairChanges(high: number): boolean;
}

let caseTable: LowerCase | undefined;
/**
 * Filled as units come (one native toLowerCase of all 65,536 units cost 20 ms at start): a unit
 * whose lower case is longer (İ), or is Σ (final sigma depends on what follows), is UNMAPPED; the
 * others lower-case alone as inside any text (Unicode's other conditional mappings are by locale).
 */
function lowerCaseTable(): LowerCase {
  if (!caseTable) {
    const units = new Uint16Array(0x10000);
    // 0 unknown, 1 changes, 2 does not: one regex over the block's 1,024 characters on its first sight.
    const highs = new Uint8Array(0x400);
    const changes = /\p{Changes_When_Lowercased}/u;
    caseTable = {
      units,
      learn(unit) {
        const lower = unit === 0x3a3 ? "" : String.fromCharCode(unit).toLowerCase();
        return (units[unit] = lower.length === 1 ? lower.charCodeAt(0) : UNMAPPED);
      },
      pairChanges(high) {
        const at = high - 0xd800;
        if (highs[at] === 0) {
          const block = new Uint16Array(0x800);
          for (let low = 0; low < 0x400; low++) block.set([high, 0xdc00 + low], 2 * low);
          highs[at] = changes.test(Buffer.from(block.buffer).toString("utf16le")) ? 1 : 2;
        }
        return highs[at] === 1;
      },
    };
  }
  return caseTable;
}

/** Fewest stopword hits before a language is named at all. */
const MIN_STOPWORD_HITS = 3;

/** Words for the detector (lower-cased text); apostrophes keep "don't" and "l'on" whole. */
const STOPWORD_WORDS = new CharRuns(/^[\p{L}\p{M}'’]$/u);
/** Its units in a text already lower-cased, and in a text lower-cased unit by unit as it is read (made on first use). */
let wordUnits: { asIs: WordUnits; lowered: WordUnits } | undefined;
const stopwordUnits = () => (wordUnits ??= { asIs: new WordUnits(STOPWORD_WORDS, undefined), lowered: new WordUnits(STOPWORD_WORDS, lowerCaseTable()) });

/** The language whose stopwords occur most often in the text (ties: the first code in order); "" when too few. */
export function stopwordLanguage(text: string): string {
  const index = languagesOfStopword();
  return mostHits(index.languages, index.countHits(text.toLowerCase(), stopwordUnits().asIs));
}

/**
 * `stopwordLanguage` of the spans text[spans[2k], spans[2k + 1]) joined by line breaks, without
 * joining them: the detector reads the longest lines of every output record in place.
 */
export function stopwordLanguageOfSpans(text: string, spans: ArrayLike<number>): string {
  const index = languagesOfStopword();
  const counts = index.countHitsIn(text, spans, stopwordUnits().lowered);
  if (counts) return mostHits(index.languages, counts);
  const sample: string[] = [];
  for (let k = 0; k < spans.length; k += 2) sample.push(text.slice(spans[k], spans[k + 1]));
  return stopwordLanguage(sample.join("\n"));
}

function mostHits(languages: readonly string[], counts: Uint32Array): string {
  let best = "";
  let hits = MIN_STOPWORD_HITS - 1;
  for (let position = 0; position < languages.length; position++) {
    if (counts[position] > hits) {
      best = languages[position];
      hits = counts[position];
    }
  }
  return best;
}

/**
 * Stopwords of a language (ISO 639-1), lower-cased; empty when stopwords-iso has none. Read from
 * the generated facts (every lower-cased word of stopwords-iso with the languages that list it),
 * not from the package's JSON, which each HTML process parsed whole (~9 ms) for one list.
 */
export function stopwordsFor(lang: string): ReadonlySet<string> {
  let set = stopwordSets.get(lang);
  if (!set) {
    const words = new Set<string>();
    const position = STOPWORD_LANGUAGES.indexOf(lang);
    if (position >= 0) {
      const wanted = String.fromCharCode(CHAR_BASE + position);
      for (let w = 0, start = 0, listed = 0; w < STOPWORD_LENGTHS.length; w++) {
        const length = STOPWORD_LENGTHS.charCodeAt(w) - CHAR_BASE;
        const count = STOPWORD_LANGUAGE_COUNTS.charCodeAt(w) - CHAR_BASE;
        if (STOPWORD_LANGUAGE_POSITIONS.slice(listed, listed + count).includes(wanted)) words.add(STOPWORDS.slice(start, start + length));
        start += length;
        listed += count;
      }
    }
    set = words;
    stopwordSets.set(lang, set);
    listsOfLanguages.add(set);
  }
  return set;
}

/** The sets stopwordsFor made (never changed after): lineFeatures looks their ASCII words up in place. */
const listsOfLanguages = new WeakSet<ReadonlySet<string>>();
const asciiWordsOf = new WeakMap<ReadonlySet<string>, AsciiWords>();

/**
 * The ASCII words of a stopword list, in an open-addressing table read in place. A token made of
 * ASCII units lower-cases unit by unit (A-Z to a-z), so it is looked up without being cut out of
 * the line, lower-cased and hashed as a new string: most tokens of most pages are ASCII. A token
 * with another unit goes to the Set (test/match/line-features.test.ts holds both to the Set alone).
 */
class AsciiWords {
  readonly #words: WordSlots;

  constructor(words: ReadonlySet<string>) {
    const ascii = [...words].filter((word) => /^[\x00-\x7f]+$/.test(word));
    const starts = new Int32Array(ascii.length + 1);
    ascii.forEach((word, w) => (starts[w + 1] = starts[w] + word.length));
    const units = new Uint16Array(starts[ascii.length]);
    ascii.forEach((word, w) => {
      for (let i = 0; i < word.length; i++) units[starts[w] + i] = word.charCodeAt(i);
    });
    this.#words = new WordSlots(units, starts);
  }

  /** 1 when text[start, end) lower-cased is one of the words, 0 when it is not, -1 when it has a unit past ASCII (ask the Set). */
  lookup(text: string, start: number, end: number): number {
    let hash = 0;
    for (let i = start; i < end; i++) {
      const unit = unitAt(text, i);
      if (unit > 0x7f) return -1;
      hash = (Math.imul(hash, 31) + ASCII_LOWER[unit]) | 0;
    }
    return this.#words.entryOf(text, start, end, hash, ASCII_LOWER) === 0 ? 0 : 1;
  }
}

/** ASCII units lower-cased (A-Z to a-z), as `toLowerCase` does them. */
const ASCII_LOWER = Uint16Array.from({ length: 0x80 }, (_, unit) => (unit >= 0x41 && unit <= 0x5a ? unit + 0x20 : unit));

const languages = new WeakMap<Document, string>();
/** Characters of the longest lines fed to the detector: enough to be sure, cheap to run. */
const DETECT_SAMPLE = 4000;

/**
 * The document's language, from its longest lines (menus are short and often English
 * on pages that are not). Empty string when undetectable. Cached per document.
 */
export function documentLanguage(doc: Document, lines: readonly Line[]): string {
  const cached = languages.get(doc);
  if (cached !== undefined) return cached;
  const sample: string[] = [];
  let size = 0;
  for (const line of [...lines].sort((a, b) => b.content.length - a.content.length || a.index - b.index)) {
    if (size >= DETECT_SAMPLE || line.content.length < 40) break;
    sample.push(line.content);
    size += line.content.length;
  }
  const language = sample.length ? stopwordLanguage(sample.join("\n")) : "";
  languages.set(doc, language);
  return language;
}

export interface LineFeatures {
  /** Words; in scripts without spaces, about two characters count as one. */
  words: number;
  /** Share of the words that are stopwords of the document's language (0 when it has no list). */
  stopwordRatio: number;
  /** Mostly in a script written without spaces (Chinese, Japanese, Thai): stopwords cannot be counted. */
  unspaced: boolean;
  /** Ends like a sentence: a stop, a question or exclamation mark, or a closing quote. */
  terminal: boolean;
  /** Letters are all capitals (and there are some). */
  allCaps: boolean;
  /** Letters of an all-caps line (0 for other lines: only capitals need counting). */
  letters: number;
}

/** Words of a line: runs of letters, digits, marks, apostrophes, underscores and hyphens. */
const LINE_WORDS = new CharRuns(/^[\p{L}\p{N}\p{M}'’_-]$/u);
const HAS_UNSPACED = new RegExp(UNSPACED_SCRIPT.source, "u");
const HAS_LOWER = /\p{Ll}/u;
const STARTS_LOWER = /^\p{Ll}/u;

/**
 * Whether a line runs on into the next, as the lines of a hard-wrapped paragraph do: it has no
 * closing mark and the next starts in lower case. Such a line is part of a paragraph, not a
 * heading or a title. Example: "The council voted on Tuesday to approve the new bridge across" / "the river".
 */
export function runsOnInto(line: string, next: string): boolean {
  return !TERMINAL_PUNCTUATION.test(line) && STARTS_LOWER.test(next);
}
const LETTERS = /\p{L}/gu;

function asciiWordsFor(stopwords: ReadonlySet<string>): AsciiWords {
  let words = asciiWordsOf.get(stopwords);
  if (!words) asciiWordsOf.set(stopwords, (words = new AsciiWords(stopwords)));
  return words;
}

export function lineFeatures(content: string, stopwords: ReadonlySet<string>): LineFeatures {
  let tokens = 0;
  let stop = 0;
  const ascii = stopwords.size && listsOfLanguages.has(stopwords) ? asciiWordsFor(stopwords) : undefined;
  if (ascii)
    LINE_WORDS.each(content, (start, end) => {
      tokens++;
      const hit = ascii.lookup(content, start, end);
      if (hit > 0 || (hit < 0 && stopwords.has(content.slice(start, end).toLowerCase()))) stop++;
    });
  else if (stopwords.size)
    LINE_WORDS.each(content, (start, end) => {
      tokens++;
      if (stopwords.has(content.slice(start, end).toLowerCase())) stop++;
    });
  else tokens = LINE_WORDS.count(content);
  // Cheap tests first: most lines are in spaced scripts and not in capitals.
  const unspaced = HAS_UNSPACED.test(content) ? (content.match(UNSPACED_SCRIPT)?.length ?? 0) : 0;
  const words = unspaced > tokens ? Math.max(tokens, Math.round(unspaced / 2)) : tokens;
  const capitals = tokens > 0 && !HAS_LOWER.test(content);
  const letters = capitals ? (content.match(LETTERS)?.length ?? 0) : 0;
  return {
    words,
    stopwordRatio: tokens ? stop / tokens : 0,
    unspaced: unspaced > tokens,
    terminal: TERMINAL_PUNCTUATION.test(content),
    // Scripts without case have no lower-case letters either: capitals need some upper-case ones.
    allCaps: letters > 0 && /\p{Lu}/u.test(content),
    letters,
  };
}
