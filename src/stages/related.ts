// Related-article links: the label ("Also Read", "Lesen Sie auch") and the
// headlines listed right after it.
import * as z from "../core/schema.js";
import type { Detection } from "../core/document.js";
import { wordsUpTo, type Line, type LineView } from "../core/lines.js";
import { RELATED_LABEL_RULES, RELATED_RULES } from "../rules/related.js";
import { LineRuleOptions, compileLineRules, lineRuleStage, matchLine } from "../match/line-rules.js";
import { registerStage } from "./registry.js";

export const RelatedOptions = z.extend(LineRuleOptions, {
  /** Most headline lines taken after a bare label. */
  maxItems: z._default(z.number().check(z.int(), z.nonnegative()), 8),
  /** Most words in a headline line. */
  maxHeadlineWords: z._default(z.number().check(z.int(), z.positive()), 20),
});
export type RelatedOptions = z.infer<typeof RelatedOptions>;

/** Ends like a sentence: . ! ? … or a closing quote after one. */
export const SENTENCE_END = /[.!?…:;]["'”’»)\]]*$|["”’»]$/u;

function isHeadline(line: Line, maxWords: number): boolean {
  const words = wordsUpTo(line.content, maxWords + 1);
  return words >= 2 && words <= maxWords && !SENTENCE_END.test(line.content);
}

function isProse(line: Line | undefined): boolean {
  return !!line && wordsUpTo(line.content, 12) >= 12 && SENTENCE_END.test(line.content);
}

/** Headline lines right after a bare related label. A lone headline followed by prose is a subheading, not a link. */
function headlinesAfter(label: Line, lines: LineView, options: RelatedOptions): Line[] {
  const items: Line[] = [];
  for (let next = lines.neighbour(label, 1); next && items.length < options.maxItems; next = lines.neighbour(next, 1)) {
    if (!isHeadline(next, options.maxHeadlineWords) || next.kind === "heading") break;
    items.push(next);
  }
  if (items.length === 1 && isProse(lines.neighbour(items[0], 1))) return [];
  return items;
}

registerStage("related", {
  description: "Related-article labels and the headlines listed under them",
  options: RelatedOptions,
  create(options: RelatedOptions) {
    // Compiled with the stage, not at module load: its gates count only in a pipeline that uses it (see icons).
    const bareLabels = compileLineRules(RELATED_LABEL_RULES);
    return lineRuleStage({ name: "related", table: RELATED_RULES, options, custom: { rule: "link/custom", reason: "related-link phrase from the pipeline file" }, extra: ({ lines }, matched) => {
      const found: Detection[] = [];
      for (const index of matched) {
        const label = lines.lines[index];
        // Only a bare label introduces a list; "Read more: headline" is one link.
        if (!matchLine(label, bareLabels, options.maxLength)) continue;
        for (const item of headlinesAfter(label, lines, options)) {
          if (matched.has(item.index)) continue;
          found.push({ rule: "link/related-item", start: item.contentStart, end: item.contentEnd, reason: "a headline listed under a related-articles label", features: { words: wordsUpTo(item.content, Infinity) } });
        }
      }
      return found;
    } });
  },
});
