// What the corpus stages buy on real pages: cleanportaleval's plain-text dumps (69 pages of 4
// sites) as one JSONL with their URLs, cleaned with `news` and with `news-corpus` in the same
// run, each page's output scored against the set's gold with score-sets.mjs's metric.
//   npx tsx bench/corpus-f1.ts [--set DIR]   (needs a build: npm run build)
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "..");
const setFlag = process.argv.indexOf("--set");
const SET = setFlag === -1 ? resolve(ROOT, "../shared/bench/cleanportaleval") : resolve(process.argv[setFlag + 1]!);
type Accumulated = { pSum: number; pN: number; rSum: number; rN: number };
const { scoreSet } = (await import(resolve(SET, "../score-sets.mjs"))) as { scoreSet: (gt: unknown, outDir: string) => Accumulated };
/** score-sets.mjs's page means: precision over pages with output, recall over pages with gold. */
function prf(a: Accumulated): { p: number; r: number; f1: number } {
  const p = a.pN ? a.pSum / a.pN : 0;
  const r = a.rN ? a.rSum / a.rN : 0;
  return { p, r, f1: p + r > 0 ? (2 * p * r) / (p + r) : 0 };
}

const gold = JSON.parse(readFileSync(join(SET, "ground-truth.json"), "utf8")) as Record<string, { articleBody: string; url: string }>;
const work = mkdtempSync(join(tmpdir(), "chaff-corpus-f1-"));
const input = join(work, "pages.jsonl");
const ids = readdirSync(join(SET, "dump")).filter((f) => f.endsWith(".txt")).map((f) => f.slice(0, -4)).sort();
writeFileSync(input, ids.map((id) => JSON.stringify({ id, url: gold[id]?.url, text: readFileSync(join(SET, "dump", `${id}.txt`), "utf8") })).join("\n") + "\n");

console.log(`${ids.length} pages of ${new Set(ids.map((id) => new URL(gold[id]!.url).hostname.replace(/^www\./, ""))).size} sites (hosts without www.), ${SET}`);
console.log("| pipeline | F1 | P | R |\n|---|---|---|---|");
for (const pipeline of ["news", "news-corpus"]) {
  const out = join(work, pipeline);
  execFileSync(process.execPath, [join(ROOT, "dist/cli.js"), "clean", input, "--out", out, "--pipeline", pipeline, "--jobs", "1", "-q"], { stdio: ["ignore", "ignore", "inherit"] });
  // One text per page, as score-sets reads them; a page left out as a near-duplicate has none (scored as empty).
  const pages = join(work, `${pipeline}-pages`);
  mkdirSync(pages);
  for (const line of readFileSync(join(out, "pages.jsonl"), "utf8").split("\n").filter(Boolean)) {
    const record = JSON.parse(line) as { id: string; text: string };
    writeFileSync(join(pages, `${record.id}.txt`), record.text);
  }
  const score = prf(scoreSet(gold, pages));
  console.log(`| ${pipeline} | ${score.f1.toFixed(3)} | ${score.p.toFixed(3)} | ${score.r.toFixed(3)} |`);
}
rmSync(work, { recursive: true, force: true });
