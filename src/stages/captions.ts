// Photo captions: agency picture codes and credits, and a caption that a scraper
// printed twice on one line (the image's alt text and its visible caption).
import * as z from "../core/schema.js";
import type { Detection } from "../core/document.js";
import { lineDetection } from "../core/lines.js";
import { CAPTION_RULES } from "../rules/captions.js";
import { SOURCE_CREDIT_RULES } from "../rules/credits.js";
import { LineRuleOptions, lineRuleStage } from "../match/line-rules.js";
import { unitAt } from "../match/units.js";
import { registerStage } from "./registry.js";

export const CaptionOptions = z.extend(LineRuleOptions, {
  /** Fewest words in the repeated half of a doubled caption. */
  minDoubledWords: z._default(z.number().check(z.int(), z.positive()), 6),
  maxLength: z._default(z.number().check(z.int(), z.positive()), 800),
});
export type CaptionOptions = z.infer<typeof CaptionOptions>;

/** The repeated half when a line is "X X" (spaces collapsed), else undefined. */
export function doubledHalf(content: string, minWords: number): string | undefined {
  const length = content.length;
  if (length % 2 === 0) return undefined; // "X" + " " + "X" has odd length
  const half = (length - 1) / 2;
  if (unitAt(content, half) !== 32) return undefined;
  // Compared in place: most lines with a space in the middle differ at once, and cutting out both halves cost more.
  for (let i = 0; i < half; i++) if (unitAt(content, i) !== unitAt(content, half + 1 + i)) return undefined;
  const first = content.slice(0, half);
  return first.split(" ").length >= minWords ? first : undefined;
}

registerStage("captions", {
  description: "Photo captions: agency picture codes, credits, captions printed twice",
  options: CaptionOptions,
  create(options: CaptionOptions) {
    return lineRuleStage({ name: "captions", table: [...SOURCE_CREDIT_RULES, ...CAPTION_RULES], options, custom: { rule: "caption/custom", reason: "caption phrase from the pipeline file" }, extra: ({ lines }, matched) => {
      const found: Detection[] = [];
      // The live lines read in place (see lineRuleStage): no array of them per document. A line the table
      // matched is looked up only when it would be a finding here (few are): not a set look-up per line.
      for (const line of lines.lines) {
        if (lines.isBlank(line) || lines.isRemoved(line) || line.content.length > options.maxLength) continue;
        const half = doubledHalf(line.content, options.minDoubledWords);
        if ((half || line.kind === "caption") && matched.has(line.index)) continue;
        if (half) {
          found.push(lineDetection(line, { rule: "caption/doubled", reason: "a caption printed twice on one line" }, { features: { words: half.split(" ").length } }));
        } else if (line.kind === "caption") {
          found.push(lineDetection(line, { rule: "caption/figure", reason: "a figure caption from the page markup" }));
        }
      }
      return found;
    } });
  },
});
