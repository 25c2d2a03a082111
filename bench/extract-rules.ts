// Which rules remove wanted text, per benchmark set: the audit of chaff's HTML route joined with the gold.
//   npx tsx bench/extract-rules.ts [--sets aeb,dragnet] [--limit N] [--rule html/link-block] [--examples N]
// For each removal of the route (a rule's finding, or an `extraction/left-out` block), the share of
// its token 4-grams found in the page's gold says how much of it was wanted (removals under four
// tokens: whether their tokens occur in the gold as a run). Prints per set and rule the removed
// characters and the share of them in the gold; with `--rule`, the removals of that rule that hit
// the gold most, with their page, text and features, to narrow the rule on.
import { cleanDocument } from "../src/core/stage.js";
import { extractHtmlSync, htmlDocument } from "../src/extract/html.js";
import { withKeepComments } from "../src/core/route-options.js";
import { loadPipeline } from "../src/run/pipeline-file.js";
import { benchSets, KEEP_COMMENTS_SETS, loadSet } from "./extract.js";

const arg = (flag: string) => (process.argv.includes(flag) ? process.argv[process.argv.indexOf(flag) + 1] : undefined);
const sets = arg("--sets")?.split(",") ?? benchSets();
const limit = arg("--limit") ? Number(arg("--limit")) : undefined;
const ruleFilter = arg("--rule");
const exampleCount = Number(arg("--examples") ?? 25);

const TOKEN = /[\p{L}\p{N}\p{M}_]+/gu;
const tokens = (s: string) => s.toLowerCase().match(TOKEN) ?? [];
function grams(t: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + 4 <= t.length; i++) out.push(t.slice(i, i + 4).join(" "));
  return out;
}

/** Share (0..1) of a removed text that is in the gold. */
function goldShare(text: string, goldGrams: Set<string>, goldTokens: string): number {
  const t = tokens(text);
  if (!t.length) return 0;
  if (t.length < 4) return goldTokens.includes(` ${t.join(" ")} `) ? 1 : 0;
  const g = grams(t);
  return g.filter((x) => goldGrams.has(x)).length / g.length;
}

interface Tally { removals: number; chars: number; goldChars: number }
interface Example { page: string; share: number; text: string; reason: string; features?: unknown }

for (const set of sets) {
  const pipeline = withKeepComments(loadPipeline("html"), set in KEEP_COMMENTS_SETS);
  const byRule = new Map<string, Tally>();
  const examples: Example[] = [];
  for (const page of loadSet(set, limit)) {
    const extracted = extractHtmlSync(page.bytes, { url: page.url });
    const result = cleanDocument(htmlDocument(extracted, { id: page.id, source: page.id }), pipeline);
    const goldTokenList = tokens(page.gold);
    const goldGrams = new Set(grams(goldTokenList));
    const goldTokens = ` ${goldTokenList.join(" ")} `;
    for (const removal of result.removals) {
      const share = goldShare(removal.text, goldGrams, goldTokens);
      const chars = removal.text.length;
      const tally = byRule.get(removal.rule) ?? { removals: 0, chars: 0, goldChars: 0 };
      tally.removals++;
      tally.chars += chars;
      tally.goldChars += chars * share;
      byRule.set(removal.rule, tally);
      if (ruleFilter && removal.rule === ruleFilter && share >= 0.5) {
        examples.push({ page: page.id, share, text: removal.text, reason: removal.reason, features: removal.features });
      }
    }
  }
  console.log(`\n${set}${limit ? ` (first ${limit})` : ""}${set in KEEP_COMMENTS_SETS ? ", --keep-comments" : ""}`);
  console.log("| rule | removals | chars | in gold | share |");
  console.log("|---|---|---|---|---|");
  for (const [rule, t] of [...byRule].sort((a, b) => b[1].goldChars - a[1].goldChars)) {
    console.log(`| ${rule} | ${t.removals} | ${t.chars} | ${Math.round(t.goldChars)} | ${(t.goldChars / Math.max(1, t.chars)).toFixed(2)} |`);
  }
  if (ruleFilter) {
    examples.sort((a, b) => b.text.length * b.share - a.text.length * a.share);
    for (const e of examples.slice(0, exampleCount)) {
      console.log(`  ${e.page} ${e.share.toFixed(2)} ${JSON.stringify(e.text.slice(0, 160))} ${e.features ? JSON.stringify(e.features).slice(0, 200) : ""}`);
    }
  }
}
