// What the boilerplate stages measure on a line: words, stopwords in the document's
// language, closing punctuation, capitals. The language is detected once per document.
import { createRequire } from "node:module";
import { eld } from "eld/small";
import type { Document } from "../core/document.js";
import type { Line } from "../core/lines.js";
import { TERMINAL_PUNCTUATION, UNSPACED_SCRIPT } from "../rules/boilerplate.js";

const require = createRequire(import.meta.url);
const STOPWORDS = require("stopwords-iso") as Record<string, string[]>;
const stopwordSets = new Map<string, Set<string>>();

/** Stopwords of a language (ISO 639-1), empty when stopwords-iso has none. */
export function stopwordsFor(lang: string): Set<string> {
  let set = stopwordSets.get(lang);
  if (!set) {
    set = new Set((STOPWORDS[lang] ?? []).map((w) => w.toLowerCase()));
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
  const language = sample.length ? eld.detect(sample.join("\n")).language : "";
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
  letters: number;
}

const WORD = /[\p{L}\p{N}\p{M}'’_-]+/gu;
const LETTER = /\p{L}/gu;

export function lineFeatures(content: string, stopwords: Set<string>): LineFeatures {
  const tokens = content.match(WORD) ?? [];
  const unspaced = content.match(UNSPACED_SCRIPT)?.length ?? 0;
  const words = unspaced > tokens.length ? Math.max(tokens.length, Math.round(unspaced / 2)) : tokens.length;
  let stop = 0;
  if (stopwords.size) for (const token of tokens) if (stopwords.has(token.toLowerCase())) stop++;
  const letters = content.match(LETTER)?.length ?? 0;
  const upper = content.match(/\p{Lu}/gu)?.length ?? 0;
  return {
    words,
    stopwordRatio: tokens.length ? stop / tokens.length : 0,
    unspaced: unspaced > tokens.length,
    terminal: TERMINAL_PUNCTUATION.test(content),
    allCaps: letters > 0 && upper === letters,
    letters,
  };
}

