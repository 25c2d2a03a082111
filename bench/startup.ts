// How long chaff takes to start: the median of 5 whole-process runs, interleaved, of
// `chaff --version`, `chaff clean` of one small text file and of one HTML page, with
// `node -e 0` (the floor no Node CLI beats) measured in the same rounds.
//
//   npm run build && npx tsx bench/startup.ts [--rounds 5] [--base ../base]
//
// With --base, the same commands of another built checkout run in the same rounds, so
// the figures compare on a machine whose load changes.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chaffCommand } from "./base-tree.js";

const ROOT = resolve(import.meta.dirname, "..");
const arg = (name: string) => (process.argv.includes(`--${name}`) ? process.argv[process.argv.indexOf(`--${name}`) + 1] : undefined);
const rounds = Number(arg("rounds") ?? 5);
const trees: Array<[string, string]> = [["chaff", ROOT]];
if (arg("base")) trees.push(["base", resolve(arg("base")!)]);

const dir = mkdtempSync(join(tmpdir(), "chaff-startup-"));
writeFileSync(join(dir, "one.txt"), "Email Print\nThe talks went on, its head said.\n");
writeFileSync(join(dir, "one.html"), readFileSync(join(ROOT, "test/fixtures/html/blocks.html")));

let out = 0;
const commands: Array<{ name: string; argv: (cli: string[]) => string[] }> = [
  { name: "--version", argv: (cli) => [...cli, "--version"] },
  { name: "clean one.txt", argv: (cli) => [...cli, "clean", join(dir, "one.txt"), "--out", join(dir, `out${++out}`), "--quiet"] },
  { name: "clean one.html", argv: (cli) => [...cli, "clean", join(dir, "one.html"), "--out", join(dir, `out${++out}`), "--quiet"] },
];
const entry = chaffCommand;

/** Wall seconds, and CPU seconds (user + system, all threads) as /usr/bin/time counts them: on a loaded machine wall times are noise. */
function seconds(argv: string[]): { wall: number; cpu: number } {
  const t = performance.now();
  const run = spawnSync("/usr/bin/time", ["-f", "cpu %U %S", process.execPath, ...argv], { encoding: "utf8" });
  const wall = (performance.now() - t) / 1000;
  const cpu = /cpu ([\d.]+) ([\d.]+)\s*$/.exec(run.stderr);
  if (run.status !== 0 || !cpu) throw new Error(`${argv.join(" ")}: exit ${run.status}: ${run.stderr}`);
  return { wall, cpu: Number(cpu[1]) + Number(cpu[2]) };
}

const times = new Map<string, Array<{ wall: number; cpu: number }>>();
const add = (key: string, s: { wall: number; cpu: number }) => times.set(key, [...(times.get(key) ?? []), s]);
for (let round = 0; round < rounds; round++) {
  add("node -e 0", seconds(["-e", "0"]));
  for (const command of commands) for (const [tree, root] of trees) add(`${tree} ${command.name}`, seconds(command.argv(entry(root))));
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`median of ${rounds} runs, seconds (interleaved rounds): wall, and CPU (user + system)`);
for (const [key, xs] of times) console.log(`${key.padEnd(24)} ${median(xs.map((x) => x.wall)).toFixed(3)}  ${median(xs.map((x) => x.cpu)).toFixed(2)}`);
