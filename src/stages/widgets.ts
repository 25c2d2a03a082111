// Share, print and email widgets and navigation labels.
import { lineDetection, unitTable } from "../core/lines.js";
import { WIDGET_FILLER, WIDGET_LINE, WIDGET_RULES, WIDGET_WORDS } from "../rules/widgets.js";
import { LineRuleOptions, labelText, lineRuleStage, literalGate } from "../match/line-rules.js";
import { unitAt } from "../match/units.js";
import { registerStage } from "./registry.js";

const STRONG = new Set(WIDGET_WORDS.filter((w) => !w.includes(" ")));
const FILLER = new Set(WIDGET_FILLER);
/** Multi-word widget words ("copy link") are joined before splitting. */
const PHRASES = WIDGET_WORDS.filter((w) => w.includes(" "));

/** A short word chaff does not know, letters only: a label it has no list entry for (isUnknownLabel tests it). */
export const UNKNOWN_LABEL = new RegExp(`^\\p{L}{1,${WIDGET_LINE.unknownLabelMaxLetters}}$`, "u");
/** A count beside the buttons: "12", "3.4k". */
const WIDGET_COUNT = /^\d+(?:[.,]\d+)?[kmк]?$/u;

/** Whether each UTF-16 unit alone is a letter (1) or not (2), looked up when first seen (0): no table built at start. */
const LETTER_UNITS = new Uint8Array(0x10000);
const ONE_LETTER = /^\p{L}$/u;

/**
 * UNKNOWN_LABEL.test(word) without the regex: 1 to unknownLabelMaxLetters letters (code points).
 * Most words of prose are tested here, two per line; the table look is the cheaper test
 * (test/core/fast-paths.test.ts holds it to the regex).
 */
export function isUnknownLabel(word: string): boolean {
  let letters = 0;
  const length = word.length;
  for (let i = 0; i < length; i++) {
    const unit = unitAt(word, i);
    if ((unit & 0xfc00) === 0xd800 && i + 1 < length && (unitAt(word, i + 1) & 0xfc00) === 0xdc00) {
      if (!ONE_LETTER.test(word.slice(i, i + 2))) return false;
      i++;
    } else {
      if (LETTER_UNITS[unit] === 0) LETTER_UNITS[unit] = ONE_LETTER.test(String.fromCharCode(unit)) ? 1 : 2;
      if (LETTER_UNITS[unit] !== 1) return false;
    }
    if (++letters > WIDGET_LINE.unknownLabelMaxLetters) return false;
  }
  return letters > 0;
}

/** WIDGET_COUNT.test(word), the regex run only on a word that starts with a digit. */
export function isWidgetCount(word: string): boolean {
  const first = unitAt(word, 0);
  return first >= 48 && first <= 57 && WIDGET_COUNT.test(word);
}

/**
 * True for a short line made only of widget words: "Email Print", "Share | Tweet | 12". The words are
 * the runs between SEPARATOR units (a split on /[\s|•·,/]+/u), read one by one: a line stops at its first
 * word that is none of the lists', or past `maxWords`, without being cut into all its words first.
 */
export function isWidgetWordLine(content: string, maxWords = 10): boolean {
  let text = labelText(content).toLowerCase();
  // Multi-word widget words are joined before the split; each holds a space, so a label without one joins none.
  if (text.includes(" ")) for (const phrase of PHRASES) if (text.includes(phrase)) text = text.split(phrase).join(phrase.replace(/ /g, "_"));
  let words = 0;
  let strong = 0;
  let unknownAt = -1;
  const length = text.length;
  for (let at = 0; ; ) {
    while (at < length && SEPARATOR[unitAt(text, at)]) at++;
    if (at === length) break;
    const start = at;
    while (at < length && !SEPARATOR[unitAt(text, at)]) at++;
    if (++words > maxWords) return false;
    const bare = bareWord(text.slice(start, at));
    if (STRONG.has(bare) || PHRASES.includes(bare)) strong++;
    else if (FILLER.has(bare) || isWidgetCount(bare) || bare === "") continue;
    // One unknown label may sit among the buttons ("Whatsapp Facebook Pint Baixar"); a second is prose.
    else if (unknownAt === -1 && isUnknownLabel(bare)) unknownAt = words - 1;
    else return false;
  }
  if (unknownAt === -1) return strong > 0;
  // ...only among at least three widget words, and not last: "Twitter, Facebook, WhatsApp banned" is a headline.
  return strong >= WIDGET_LINE.unknownLabelMinWidgetWords && unknownAt < words - 1;
}

// A quick test in front of isWidgetWordLine: a widget-word line is made only of widget words,
// fillers and counts, with at most one short unknown label among them, so each of its words is
// known, a count, or that one label, and none is prose. Most lines fail on their first words,
// without lower-casing the line, joining phrases or splitting it into words. Built from the same tables.
/**
 * Every value a word of a widget-word line can take (lower-cased, brackets and stops
 * removed): a widget word or filler, or any run of the words of a multi-word one,
 * which isWidgetWordLine joins before it splits ("copy link", "copier le lien").
 */
const KNOWN_WORDS = new Set(
  [...WIDGET_WORDS, ...WIDGET_FILLER].flatMap((entry) => {
    const words = entry.split(" ");
    return words.flatMap((_, from) => words.slice(from).map((__, n) => words.slice(from, from + n + 1).join(" ")));
  }),
);
const SEPARATOR = unitTable(/[\s|•·,/]/u);
/** The known words of ASCII lower-case letters, capitalised ("Share", "The"). */
const KNOWN_CAPITALISED = new Set([...KNOWN_WORDS].filter((w) => /^[a-z]+$/.test(w)).map((w) => w[0].toUpperCase() + w.slice(1)));
/** What `bareWord` rewrites: most words hold none of it, and two regex replaces on each cost more than the look. */
const STRIPPED = unitTable(/[_()[\]:!.]/);

/** A lower-cased word as isWidgetWordLine compares it: "_" as a space, brackets and stops removed. */
function bareWord(word: string): string {
  for (let i = 0, length = word.length; i < length; i++) if (STRIPPED[unitAt(word, i)]) return word.replace(/_/g, " ").replace(/[()[\]:!.]/g, "");
  return word;
}

/**
 * False only when the content cannot be a widget-word line; true means "ask isWidgetWordLine". Every
 * word is read up to the first that no widget-word line holds: a sentence that opens with a short
 * word and a filler ("If a more aggressive Russia...") stops at its third, where reading two words
 * sent it on to isWidgetWordLine, which lower-cased it and searched it for every phrase first.
 */
export function mayBeWidgetWordLine(content: string): boolean {
  const label = labelText(content);
  const length = label.length;
  let unknown = 0;
  let words = 0;
  for (let at = 0; ; words++) {
    while (at < length && SEPARATOR[unitAt(label, at)]) at++;
    if (at === length) break;
    const start = at;
    // Whether the word is ASCII letters, all lower-case or capitalised ("the", "Share"): most words are.
    let lower = true;
    let capitalised = true;
    for (; at < length; at++) {
      const unit = unitAt(label, at);
      if (SEPARATOR[unit]) break;
      const isLower = unit >= 97 && unit <= 122;
      if (at === start) {
        lower = isLower;
        capitalised = unit >= 65 && unit <= 90;
      } else if (!isLower) lower = capitalised = false;
    }
    const token = label.slice(start, at);
    // Such a word's bare form is the word lower-cased, nothing stripped: it is looked up as it is, not
    // lower-cased first, and is an unknown label when short enough.
    if (lower || capitalised) {
      if ((lower ? KNOWN_WORDS : KNOWN_CAPITALISED).has(token)) continue;
      if (token.length > WIDGET_LINE.unknownLabelMaxLetters || ++unknown > 1) return false;
      continue;
    }
    // Lower-casing a word alone differs from lower-casing it in its line only for a final sigma.
    if (token.includes("Σ")) return true;
    const bare = bareWord(token.toLowerCase());
    if (bare === "" || KNOWN_WORDS.has(bare) || isWidgetCount(bare)) continue;
    if (!isUnknownLabel(bare) || ++unknown > 1) return false;
  }
  // A line with an unknown label has WORDS_WITH_UNKNOWN words at least (joining phrases only merges
  // words): a short menu line ("Business News", "Contact Us") stops here, not in isWidgetWordLine.
  return words > 0 && (unknown === 0 || words >= WORDS_WITH_UNKNOWN);
}

/** Fewest words of a widget-word line with an unknown label: the label and the widget words it needs besides. */
const WORDS_WITH_UNKNOWN = WIDGET_LINE.unknownLabelMinWidgetWords + 1;

/**
 * Every widget-word line holds a widget word or phrase (isWidgetWordLine counts one at least): as it
 * is, in any case, or with characters bareWord strips inside it ("e.mail", "copy_link"). Then the
 * last of them is followed by the rest of the word: the line holds a stripped character and the
 * unit after it, one that a widget word holds past its first ("e.mail": ".m"). The line scan looks
 * for the words, the one-letter "x" too (a rare letter: see LiteralScanner.register), and these
 * pairs; not for a bare stripped character, which every sentence's stop is (30% of the bench
 * JSONL's lines held one of them, 12% a widget word). Most menu lines ("Business", "Contact Us") hold none.
 */
export const WIDGET_WORD_LITERALS = [...WIDGET_WORDS, ...strippedInside(WIDGET_WORDS)];

/**
 * The pairs of a stripped character and a unit one of the words holds past its first (above). Not a
 * space: a line's words are split at spaces, so a phrase's space is a "_" inside its word (stripped itself).
 */
function strippedInside(words: readonly string[]): string[] {
  const stripped = Array.from({ length: 0x80 }, (_, unit) => String.fromCharCode(unit)).filter((c) => STRIPPED[c.charCodeAt(0)]);
  const after = new Set(words.flatMap((word) => [...word.slice(1), ...word.toLowerCase().slice(1)]).filter((unit) => !SEPARATOR[unit.charCodeAt(0)] && !STRIPPED[unit.charCodeAt(0)]));
  return stripped.flatMap((mark) => [...after].map((unit) => mark + unit));
}

registerStage("widgets", {
  description: "Share, print and email widgets; navigation labels and breadcrumbs",
  options: LineRuleOptions,
  create(options: LineRuleOptions) {
    const wordGate = literalGate(WIDGET_WORD_LITERALS, false, true);
    const mayHoldWidgetWord = wordGate ?? (() => true);
    return lineRuleStage({
      name: "widgets",
      table: WIDGET_RULES,
      options,
      custom: { rule: "widget/custom", reason: "widget phrase from the pipeline file" },
      // Asked in the table's own walk over the lines, a line it matched told apart without a set of them.
      after(line, matched) {
        if (matched || line.kind === "heading" || line.kind === "title" || !mayHoldWidgetWord(line)) return undefined;
        if (!mayBeWidgetWordLine(line.content) || !isWidgetWordLine(line.content)) return undefined;
        return lineDetection(line, { rule: "widget/share", reason: "a short line made only of share, print and email words" });
      },
      stepGate: wordGate,
    });
  },
});
