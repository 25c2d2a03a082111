// Re-checks the built-in tables' patterns and src/'s regular expression literals whose verdict is not yet in redos-verdicts.json
// (new or changed patterns) and rewrites the file with the verdicts of the current patterns:
//   npx tsx test/match/update-redos-verdicts.ts [--all]
// The test reads the file, so CI does not run the checker on every pattern every time.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { backtrackingVerdict } from "../../src/match/backtracking.js";
import { patternKey, rulePatterns } from "./rule-patterns.js";
import { sourcePatterns } from "./source-patterns.js";

export const VERDICTS_FILE = join(import.meta.dirname, "redos-verdicts.json");
/** The tables' patterns are long alternations: give the checker time. */
export const TABLE_CHECK_MS = 60_000;

const old: Record<string, { status?: string }> = existsSync(VERDICTS_FILE) && !process.argv.includes("--all") ? JSON.parse(readFileSync(VERDICTS_FILE, "utf8")) : {};
const verdicts: Record<string, unknown> = {};
for (const p of [...(await rulePatterns()), ...sourcePatterns()]) {
  const key = patternKey(p);
  const started = Date.now();
  verdicts[key] = old[key]?.status ? old[key] : backtrackingVerdict(p.source, p.flags, TABLE_CHECK_MS);
  if (!old[key]?.status) console.log(`${(verdicts[key] as { status: string }).status.padEnd(10)} ${Date.now() - started} ms  ${p.where}`);
}
const sorted = Object.fromEntries(Object.keys(verdicts).sort().map((key) => [key, verdicts[key]]));
writeFileSync(VERDICTS_FILE, JSON.stringify(sorted, null, 1) + "\n");
console.log(`${Object.keys(verdicts).length} verdicts in ${VERDICTS_FILE}`);
