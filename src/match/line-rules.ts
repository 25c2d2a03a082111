// The one rule compiler. A table's rules run in one of two modes:
//   - whole-line: the line's label (content without decorations) must match a rule in full
//     (widgets, comments, related links, tags, captions, promos);
//   - search: a rule is searched inside the line's content, on the lower-cased line when its
//     pattern does not depend on case (boilerplate-phrases, the comment-section headings).
// Both get the same cheap tests in front, derived from the patterns (./gates.ts): one
// alternation of the rules per flag set, the literals a rule needs, the longest label a rule
// can match. Users extend a table with `phrases` and `patterns` from the pipeline file.
import * as z from "../core/schema.js";
import type { BlockKind, Detection } from "../core/document.js";
import { lineDetection, unitTable, type Line, type LineView } from "../core/lines.js";
import type { Stage, StageContext } from "../core/stage.js";
import type { LineRule, PhraseRule } from "../rules/types.js";
import { UserPattern } from "./backtracking.js";
import { escapeRegExp } from "../core/escape.js";
import { Pattern } from "../core/pattern.js";
import { longestMatch, openingCharacters, requiredLiterals, type PatternText } from "./gates.js";
import { ALWAYS, foldUnit, lineScanner } from "./literal-scan.js";
import { unitAt } from "./units.js";

/**
 * The rules of one table that a line's scan lets through, in table order: the rules of the gates
 * that passed, and those the scan cannot gate. A stage asks these few instead of testing each
 * rule's gate against the line's in turn (every table, every line).
 */
export class GateIndex {
  /**
   * Rules by gate - #low: a table registers its rules at once, so its gates are one run of numbers
   * and a line's gates of other tables are told apart by two comparisons, not a lookup.
   */
  readonly #byGate: Array<number[] | undefined> = [];
  readonly #low: number;
  readonly #always: number[] = [];
  /** The group bits of the gates in the line scan (LiteralScanner.bitOf): a line with none of them set lets through only the rules always tried. */
  readonly #bits: number;

  constructor(gates: readonly number[], bits = -1) {
    this.#bits = bits;
    const gated = gates.filter((gate) => gate !== ALWAYS);
    this.#low = gated.length > 0 ? Math.min(...gated) : 0;
    this.#byGate = new Array<number[] | undefined>(gated.length > 0 ? Math.max(...gated) - this.#low + 1 : 0).fill(undefined);
    gates.forEach((gate, rule) => {
      if (gate === ALWAYS) this.#always.push(rule);
      else (this.#byGate[gate - this.#low] ??= []).push(rule);
    });
  }

  /** The group bits of the table's gates: a line whose scan has none of them set lets through only the rules always tried. */
  get bits(): number {
    return this.#bits;
  }

  /** Whether some rule has no gate: tried on every line (up to its longest label). */
  get triesEveryLine(): boolean {
    return this.#always.length > 0;
  }

  /** `tried` of the line's passing gates, without looking through them when none of this table's group passed. */
  triedOn(line: Line): readonly number[] {
    if ((lineScanner.groupsPassing(line) & this.#bits) === 0) return this.#always;
    return this.tried(lineScanner.passing(line));
  }

  /** Positions in the table of the rules to try on a line whose passing gates are `passing`, ascending. */
  tried(passing: readonly number[]): readonly number[] {
    const byGate = this.#byGate;
    const low = this.#low;
    let first: readonly number[] | undefined;
    let merged: number[] | undefined;
    for (let i = 0; i < passing.length; i++) {
      const at = passing[i] - low;
      if (at < 0 || at >= byGate.length) continue;
      const rules = byGate[at];
      if (!rules) continue;
      if (!first) first = rules;
      else (merged ??= [...first]).push(...rules);
    }
    if (this.#always.length > 0) {
      if (!first) return this.#always;
      (merged ??= [...first]).push(...this.#always);
    }
    if (!merged) return first ?? NONE;
    // In place by insertion: a line lets a few rules of a table through, and sort's comparator call per comparison cost more.
    for (let i = 1; i < merged.length; i++) {
      const rule = merged[i];
      let at = i - 1;
      for (; at >= 0 && merged[at] > rule; at--) merged[at + 1] = merged[at];
      merged[at + 1] = rule;
    }
    return merged;
  }
}

const NONE: readonly number[] = [];

/** Options every line-rule stage accepts, so users extend rules without code. */
export const LineRuleOptions = z.strictObject({
  /** Extra exact lines (case-insensitive, spaces collapsed) to remove under this stage's `customRule`. */
  phrases: z._default(z.array(z.string().check(z.minLength(1))), []),
  /** Extra regular expressions (case-insensitive, matched against the whole line; checked for catastrophic backtracking at load). */
  patterns: z._default(z.array(UserPattern), []),
  /** Rule ids of this stage to switch off. */
  disable: z._default(z.array(z.string()), []),
  /** Longest line (in characters) the stage looks at; longer lines are prose. */
  maxLength: z._default(z.number().check(z.int(), z.positive()), 200),
});
export type LineRuleOptions = z.infer<typeof LineRuleOptions>;

/** Bullets, pipes, arrows and colons that decorate labels ("» Also read:", "| Share |"). */
const LEADING = String.raw`[\s|•·»«›‹>\-–—:*#▶►→↓▼]`;
const TRAILING = String.raw`[\s|•·»«›‹<\-–—:*#▶►→↓▼]`;
/** What labelText strips, as patterns: its plain form (test/match/label-text.test.ts holds it to them). */
export const LEADING_DECORATION = new RegExp(`^${LEADING}+`, "u");
export const TRAILING_DECORATION = new RegExp(`${TRAILING}+$`, "u");
// By unit: every member is one BMP character, so a run of them is a run of units (a surrogate is none).
const LEADING_CHAR = unitTable(new RegExp(LEADING, "u"));
const TRAILING_CHAR = unitTable(new RegExp(TRAILING, "u"));

/**
 * The content without its leading and trailing decoration, as stripping LEADING_DECORATION and then
 * TRAILING_DECORATION gives it. Read off the unit tables: each table stage asks it of every short
 * line, and the two regexes cost a microsecond on a decorated one (1 line in 40 of the bench JSONL).
 */
export function labelText(content: string): string {
  const length = content.length;
  let lead = 0;
  while (lead < length && LEADING_CHAR[unitAt(content, lead)]) lead++;
  let end = length;
  while (end > lead && TRAILING_CHAR[unitAt(content, end - 1)]) end--;
  return lead === 0 && end === length ? content : content.slice(lead, end);
}

/** A user's phrase as a pattern: its text literally, any run of white space standing for any other. */
export function phrasePattern(phrase: string): Pattern {
  return Pattern.of(new RegExp(escapeRegExp(phrase.replace(/\s+/g, " ").trim()).replace(/ /g, "\\s+"), "iu"));
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
    ...options.patterns.map((source) => ({ rule, lang: "*", pattern: Pattern.of(new RegExp(source, "iu")), reason: why.pattern, example: source, ...extra })),
  ];
}

/**
 * A pattern searched on some lines (not a table rule) behind the line scan's gate: false when the
 * line's content holds none of the literals every match needs, so the pattern cannot match the
 * content or any part of it. Undefined when the pattern has no literal the scan can look for.
 * Example: the tags stage's bare label, tried on every short line, now on lines holding "tag", "topic"...
 */
export function scanGate(pattern: PatternText): LineGate | undefined {
  return literalGate(requiredLiterals(pattern) ?? [], !pattern.flags.includes("i"));
}

/**
 * A gate of the line scan: false when the line holds none of its literals. `bits`: its group's bit in
 * the scan's groups (LiteralScanner.groupsPassing), clear on every line the gate does not pass.
 */
export interface LineGate {
  (line: Line): boolean;
  readonly bits: number;
}

/**
 * The same gate on literals a stage names itself: false when the line's content holds none of them
 * (in any case, unless `caseSensitive`). Undefined when one is no literal the scan can look for (a
 * single cased letter, unless `oneLetters` (see LiteralScanner.register), an empty string).
 */
export function literalGate(literals: readonly string[], caseSensitive: boolean, oneLetters = false): LineGate | undefined {
  const [gate] = lineScanner.register([{ literals, caseSensitive, oneLetters }]);
  if (gate === ALWAYS) return undefined;
  // The gate's group holds it alone: a clear bit says it did not pass (a set one, maybe: past 30 groups bits are shared).
  const bit = lineScanner.bitOf([gate]);
  return Object.assign((line: Line) => (lineScanner.groupsPassing(line) & bit) !== 0 && lineScanner.passing(line).includes(gate), { bits: bit });
}

// ---- whole-line mode --------------------------------------------------------------

/** A rule anchored to the whole label, the longest label its pattern can match, and its gate in the line scan. */
export type CompiledLineRule = LineRule & { readonly full: RegExp; longest: number; gate: number };

/**
 * The anchored regex of a whole-line rule, built on first use: building every table's regexes
 * (each parsed by the engine) was a third of a pipeline's first document, and most rules never
 * see a line that holds their literals. The gate and the longest label are read off the text.
 * matchLine reads these, all of one shape: the table's rules, each with the fields its table
 * gives it, made the loads of `longest` and `full` there megamorphic (V8's slowest property load).
 */
class AnchoredRule {
  #full: RegExp | undefined;
  constructor(
    readonly anchored: PatternText,
    readonly longest: number,
  ) {}
  get full(): RegExp {
    return (this.#full ??= new RegExp(this.anchored.source, this.anchored.flags));
  }
}

/** The rules in table order, the longest label any of them can match, and which of them each gate lets through. */
export interface CompiledLineRules extends Array<CompiledLineRule> {
  longest: number;
  index: GateIndex;
  /** Each rule's anchored regex and longest label, by position. */
  anchors: readonly AnchoredRule[];
}

export function compileLineRules(rules: readonly LineRule[]): CompiledLineRules {
  const anchored = rules.map((r) => ({ source: `^(?:${r.pattern.source})$`, flags: r.caseSensitive ? "u" : "iu" }));
  const gates = lineScanner.register(anchored.map((text, i) => ({ literals: requiredLiterals(text), caseSensitive: Boolean(rules[i].caseSensitive) })));
  const anchors = anchored.map((text) => new AnchoredRule(text, longestMatch(text)));
  const compiled: CompiledLineRule[] = rules.map((r, i) => {
    const anchor = anchors[i];
    const full = {
      get full() {
        return anchor.full;
      },
    };
    return Object.assign(full, r, { longest: anchor.longest, gate: gates[i] });
  });
  return Object.assign(compiled, { longest: Math.max(0, ...anchors.map((a) => a.longest)), index: new GateIndex(gates, lineScanner.bitOf(gates)), anchors });
}

/**
 * The first rule of the table whose pattern matches the whole label, if any. Only the rules
 * whose literals the line's one scan found are tried (./literal-scan.ts), longest labels first ruled out.
 */
export function matchLine(line: Line, rules: CompiledLineRules, maxLength: number): CompiledLineRule | undefined {
  if (line.content.length > maxLength) return undefined;
  // The table's gates first: most lines let no rule through, and need no label.
  const tried = rules.index.triedOn(line);
  if (tried.length === 0) return undefined;
  const label = labelText(line.content);
  if (!label || label.length > rules.longest) return undefined;
  const anchors = rules.anchors;
  for (const position of tried) {
    const anchor = anchors[position];
    if (label.length <= anchor.longest && anchor.full.test(label)) return rules[position];
  }
  return undefined;
}

// ---- search mode ------------------------------------------------------------------

/** How a case-folded rule matches: `regex` runs on the lower-cased line when `onLower`, else on the line. */
export interface FoldedRule {
  /** Built on first use (see AnchoredRule): its text is known before. */
  readonly regex: RegExp;
  /** The source and flags of `regex`. */
  text: PatternText;
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
function folded(pattern: PatternText): { source: string; flags: string; on: "lower" | "content" } {
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
    if (how.on === "content")
      return {
        ...r,
        get regex() {
          return r.pattern.regex;
        },
        text: r.pattern,
        onLower: false,
        matches: (content: string) => r.pattern.test(content),
      };
    const text = { source: how.source, flags: how.flags };
    let regex: RegExp | undefined;
    const compiled = () => (regex ??= new RegExp(text.source, text.flags));
    return {
      ...r,
      get regex() {
        return compiled();
      },
      text,
      onLower: true,
      matches: (_content: string, lower: string) => compiled().test(lower),
    };
  });
}

/**
 * The characters a text must start with for a pattern to match (gates.ts: openingCharacters), as
 * units: case-folded by foldUnit when the pattern ignores case, so that a text's first unit, folded,
 * is found whatever its case (the fold may merge more than the regex does: that only lets a text
 * through to the regex).
 */
class StartUnits {
  readonly #units: Set<number>;
  readonly #caseless: boolean;
  constructor(characters: string, caseless: boolean) {
    this.#caseless = caseless;
    this.#units = new Set(Array.from({ length: characters.length }, (_, i) => (caseless ? foldUnit(characters.charCodeAt(i)) : characters.charCodeAt(i))));
  }
  /**
   * False when no text whose first unit is `unit` (`folded`: foldUnit of it) can match. A surrogate
   * is let through: the characters are single units, and the lower-cased text a search-mode rule
   * runs on may start with another surrogate than the text.
   */
  allows(unit: number, folded: number): boolean {
    return this.#units.has(this.#caseless ? folded : unit) || (unit >= 0xd800 && unit <= 0xdfff);
  }
}

/** Search-mode rules with their gates in the line scan: `first` finds the first rule (in table order) that matches a line. */
export interface SearchRules<T extends PhraseRule> {
  rules: Array<T & FoldedRule & { gate: number }>;
  /**
   * The first rule that admits the line's word count (`maxWords`) and matches its content, if any.
   * `countWordsUpTo(content, limit)`: the line's words, exact up to `limit`, any number above it past it.
   */
  first(line: Line, countWordsUpTo: (content: string, limit: number) => number): { rule: T & FoldedRule; words: number } | undefined;
}

export function compileSearchRules<T extends PhraseRule>(table: readonly T[]): SearchRules<T> {
  const foldedRules = caseFolded(table);
  // A rule that runs on the lower-cased line looks for lower-case literals: found in the line in any case.
  const gates = lineScanner.register(foldedRules.map((r) => ({ literals: requiredLiterals(r.text), caseSensitive: !r.onLower && !r.text.flags.includes("i") })));
  const rules = foldedRules.map((r, i) => ({ ...r, gate: gates[i] }));
  const index = new GateIndex(gates, lineScanner.bitOf(gates));
  // What `first` reads of each rule, by position: the rules' shapes differ with their tables (see AnchoredRule).
  const maxWordsOf = rules.map((r) => r.maxWords);
  const matchersOf = rules.map((r) => r.matches);
  const onLowerOf = rules.map((r) => r.onLower);
  // A rule tied to the line's start ("^(?:advertisement|ad|...)$": its literal "ad" is in many lines) is
  // ruled out by the line's first unit before its regex runs (and the line is lower-cased for it). A
  // rule run on the lower-cased line looks at that line's first unit, which folds as the line's own does (foldUnit).
  const opensOf = rules.map((r) => {
    const opens = openingCharacters(r.text);
    return opens === undefined ? undefined : new StartUnits(opens, r.onLower || r.text.flags.includes("i"));
  });
  return {
    rules,
    first(line, countWordsUpTo) {
      const content = line.content;
      // A rule's regex before the line's word count: the regexes the scan lets through fail in a fraction of
      // the time counting a line's words up to the rule's `maxWords` takes (a paragraph holding "ad" or
      // "comment" was counted to 8 words, one holding an author-bio word to 60), and most fail. The words are
      // counted for a rule that matched, up to `counted`: exact when `words` <= counted, else only known to be more.
      let counted = -1;
      let words = 0;
      let lower: string | undefined;
      let unit = -1;
      let folded = -1;
      for (const position of index.triedOn(line)) {
        const opens = opensOf[position];
        if (opens !== undefined) {
          if (unit === -1) folded = foldUnit((unit = unitAt(content, 0)));
          if (!opens.allows(unit, folded)) continue;
        }
        if (!matchersOf[position](content, onLowerOf[position] ? (lower ??= content.toLowerCase()) : content)) continue;
        const maxWords = maxWordsOf[position];
        if (words > counted && counted < maxWords) words = countWordsUpTo(content, (counted = maxWords));
        if (words <= maxWords) return { rule: rules[position], words };
      }
      return undefined;
    },
  };
}

// ---- the stage ----------------------------------------------------------------------

/** What a table stage is made of: the one shape of every stage that removes the lines its table matches. */
export interface LineRuleStageSpec {
  name: string;
  table: readonly LineRule[];
  options: LineRuleOptions;
  /** Rule id and reason of the user's own `phrases` and `patterns`. */
  custom: { rule: string; reason: string };
  /** Kinds of line the table is not asked about (a table cell is data: a lone "12" or "Close" there is a score or a price). */
  skipKinds?: readonly BlockKind[];
  /**
   * Asked about each line before the table, in line order: findings that take this line and the
   * lines up to `through` (a label with its list below), which the table then skips.
   */
  before?: (line: Line, ctx: StageContext) => { found: Detection[]; through: number } | undefined;
  /** The finding of a line the table matched, or undefined to keep the line after all (default: the whole line under the rule). */
  finding?: (line: Line, rule: LineRule) => Detection | undefined;
  /**
   * Asked about each line after the table, told whether the table matched it: a finding of its own.
   * These come after the table's findings, in line order (as `extra`'s would), without a second walk
   * over the lines.
   */
  after?: (line: Line, matched: boolean) => Detection | undefined;
  /**
   * The gate that `before` and `after` ask first (they find nothing on a line it does not pass): a
   * line that neither it nor the table's gates let through is skipped unread. Without it they are
   * asked about every line.
   */
  stepGate?: LineGate;
  /** Context logic on top of the table: more findings, knowing which lines the table matched. */
  extra?: (ctx: StageContext, matched: Set<number>) => Detection[];
}

/**
 * The same shape in search mode (a phrase table: boilerplate-phrases): each rule is searched inside
 * lines of at most its `maxWords` words; the user's phrases and patterns get `custom.maxWords`.
 */
export interface SearchRuleStageSpec {
  name: string;
  mode: "search";
  table: readonly PhraseRule[];
  options: { phrases: readonly string[]; patterns: readonly string[]; disable: readonly string[] };
  custom: { rule: string; reason: { phrase: string; pattern: string }; maxWords: number };
  /** How the stage counts a line's words (what `maxWords` limits): exact up to `limit`, any number above it past it. */
  countWordsUpTo: (content: string, limit: number) => number;
  /** As in LineRuleStageSpec: asked about each live line in the table's own pass, told whether the table matched it. */
  after?: LineRuleStageSpec["after"];
}

/**
 * Each line's group bits in the line scan (LiteralScanner.groupsPassing) for the document, read once
 * for every table stage: each stage asking them of every line through the scanner cost more than
 * most of its tables' rules. A line blank or removed when they are read gets none: every stage skips
 * it, and a removed line stays removed. Read again when a table registered gates since (the scan changed).
 */
const groupsOfView = new WeakMap<LineView, { gates: number; groups: Int32Array }>();

function lineGroups(view: LineView): Int32Array {
  const known = groupsOfView.get(view);
  if (known && known.gates === lineScanner.gateCount) return known.groups;
  const lines = view.lines;
  const groups = new Int32Array(lines.length);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!view.isBlank(line) && !view.isRemoved(line)) groups[i] = lineScanner.groupsPassing(line);
  }
  groupsOfView.set(view, { gates: lineScanner.gateCount, groups });
  return groups;
}

/** Off: table stages look at every line, as plain code would (test/match/line-rule-stage.test.ts holds the two to each other). */
let skipByScan = true;
export function skipLinesByScan(on: boolean): void {
  skipByScan = on;
}

/** A stage that removes every live line matching one of the table's rules (or the user's), then what `after` and `extra` find (search mode: `after`). */
export function lineRuleStage(spec: LineRuleStageSpec | SearchRuleStageSpec): Stage {
  if ("mode" in spec) return searchRuleStage(spec);
  const { name, table, options, custom, skipKinds = [], before, after, stepGate, extra } = spec;
  const finding = spec.finding ?? ((line: Line, rule: LineRule) => lineDetection(line, rule, { features: { lang: rule.lang } }));
  const rules = compileLineRules([
    ...table.filter((r) => !options.disable.includes(r.rule)),
    ...customRules(options, custom.rule, custom.reason),
  ]);
  const maxLength = options.maxLength;
  // A line whose scan has none of these bits is one the table and the steps find nothing on; every
  // line is looked at when a rule or a step has no gate.
  const hasSteps = before !== undefined || after !== undefined;
  const stepBits = hasSteps && stepGate ? stepGate.bits : 0;
  const wanted = rules.index.bits | stepBits;
  const everyLine = rules.index.triesEveryLine || (hasSteps && !stepGate);
  return {
    name,
    detect(ctx) {
      const found: Detection[] = [];
      const afterFound: Detection[] = [];
      const matched = new Set<number>();
      let taken = -1; // the last line a `before` finding took
      // The live lines read in place: an array of them per stage and document was ~4 kB of garbage (an
      // `extra` step that needs one asks for it).
      const view = ctx.lines;
      const lines = view.lines;
      const groups = skipByScan && !everyLine ? lineGroups(view) : undefined;
      for (let i = 0; i < lines.length; i++) {
        if (groups && (groups[i] & wanted) === 0) continue;
        const line = lines[i];
        if (view.isBlank(line) || view.isRemoved(line)) continue;
        if (i <= taken || (line.kind && skipKinds.includes(line.kind))) continue;
        // The steps are not asked about a line their gate does not pass: they would find nothing there.
        const stepsMay = !groups || (groups[i] & stepBits) !== 0;
        const first = before && stepsMay && line.content.length <= maxLength ? before(line, ctx) : undefined;
        if (first) {
          found.push(...first.found);
          taken = first.through;
          continue;
        }
        const rule = matchLine(line, rules, maxLength);
        const detection = rule && finding(line, rule);
        if (detection) {
          matched.add(i);
          found.push(detection);
        }
        const also = after && stepsMay ? after(line, detection !== undefined) : undefined;
        if (also) afterFound.push(also);
      }
      if (afterFound.length > 0) found.push(...afterFound);
      return extra ? [...found, ...extra(ctx, matched)] : found;
    },
  };
}

function searchRuleStage(spec: SearchRuleStageSpec): Stage {
  const { name, table, options, custom, countWordsUpTo, after } = spec;
  // The user's rules can be switched off by their id too ("boilerplate/custom"), as the table's.
  const rules = compileSearchRules([...table, ...customRules(options, custom.rule, custom.reason, { maxWords: custom.maxWords })].filter((r) => !options.disable.includes(r.rule)));
  return {
    name,
    detect(ctx) {
      const found: Detection[] = [];
      const more: Detection[] = [];
      const view = ctx.lines;
      for (const line of view.lines) {
        if (view.isBlank(line) || view.isRemoved(line)) continue;
        // The line's literal scan rules most lines out.
        const hit = rules.first(line, countWordsUpTo);
        if (hit) {
          const { rule, words } = hit;
          found.push(lineDetection(line, rule, { features: { words, lang: rule.lang, maxWords: rule.maxWords } }));
        }
        const also = after?.(line, hit !== undefined);
        if (also) more.push(also);
      }
      for (const detection of more) found.push(detection);
      return found;
    },
  };
}
