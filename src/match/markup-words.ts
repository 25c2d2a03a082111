// Class, id and aria-label values read as words, so that one table of words (rules/html-junk.ts)
// matches `related-posts`, `relatedPosts` and `related_posts` alike.

/** Splits class and id values into lower-case words: "relatedPosts__item" -> "related posts item". */
export function markupWords(value: string): string {
  return value
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .join(" ");
}
