// Where chaff loses to its best peer on one set, page by page:
//   npx tsx bench/extract-diff.ts SET [--top N] [--page ID] [--limit N]
// Runs chaff's HTML route on the set's pages, scores each page, and compares with the best peer
// of the last `npm run bench:extract` (bench/.cache/SET/scores.json: Readability.js, trafilatura).
// Prints the N pages where chaff's F1 is furthest below the best peer's: the choice recorded
// in metadata.extraction, the gold lines chaff missed (and whether extraction left them out or
// a rule removed them, with the rule), and the lines chaff kept that are not in the gold.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { cleanDocument } from "../src/core/stage.js";
import { extractHtmlSync, htmlDocument } from "../src/extract/html.js";
import { withKeepComments } from "../src/core/route-options.js";
import { loadPipeline } from "../src/run/pipeline-file.js";
import { CACHE, KEEP_COMMENTS_SETS, loadSet, scoreTexts } from "./extract.js";

const arg = (flag: string) => (process.argv.includes(flag) ? process.argv[process.argv.indexOf(flag) + 1] : undefined);
const set = process.argv[2];
if (!set || set.startsWith("--")) {
  console.error("usage: extract-diff.ts SET [--top N] [--page ID] [--limit N]");
  process.exit(2);
}
const top = Number(arg("--top") ?? 15);
const only = arg("--page");
const pages = loadSet(set, arg("--limit") ? Number(arg("--limit")) : undefined).filter((p) => !only || p.id.startsWith(only));
const scoresFile = join(CACHE, set, "scores.json");
const peers = existsSync(scoresFile) ? (JSON.parse(readFileSync(scoresFile, "utf8")) as Record<string, Record<string, { f1: number }>>) : {};
const pipeline = withKeepComments(loadPipeline("html"), set in KEEP_COMMENTS_SETS);

const tokens = (s: string) => s.toLowerCase().match(/[\p{L}\p{N}\p{M}_]+/gu) ?? [];
const grams = (t: string[]) => {
  const out: string[] = [];
  for (let i = 0; i + 4 <= t.length; i++) out.push(t.slice(i, i + 4).join(" "));
  return out.length ? out : [t.join(" ")];
};
/** Share of a line's 4-grams found in `text`'s 4-grams. */
function share(line: string, other: Set<string>): number {
  const g = grams(tokens(line));
  return g.filter((x) => other.has(x)).length / g.length;
}
const gramSet = (text: string) => new Set(grams(tokens(text)));

interface Report { id: string; f1: number; peer: string; peerF1: number; lines: string[] }
const reports: Report[] = [];
for (const page of pages) {
  const extracted = extractHtmlSync(page.bytes, { url: page.url });
  const result = cleanDocument(htmlDocument(extracted, { id: page.id, source: page.id }), pipeline);
  const f1 = scoreTexts([page], () => result.text).perPage[page.id].f1;
  let peer = "", peerF1 = -1;
  for (const [name, perPage] of Object.entries(peers)) {
    if (name.startsWith("chaff")) continue;
    const score = perPage[page.id]?.f1 ?? -1;
    if (score > peerF1) [peer, peerF1] = [name, score];
  }
  const goldGrams = gramSet(page.gold);
  const keptGrams = gramSet(result.text);
  const lines: string[] = [`  extraction ${JSON.stringify(extracted.meta.extraction ?? {})}`];
  for (const removal of result.removals) {
    if (tokens(removal.text).length < 3 || share(removal.text, goldGrams) < 0.5 || share(removal.text, keptGrams) >= 0.5) continue;
    lines.push(`  MISSED ${removal.rule} ${removal.text.slice(0, 150)}`);
  }
  for (const line of page.gold.split("\n")) {
    if (tokens(line).length >= 3 && share(line, keptGrams) < 0.5 && !extracted.raw.includes(line.trim().slice(0, 40))) lines.push(`  MISSED (not in raw) ${line.trim().slice(0, 150)}`);
  }
  for (const line of result.text.split("\n")) {
    if (tokens(line).length && share(line, goldGrams) < 0.5) lines.push(`  KEPT  ${line.slice(0, 150)}`);
  }
  reports.push({ id: page.id, f1, peer, peerF1, lines });
}
reports.sort((a, b) => b.peerF1 - b.f1 - (a.peerF1 - a.f1));
for (const r of reports.slice(0, top)) {
  console.log(`${r.id} chaff ${r.f1.toFixed(3)} ${r.peer || "no peer"} ${r.peerF1.toFixed(3)} ${pages.find((p) => p.id === r.id)?.url ?? ""}`);
  console.log(r.lines.slice(0, 40).join("\n"));
}
const mean = scoreTexts(pages, () => "").pages;
console.log(`${set}: ${mean} pages; chaff below its best peer on ${reports.filter((r) => r.f1 < r.peerF1).length}`);
