// Reporting credits, newsletter/subscription/app promos, cookie and copyright notices,
// author contact lines and widget labels: whole lines, from PROMO_TABLE (rules/promos.ts).
import { PROMO_TABLE } from "../rules/promos.js";
import { LineRuleOptions, lineRuleStage } from "../match/line-rules.js";
import { registerStage } from "./registry.js";

registerStage("promos", {
  description: "Reporting credits, newsletter and subscription promos, cookie and copyright notices, author contact lines, widget labels",
  options: LineRuleOptions,
  create(options: LineRuleOptions) {
    // Table cells are data (a lone "12" or "Close" there is a score or a price), and a title is not furniture.
    return lineRuleStage({ name: "promos", table: PROMO_TABLE, options, custom: { rule: "promo/custom", reason: "promo phrase from the pipeline file" }, skipKinds: ["table-cell", "title"] });
  },
});
