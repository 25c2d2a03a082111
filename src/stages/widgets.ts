// Share, print and email widgets and navigation labels.
import type { Detection } from "../core/document.js";
import { WIDGET_FILLER, WIDGET_LINE, WIDGET_RULES, WIDGET_WORDS } from "../rules/widgets.js";
import { LineRuleOptions, labelText, lineRuleStage } from "./line-rules.js";
import { registerStage } from "./registry.js";
import { mayBeWidgetWordLine } from "./widget-gate.js";

const STRONG = new Set(WIDGET_WORDS.filter((w) => !w.includes(" ")));
const FILLER = new Set(WIDGET_FILLER);
/** Multi-word widget words ("copy link") are joined before splitting. */
const PHRASES = WIDGET_WORDS.filter((w) => w.includes(" "));

const WORD = /[^\s|•·,/]+/gu;

/** A short word chaff does not know, letters only: a label it has no list entry for. */
const UNKNOWN_LABEL = new RegExp(`^\\p{L}{1,${WIDGET_LINE.unknownLabelMaxLetters}}$`, "u");

/** True when the text has more than `limit` words (the words `isWidgetWordLine` splits it into). */
function hasMoreWords(text: string, limit: number): boolean {
  WORD.lastIndex = 0;
  let count = 0;
  while (WORD.exec(text)) if (++count > limit) return true;
  return false;
}

/** True for a short line made only of widget words: "Email Print", "Share | Tweet | 12". */
export function isWidgetWordLine(content: string, maxWords = 10): boolean {
  let text = labelText(content).toLowerCase();
  let joined = false;
  for (const phrase of PHRASES) {
    if (!text.includes(phrase)) continue;
    text = text.split(phrase).join(phrase.replace(/ /g, "_"));
    joined = true;
  }
  // Without joined phrases the word count is final: long lines stop after maxWords + 1 words.
  if (!joined && hasMoreWords(text, maxWords)) return false;
  const words = text.split(/[\s|•·,/]+/u).filter(Boolean);
  if (words.length === 0 || words.length > maxWords) return false;
  let strong = 0;
  let unknownAt = -1;
  for (const [i, word] of words.entries()) {
    const bare = word.replace(/_/g, " ").replace(/[()[\]:!.]/g, "");
    if (STRONG.has(bare) || PHRASES.includes(bare)) strong++;
    else if (FILLER.has(bare) || /^\d+(?:[.,]\d+)?[kmк]?$/u.test(bare) || bare === "") continue;
    // One unknown label may sit among the buttons ("Whatsapp Facebook Pint Baixar"); a second is prose.
    else if (unknownAt === -1 && UNKNOWN_LABEL.test(bare)) unknownAt = i;
    else return false;
  }
  if (unknownAt === -1) return strong > 0;
  // ...only among at least three widget words, and not last: "Twitter, Facebook, WhatsApp banned" is a headline.
  return strong >= WIDGET_LINE.unknownLabelMinWidgetWords && unknownAt < words.length - 1;
}

registerStage("widgets", {
  description: "Share, print and email widgets; navigation labels and breadcrumbs",
  options: LineRuleOptions,
  create(options: LineRuleOptions) {
    return lineRuleStage("widgets", WIDGET_RULES, options, { rule: "widget/custom", reason: "widget phrase from the pipeline file" }, ({ lines }, matched) => {
      const found: Detection[] = [];
      for (const line of lines.live()) {
        if (matched.has(line.index) || line.kind === "heading" || line.kind === "title") continue;
        if (mayBeWidgetWordLine(line.content) && isWidgetWordLine(line.content)) {
          found.push({ rule: "widget/share", start: line.contentStart, end: line.contentEnd, reason: "a short line made only of share, print and email words" });
        }
      }
      return found;
    });
  },
});
