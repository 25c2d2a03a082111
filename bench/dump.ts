// Whole-page text dumps (AEB pages as a naive scraper saves them): chaff's `web-text`
// pipeline against two baselines measured in the same run, the dumps as they are and
// C4's line rules. Prints F1 / precision / recall from the benchmark's own scorer, and
// documents per second for chaff and C4.
// usage: npm run bench:dump [-- --pipeline NAME|PATH] [--keep DIR]
import { execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { cleanDocument, createDocument } from "../src/core/index.js";
import { loadPipeline } from "../src/run/pipeline-file.js";
import { c4LineFilter } from "./c4.js";

const { values: args } = parseArgs({
  options: { pipeline: { type: "string", default: "web-text" }, keep: { type: "string" } },
});
const DUMPS = resolve("../shared/bench/aeb-dump");
const GROUND_TRUTH = resolve("../shared/bench/aeb/ground-truth.json");
const SCORER = resolve("../shared/bench/score-aeb.mjs");

const files = readdirSync(DUMPS).filter((f) => f.endsWith(".txt")).sort();
const pages = files.map((f) => ({ id: basename(f, ".txt"), source: join(DUMPS, f), raw: readFileSync(join(DUMPS, f), "utf8") }));
const root = args.keep ? resolve(args.keep) : mkdtempSync(join(tmpdir(), "chaff-dump-"));

interface Row { name: string; f1: string; precision: string; recall: string; docsPerSecond?: number }

function score(name: string, dir: string): Row {
  const out = execFileSync(process.execPath, [SCORER, GROUND_TRUTH, dir], { encoding: "utf8" });
  const m = /f1 ([\d.]+) precision ([\d.]+) recall ([\d.]+)/u.exec(out);
  if (!m) throw new Error(`scorer gave no figures for ${name}: ${out}`);
  return { name, f1: m[1], precision: m[2], recall: m[3] };
}

/** Pages cleaned untimed first, so that both timings are of warm code (JIT, lazy tables). */
const WARM_UP_PAGES = 20;

/** Runs `clean` over every page into `root/name`, timing only the cleaning. */
function run(name: string, clean: (page: (typeof pages)[number]) => string): { dir: string; docsPerSecond: number } {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  for (const page of pages.slice(0, WARM_UP_PAGES)) clean(page);
  const outputs: string[] = [];
  const began = process.hrtime.bigint();
  for (const page of pages) outputs.push(clean(page));
  const seconds = Number(process.hrtime.bigint() - began) / 1e9;
  pages.forEach((page, i) => writeFileSync(join(dir, page.id + ".txt"), outputs[i]));
  return { dir, docsPerSecond: pages.length / seconds };
}

const pipeline = loadPipeline(args.pipeline);
const asIs = run("as-is", (page) => page.raw);
const c4 = run("c4", (page) => c4LineFilter(page.raw));
const chaff = run("chaff", (page) => cleanDocument(createDocument({ id: page.id, source: page.source, raw: page.raw }), pipeline).text);

const rows: Row[] = [
  score("dumps as they are", asIs.dir),
  { ...score("C4 line rules", c4.dir), docsPerSecond: c4.docsPerSecond },
  { ...score(`chaff (${pipeline.name})`, chaff.dir), docsPerSecond: chaff.docsPerSecond },
];
console.log(`AEB whole-page dumps: ${pages.length} pages`);
console.log("| method | F1 | precision | recall | docs/s |");
console.log("|---|---|---|---|---|");
for (const r of rows) console.log(`| ${r.name} | ${r.f1} | ${r.precision} | ${r.recall} | ${r.docsPerSecond ? r.docsPerSecond.toFixed(0) : "-"} |`);
console.log(`chaff is ${(chaff.docsPerSecond / c4.docsPerSecond).toFixed(3)}x the speed of C4's line rules (same run)`);
if (args.keep) console.log(`outputs kept in ${root}`);
else rmSync(root, { recursive: true, force: true });
