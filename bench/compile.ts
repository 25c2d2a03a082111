// Start-up cost of the rules: importing the modules (what they build at load: unit tables, a
// table compiled eagerly), loading each pipeline (options checked, stages made) and the first
// document of a one-line text (each stage compiles its rules on first use).
//   npx tsx bench/compile.ts [--baseline OLD_TREE/src] [--rounds N]
// Each tree runs in its own fresh process, turn about, N rounds (default 1); with N > 1 each cell
// is the median and the fastest of the rounds: on a shared machine one process says little.
import { execFileSync } from "node:child_process";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const ROOT = resolve(import.meta.dirname, "..");
const PIPELINES = ["news", "web-text", "html"];

function argValue(flag: string): string | undefined {
  const i = process.argv.indexOf(flag);
  return i === -1 ? undefined : process.argv[i + 1];
}

// CPU time, not wall time: the machine is shared, and waiting for a core is not start-up cost.
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

if (process.argv[2] === "--measure") {
  const src = process.argv[3];
  const row: Record<string, number> = {};
  let started = cpuMs();
  const { loadPipeline } = await import(pathToFileURL(join(src, "run/pipeline-file.ts")).href);
  const { cleanDocument, createDocument } = await import(pathToFileURL(join(src, "core/index.ts")).href);
  row["modules"] = cpuMs() - started;
  for (const name of PIPELINES) {
    started = cpuMs();
    const pipeline = loadPipeline(name);
    row[`${name} load`] = cpuMs() - started;
    started = cpuMs();
    cleanDocument(createDocument({ id: "x", source: "x", raw: "One line.\n" }), pipeline);
    row[`${name} first document`] = cpuMs() - started;
  }
  console.log(JSON.stringify(row));
} else {
  const trees = [["this tree", join(ROOT, "src")], ...(argValue("--baseline") ? [["baseline", resolve(argValue("--baseline")!)]] : [])];
  const rounds = Number(argValue("--rounds") ?? 1);
  const runs: Array<Array<Record<string, number>>> = trees.map(() => []);
  for (let round = 0; round < rounds; round++)
    trees.forEach(([, src], t) => runs[t].push(JSON.parse(execFileSync(process.execPath, ["--import", "tsx", import.meta.filename, "--measure", src], { encoding: "utf8" }))));
  const cell = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    return rounds === 1 ? sorted[0].toFixed(1) : `${sorted[(sorted.length - 1) >> 1].toFixed(1)} (${sorted[0].toFixed(1)})`;
  };
  const width = rounds === 1 ? 10 : 16;
  if (rounds > 1) console.log(`CPU ms: median (fastest) of ${rounds} rounds`);
  console.log(["CPU ms".padEnd(26), ...trees.map(([label]) => label.padStart(width))].join(" "));
  for (const key of Object.keys(runs[0][0])) console.log([key.padEnd(26), ...runs.map((r) => cell(r.map((row) => row[key])).padStart(width))].join(" "));
}
