// Start-up cost of the rules: loading each pipeline (options checked, stages made) and the
// first document of a one-line text (each stage compiles its rules on first use).
//   npx tsx bench/compile.ts [--baseline OLD_TREE/src]
// Each tree runs in its own fresh process, so neither profits from the other's warm modules.
import { execFileSync } from "node:child_process";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const ROOT = resolve(import.meta.dirname, "..");
const PIPELINES = ["news", "web-text", "html"];

function argValue(flag: string): string | undefined {
  const i = process.argv.indexOf(flag);
  return i === -1 ? undefined : process.argv[i + 1];
}

if (process.argv[2] === "--measure") {
  const src = process.argv[3];
  const { loadPipeline } = await import(pathToFileURL(join(src, "run/pipeline-file.ts")).href);
  const { cleanDocument, createDocument } = await import(pathToFileURL(join(src, "core/index.ts")).href);
  const row: Record<string, number> = {};
  // CPU time, not wall time: the machine is shared, and waiting for a core is not start-up cost.
  const cpuMs = () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  };
  for (const name of PIPELINES) {
    let started = cpuMs();
    const pipeline = loadPipeline(name);
    row[`${name} load`] = cpuMs() - started;
    started = cpuMs();
    cleanDocument(createDocument({ id: "x", source: "x", raw: "One line.\n" }), pipeline);
    row[`${name} first document`] = cpuMs() - started;
  }
  console.log(JSON.stringify(row));
} else {
  const trees = [["this tree", join(ROOT, "src")], ...(argValue("--baseline") ? [["baseline", resolve(argValue("--baseline")!)]] : [])];
  const rows = trees.map(([label, src]) => ({ label, ms: JSON.parse(execFileSync(process.execPath, ["--import", "tsx", import.meta.filename, "--measure", src], { encoding: "utf8" })) as Record<string, number> }));
  const keys = Object.keys(rows[0].ms);
  console.log(["CPU ms".padEnd(26), ...rows.map((r) => r.label.padStart(10))].join(" "));
  for (const key of keys) console.log([key.padEnd(26), ...rows.map((r) => r.ms[key].toFixed(1).padStart(10))].join(" "));
}
