// Tag lines ("Tags: NATO  Russia"): the tags move into metadata.
import type { Detection } from "../core/document.js";
import { lineDetection } from "../core/lines.js";
import { TAG_LABEL_LINE, TAG_LINE_RULES } from "../rules/tags.js";
import { LineRuleOptions, compileLineRules, customRules, labelText } from "../match/line-rules.js";
import { registerStage } from "./registry.js";

/** The items of a tag line, split on separators or runs of two spaces (NBSP included). */
export function tagItems(lineText: string): string[] {
  const body = lineText.replace(/^[^:]*:/u, "");
  return body
    .split(/[\s\u00a0]{2,}|[,;|•·#]/u)
    .map((t) => t.replace(/[\s\u00a0]+/gu, " ").trim())
    .filter(Boolean);
}

registerStage("tags", {
  description: "Tag lines: remove them and keep the tags in metadata",
  options: LineRuleOptions,
  create(options: LineRuleOptions) {
    const rules = compileLineRules([
      ...TAG_LINE_RULES.filter((r) => !options.disable.includes(r.rule)),
      ...customRules(options, "meta/tags", "tag line from the pipeline file").map((r) => ({ ...r, moveTo: "tags" as const })),
    ]);
    return {
      name: "tags",
      detect({ lines }) {
        const found: Detection[] = [];
        let listLine = -1; // the last line taken as the list under a bare label
        for (const line of lines.live()) {
          if (line.content.length > options.maxLength || line.index <= listLine) continue;
          const label = labelText(line.content);
          if (TAG_LABEL_LINE.pattern.test(label) && !options.disable.includes(TAG_LABEL_LINE.rule)) {
            // The list: one line of separated tags, or short lines of one tag each.
            const listed: Array<{ line: typeof line; items: string[] }> = [];
            for (let next = lines.neighbour(line, 1); next && listed.length < TAG_LABEL_LINE.maxListLines; next = lines.neighbour(next, 1)) {
              const items = next.content.length <= options.maxLength && !/[.!?]$/u.test(next.content) ? tagItems(next.content) : [];
              if (items.length === 0 || items.some((t) => t.split(" ").length > TAG_LABEL_LINE.maxItemWords)) break;
              listed.push({ line: next, items });
              if (items.length > 1) break; // a separated list is the whole list
            }
            if (listed.length > 0) {
              const reason = TAG_LABEL_LINE.reason;
              found.push(lineDetection(line, { rule: TAG_LABEL_LINE.rule, reason }));
              for (const { line: item, items } of listed) {
                found.push({ rule: TAG_LABEL_LINE.rule, start: item.contentStart, end: item.contentEnd, reason, moveTo: "tags", value: items, features: { items: items.length } });
              }
              listLine = listed[listed.length - 1].line.index;
            }
            continue;
          }
          if (label.length > rules.longest) continue; // no rule matches a label this long
          const rule = rules.find((r) => r.full.test(label));
          if (!rule) continue;
          const items = tagItems(line.text);
          // Tags are short names; a long clause after "Topics:" is prose.
          if (items.length === 0 || items.some((t) => t.split(" ").length > 5)) continue;
          found.push(lineDetection(line, { rule: rule.rule, reason: rule.reason, moveTo: "tags" }, { value: items, features: { items: items.length } }));
        }
        return found;
      },
    };
  },
});
