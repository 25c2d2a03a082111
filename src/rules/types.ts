// Shapes of the rule tables. Every entry carries an example of what it catches;
// the tests check each example against its own rule.
import type { MetaField } from "../core/document.js";
import type { Pattern } from "../core/pattern.js";

/** A whole-line rule: the line's collapsed content (decorations trimmed) must match `pattern` in full. */
export interface LineRule {
  rule: string;
  /** ISO 639-1 code, or "*" for language-neutral patterns. */
  lang: string;
  /** Matched case-insensitively against the whole line, anchored at both ends. */
  pattern: Pattern;
  reason: string;
  example: string;
  moveTo?: MetaField;
  /** Match case-sensitively (credits tell agencies and names by their capitals). */
  caseSensitive?: boolean;
}

/** A rule matched anywhere inside a line (not the whole line): furniture phrases come inside sentences. */
export interface PhraseRule {
  rule: string;
  /** ISO 639-1 code, or "*" for language-neutral patterns. */
  lang: string;
  /** Searched case-insensitively inside the line's collapsed content. */
  pattern: Pattern;
  reason: string;
  example: string;
  /** Lines longer than this (in words) are prose that merely mentions the phrase. */
  maxWords: number;
}
