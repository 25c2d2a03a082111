// Where chaff goes wrong on the Article Extraction Benchmark, block by block:
//   npx tsx bench/aeb-diff.ts [--pipeline NAME] [--page ID] > diff.txt
// For each page: kept lines that are not in the ground truth (leaks) and removed lines
// that are (wrong removals, with the rule that removed them), then totals by rule.
import { readFileSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { gunzipSync } from "node:zlib";
import { cleanDocument } from "../src/core/stage.js";
import { extractHtmlSync, htmlDocument } from "../src/extract/html.js";
import { loadPipeline } from "../src/run/pipeline-file.js";

const AEB = resolve("../shared/bench/aeb");
const truth = JSON.parse(readFileSync(join(AEB, "ground-truth.json"), "utf8")) as Record<string, { articleBody: string; url?: string }>;
const arg = (flag: string) => (process.argv.includes(flag) ? process.argv[process.argv.indexOf(flag) + 1] : undefined);
const pipeline = loadPipeline(arg("--pipeline") ?? "html");
const only = arg("--page");

const tokens = (s: string) => s.toLowerCase().match(/[\p{L}\p{N}\p{M}_]+/gu) ?? [];
const grams = (t: string[]) => {
  const out: string[] = [];
  for (let i = 0; i + 4 <= t.length; i++) out.push(t.slice(i, i + 4).join(" "));
  return out;
};
/** Share of a line's 4-grams (or tokens, for short lines) found in the ground truth. */
function inTruth(line: string, truthGrams: Set<string>, truthTokens: Set<string>): number {
  const t = tokens(line);
  if (t.length === 0) return 1;
  if (t.length < 4) return t.filter((x) => truthTokens.has(x)).length / t.length;
  const g = grams(t);
  return g.filter((x) => truthGrams.has(x)).length / g.length;
}

const leakByRoute: Record<string, number> = {};
const wrongByRule: Record<string, number> = {};
let leakChars = 0;
for (const file of readdirSync(join(AEB, "html")).sort()) {
  const id = file.replace(/\.html\.gz$/, "");
  if (only && !id.startsWith(only)) continue;
  const gt = truth[id];
  const truthTokensList = tokens(gt.articleBody);
  const truthGrams = new Set(grams(truthTokensList));
  const truthTokens = new Set(truthTokensList);
  const extracted = extractHtmlSync(gunzipSync(readFileSync(join(AEB, "html", file))), { url: gt.url, contentType: "text/html; charset=utf-8" });
  const result = cleanDocument(htmlDocument(extracted, { id, source: id }), pipeline);
  const lines: string[] = [];
  for (const line of result.text.split("\n")) {
    if (!line.trim()) continue;
    if (inTruth(line, truthGrams, truthTokens) < 0.5) {
      lines.push(`  LEAK  ${line.slice(0, 160)}`);
      leakChars += line.length;
      leakByRoute[extracted.meta.route] = (leakByRoute[extracted.meta.route] ?? 0) + line.length;
    }
  }
  for (const removal of result.removals) {
    if (tokens(removal.text).length >= 3 && inTruth(removal.text, truthGrams, truthTokens) >= 0.5) {
      lines.push(`  WRONG ${removal.rule} ${JSON.stringify(removal.features ?? {}).slice(0, 80)} ${removal.text.slice(0, 140)}`);
      wrongByRule[removal.rule] = (wrongByRule[removal.rule] ?? 0) + removal.text.length;
    }
  }
  if (lines.length) console.log(`${id.slice(0, 12)} ${extracted.meta.route} ${gt.url ?? ""}\n${lines.join("\n")}`);
}
console.log(`leaked chars ${leakChars}`, leakByRoute);
console.log("wrongly removed chars by rule", wrongByRule);
