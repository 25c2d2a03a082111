// Cheap tests derived from the rule tables' own regexes, run before them: the longest
// text a pattern can match, and literals one of which every match must contain. Most
// lines are too long for a label rule or hold none of a table's key words ("cookie",
// "newsletter", an agency name), and an indexOf-like scan is much cheaper than the rule.
// Both are read off the pattern (parsed by regjsparser), so a new table entry gets its
// gate without anyone writing one; a pattern the parser rejects gets no gate (always tried).
import { createRequire } from "node:module";
import type { AstNode, CharacterClass, Features } from "regjsparser";
import { escapeRegExp } from "./escape.js";

/** A parsed pattern, reduced to what the gates need. */
type Node =
  | { t: "char"; c: string }
  | { t: "set"; units: 1 | 2; wide?: true }
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
      // Only ^ matters (anchoredAtStart); $, \b and \B match no text.
      return node.kind === "start" ? { t: "empty", start: true } : { t: "empty" };
    case "value":
      return { t: "char", c: String.fromCodePoint(node.codePoint) };
    case "dot":
      return { t: "set", units: unicode ? 2 : 1, wide: true };
    case "characterClassEscape":
      // \d, \w and \s match single units; their negations match anything else (a surrogate pair under u).
      return node.value === node.value.toLowerCase() ? { t: "set", units: 1 } : { t: "set", units: unicode ? 2 : 1, wide: true };
    case "unicodePropertyEscape":
      return { t: "set", units: 2, wide: true };
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

/** A class is wide when it matches runs of many kinds of character (a negation, a script, \S); astral when a member may be a surrogate pair. */
function characterClass(node: CharacterClass<typeof PARSER_FEATURES>, unicode: boolean): Node {
  let wide = node.negative;
  let astral = unicode && node.negative;
  for (const member of node.body) {
    if (member.type === "unicodePropertyEscape" || (member.type === "characterClassEscape" && member.value !== member.value.toLowerCase())) [wide, astral] = [true, unicode];
    else if (member.type === "value" && member.codePoint > 0xffff) astral = unicode;
    else if (member.type === "characterClassRange" && member.max.codePoint > 0xffff) astral = unicode;
  }
  return wide ? { t: "set", units: astral ? 2 : 1, wide } : { t: "set", units: astral ? 2 : 1 };
}

/** Parsed patterns by flags and source: each gate reads the same pattern, and parsing is most of a stage's start-up. */
const parsedPatterns = new Map<string, Node | undefined>();

function parsed(re: RegExp): Node | undefined {
  if (/[^dgimsuy]/.test(re.flags)) return undefined;
  const key = `${re.unicode ? "u" : ""}/${re.source}`;
  if (parsedPatterns.has(key)) return parsedPatterns.get(key);
  let node: Node | undefined;
  try {
    node = parse(re.source, re.unicode ? "u" : "");
  } catch {
    node = undefined; // syntax regjsparser does not read: no gate, the rule is always tried
  }
  parsedPatterns.set(key, node);
  return node;
}

/** True when the pattern holds a back-reference: joined into an alternation with others, its group numbers would shift. */
export function hasBackReference(re: RegExp): boolean {
  const node = parsed(re);
  return node ? holdsBackReference(node) : /\\[1-9k]/.test(re.source);
}

function holdsBackReference(node: Node): boolean {
  switch (node.t) {
    case "backref":
      return true;
    case "seq":
      return node.items.some(holdsBackReference);
    case "alt":
      return node.alts.some(holdsBackReference);
    case "rep":
      return holdsBackReference(node.node);
    default:
      return false;
  }
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
export function longestMatch(re: RegExp): number {
  const node = parsed(re);
  return node ? longest(node) : Infinity;
}

function anchored(node: Node): boolean {
  if (node.t === "alt") return node.alts.every(anchored);
  if (node.t === "seq") return node.items.length > 0 && anchored(node.items[0]);
  return node.t === "empty" && node.start === true;
}

/**
 * True when every match must start at the start of the text (each alternative opens
 * with ^, no m flag): such a pattern fails fast on a long line and needs no gate.
 */
export function anchoredAtStart(re: RegExp): boolean {
  const node = re.multiline ? undefined : parsed(re);
  return node ? anchored(node) : false;
}

/** True when the node's first step may take a run of a wide class (".{0,600}?", "[\\p{L} ]+": any character, a script, a negation). */
function opensWithRun(node: Node): boolean {
  switch (node.t) {
    case "alt":
      return node.alts.some(opensWithRun);
    case "seq": {
      const first = node.items.find((item) => item.t !== "empty");
      return first !== undefined && opensWithRun(first);
    }
    case "rep":
      return node.max > 1 && ((node.node.t === "set" && node.node.wide === true) || opensWithRun(node.node));
    default:
      return false;
  }
}

/**
 * True when the pattern may open with a run of a wide character class: even anchored at
 * the start, it then tries its rest at many offsets of the line, so in an alternation
 * with rules that fail on their first character it costs more than all of them.
 */
export function opensWithClassRun(re: RegExp): boolean {
  const node = parsed(re);
  return node ? opensWithRun(node) : true;
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
/** Most literals joined into one gate regex. */
const GATE_CHUNK = 600;

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
export function requiredLiterals(re: RegExp): string[] | undefined {
  const node = parsed(re);
  if (!node) return undefined;
  const f = facts(node);
  return better(f.required, f.exact);
}


/**
 * One test that is false only when none of the patterns can match the text: the
 * patterns' required literals joined into one alternation per flag set. Undefined
 * when some pattern has no required literals (then every line must be tried).
 */
export function literalGate(patterns: readonly RegExp[]): ((text: string) => boolean) | undefined {
  if (patterns.length === 0) return undefined;
  const groups = new Map<string, Set<string>>();
  for (const re of patterns) {
    const literals = requiredLiterals(re);
    if (!literals) return undefined;
    // Without i, u changes nothing for literals without surrogates, and the scan is faster without it.
    const flags = re.ignoreCase ? (re.unicode ? "iu" : "i") : literals.some((l) => /[\ud800-\udfff]/.test(l)) ? "u" : "";
    const group = groups.get(flags) ?? new Set<string>();
    for (const literal of literals) group.add(literal);
    groups.set(flags, group);
  }
  // V8 scans an alternation of a few hundred literals fast and falls off a cliff beyond
  // (boilerplate-phrases' gate over the benchmark lines, per pass: 734 literals 31 ms,
  // 917 literals 199 ms): literals go in chunks of GATE_CHUNK.
  const tests = [...groups].flatMap(([flags, literals]) => {
    const sorted = [...literals].sort((a, b) => b.length - a.length || (a < b ? -1 : 1)).map(escapeRegExp);
    const chunks: RegExp[] = [];
    for (let from = 0; from < sorted.length; from += GATE_CHUNK) chunks.push(new RegExp(sorted.slice(from, from + GATE_CHUNK).join("|"), flags));
    return chunks;
  });
  return tests.length === 1 ? (text) => tests[0].test(text) : (text) => tests.some((re) => re.test(text));
}

