// How long chaff takes to start: the median of 5 whole-process runs, interleaved, of
// `chaff --version`, `chaff clean` of one small text file and of one HTML page, with
// `node -e 0` (the floor no Node CLI beats) measured in the same rounds.
//
//   npm run build && npx tsx bench/startup.ts [--rounds 5] [--base ../base]
//
// With --base, the same commands of another built checkout run in the same rounds, so
// the figures compare on a machine whose load changes.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

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
/** The command as its bin runs it (dist/bin.js and its shebang's flag), or dist/cli.js in a tree from before bin.js. */
const entry = (root: string): string[] => (existsSync(join(root, "dist/bin.js")) ? ["--no-regexp-tier-up", join(root, "dist/bin.js")] : [join(root, "dist/cli.js")]);

function seconds(argv: string[]): number {
  const t = performance.now();
  const run = spawnSync(process.execPath, argv, { encoding: "utf8" });
  if (run.status !== 0) throw new Error(`${argv.join(" ")}: exit ${run.status}: ${run.stderr}`);
  return (performance.now() - t) / 1000;
}

const times = new Map<string, number[]>();
const add = (key: string, s: number) => times.set(key, [...(times.get(key) ?? []), s]);
for (let round = 0; round < rounds; round++) {
  add("node -e 0", seconds(["-e", "0"]));
  for (const command of commands) for (const [tree, root] of trees) add(`${tree} ${command.name}`, seconds(command.argv(entry(root))));
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`median of ${rounds} runs, seconds (interleaved rounds)`);
for (const [key, xs] of times) console.log(`${key.padEnd(24)} ${median(xs).toFixed(3)}`);
