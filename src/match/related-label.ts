// Whether a heading is a related-articles label, in any language of rules/related.ts: the HTML
// marker opens a section of teasers at such a heading.
import { RELATED_LABEL_TEXT } from "../rules/related.js";

/** True when a heading's text is a related-articles label: "You may also like…", "LESEN SIE AUCH:". */
export function isRelatedLabel(text: string): boolean {
  // The lookbehind starts the trailing run only where it starts (the same run, in linear time, not from each of its units).
  const bare = text.replace(/\s+/g, " ").replace(/^[\s\p{P}\p{S}]+|(?<![\s\p{P}\p{S}])[\s\p{P}\p{S}]+$/gu, "").toLowerCase();
  return bare.length > 0 && RELATED_LABEL_TEXT.test(bare);
}
