// Comment prompts and comment-form notices ("Leave a Reply").
import { COMMENT_RULES } from "../rules/comments.js";
import { LineRuleOptions, lineRuleStage } from "../match/line-rules.js";
import { registerStage } from "./registry.js";

registerStage("comments", {
  description: "Comment prompts and comment-form notices",
  options: LineRuleOptions,
  create(options: LineRuleOptions) {
    return lineRuleStage({ name: "comments", table: COMMENT_RULES, options, custom: { rule: "comment/custom", reason: "comment phrase from the pipeline file" } });
  },
});
