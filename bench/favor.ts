// The --favor presets on every benchmark set of ../shared/bench, against the `html` pipeline they
// change: each page is extracted once and cleaned with each pipeline, so the figures differ only
// by the stages. Scored as bench:extract scores (scoreTexts), the same --keep-comments sets.
//   npx tsx bench/favor.ts [--sets aeb,dragnet] [--limit N] [--pipelines html,html-precision,html-recall]
import { cleanDocument, type Pipeline } from "../src/core/stage.js";
import { extractHtmlSync, htmlDocument } from "../src/extract/html.js";
import { withKeepComments } from "../src/core/route-options.js";
import { loadPipeline } from "../src/run/pipeline-file.js";
import { benchSets, KEEP_COMMENTS_SETS, loadSet, scoreTexts, type SetScore } from "./extract.js";

function argValue(flag: string): string | undefined {
  const i = process.argv.indexOf(flag);
  return i === -1 ? undefined : process.argv[i + 1];
}

const sets = argValue("--sets")?.split(",") ?? benchSets();
const limit = argValue("--limit") ? Number(argValue("--limit")) : undefined;
const names = (argValue("--pipelines") ?? "html,html-precision,html-recall").split(",");
const rows: Array<{ set: string; pipeline: string; score: SetScore }> = [];
for (const set of sets) {
  const pages = loadSet(set, limit);
  const pipelines: Pipeline[] = names.map((name) => withKeepComments(loadPipeline(name), set in KEEP_COMMENTS_SETS));
  const texts = names.map(() => new Map<string, string>());
  for (const page of pages) {
    const extracted = extractHtmlSync(page.bytes, { url: page.url });
    pipelines.forEach((pipeline, i) => texts[i].set(page.id, cleanDocument(htmlDocument(extracted, { id: page.id, source: page.id }), pipeline).text));
  }
  names.forEach((name, i) => rows.push({ set, pipeline: name, score: scoreTexts(pages, (id) => texts[i].get(id) ?? "") }));
}
console.log(`bench/favor.ts: ${sets.join(", ")}${limit ? ` (first ${limit} pages each)` : ""}; --keep-comments on ${sets.filter((s) => s in KEEP_COMMENTS_SETS).join(", ") || "none"}`);
console.log("| set | pages | pipeline | F1 | P | R |");
console.log("|---|---|---|---|---|---|");
for (const r of rows) console.log(`| ${r.set} | ${r.score.pages} | ${r.pipeline} | ${r.score.f1.toFixed(3)} | ${r.score.p.toFixed(3)} | ${r.score.r.toFixed(3)} |`);
console.log("| pipeline | dataset-macro F1 | page-weighted F1 (P, R) |");
console.log("|---|---|---|");
for (const name of names) {
  const mine = rows.filter((r) => r.pipeline === name);
  const pages = mine.reduce((a, r) => a + r.score.pages, 0);
  const P = mine.reduce((a, r) => a + r.score.p * r.score.pages, 0) / pages;
  const R = mine.reduce((a, r) => a + r.score.r * r.score.pages, 0) / pages;
  console.log(`| ${name} | ${(mine.reduce((a, r) => a + r.score.f1, 0) / mine.length).toFixed(3)} | ${((2 * P * R) / (P + R)).toFixed(3)} (P ${P.toFixed(3)}, R ${R.toFixed(3)}) |`);
}
