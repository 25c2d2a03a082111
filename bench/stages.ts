// Where the text route spends its time: runs cleanDocument over the seed texts
// (raw/ and the AEB dumps) and prints MB per CPU-second for the whole pipeline,
// for the per-document base alone (no stages), and for each stage alone on that base.
// With --profile it runs only the whole pipeline, for `node --cpu-prof --import tsx bench/stages.ts --profile`.
//
//   npx tsx bench/stages.ts [--pipeline news] [--rounds 5]
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { cleanDocument, createDocument, type Pipeline } from "../src/core/index.js";
import { loadPipeline } from "../src/run/pipeline-file.js";
import { auditLines } from "../src/write/audit.js";

const ROOT = resolve(import.meta.dirname, "..");
const flag = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? undefined : process.argv[i + 1];
};
const rounds = Number(flag("rounds") ?? 5);
const pipeline = loadPipeline(flag("pipeline") ?? "news");

const texts: string[] = [];
for (const dir of [join(ROOT, "raw"), resolve(ROOT, "../shared/bench/aeb-dump")])
  for (const f of readdirSync(dir).filter((f) => f.endsWith(".txt")).sort()) texts.push(readFileSync(join(dir, f), "utf8"));
const mb = texts.reduce((n, t) => n + Buffer.byteLength(t), 0) / (1024 * 1024);

function cpuRate(p: Pipeline): number {
  let sink = 0;
  // one warm-up round so the JIT has settled
  for (let r = -1; r < rounds; r++) {
    if (r === 0) var cpu = process.cpuUsage();
    for (let i = 0; i < texts.length; i++) {
      const result = cleanDocument(createDocument({ id: `d${i}`, source: `d${i}.txt`, raw: texts[i] }), p);
      sink += auditLines(result, `out/d${i}.txt`, p.name).length;
    }
  }
  const used = process.cpuUsage(cpu!);
  if (sink < 0) console.log(sink);
  return (mb * rounds) / ((used.user + used.system) / 1e6);
}

const fmt = (n: number) => n.toFixed(1);
console.log(`${texts.length} texts, ${fmt(mb)} MB, ${rounds} rounds, pipeline ${pipeline.name}`);
if (process.argv.includes("--profile")) {
  console.log(`whole pipeline: ${fmt(cpuRate(pipeline))} MB per CPU-second`);
} else {
  console.log("| run | MB per CPU-second |");
  console.log("|---|---|");
  console.log(`| whole pipeline | ${fmt(cpuRate(pipeline))} |`);
  console.log(`| base (lines, apply, normaliser, audit; no stages) | ${fmt(cpuRate({ ...pipeline, stages: [] }))} |`);
  for (const stage of pipeline.stages) console.log(`| ${stage.name} alone | ${fmt(cpuRate({ ...pipeline, stages: [stage] }))} |`);
}
