// What the boilerplate stages measure on a line: words, stopwords in the document's
// language, closing punctuation, capitals. The language is detected once per document,
// from its stopwords.
import { createRequire } from "node:module";
import type { Document } from "../core/document.js";
import type { Line } from "../core/lines.js";
import { TERMINAL_PUNCTUATION, UNSPACED_SCRIPT } from "../rules/boilerplate.js";
import { CharRuns } from "./char-runs.js";

const require = createRequire(import.meta.url);
/** stopwords-iso's lists (200 kB of JSON), read on first use: a document of short lines never needs them. */
let stopwordTable: Record<string, string[]> | undefined;
const stopwordLists = (): Record<string, string[]> => (stopwordTable ??= require("stopwords-iso") as Record<string, string[]>);
const stopwordSets = new Map<string, Set<string>>();

/**
 * Each stopword and the languages that list it. The stages need the stopword list that
 * fits the document, so the language is the one whose stopwords the text uses most: it
 * agrees with a 60-language n-gram detector (eld) on 182 of 186 benchmark and seed pages
 * (the others: Malay/Indonesian, and Japanese, whose unspaced script skips stopwords
 * anyway) and costs 2 MB per thread instead of eld's 150 MB, which broke the memory bound
 * of a worker pool.
 */
let stopwordIndex: StopwordIndex | undefined;
function languagesOfStopword(): StopwordIndex {
  if (!stopwordIndex) {
    // Languages in code order, each word mapping to their positions in it.
    const languages = Object.keys(stopwordLists()).sort((a, b) => (a < b ? -1 : 1));
    const byWord = new Map<string, number[]>();
    languages.forEach((lang, position) => {
      for (const word of stopwordLists()[lang]) {
        const key = word.toLowerCase();
        const list = byWord.get(key);
        if (list) list.push(position);
        else byWord.set(key, [position]);
      }
    });
    stopwordIndex = new StopwordIndex(languages, byWord);
  }
  return stopwordIndex;
}

/** A hash of text[start, end) by UTF-16 unit: the same for a word and for its place in a text. */
function unitHash(text: string, start: number, end: number): number {
  let hash = 0;
  for (let i = start; i < end; i++) hash = (Math.imul(hash, 31) + text.charCodeAt(i)) | 0;
  return hash;
}

/**
 * The stopwords in an open-addressing table looked up by a word's place in the text: a word is
 * found without cutting it out (a new string, hashed again by the Map). The detector looks up
 * every word of each record's clean text; this made it 2x faster (see README, "Speed of the text route").
 */
class StopwordIndex {
  readonly #words: string[];
  readonly #positions: number[][];
  readonly #hashes: Int32Array;
  /** Index + 1 of the word in each slot, 0 when empty; at most half full. */
  readonly #slots: Int32Array;

  constructor(
    readonly languages: string[],
    byWord: Map<string, number[]>,
  ) {
    this.#words = [...byWord.keys()];
    this.#positions = [...byWord.values()];
    this.#hashes = Int32Array.from(this.#words, (w) => unitHash(w, 0, w.length));
    let size = 1;
    while (size < 2 * this.#words.length) size *= 2;
    this.#slots = new Int32Array(size);
    this.#hashes.forEach((hash, word) => {
      let slot = hash & (size - 1);
      while (this.#slots[slot] !== 0) slot = (slot + 1) & (size - 1);
      this.#slots[slot] = word + 1;
    });
  }

  /** The positions (in `languages`) of the languages that list text[start, end) as a stopword. */
  languagesOf(text: string, start: number, end: number): number[] | undefined {
    const hash = unitHash(text, start, end);
    const mask = this.#slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.#slots[slot];
      if (entry === 0) return undefined;
      const word = this.#words[entry - 1];
      if (this.#hashes[entry - 1] === hash && word.length === end - start && text.startsWith(word, start)) return this.#positions[entry - 1];
    }
  }
}

/** Fewest stopword hits before a language is named at all. */
const MIN_STOPWORD_HITS = 3;

/** Words for the detector (lower-cased text); apostrophes keep "don't" and "l'on" whole. */
const STOPWORD_WORDS = new CharRuns(/^[\p{L}\p{M}'’]$/u);

/** The language whose stopwords occur most often in the text (ties: the first code in order); "" when too few. */
export function stopwordLanguage(text: string): string {
  const index = languagesOfStopword();
  const { languages } = index;
  const counts = new Uint32Array(languages.length);
  const lower = text.toLowerCase();
  STOPWORD_WORDS.each(lower, (start, end) => {
    const positions = index.languagesOf(lower, start, end);
    if (positions) for (const position of positions) counts[position]++;
  });
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

/** Stopwords of a language (ISO 639-1), empty when stopwords-iso has none. */
export function stopwordsFor(lang: string): Set<string> {
  let set = stopwordSets.get(lang);
  if (!set) {
    set = new Set((stopwordLists()[lang] ?? []).map((w) => w.toLowerCase()));
    stopwordSets.set(lang, set);
  }
  return set;
}

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

export function lineFeatures(content: string, stopwords: Set<string>): LineFeatures {
  let tokens = 0;
  let stop = 0;
  if (stopwords.size)
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
