// Share, print and email widgets and navigation labels.
import type { Detection } from "../core/document.js";
import { WIDGET_FILLER, WIDGET_RULES, WIDGET_WORDS } from "../rules/widgets.js";
import { LineRuleOptions, labelText, lineRuleStage } from "./line-rules.js";
import { registerStage } from "./registry.js";

const STRONG = new Set(WIDGET_WORDS.filter((w) => !w.includes(" ")));
const FILLER = new Set(WIDGET_FILLER);
/** Multi-word widget words ("copy link") are joined before splitting. */
const PHRASES = WIDGET_WORDS.filter((w) => w.includes(" "));

/** True for a short line made only of widget words: "Email Print", "Share | Tweet | 12". */
export function isWidgetWordLine(content: string, maxWords = 10): boolean {
  let text = labelText(content).toLowerCase();
  for (const phrase of PHRASES) if (text.includes(phrase)) text = text.split(phrase).join(phrase.replace(/ /g, "_"));
  const words = text.split(/[\s|•·,/]+/u).filter(Boolean);
  if (words.length === 0 || words.length > maxWords) return false;
  let strong = 0;
  for (const word of words) {
    const bare = word.replace(/_/g, " ").replace(/[()[\]:!.]/g, "");
    if (STRONG.has(bare) || PHRASES.includes(bare)) strong++;
    else if (!(FILLER.has(bare) || /^\d+(?:[.,]\d+)?[kmк]?$/u.test(bare) || bare === "")) return false;
  }
  return strong > 0;
}

registerStage("widgets", {
  description: "Share, print and email widgets; navigation labels and breadcrumbs",
  options: LineRuleOptions,
  create(options: LineRuleOptions) {
    return lineRuleStage("widgets", WIDGET_RULES, options, { rule: "widget/custom", reason: "widget phrase from the pipeline file" }, ({ lines }, matched) => {
      const found: Detection[] = [];
      for (const line of lines.live()) {
        if (matched.has(line.index) || line.kind === "heading" || line.kind === "title") continue;
        if (isWidgetWordLine(line.content)) {
          found.push({ rule: "widget/share", start: line.contentStart, end: line.contentEnd, reason: "a short line made only of share, print and email words" });
        }
      }
      return found;
    });
  },
});
