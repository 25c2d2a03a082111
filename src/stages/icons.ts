// Icon-font strings: the names of icon glyphs that a scraper read as text
// ("icon bookmark-bicon cameraicon chevron downicon ...", "fa-facebook fa-twitter").
import * as z from "../core/schema.js";
import type { Detection, Features } from "../core/document.js";
import { lineDetection, unitTable } from "../core/lines.js";
import { KNOWN_LIGATURES, LIGATURE_RULE, LIGATURE_WORDS } from "../rules/icons.js";
import { scanGate } from "../match/line-rules.js";
import { lineScanner } from "../match/literal-scan.js";
import { unitAt } from "../match/units.js";
import { registerStage } from "./registry.js";

const KNOWN_LIGATURE_SET = new Set(KNOWN_LIGATURES);
const LIGATURE_WORD_SET = new Set(LIGATURE_WORDS);

/**
 * Where a line's icon ligatures are: the whole line ("share print mail_outline"), or a known
 * ligature before or after a label ("arrow_forward Read more"). Offsets are into `content`.
 */
export function ligatureSpan(content: string): { start: number; end: number } | undefined {
  if (!content.includes("_")) return undefined;
  const tokens = content.split(" ");
  if (tokens.length <= LIGATURE_RULE.maxTokens && tokens.every((t) => LIGATURE_RULE.snakeCase.test(t) || LIGATURE_WORD_SET.has(t))) {
    if (tokens.some((t) => LIGATURE_RULE.snakeCase.test(t))) return { start: 0, end: content.length };
  }
  if (tokens.length > 1 && KNOWN_LIGATURE_SET.has(tokens[0])) return { start: 0, end: tokens[0].length + 1 };
  const last = tokens[tokens.length - 1];
  if (tokens.length > 1 && KNOWN_LIGATURE_SET.has(last)) return { start: content.length - last.length - 1, end: content.length };
  return undefined;
}

export const IconOptions = z.strictObject({
  /** Fewest tokens a line needs before it can be an icon string. */
  minTokens: z._default(z.number().check(z.int(), z.positive()), 4),
  /** Share of tokens that must contain "icon" (or an icon-set prefix). */
  minIconShare: z._default(z.number().check(z.gte(0), z.lte(1)), 0.3),
  /** Share of tokens that must look like CSS class or ligature names (lowercase-with-hyphens/underscores). */
  minClassShare: z._default(z.number().check(z.gte(0), z.lte(1)), 0.8),
});
export type IconOptions = z.infer<typeof IconOptions>;

/** Tokens that name icon glyphs. Example: "cameraicon", "fa-twitter", "glyphicon-print", "ico_mail". */
const ICON_TOKEN = /icon|^(?:fa|fas|far|fab|bi|gi|mdi|ion|ti|ri|la|bx)-[a-z]|^ico[-_]/i;
/** Class or ligature names: "chevron-down", "arrow_forward", "v-play". */
const CLASS_TOKEN = /^[a-z][a-z0-9]*(?:[-_][a-z0-9]+)+$/;

const WHITE_SPACE = unitTable(/\s/);
/**
 * An icon marker: "-", "_" or "icon" (in any case). A line without any (most lines) has no icon
 * or class token (bench JSONL: 7-17% of lines hold one).
 */
export const ICON_MARKER = /[-_]|icon/i;

/** ICON_MARKER for a count: each match is one marker (no marker overlaps another). */
const ICON_MARKERS = new RegExp(ICON_MARKER.source, "gi");

/**
 * The "-", "_" and "icon"s (in any case) of a line, counted by native searches: every icon or class
 * token holds one, so they bound those tokens (held to a count unit by unit in
 * test/stages/icon-markers.test.ts). Most lines hold none, and most that hold one are long prose
 * lines with a hyphen or two, which a loop over each unit read to the end.
 */
export function countIconMarkers(content: string): number {
  ICON_MARKERS.lastIndex = 0;
  let count = 0;
  while (ICON_MARKERS.test(content)) count++;
  ICON_MARKERS.lastIndex = 0;
  return count;
}


/**
 * Whether the line holds enough icon markers for its icon or class tokens to reach the shares
 * (iconFeatures decides: a bound, for options whose shares are above 0); undefined when it holds
 * none (nor a ligature, which holds "_"). The markers are counted by native searches, and the
 * tokens only until there are too many for them: most lines that hold a marker are long prose
 * lines with a hyphen or two, which a loop over the units read to the end (the answer is the same:
 * tokens only grow, so once the markers are under the smaller share of the tokens so far they stay under).
 */
export function markersMayReachShares(content: string, options: IconOptions): boolean | undefined {
  const markers = countIconMarkers(content);
  if (markers === 0) return undefined;
  const smaller = Math.min(options.minIconShare, options.minClassShare);
  // A line needs minTokens tokens, and markers / tokens is largest at that many: too few markers for
  // it fail whatever the tokens (with the defaults, every line of one marker: most lines that hold one).
  if (markers / options.minTokens < smaller) return false;
  let tokens = 0;
  let inToken = false;
  // Units read by unitAt, the length once: contents come as several kinds of string (src/match/units.ts).
  const length = content.length;
  for (let i = 0; i < length; i++) {
    if (WHITE_SPACE[unitAt(content, i)]) {
      inToken = false;
      continue;
    }
    if (!inToken && markers / ++tokens < smaller) return false;
    inToken = true;
  }
  return tokens >= options.minTokens && (markers / tokens >= options.minIconShare || markers / tokens >= options.minClassShare);
}

export function iconFeatures(content: string): { tokens: number; iconShare: number; classShare: number } {
  const tokens = content.split(/\s+/).filter(Boolean);
  const icon = tokens.filter((t) => ICON_TOKEN.test(t)).length;
  const cls = tokens.filter((t) => CLASS_TOKEN.test(t)).length;
  return { tokens: tokens.length, iconShare: icon / tokens.length || 0, classShare: cls / tokens.length || 0 };
}

registerStage("icons", {
  description: "Icon-font strings: glyph and class names read as text",
  options: IconOptions,
  create(options: IconOptions) {
    // ICON_MARKER behind the line's one scan: most lines hold no "-", "_" or "icon".
    const markerGate = scanGate(ICON_MARKER);
    return {
      name: "icons",
      detect({ lines }) {
        const found: Detection[] = [];
        // Icon and class tokens all hold "icon", "-" or "_" (countIconMarkers): a line with too few cannot reach the shares.
        const canSkip = options.minIconShare > 0 && options.minClassShare > 0;
        // The scan pays when other stages' rules read it too (a pipeline's stages all register theirs
        // before the first detect): alone in a pipeline (bench:throughput's floor) the regex reads a line faster.
        const mayHoldMarker = markerGate && lineScanner.gateCount > 1 ? markerGate : () => true;
        for (const line of lines.live()) {
          let mayReachShares = true;
          if (canSkip) {
            const may = mayHoldMarker(line) ? markersMayReachShares(line.content, options) : undefined;
            if (may === undefined) continue;
            mayReachShares = may;
          }
          const f = mayReachShares ? iconFeatures(line.content) : undefined;
          if (f && f.tokens >= options.minTokens && f.iconShare >= options.minIconShare) {
            found.push(lineDetection(line, { rule: "icons/font-names", reason: "a line of icon-font glyph names" }, { features: featuresOf(f) }));
          } else if (f && f.tokens >= options.minTokens && f.classShare >= options.minClassShare) {
            found.push(lineDetection(line, { rule: "icons/class-names", reason: "a line of CSS class or ligature names" }, { features: featuresOf(f) }));
          } else {
            const ligatures = ligatureSpan(line.content);
            // `content` collapses spaces; its offsets hold in the raw line only when nothing was collapsed.
            if (ligatures && line.content === line.text.slice(line.contentStart - line.start, line.contentEnd - line.start)) {
              found.push({ rule: LIGATURE_RULE.rule, start: line.contentStart + ligatures.start, end: line.contentStart + ligatures.end, reason: LIGATURE_RULE.reason });
            }
          }
        }
        return found;
      },
    };
  },
});

function featuresOf(f: ReturnType<typeof iconFeatures>): Features {
  return { tokens: f.tokens, iconShare: round(f.iconShare), classShare: round(f.classShare) };
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
