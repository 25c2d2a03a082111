// Every regular expression of the built-in rule tables (src/rules/*.ts), in the forms the
// stages run them: anchored to the whole line for whole-line tables, as written for the others.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { Pattern } from "../../src/core/pattern.js";

export interface RulePattern {
  /** Where it was found: `<file>: <export>[<index>].<key>`. */
  where: string;
  source: string;
  flags: string;
}

const RULES = join(import.meta.dirname, "../../src/rules");

/** A table entry of a whole-line rule (src/rules/types.ts `LineRule`): phrase rules carry `maxWords` instead. */
const isWholeLineRule = (value: Record<string, unknown>): boolean => isPattern(value.pattern) && typeof value.rule === "string" && !("maxWords" in value);
/** A table's patterns are Patterns (built on first use, src/core/pattern.ts); other expressions of the rule files are RegExps. */
const isPattern = (value: unknown): value is RegExp | Pattern => value instanceof RegExp || value instanceof Pattern;

export async function rulePatterns(): Promise<RulePattern[]> {
  const found: RulePattern[] = [];
  const seen = new Set<unknown>();
  const walk = (value: unknown, where: string): void => {
    if (isPattern(value)) {
      found.push({ where, source: value.source, flags: value.flags.replace(/[gy]/g, "") });
      return;
    }
    if (!value || typeof value !== "object" || seen.has(value)) return;
    seen.add(value);
    if (Array.isArray(value)) return value.forEach((item, i) => walk(item, `${where}[${i}]`));
    const entry = value as Record<string, unknown>;
    // A whole-line rule runs anchored (src/match/line-rules.ts), never as written.
    const wholeLine = isWholeLineRule(entry);
    if (wholeLine) found.push({ where: `${where}.pattern (whole line)`, source: `^(?:${(entry.pattern as Pattern).source})$`, flags: entry.caseSensitive ? "u" : "iu" });
    for (const [key, item] of Object.entries(entry)) if (!(wholeLine && key === "pattern")) walk(item, `${where}.${key}`);
  };
  for (const file of readdirSync(RULES).filter((f) => f.endsWith(".ts")).sort()) {
    const module = (await import(pathToFileURL(join(RULES, file)).href)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(module)) walk(value, `${file}: ${name}`);
  }
  // One check per distinct pattern text: tables share patterns.
  const unique = new Map<string, RulePattern>();
  for (const p of found) if (!unique.has(patternKey(p))) unique.set(patternKey(p), p);
  return [...unique.values()];
}

export const patternKey = (p: { source: string; flags: string }): string => `/${p.source}/${p.flags}`;
