// Where web-text does worse than leaving the dump alone, page by page:
//   npx tsx bench/dump-diff.ts SET [--top N] [--page ID] [--limit N] [--pipeline NAME|PATH]
// Cleans the set's dumps as bench:dump does (--keep-comments where the gold keeps comments),
// scores each page against the dump as is, and prints the N pages where web-text loses most:
// the gold lines it removed (with the rule, the reason's head and the features the audit
// recorded) and the lines it kept that are not in the gold. Sums up the lost gold words per rule.
import { cleanDocument, createDocument } from "../src/core/index.js";
import { dumpPipeline, loadDumpSet, scoreDumps } from "./dump.js";

const arg = (flag: string) => (process.argv.includes(flag) ? process.argv[process.argv.indexOf(flag) + 1] : undefined);
const set = process.argv[2];
if (!set || set.startsWith("--")) {
  console.error("usage: dump-diff.ts SET [--top N] [--page ID] [--limit N] [--pipeline NAME|PATH]");
  process.exit(2);
}
const top = Number(arg("--top") ?? 15);
const only = arg("--page");
const pages = loadDumpSet(set, arg("--limit") ? Number(arg("--limit")) : undefined).filter((p) => !only || p.id.startsWith(only));
const pipeline = dumpPipeline(set, arg("--pipeline") ?? "web-text");

const tokens = (s: string) => s.toLowerCase().match(/[\p{L}\p{N}\p{M}_]+/gu) ?? [];
const grams = (t: string[]) => {
  const out: string[] = [];
  for (let i = 0; i + 4 <= t.length; i++) out.push(t.slice(i, i + 4).join(" "));
  return out.length ? out : [t.join(" ")];
};
const gramSet = (text: string) => new Set(grams(tokens(text)));
/** Share of a line's 4-grams found in another text's 4-grams. */
const share = (line: string, other: Set<string>) => {
  const g = grams(tokens(line));
  return g.filter((x) => other.has(x)).length / g.length;
};

interface Report { id: string; f1: number; asIs: number; lines: string[] }
const reports: Report[] = [];
const lostByRule = new Map<string, number>();
const wrongByRule = new Map<string, number>();
for (const page of pages) {
  const result = cleanDocument(createDocument({ id: page.id, source: page.source, raw: page.raw }), pipeline);
  const [f1, asIs] = [result.text, page.raw].map((text) => scoreDumps([page], [text]).f1);
  const goldGrams = gramSet(page.gold);
  const lines: string[] = [];
  for (const removal of result.removals) {
    const words = tokens(removal.text).length;
    if (words < 3) continue;
    if (share(removal.text, goldGrams) >= 0.5) {
      lostByRule.set(removal.rule, (lostByRule.get(removal.rule) ?? 0) + words);
      lines.push(`  LOST ${removal.rule} ${JSON.stringify(removal.features ?? {})} ${removal.text.slice(0, 140)}`);
    } else wrongByRule.set(removal.rule, (wrongByRule.get(removal.rule) ?? 0) + words);
  }
  for (const line of result.text.split("\n")) {
    if (tokens(line).length >= 3 && share(line, goldGrams) < 0.5) lines.push(`  KEPT ${line.slice(0, 140)}`);
  }
  reports.push({ id: page.id, f1, asIs, lines });
}
reports.sort((a, b) => b.asIs - b.f1 - (a.asIs - a.f1) || (a.id < b.id ? -1 : 1));
for (const r of reports.slice(0, top)) {
  console.log(`${r.id} web-text ${r.f1.toFixed(3)} as is ${r.asIs.toFixed(3)}`);
  console.log(r.lines.slice(0, 50).join("\n"));
}
const rank = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).map(([rule, words]) => `${rule} ${words}`).join(", ");
console.log(`${set}: ${pages.length} pages; web-text below the dump as is on ${reports.filter((r) => r.f1 < r.asIs).length}`);
console.log(`gold words removed, by rule: ${rank(lostByRule)}`);
console.log(`junk words removed, by rule: ${rank(wrongByRule)}`);
