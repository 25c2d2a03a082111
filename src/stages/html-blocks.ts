// Junk that only the HTML route can see: blocks whose markup said "share bar", "related
// articles", "newsletter", "comments", "author bio"... The extractor flagged them (see
// src/rules/html-junk.ts); this stage reports them, so each removal is in the audit. The
// blocks extraction left out (`extraction/left-out`) come the same way, so each has a record.
import * as z from "../core/schema.js";
import type { Detection, MarkupFlag } from "../core/document.js";
import { COMMENTS_RULE, htmlRouteOptions, LEFT_OUT_META_KEY } from "../core/route-options.js";
import { registerStage } from "./registry.js";

export const HtmlBlockOptions = z.strictObject({
  /** Rule ids (e.g. "html/byline") whose markup flags are ignored. */
  disable: z._default(z.array(z.string()), []),
  /** Keep readers' comments in the text (their blocks stay labelled html/comments in `meta.markup`); also `--keep-comments`. */
  keepComments: z._default(z.boolean(), false),
});
export type HtmlBlockOptions = z.infer<typeof HtmlBlockOptions>;

function isMarkupFlag(value: unknown): value is MarkupFlag {
  const flag = value as MarkupFlag;
  return typeof flag === "object" && flag !== null && Number.isInteger(flag.start) && Number.isInteger(flag.end) && typeof flag.rule === "string";
}

registerStage("html-blocks", {
  description: "Blocks of an HTML page whose markup marks them as share bars, related lists, newsletter boxes, comments, bios, ads, credits",
  options: HtmlBlockOptions,
  create(options: HtmlBlockOptions) {
    const disabled = new Set(options.disable);
    return {
      name: "html-blocks",
      detect({ doc }) {
        const markup = doc.meta.markup;
        const leftOut = doc.meta[LEFT_OUT_META_KEY];
        const flags = [...(Array.isArray(markup) ? markup : []), ...(Array.isArray(leftOut) ? leftOut : [])];
        const found: Detection[] = [];
        const keepComments = options.keepComments || htmlRouteOptions().keepComments === true;
        for (const flag of flags) {
          if (!isMarkupFlag(flag) || disabled.has(flag.rule) || (keepComments && flag.rule === COMMENTS_RULE)) continue;
          if (flag.start < 0 || flag.end > doc.raw.length || flag.start >= flag.end) continue;
          const detection: Detection = { rule: flag.rule, start: flag.start, end: flag.end, reason: flag.reason };
          if (flag.features) detection.features = flag.features;
          found.push(detection);
        }
        return found;
      },
    };
  },
});
