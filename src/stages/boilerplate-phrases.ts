// Site furniture recognisable in one line: cookie and consent notices, newsletter
// sign-ups, copyright footers, login controls, paywall promos, engagement counters,
// and link lists ("News | Sport | Weather"). Phrase tables live in src/rules/boilerplate.ts (cookies in src/rules/cookies.ts).
import * as z from "../core/schema.js";
import type { Detection } from "../core/document.js";
import type { Stage } from "../core/stage.js";
import { COUNTER_RULES, FURNITURE_RULES, LINE_THRESHOLDS, LINK_LIST_SEPARATOR } from "../rules/boilerplate.js";
import { UserPattern } from "../match/backtracking.js";
import { lineRuleStage, literalGate } from "../match/line-rules.js";
import { CharRuns } from "../match/char-runs.js";
import { unitAt } from "../match/units.js";
import { unitTable, type Line } from "../core/lines.js";
import { registerStage } from "./registry.js";

export const BoilerplatePhrasesOptions = z.strictObject({
  /** Extra phrases (case-insensitive) that mark a line of at most `customMaxWords` words as furniture. */
  phrases: z._default(z.array(z.string().check(z.minLength(1))), []),
  /** Extra regular expressions, searched inside lines (case-insensitive; checked for catastrophic backtracking at load). */
  patterns: z._default(z.array(UserPattern), []),
  customMaxWords: z._default(z.number().check(z.int(), z.positive()), 40),
  /** Rule ids to switch off, e.g. "boilerplate/copyright". */
  disable: z._default(z.array(z.string()), []),
  linkListItems: z._default(z.number().check(z.int(), z.gte(2)), LINE_THRESHOLDS.linkListItems),
  linkListItemWords: z._default(z.number().check(z.int(), z.positive()), LINE_THRESHOLDS.linkListItemWords),
});
export type BoilerplatePhrasesOptions = z.infer<typeof BoilerplatePhrasesOptions>;

const WORDS = new CharRuns(/^[\p{L}\p{N}'’-]$/u);
/** Runs of letters, digits, apostrophes and hyphens: `text.match(/[\p{L}\p{N}'’-]+/gu)?.length ?? 0`. */
export const countWords = (text: string): number => WORDS.count(text);
/** countWords(text) while at most `limit`, else limit + 1 (reads no further). */
const countWordsUpTo = (text: string, limit: number): number => WORDS.countUpTo(text, limit);

/**
 * What every match of LINK_LIST_SEPARATOR holds: a bar or bullet, or a slash or dash with white space
 * on both sides. A line without one is a single item, no link list; a hyphenated word ("well-known")
 * no longer sends a paragraph to the split.
 */
export const MAY_SEPARATE = /[|•·]|\s[/–—-]\s/u;
/**
 * A MAY_SEPARATE match holds one of these in a line's content, whose only white space is single ASCII
 * spaces (src/core/lines.ts collapses the rest): the line scan looks for " - ", not for every hyphen.
 */
export const SEPARATOR_LITERALS = ["|", "•", "·", " / ", " – ", " — ", " - "];

/** Bars and bullets by unit: each separates items wherever it stands. */
const BAR = unitTable(/[|•·]/u);
/** Slashes and dashes by unit: each separates items with white space on both sides. */
const SPACED_SEPARATOR = unitTable(/[/–—-]/u);
const WHITE_SPACE = unitTable(/\s/u);

/**
 * The most LINK_LIST_SEPARATOR matches the content can hold: each holds a bar or a bullet, or a slash or
 * dash with white space on both sides (MAY_SEPARATE), and matches do not overlap.
 */
function mostSeparators(content: string): number {
  const length = content.length;
  let separators = 0;
  for (let i = 0; i < length; i++) {
    const unit = unitAt(content, i);
    if (BAR[unit] === 1) separators++;
    else if (SPACED_SEPARATOR[unit] === 1 && i > 0 && i + 1 < length && WHITE_SPACE[unitAt(content, i - 1)] === 1 && WHITE_SPACE[unitAt(content, i + 1)] === 1) separators++;
  }
  return separators;
}

/**
 * True when splitLinkList(content, minItems, maxItemWords) is sure to find no link list, read off the
 * content without the split (most lines a separator sends there are prose, or two items: "Brussels / AFP"):
 * the last item ends where the content does, so a content ending a sentence has a last item that does; the
 * first starts where the content does unless a separator starts it, and must be capitalised; there are at
 * most S + 1 items for S separators (mostSeparators), and each holds at most maxItemWords words, the
 * separators at most one more each (a spaced hyphen).
 */
export function cannotBeLinkList(content: string, minItems: number, maxItemWords: number): boolean {
  const length = content.length;
  const last = unitAt(content, length - 1);
  if (last === 0x21 || last === 0x3f || (last === 0x2e && !content.endsWith("..."))) return true;
  if (!/^[\s|•·\p{Lu}\p{N}]/u.test(content)) return true;
  const separators = mostSeparators(content);
  if (separators + 1 < minItems) return true;
  const mostWords = (separators + 1) * maxItemWords + separators;
  return countWordsUpTo(content, mostWords) > mostWords;
}

/** Items of a link-list line, or undefined when the line is not one (too few, too long, or a sentence). */
export function linkListItems(content: string, minItems: number, maxItemWords: number): string[] | undefined {
  return cannotBeLinkList(content, minItems, maxItemWords) ? undefined : splitLinkList(content, minItems, maxItemWords);
}

/** linkListItems by the split alone. */
export function splitLinkList(content: string, minItems: number, maxItemWords: number): string[] | undefined {
  const items = content.split(LINK_LIST_SEPARATOR).map((s) => s.trim()).filter(Boolean);
  if (items.length < minItems) return undefined;
  for (const item of items) {
    const words = countWords(item);
    if (words === 0 || words > maxItemWords) return undefined;
    if (!/^[\p{Lu}\p{N}]/u.test(item)) return undefined; // menu items are capitalised
    if (/[.!?]$/u.test(item) && !/\.\.\.$|…$/u.test(item)) return undefined;
  }
  return items;
}

export function createBoilerplatePhrases(options: BoilerplatePhrasesOptions): Stage {
  const linkLists = !options.disable.includes("boilerplate/link-list");
  // MAY_SEPARATE behind the line's one scan: most lines hold none of its bars, bullets, or spaced slashes and dashes.
  const mayHoldSeparator = (linkLists && literalGate(SEPARATOR_LITERALS, false)) || (() => true);
  /** A link list among the lines no rule of the table took. */
  const linkList = (line: Line, matched: boolean): Detection | undefined => {
    // No MAY_SEPARATE test: a content without its match has no separator (mostSeparators 0), so fewer than minItems (2 or more) items.
    if (matched || !mayHoldSeparator(line)) return undefined;
    const items = linkListItems(line.content, options.linkListItems, options.linkListItemWords);
    if (!items) return undefined;
    return {
      rule: "boilerplate/link-list",
      start: line.contentStart,
      end: line.contentEnd,
      reason: `a list of ${items.length} short capitalised items separated by bars or bullets`,
      features: { words: countWords(line.content), items: items.length, longestItemWords: Math.max(...items.map(countWords)) },
    };
  };
  return lineRuleStage({
    name: "boilerplate-phrases",
    mode: "search",
    table: [...COUNTER_RULES, ...FURNITURE_RULES],
    options,
    custom: { rule: "boilerplate/custom", reason: { phrase: "furniture phrase from the pipeline file", pattern: "furniture pattern from the pipeline file" }, maxWords: options.customMaxWords },
    countWordsUpTo,
    after: linkLists ? linkList : undefined,
  });
}

registerStage("boilerplate-phrases", {
  description: "Cookie, newsletter, copyright, login and paywall lines, engagement counters and link lists (phrase tables in en, de, fr, es, ru)",
  options: BoilerplatePhrasesOptions,
  create: createBoilerplatePhrases,
});
