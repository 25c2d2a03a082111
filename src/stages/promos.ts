// Reporting credits, newsletter/subscription/app promos, cookie and copyright notices,
// author contact lines and widget labels: whole lines, from the tables in rules/promos.ts.
import type { Detection } from "../core/document.js";
import { PROMO_TABLE } from "../rules/promos.js";
import { lineDetection } from "../core/lines.js";
import { LineRuleOptions, compileLineRules, customRules, matchLine } from "../match/line-rules.js";
import { registerStage } from "./registry.js";

registerStage("promos", {
  description: "Reporting credits, newsletter and subscription promos, cookie and copyright notices, author contact lines, widget labels",
  options: LineRuleOptions,
  create(options: LineRuleOptions) {
    const rules = compileLineRules([
      ...PROMO_TABLE.filter((r) => !options.disable.includes(r.rule)),
      ...customRules(options, "promo/custom", "promo phrase from the pipeline file"),
    ]);
    return {
      name: "promos",
      detect({ lines }) {
        const found: Detection[] = [];
        for (const line of lines.live()) {
          // Table cells are data: a lone "12" or "Close" there is a score or a price, not a widget.
          if (line.kind === "table-cell" || line.kind === "title") continue;
          const rule = matchLine(line, rules, options.maxLength);
          if (rule) found.push(lineDetection(line, rule, { features: { lang: rule.lang } }));
        }
        return found;
      },
    };
  },
});
