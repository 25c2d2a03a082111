// The one rule compiler. A table's rules run in one of two modes:
//   - whole-line: the line's label (content without decorations) must match a rule in full
//     (widgets, comments, related links, tags, captions, promos);
//   - search: a rule is searched inside the line's content, on the lower-cased line when its
//     pattern does not depend on case (boilerplate-phrases, the comment-section headings).
// Both get the same cheap tests in front, derived from the patterns (./gates.ts): one
// alternation of the rules per flag set, the literals a rule needs, the longest label a rule
// can match. Users extend a table with `phrases` and `patterns` from the pipeline file.
import { z } from "zod";
import type { Detection } from "../core/document.js";
import { lineDetection, unitTable, type Line } from "../core/lines.js";
import type { Stage, StageContext } from "../core/stage.js";
import type { LineRule } from "../rules/types.js";
import type { PhraseRule } from "../rules/boilerplate.js";
import { UserPattern } from "./backtracking.js";
import { escapeRegExp } from "./escape.js";
import { hasBackReference, literalGate, longestMatch, opensWithClassRun } from "./gates.js";

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

/** A user's phrase as a pattern: its text literally, any run of white space standing for any other. */
export function phrasePattern(phrase: string): RegExp {
  return new RegExp(escapeRegExp(phrase.replace(/\s+/g, " ").trim()).replace(/ /g, "\\s+"), "iu");
}

/** Rules from the pipeline file's `phrases` and `patterns`, with what the table's own rules carry besides (`maxWords`, `moveTo`). */
export function customRules<T extends object = object>(
  options: { phrases: readonly string[]; patterns: readonly string[] },
  rule: string,
  reason: { phrase: string; pattern: string } | string,
  extra: T = {} as T,
): Array<LineRule & T> {
  const why = typeof reason === "string" ? { phrase: reason, pattern: reason } : reason;
  return [
    ...options.phrases.map((phrase) => ({ rule, lang: "*", pattern: phrasePattern(phrase), reason: why.phrase, example: phrase, ...extra })),
    ...options.patterns.map((source) => ({ rule, lang: "*", pattern: new RegExp(source, "iu"), reason: why.pattern, example: source, ...extra })),
  ];
}

// ---- whole-line mode --------------------------------------------------------------

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
  if (!joinable(rules)) return compiled;
  // A rule that opens with a run of a class (".{0,600}?AFP") searches the label: it is
  // kept out of the alternation and tried alone, after a scan for its literals.
  const searching = compiled.filter((r) => opensWithClassRun(r.full));
  compiled.searching = searching.map((r) => ({ rule: r, gate: literalGate([r.full]) }));
  const anchored = compiled.filter((r) => !searching.includes(r));
  try {
    compiled.any = alternations(anchored.map((r) => ({ source: r.pattern.source, flags: r.caseSensitive ? "u" : "iu", on: "content" as const }))).map(
      (group) => new RegExp(`^(?:${group.source})$`, group.flags),
    );
  } catch {
    compiled.any = undefined; // patterns that do not join (a group name used twice): rule by rule
  }
  return compiled;
}

/** The first rule of the table whose pattern matches the whole label, if any. */
export function matchLine(line: Line, rules: CompiledLineRules, maxLength: number): CompiledLineRule | undefined {
  if (line.content.length > maxLength) return undefined;
  const label = labelText(line.content);
  if (!label || label.length > rules.longest) return undefined;
  if (rules.any && !rules.any.some((re) => re.test(label)) && !rules.searching!.some(({ rule, gate }) => (!gate || gate(label)) && rule.full.test(label))) return undefined;
  return rules.find((r) => label.length <= r.longest && r.full.test(label));
}

// ---- search mode ------------------------------------------------------------------

/** How a case-folded rule matches: `regex` runs on the lower-cased line when `onLower`, else on the line. */
export interface FoldedRule {
  regex: RegExp;
  onLower: boolean;
  matches: (content: string, lower: string) => boolean;
}

/** Whether a pattern tells letters by their case (\p{Lu}, \p{Ll}): it cannot run on the lower-cased line. */
const dependsOnCase = (source: string): boolean => /\\p\{L[ul]\}/u.test(source);

/** Lower-cases a pattern's literal letters, leaving escapes (\S, \D, \p{...}) alone. */
function lowerLiterals(source: string): string {
  return source.replace(/\\(?:[pPu]\{[^}]*\}|.)|[^\\]+/gu, (part) => (part.startsWith("\\") ? part : part.toLowerCase()));
}

/** The pattern a search-mode rule runs, and on which text. */
function folded(pattern: RegExp): { source: string; flags: string; on: "lower" | "content" } {
  if (dependsOnCase(pattern.source)) return { source: pattern.source, flags: pattern.flags, on: "content" };
  return { source: lowerLiterals(pattern.source), flags: pattern.flags.replace("i", ""), on: "lower" };
}

/**
 * Each rule as a matcher of one line. Case-insensitive Unicode regexes are several
 * times slower in V8, and these run on every line: a rule whose pattern does not
 * depend on case (no \p{Lu}, \p{Ll}) matches the lower-cased line without the flag.
 */
export function caseFolded<T extends PhraseRule>(rules: readonly T[]): Array<T & FoldedRule> {
  return rules.map((r) => {
    const how = folded(r.pattern);
    if (how.on === "content") return { ...r, regex: r.pattern, onLower: false, matches: (content: string) => r.pattern.test(content) };
    const regex = new RegExp(how.source, how.flags);
    return { ...r, regex, onLower: true, matches: (_content: string, lower: string) => regex.test(lower) };
  });
}

/**
 * A test that is false only when no rule can match the line: the literals one of which
 * each rule's regex needs (./gates.ts), looked for in the text that regex runs on.
 * Undefined when some rule needs no literal.
 */
export function literalRuleGate(rules: readonly FoldedRule[]): ((content: string, lower: string) => boolean) | undefined {
  const onLower = rules.filter((r) => r.onLower).map((r) => r.regex);
  const onContent = rules.filter((r) => !r.onLower).map((r) => r.regex);
  const lowerGate = onLower.length ? literalGate(onLower) : () => false;
  const contentGate = onContent.length ? literalGate(onContent) : () => false;
  if (!lowerGate || !contentGate) return undefined;
  return (content, lower) => lowerGate(lower) || contentGate(content);
}

/**
 * One test that no rule of the table can match: the rules' patterns joined into one
 * alternation per flag set (a line matches the alternation if and only if it matches
 * one of them). Most lines match no rule, and one scan of the line is cheaper than
 * one per rule. Undefined when the patterns cannot be joined (back-references).
 */
export function anyRuleMatcher(rules: readonly PhraseRule[]): ((content: string, lower: string) => boolean) | undefined {
  if (!joinable(rules)) return undefined;
  try {
    const tests = alternations(rules.map((r) => folded(r.pattern))).map((g) => ({ on: g.on, re: new RegExp(g.source, g.flags) }));
    return (content, lower) => tests.some((t) => t.re.test(t.on === "lower" ? lower : content));
  } catch {
    return undefined; // patterns that do not join (a group name used twice)
  }
}

// ---- shared by both modes ---------------------------------------------------------

/** Whether the rules' patterns can be joined into one alternation: a back-reference's group number would shift. */
function joinable(rules: ReadonlyArray<{ pattern: RegExp }>): boolean {
  return !rules.some((r) => hasBackReference(r.pattern));
}

/** The patterns joined into one alternation per flag set and text, in table order ("g" and "y" dropped: the tests are stateless). */
function alternations(patterns: ReadonlyArray<{ source: string; flags: string; on: "lower" | "content" }>): Array<{ source: string; flags: string; on: "lower" | "content" }> {
  const groups = new Map<string, { source: string[]; flags: string; on: "lower" | "content" }>();
  for (const p of patterns) {
    const flags = p.flags.replace(/[gy]/g, "");
    const key = `${p.on}/${flags}`;
    const group = groups.get(key) ?? { source: [], flags, on: p.on };
    group.source.push(`(?:${p.source})`);
    groups.set(key, group);
  }
  return [...groups.values()].map((g) => ({ source: g.source.join("|"), flags: g.flags, on: g.on }));
}

// ---- the stage ----------------------------------------------------------------------

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
