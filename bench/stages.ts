// Where the text route spends its time: runs cleanDocument over the seed texts
// (raw/ and the AEB dumps) and prints MB per CPU-second for the whole pipeline,
// for the per-document base alone (no stages), and for each stage alone on that base.
// With --profile it runs only the whole pipeline, for `node --cpu-prof --import tsx bench/stages.ts --profile`.
// With --baseline DIR it measures an older source tree in the same run, turn about with
// this one, and prints both and their ratio (DIR holds its src/ and pipelines/, e.g.
// `mkdir -p bench/.cache/base && git archive main src pipelines | tar -x -C bench/.cache/base`).
//
//   npx tsx bench/stages.ts [--pipeline news] [--rounds 5] [--baseline DIR]
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import * as current from "../src/core/index.js";
import type { Pipeline } from "../src/core/index.js";
import { loadPipeline } from "../src/run/pipeline-file.js";
import { auditLines } from "../src/write/audit.js";

const ROOT = resolve(import.meta.dirname, "..");
const flag = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? undefined : process.argv[i + 1];
};
const rounds = Number(flag("rounds") ?? 5);
const pipelineName = flag("pipeline") ?? "news";

const texts: string[] = [];
for (const dir of [join(ROOT, "raw"), resolve(ROOT, "../shared/bench/aeb-dump")])
  for (const f of readdirSync(dir).filter((f) => f.endsWith(".txt")).sort()) texts.push(readFileSync(join(dir, f), "utf8"));
const mb = texts.reduce((n, t) => n + Buffer.byteLength(t), 0) / (1024 * 1024);

/** One source tree's entry points. */
interface Tree {
  core: Pick<typeof current, "cleanDocument" | "createDocument">;
  audit: typeof auditLines;
  pipeline: Pipeline;
}

async function loadTree(dir: string): Promise<Tree> {
  const at = (path: string) => pathToFileURL(join(resolve(dir), path)).href;
  const core = await import(at("src/core/index.ts"));
  const { auditLines: audit } = await import(at("src/write/audit.ts"));
  const { loadPipeline: load } = await import(at("src/run/pipeline-file.ts"));
  return { core, audit, pipeline: load(pipelineName) };
}

/** MB per CPU-second of the fastest of `rounds` rounds (after a warm-up round): other load on the machine only slows rounds down. */
function cpuRate(tree: Tree, p: Pipeline): number {
  let sink = 0;
  let best = Infinity;
  for (let r = -1; r < rounds; r++) {
    const cpu = process.cpuUsage();
    for (let i = 0; i < texts.length; i++) {
      const result = tree.core.cleanDocument(tree.core.createDocument({ id: `d${i}`, source: `d${i}.txt`, raw: texts[i] }), p);
      sink += tree.audit(result, `out/d${i}.txt`, p.name).length;
    }
    const used = process.cpuUsage(cpu);
    if (r >= 0) best = Math.min(best, (used.user + used.system) / 1e6);
  }
  if (sink < 0) console.log(sink);
  return mb / best;
}

const fmt = (n: number) => n.toFixed(1);
const tree: Tree = { core: current, audit: auditLines, pipeline: loadPipeline(pipelineName) };
const baselineDir = flag("baseline");
const baseline = baselineDir ? await loadTree(baselineDir) : undefined;

/** The runs: whole pipeline, no stages, each stage alone (by position, so both trees run the same stage). */
const runs = (p: Pipeline): Array<[string, Pipeline]> => [
  ["whole pipeline", p],
  ["base (lines, apply, normaliser, audit; no stages)", { ...p, stages: [] }],
  ...p.stages.map((stage): [string, Pipeline] => [`${stage.name} alone`, { ...p, stages: [stage] }]),
];

console.log(`${texts.length} texts, ${fmt(mb)} MB, ${rounds} rounds, pipeline ${pipelineName}`);
if (process.argv.includes("--profile")) {
  console.log(`whole pipeline: ${fmt(cpuRate(tree, tree.pipeline))} MB per CPU-second`);
} else if (!baseline) {
  console.log("| run | MB per CPU-second |");
  console.log("|---|---|");
  for (const [name, p] of runs(tree.pipeline)) console.log(`| ${name} | ${fmt(cpuRate(tree, p))} |`);
} else {
  console.log(`| run | baseline (${baselineDir}) | this tree | ratio |`);
  console.log("|---|---|---|---|");
  const before = runs(baseline.pipeline);
  for (const [i, [name, p]] of runs(tree.pipeline).entries()) {
    // Turn about, twice each, best of each: whichever runs first in a process is not favoured.
    let old = 0;
    let now = 0;
    for (let turn = 0; turn < 2; turn++) {
      old = Math.max(old, cpuRate(baseline, before[i][1]));
      now = Math.max(now, cpuRate(tree, p));
    }
    console.log(`| ${name} | ${fmt(old)} | ${fmt(now)} | ${(now / old).toFixed(2)}x |`);
  }
}
