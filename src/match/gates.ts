// Cheap tests derived from the rule tables' own regexes, run before them: the longest
// text a pattern can match, and literals one of which every match must contain (looked
// for by the one scan of each line, ./literal-scan.ts). Most lines are too long for a label
// rule or hold none of a rule's key words ("cookie", "newsletter", an agency name).
// Both are read off the pattern (parsed by regjsparser), so a new table entry gets its
// gate without anyone writing one; a pattern the parser rejects gets no gate (always tried).
// The built-in rules' facts are generated into ./table-facts.ts (`npm run facts`).
import { createRequire } from "node:module";
import type { AstNode, CharacterClass, Features } from "regjsparser";
import { TABLE_FACTS } from "./table-facts.js";

/** A parsed pattern, reduced to what the gates need. */
type Node =
  | { t: "char"; c: string }
  | { t: "set"; units: 1 | 2; members?: string[] }
  | { t: "empty"; start?: true }
  | { t: "backref" }
  | { t: "seq"; items: Node[] }
  | { t: "alt"; alts: Node[] }
  | { t: "rep"; node: Node; min: number; max: number };

const PARSER_FEATURES = { lookbehind: true, namedGroups: true, unicodePropertyEscape: true } as const satisfies Features;
type Parsed = AstNode<typeof PARSER_FEATURES>;

/** regjsparser is loaded on the first pattern: a pipeline compiles its rules on its first document, not at start. */
let regjsparser: typeof import("regjsparser") | undefined;
const require = createRequire(import.meta.url);

/** The pattern as the gates see it; throws when regjsparser cannot read it. */
function parse(source: string, flags: string): Node {
  regjsparser ??= require("regjsparser") as typeof import("regjsparser");
  const unicode = flags.includes("u");
  return reduce(regjsparser.parse(source, flags, PARSER_FEATURES) as Parsed, unicode);
}

function reduce(node: Parsed, unicode: boolean): Node {
  const seq = (body: Parsed[]): Node => (body.length === 1 ? reduce(body[0], unicode) : { t: "seq", items: body.map((item) => reduce(item, unicode)) });
  switch (node.type) {
    case "alternative":
      return { t: "seq", items: node.body.map((item) => reduce(item as Parsed, unicode)) };
    case "disjunction":
      return { t: "alt", alts: node.body.map((alt) => reduce(alt as Parsed, unicode)) };
    case "anchor":
      // ^, $, \b and \B match no text; ^ (without the m flag) ties a match to the text's start.
      return node.kind === "start" ? { t: "empty", start: true } : { t: "empty" };
    case "value":
      return { t: "char", c: String.fromCodePoint(node.codePoint) };
    case "dot":
      return { t: "set", units: unicode ? 2 : 1 };
    case "characterClassEscape":
      // \d, \w and \s match single units; their negations match anything else (a surrogate pair under u).
      // \d is the ten ASCII digits, with or without u and i.
      if (node.value === "d") return { t: "set", units: 1, members: [...DIGITS] };
      return { t: "set", units: node.value === node.value.toLowerCase() ? 1 : unicode ? 2 : 1 };
    case "unicodePropertyEscape":
      return { t: "set", units: 2 };
    case "characterClass":
      return characterClass(node as CharacterClass<typeof PARSER_FEATURES>, unicode);
    case "group":
      // Lookarounds match no text: what they require of it is not a literal of the match.
      return node.behavior === "normal" || node.behavior === "ignore" ? seq(node.body as Parsed[]) : { t: "empty" };
    case "quantifier":
      return { t: "rep", node: reduce(node.body[0] as Parsed, unicode), min: node.min, max: node.max ?? Infinity };
    case "reference":
      return { t: "backref" };
    default:
      throw new Error(`unexpected regex node ${(node as { type: string }).type}`);
  }
}

/**
 * A class may match a surrogate pair under u when it is negated or holds a script, \S, \D, \W or an astral member.
 * A class of a few plain characters ("[-_]", "[0-9]", "[:.h]") lists them: each is a literal of its matches.
 */
function characterClass(node: CharacterClass<typeof PARSER_FEATURES>, unicode: boolean): Node {
  let astral = unicode && node.negative;
  let members: string[] | undefined = node.negative || node.kind !== "union" ? undefined : [];
  for (const member of node.body) {
    if (member.type === "unicodePropertyEscape" || (member.type === "characterClassEscape" && member.value !== member.value.toLowerCase())) astral = unicode;
    else if (member.type === "value" && member.codePoint > 0xffff) astral = unicode;
    else if (member.type === "characterClassRange" && member.max.codePoint > 0xffff) astral = unicode;
    if (member.type === "characterClassEscape" && member.value === "d") members?.push(...DIGITS);
    else if (member.type === "value") members?.push(String.fromCodePoint(member.codePoint));
    else if (member.type === "characterClassRange" && members && member.max.codePoint - member.min.codePoint < MAX_CLASS_MEMBERS)
      for (let code = member.min.codePoint; code <= member.max.codePoint; code++) members.push(String.fromCodePoint(code));
    else members = undefined;
    if (members && members.length > MAX_CLASS_MEMBERS) members = undefined;
  }
  const units = astral ? 2 : 1;
  return members && members.length > 0 ? { t: "set", units, members: [...new Set(members)] } : { t: "set", units };
}

const DIGITS = "0123456789";

/** Most characters a class may list to stand for its matches (a longer one, "[a-z]", rules little out and adds states). */
const MAX_CLASS_MEMBERS = 16;

/** What the gates know of a pattern, read off its syntax tree. */
export interface PatternFacts {
  longest: number;
  literals?: string[];
  /** When every match starts at the text's start (^, without the m flag) and is not empty: the characters the text must start with. */
  opens?: string;
}

/** The facts of a pattern from its tree (undefined: regjsparser does not read it, so no gate: the rule is always tried). */
function factsFromSource(re: PatternText): PatternFacts | undefined {
  let node: Node;
  try {
    node = parse(re.source, re.flags.includes("u") ? "u" : "");
  } catch {
    return undefined;
  }
  const f = facts(node);
  const literals = better(f.required, f.exact);
  const { units, empty } = starts(node);
  const opens = units && !empty && anchoredAtStart(node) ? [...units].join("") : undefined;
  return { longest: longest(node), ...(literals ? { literals } : {}), ...(opens !== undefined ? { opens } : {}) };
}

/** Whether every match of the node is tied to the text's start by a ^ before any character it matches. */
function anchoredAtStart(node: Node): boolean {
  switch (node.t) {
    case "empty":
      return node.start === true;
    case "seq":
      for (const item of node.items) {
        if (anchoredAtStart(item)) return true;
        if (item.t !== "empty") return false;
      }
      return false;
    case "alt":
      return node.alts.length > 0 && node.alts.every(anchoredAtStart);
    case "rep":
      return node.min >= 1 && anchoredAtStart(node.node);
    default:
      return false;
  }
}

/**
 * The characters a match of the node can start with (undefined: any, or one beyond a single
 * UTF-16 unit), and whether it can match the empty text (then what follows it may start the match).
 */
function starts(node: Node): { units: Set<string> | undefined; empty: boolean } {
  switch (node.t) {
    case "char":
      return { units: node.c.length === 1 ? new Set([node.c]) : undefined, empty: false };
    case "set":
      return { units: node.members?.every((m) => m.length === 1) ? new Set(node.members) : undefined, empty: false };
    case "empty":
      return { units: new Set(), empty: true };
    case "backref":
      return { units: undefined, empty: true };
    case "rep": {
      if (node.max === 0) return { units: new Set(), empty: true };
      const inner = starts(node.node);
      return { units: inner.units, empty: inner.empty || node.min === 0 };
    }
    case "alt":
      return node.alts.map(starts).reduce(joinStarts, { units: new Set(), empty: false });
    case "seq": {
      let all: { units: Set<string> | undefined; empty: boolean } = { units: new Set(), empty: true };
      for (const item of node.items) {
        const next = starts(item);
        all = { units: joinStarts(all, next).units, empty: next.empty };
        if (!next.empty) break;
      }
      return all;
    }
  }
}

function joinStarts(a: { units: Set<string> | undefined; empty: boolean }, b: { units: Set<string> | undefined; empty: boolean }): { units: Set<string> | undefined; empty: boolean } {
  return { units: a.units && b.units ? new Set([...a.units, ...b.units]) : undefined, empty: a.empty || b.empty };
}

/** A pattern's text: a RegExp, or the source and flags of one not built yet. */
export type PatternText = Pick<RegExp, "source" | "flags">;

/**
 * The key of a pattern's facts: its source, after "u/" or "/" (the only flag the facts depend on).
 * The source itself, not a hash of it: V8 hashes a string key natively, while a hash written
 * here ran over every table's 65,000 characters of source in code run once, never optimised
 * (4-8 ms of the first document); no two sources can share a key.
 */
export function patternKey(re: PatternText): string {
  return (re.flags.includes("u") ? "u/" : "/") + re.source;
}

/** Facts by pattern key, as used in this process (null: not readable). */
const factsByPattern = new Map<string, PatternFacts | null>();
let tableFacts: Readonly<Record<string, PatternFacts>> | undefined = TABLE_FACTS;

/** Turns the generated table of the built-in rules' facts off or on (scripts/table-facts.ts, which writes it, and its test). */
export function useTableFacts(on: boolean): void {
  tableFacts = on ? TABLE_FACTS : undefined;
  factsByPattern.clear();
}

/** The facts worked out from patterns in this process (not found in the generated table), by key. */
export function factsWorkedOut(): Map<string, PatternFacts | null> {
  return factsByPattern;
}

/**
 * The facts of a pattern: from the generated table when it is a built-in rule's (parsing
 * every table's patterns was most of a pipeline's start-up), else read off its source.
 */
export function patternFacts(re: PatternText): PatternFacts | undefined {
  if (/[^dgimsuy]/.test(re.flags)) return undefined;
  const key = patternKey(re);
  let found = factsByPattern.get(key);
  if (found === undefined) {
    found = tableFacts?.[key] ?? factsFromSource(re) ?? null;
    factsByPattern.set(key, found);
  }
  return found ?? undefined;
}

function longest(node: Node): number {
  switch (node.t) {
    case "char":
      return node.c.length;
    case "set":
      return node.units;
    case "empty":
      return 0;
    case "backref":
      return Infinity;
    case "seq":
      return node.items.reduce((n, item) => n + longest(item), 0);
    case "alt":
      return Math.max(...node.alts.map(longest));
    case "rep": {
      const inner = longest(node.node);
      return inner === 0 || node.max === 0 ? 0 : inner * node.max;
    }
  }
}

/**
 * The most UTF-16 code units a match of the pattern can span (Infinity when unbounded
 * or when the pattern holds syntax this reader does not model). Under the u flag a
 * class or dot may match a surrogate pair; a BMP character never case-folds to an
 * astral one, so literals count their own length.
 */
export function longestMatch(re: PatternText): number {
  return patternFacts(re)?.longest ?? Infinity;
}

/** Literal sets ranked: the one whose shortest literal is longest rules most text out. */
function better(a: string[] | undefined, b: string[] | undefined): string[] | undefined {
  if (!b || b.length === 0 || b.some((s) => s === "")) return a;
  if (!a) return b;
  const score = (set: string[]) => Math.min(...set.map((s) => s.length)) * 1000 - set.length;
  return score(b) > score(a) ? b : a;
}

/** Most strings an exact set may hold before it is given up (sets multiply along a sequence). */
const MAX_EXACT = 8;

/**
 * What a node tells about the text it matches: `exact`, every string it can match
 * (when few), and `required`, literals one of which each match contains.
 */
interface Facts {
  exact?: string[];
  required?: string[];
}

function facts(node: Node): Facts {
  switch (node.t) {
    case "char":
      return { exact: [node.c], required: [node.c] };
    case "empty":
      return { exact: [""] };
    case "set":
      if (node.members) return node.members.length <= MAX_EXACT ? { exact: node.members, required: node.members } : { required: node.members };
      return {};
    case "backref":
      return {};
    case "rep": {
      const inner = facts(node.node);
      const required = node.min >= 1 ? better(inner.required, inner.exact) : undefined;
      if (inner.exact && node.max <= 1) return { exact: node.min === 0 ? [...new Set(["", ...inner.exact])] : inner.exact, required };
      return { required };
    }
    case "alt": {
      const all = node.alts.map(facts);
      const exact = all.every((f) => f.exact) ? [...new Set(all.flatMap((f) => f.exact!))] : undefined;
      const branches = all.map((f) => better(f.required, f.exact));
      const required = branches.every((b) => b) ? [...new Set(branches.flat() as string[])] : undefined;
      return { exact: exact && exact.length <= MAX_EXACT ? exact : undefined, required };
    }
    case "seq": {
      // Exact sets of neighbours multiply into longer literals ("this " + "site" | "website");
      // where that stops, the product so far is one candidate and the item's own facts another.
      let best: string[] | undefined;
      let run: string[] = [""];
      let allExact = true;
      for (const item of node.items) {
        const f = facts(item);
        if (f.exact && run.length * f.exact.length <= MAX_EXACT) {
          run = [...new Set(run.flatMap((head) => f.exact!.map((tail) => head + tail)))];
          continue;
        }
        allExact = false;
        best = better(best, run);
        best = better(best, f.required);
        run = f.exact && f.exact.length <= MAX_EXACT ? f.exact : [""];
      }
      best = better(best, run);
      return { exact: allExact ? run : undefined, required: best };
    }
  }
}

/**
 * Literals one of which every match of the pattern contains, compared under the
 * pattern's own flags (so "cookie" under i also stands for "COOKIE"); undefined when
 * no such set is known (a rule made of classes, an optional part, unread syntax).
 */
export function requiredLiterals(re: PatternText): string[] | undefined {
  return patternFacts(re)?.literals;
}

/**
 * The characters a text must start with for the pattern to match anywhere in it, compared under the
 * pattern's own flags (so "s" under i also stands for "S" and "ſ"): defined when every match is tied
 * to the start (^) and holds a character.
 */
export function openingCharacters(re: PatternText): string | undefined {
  return re.flags.includes("m") ? undefined : patternFacts(re)?.opens;
}
