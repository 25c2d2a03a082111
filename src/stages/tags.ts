// Tag lines ("Tags: NATO  Russia"): the tags move into metadata.
import type { Detection } from "../core/document.js";
import { lineDetection, type Line, type LineView } from "../core/lines.js";
import { TAG_LABEL_LINE, TAG_LINE_RULES } from "../rules/tags.js";
import { LineRuleOptions, labelText, lineRuleStage, scanGate } from "../match/line-rules.js";
import { registerStage } from "./registry.js";

/** The items of a tag line, split on separators or runs of two spaces (NBSP included). */
export function tagItems(lineText: string): string[] {
  const body = lineText.replace(/^[^:]*:/u, "");
  return body
    .split(/[\s\u00a0]{2,}|[,;|•·#]/u)
    .map((t) => t.replace(/[\s\u00a0]+/gu, " ").trim())
    .filter(Boolean);
}

/**
 * A bare tag label ("Tags", "Schlagwörter:") with its list below: one line of separated tags, or
 * short lines of one tag each. Undefined when the line is no label or nothing below it is a list:
 * the label then stays, and the table is not asked about it either.
 */
function labelWithList(line: Line, lines: LineView, maxLength: number, mayBeLabel: (line: Line) => boolean): { found: Detection[]; through: number } | undefined {
  if (!mayBeLabel(line) || !TAG_LABEL_LINE.pattern.test(labelText(line.content))) return undefined;
  const listed: Array<{ line: Line; items: string[] }> = [];
  for (let next = lines.neighbour(line, 1); next && listed.length < TAG_LABEL_LINE.maxListLines; next = lines.neighbour(next, 1)) {
    const items = next.content.length <= maxLength && !/[.!?]$/u.test(next.content) ? tagItems(next.content) : [];
    if (items.length === 0 || items.some((t) => t.split(" ").length > TAG_LABEL_LINE.maxItemWords)) break;
    listed.push({ line: next, items });
    if (items.length > 1) break; // a separated list is the whole list
  }
  if (listed.length === 0) return { found: [], through: line.index };
  const { rule, reason } = TAG_LABEL_LINE;
  const found: Detection[] = [lineDetection(line, { rule, reason })];
  for (const { line: item, items } of listed) {
    found.push({ rule, start: item.contentStart, end: item.contentEnd, reason, moveTo: "tags", value: items, features: { items: items.length } });
  }
  return { found, through: listed[listed.length - 1].line.index };
}

registerStage("tags", {
  description: "Tag lines: remove them and keep the tags in metadata",
  options: LineRuleOptions,
  create(options: LineRuleOptions) {
    const labels = !options.disable.includes(TAG_LABEL_LINE.rule);
    // The label's pattern ran on every short line; the line scan rules out those without a label's word.
    const labelGate = labels ? scanGate(TAG_LABEL_LINE.pattern) : undefined;
    const mayBeLabel = labelGate ?? (() => true);
    return lineRuleStage({
      name: "tags",
      table: TAG_LINE_RULES,
      options,
      custom: { rule: "meta/tags", reason: "tag line from the pipeline file" },
      before: labels ? (line, { lines }) => labelWithList(line, lines, options.maxLength, mayBeLabel) : undefined,
      stepGate: labelGate,
      finding(line, rule) {
        const items = tagItems(line.text);
        // Tags are short names; a long clause after "Topics:" is prose.
        if (items.length === 0 || items.some((t) => t.split(" ").length > 5)) return undefined;
        return lineDetection(line, { rule: rule.rule, reason: rule.reason, moveTo: "tags" }, { value: items, features: { items: items.length } });
      },
    });
  },
});
