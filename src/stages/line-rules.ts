// Shared machinery for stages made of whole-line rules: match each live line's
// content against a table, plus the user's own phrases and patterns from the pipeline file.
import { z } from "zod";
import type { Detection } from "../core/document.js";
import { lineDetection, unitTable, type Line } from "../core/lines.js";
import type { Stage, StageContext } from "../core/stage.js";
import type { LineRule } from "../rules/types.js";
import { UserPattern } from "../match/backtracking.js";
import { escapeRegExp } from "../match/escape.js";
import { literalGate, longestMatch, opensWithClassRun } from "./rule-gates.js";

/** Options every line-rule stage accepts, so users extend rules without code. */
export const LineRuleOptions = z
  .object({
    /** Extra exact lines (case-insensitive, spaces collapsed) to remove under this stage's `customRule`. */
    phrases: z.array(z.string().min(1)).default([]),
    /** Extra regular expressions (case-insensitive, matched against the whole line; checked for catastrophic backtracking at load). */
    patterns: z.array(UserPattern).default([]),
    /** Rule ids of this stage to switch off. */
    disable: z.array(z.string()).default([]),
    /** Longest line (in characters) the stage looks at; longer lines are prose. */
    maxLength: z.number().int().positive().default(200),
  })
  .strict();
export type LineRuleOptions = z.infer<typeof LineRuleOptions>;

/** Bullets, pipes, arrows and colons that decorate labels ("» Also read:", "| Share |"). */
const LEADING_DECORATION = /^[\s|•·»«›‹>\-–—:*#▶►→↓▼]+/u;
const TRAILING_DECORATION = /[\s|•·»«›‹<\-–—:*#▶►→↓▼]+$/u;
const LEADING_CHAR = unitTable(/[\s|•·»«›‹>\-–—:*#▶►→↓▼]/u);
const TRAILING_CHAR = unitTable(/[\s|•·»«›‹<\-–—:*#▶►→↓▼]/u);

export function labelText(content: string): string {
  // Most lines carry no decoration: look at both ends before running the (costly) strip.
  if (!content || (!LEADING_CHAR[content.charCodeAt(0)] && !TRAILING_CHAR[content.charCodeAt(content.length - 1)])) return content;
  const lead = LEADING_DECORATION.exec(content)?.[0].length ?? 0;
  if (lead === content.length) return "";
  const rest = content.slice(lead);
  return rest.slice(0, rest.length - (TRAILING_DECORATION.exec(rest)?.[0].length ?? 0));
}

/** A rule anchored to the whole label, and the longest label its pattern can match. */
export type CompiledLineRule = LineRule & { full: RegExp; longest: number };

/**
 * The rules, plus cheap tests that rule most lines out before any rule runs: the
 * longest label any of them can match (derived from the patterns), and one alternation
 * of them all. (The rules are anchored at the start of the label, so the alternation
 * fails fast; a test for their literals, which scans the whole label, was slower.)
 */
export interface CompiledLineRules extends Array<CompiledLineRule> {
  /** One alternation per flag set of the rules not in `searching`. */
  any?: RegExp[];
  /** Rules that search the label, each with a test for the literals it needs. */
  searching?: Array<{ rule: CompiledLineRule; gate?: (label: string) => boolean }>;
  longest: number;
}

export function compileLineRules(rules: readonly LineRule[]): CompiledLineRules {
  const compiled = rules.map((r) => {
    const full = new RegExp(`^(?:${r.pattern.source})$`, r.caseSensitive ? "u" : "iu");
    return { ...r, full, longest: longestMatch(full) };
  }) as CompiledLineRules;
  compiled.longest = Math.max(0, ...compiled.map((r) => r.longest));
  // Back-references would be renumbered inside an alternation: such tables keep the rule-by-rule test.
  if (rules.some((r) => /\\[1-9k]/.test(r.pattern.source))) return compiled;
  // A rule that opens with a run of a class (".{0,600}?AFP") searches the label: it is
  // kept out of the alternation and tried alone, after a scan for its literals.
  const searching = compiled.filter((r) => opensWithClassRun(r.full));
  compiled.searching = searching.map((r) => ({ rule: r, gate: literalGate([r.full]) }));
  const anchored = rules.filter((_, i) => !searching.includes(compiled[i]));
  try {
    compiled.any = [true, false]
      .map((caseSensitive) => anchored.filter((r) => !!r.caseSensitive === caseSensitive).map((r) => `(?:${r.pattern.source})`))
      .map((sources, i) => (sources.length ? new RegExp(`^(?:${sources.join("|")})$`, i === 0 ? "u" : "iu") : undefined))
      .filter((re): re is RegExp => re !== undefined);
  } catch {
    compiled.any = undefined;
  }
  return compiled;
}


/** Rules from the pipeline file's `phrases` and `patterns`. */
export function customRules(options: LineRuleOptions, rule: string, reason: string): LineRule[] {
  const fromPhrases = options.phrases.map((phrase) => ({
    rule,
    lang: "*",
    pattern: new RegExp(escapeRegExp(phrase.replace(/\s+/g, " ").trim()).replace(/ /g, "\\s+"), "iu"),
    reason,
    example: phrase,
  }));
  const fromPatterns = options.patterns.map((source) => ({
    rule,
    lang: "*",
    pattern: new RegExp(source, "iu"),
    reason,
    example: source,
  }));
  return [...fromPhrases, ...fromPatterns];
}

/** The first rule of the table whose pattern matches the whole label, if any. */
export function matchLine(line: Line, rules: CompiledLineRules, maxLength: number): CompiledLineRule | undefined {
  if (line.content.length > maxLength) return undefined;
  const label = labelText(line.content);
  if (!label || label.length > rules.longest) return undefined;
  if (rules.any && !rules.any.some((re) => re.test(label)) && !rules.searching!.some(({ rule, gate }) => (!gate || gate(label)) && rule.full.test(label))) return undefined;
  return rules.find((r) => label.length <= r.longest && r.full.test(label));
}

/**
 * A stage that removes every live line matching one of the table's rules (or the
 * user's). `extra` lets a stage add context logic on top of the table.
 */
export function lineRuleStage(
  name: string,
  table: readonly LineRule[],
  options: LineRuleOptions,
  custom: { rule: string; reason: string },
  extra?: (ctx: StageContext, matched: Set<number>) => Detection[],
): Stage {
  const rules = compileLineRules([
    ...table.filter((r) => !options.disable.includes(r.rule)),
    ...customRules(options, custom.rule, custom.reason),
  ]);
  return {
    name,
    detect(ctx) {
      const found: Detection[] = [];
      const matched = new Set<number>();
      for (const line of ctx.lines.live()) {
        const rule = matchLine(line, rules, options.maxLength);
        if (!rule) continue;
        matched.add(line.index);
        found.push(lineDetection(line, rule, { features: { lang: rule.lang } }));
      }
      return extra ? [...found, ...extra(ctx, matched)] : found;
    },
  };
}
