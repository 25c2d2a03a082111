// A quick test in front of isWidgetWordLine (widgets.ts): a widget-word line is made
// only of widget words, fillers and counts, so its first word must be one of them.
// Most lines fail on their first word, without lower-casing the line, joining phrases
// or splitting it into words. Built from the same tables as isWidgetWordLine.
import { WIDGET_FILLER, WIDGET_WORDS } from "../rules/widgets.js";
import { unitTable } from "../core/lines.js";
import { labelText } from "./line-rules.js";

/**
 * Every value the first word of a widget-word line can take (lower-cased, brackets
 * and stops removed): a widget word or filler, or the first words of a multi-word
 * one, which isWidgetWordLine joins before it splits ("copy link", "copier le lien").
 */
const FIRST_WORDS = new Set(
  [...WIDGET_WORDS, ...WIDGET_FILLER].flatMap((entry) => entry.split(" ").map((_, i, words) => words.slice(0, i + 1).join(" "))),
);
const SEPARATOR = unitTable(/[\s|•·,/]/u);
const COUNT = /^\d+(?:[.,]\d+)?[kmк]?$/u;

/** False only when the content cannot be a widget-word line; true means "ask isWidgetWordLine". */
export function mayBeWidgetWordLine(content: string): boolean {
  const label = labelText(content);
  let start = 0;
  while (start < label.length && SEPARATOR[label.charCodeAt(start)]) start++;
  if (start === label.length) return false; // no words
  let end = start + 1;
  while (end < label.length && !SEPARATOR[label.charCodeAt(end)]) end++;
  const first = label.slice(start, end);
  // Lower-casing a word alone differs from lower-casing it in its line only for a final sigma.
  if (first.includes("Σ")) return true;
  const bare = first.toLowerCase().replace(/_/g, " ").replace(/[()[\]:!.]/g, "");
  return bare === "" || FIRST_WORDS.has(bare) || COUNT.test(bare);
}
