// A quick test in front of isWidgetWordLine (widgets.ts): a widget-word line is made
// only of widget words, fillers and counts, with at most one short unknown label among
// them, so one of its first two words is known and neither is prose. Most lines fail
// on their first two words, without lower-casing the line, joining phrases or
// splitting it into words. Built from the same tables as isWidgetWordLine.
import { unitTable } from "../core/lines.js";
import { WIDGET_FILLER, WIDGET_LINE, WIDGET_WORDS } from "../rules/widgets.js";
import { labelText } from "./line-rules.js";

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
const COUNT = /^\d+(?:[.,]\d+)?[kmк]?$/u;
const UNKNOWN_LABEL = new RegExp(`^\\p{L}{1,${WIDGET_LINE.unknownLabelMaxLetters}}$`, "u");

/** False only when the content cannot be a widget-word line; true means "ask isWidgetWordLine". */
export function mayBeWidgetWordLine(content: string): boolean {
  const label = labelText(content);
  let unknown = 0;
  let at = 0;
  for (let word = 0; word < 2; word++) {
    while (at < label.length && SEPARATOR[label.charCodeAt(at)]) at++;
    if (at === label.length) return word > 0; // no words at all: not a widget line
    const start = at;
    while (at < label.length && !SEPARATOR[label.charCodeAt(at)]) at++;
    const token = label.slice(start, at);
    // Lower-casing a word alone differs from lower-casing it in its line only for a final sigma.
    if (token.includes("Σ")) return true;
    const bare = token.toLowerCase().replace(/_/g, " ").replace(/[()[\]:!.]/g, "");
    if (bare === "" || KNOWN_WORDS.has(bare) || COUNT.test(bare)) continue;
    if (!UNKNOWN_LABEL.test(bare) || ++unknown > 1) return false;
  }
  return true;
}
