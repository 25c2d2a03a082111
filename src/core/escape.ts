// Text that goes into a regular expression as itself: user phrases, agency names, literals of gates.

/** `text` as a pattern that matches it literally (every syntax character escaped). */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}
