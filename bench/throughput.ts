// Throughput and memory of `chaff clean` on a large JSONL corpus, against the bare
// C4 line rules run over the same records in the same run.
//
//   npm run bench:throughput                      200 MB text corpus, --jobs = cores
//   npm run bench:throughput -- --size 500 --jobs 1
//   npm run bench:throughput -- --flat [--large 2048]   peak RSS on 200 MB and on a larger corpus
//   npm run bench:throughput -- --html            HTML route, --jobs 1 vs --jobs 2
//   npm run bench:throughput -- --size 30 --jobs 1 --baseline /work/base3 [--rounds 3]
//                                                 also runs another checkout's built CLI (its dist/) on the same corpus;
//                                                 --rounds interleaves N rounds of every run and reports the median
//
// CHAFF_BENCH_MB sets the default size. Corpora are generated under bench/.cache/
// (gitignored) from raw/*.txt and ../shared/bench/aeb-dump/*.txt, repeated with varied ids.
import { spawnSync } from "node:child_process";
import { createReadStream, createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { gunzipSync } from "node:zlib";
import { chaffCommand } from "./base-tree.js";
import { c4LineFilter } from "./c4.js";

const ROOT = resolve(import.meta.dirname, "..");
const CACHE = join(ROOT, "bench/.cache");
const SHARED = resolve(ROOT, "../shared/bench");
const MB = 1024 * 1024;

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? undefined : (process.argv[i + 1] ?? "");
}
const has = (name: string) => process.argv.includes(`--${name}`);

interface Corpus {
  path: string;
  bytes: number;
  documents: number;
}

/** Seed texts: the five raw scrapes and the 181 AEB text dumps. */
function seedTexts(): Array<{ name: string; text: string }> {
  const seeds: Array<{ name: string; text: string }> = [];
  for (const dir of [join(ROOT, "raw"), join(SHARED, "aeb-dump")]) {
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).filter((f) => f.endsWith(".txt")).sort()) seeds.push({ name: f.replace(/\.txt$/, ""), text: readFileSync(join(dir, f), "utf8") });
  }
  if (seeds.length === 0) throw new Error("no seed texts found in raw/ or ../shared/bench/aeb-dump/");
  return seeds;
}

/** HTML pages of the AEB benchmark. */
function seedPages(): Array<{ name: string; html: string }> {
  const dir = join(SHARED, "aeb/html");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".html.gz"))
    .sort()
    .map((f) => ({ name: f.replace(/\.html\.gz$/, ""), html: gunzipSync(readFileSync(join(dir, f))).toString("utf8") }));
}

async function generate(kind: "text" | "html", sizeMb: number): Promise<Corpus> {
  mkdirSync(CACHE, { recursive: true });
  const path = join(CACHE, `${kind}-${sizeMb}mb.jsonl`);
  const metaPath = path + ".meta.json";
  if (existsSync(path) && existsSync(metaPath)) return { path, ...JSON.parse(readFileSync(metaPath, "utf8")) };
  const target = sizeMb * MB;
  const out = createWriteStream(path);
  const items = kind === "text" ? seedTexts().map((s) => ({ name: s.name, field: "text", value: s.text })) : seedPages().map((p) => ({ name: p.name, field: "html", value: p.html }));
  let bytes = 0;
  let documents = 0;
  for (let round = 0; bytes < target; round++) {
    for (const item of items) {
      const line = JSON.stringify({ id: `${item.name}-${round}`, [item.field]: item.value, url: `https://example.org/${round}/${item.name}` }) + "\n";
      bytes += Buffer.byteLength(line);
      documents++;
      if (!out.write(line)) await new Promise((r) => out.once("drain", r));
      if (bytes >= target) break;
    }
  }
  await new Promise<void>((r) => out.end(r));
  writeFileSync(metaPath, JSON.stringify({ bytes, documents }));
  return { path, bytes, documents };
}

/** The baseline: read the same JSONL, apply the C4 line rules to each text, write JSONL. One thread. */
async function runC4(corpus: Corpus): Promise<{ seconds: number; filterSeconds: number; cpuSeconds: number }> {
  const out = createWriteStream(join(CACHE, "c4-out.jsonl"));
  const started = performance.now();
  const cpu = process.cpuUsage();
  let filterMs = 0;
  for await (const line of createInterface({ input: createReadStream(corpus.path), crlfDelay: Infinity })) {
    if (!line) continue;
    const record = JSON.parse(line) as { id: string; text: string };
    const t = performance.now();
    const text = c4LineFilter(record.text);
    filterMs += performance.now() - t;
    if (!out.write(JSON.stringify({ id: record.id, text }) + "\n")) await new Promise((r) => out.once("drain", r));
  }
  await new Promise<void>((r) => out.end(r));
  const used = process.cpuUsage(cpu);
  return { seconds: (performance.now() - started) / 1000, filterSeconds: filterMs / 1000, cpuSeconds: (used.user + used.system) / 1e6 };
}

interface ChaffRun {
  seconds: number;
  /** User + system CPU time of the whole process (all threads): robust to other load on the machine. */
  cpuSeconds: number;
  peakRssMb: number;
  exitCode: number;
  stderr: string;
}

/**
 * Runs the built CLI as its `chaff` command does (node flags from its shebang: chaffCommand) under
 * /usr/bin/time -v (peak RSS of the whole process, worker threads included).
 */
function runChaff(corpus: Corpus, jobs: number, extra: string[] = [], tree = ROOT): ChaffRun {
  const out = join(CACHE, "out");
  rmSync(out, { recursive: true, force: true });
  const args = [...chaffCommand(tree), "clean", corpus.path, "--out", out, "--audit", join(CACHE, "out.audit.jsonl"), "--jobs", String(jobs), "--quiet", ...extra];
  const useTime = existsSync("/usr/bin/time");
  const started = performance.now();
  const child = useTime ? spawnSync("/usr/bin/time", ["-v", process.execPath, ...args], { encoding: "utf8" }) : spawnSync(process.execPath, args, { encoding: "utf8" });
  const seconds = (performance.now() - started) / 1000;
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(child.stderr ?? "");
  const user = /User time \(seconds\): ([\d.]+)/.exec(child.stderr ?? "");
  const system = /System time \(seconds\): ([\d.]+)/.exec(child.stderr ?? "");
  const cpuSeconds = user && system ? Number(user[1]) + Number(system[1]) : NaN;
  return { seconds, cpuSeconds, peakRssMb: rss ? Number(rss[1]) / 1024 : NaN, exitCode: child.status ?? -1, stderr: child.stderr ?? "" };
}

function succeeded(run: ChaffRun, what: string): ChaffRun {
  if (run.exitCode !== 0) throw new Error(`${what} exited ${run.exitCode}:\n${run.stderr}`);
  return run;
}

/** The run with the median CPU time (the lower middle of an even count). */
function medianByCpu<T extends { cpuSeconds: number }>(list: T[]): T {
  return [...list].sort((a, b) => a.cpuSeconds - b.cpuSeconds)[(list.length - 1) >> 1];
}

function ensureBuilt(): void {
  if (existsSync(join(ROOT, "dist/bin.cjs")) && existsSync(join(ROOT, "dist/run/worker.js"))) return;
  const build = spawnSync("npm", ["run", "build"], { cwd: ROOT, stdio: "inherit" });
  if (build.status !== 0) throw new Error("build failed");
}

const fmt = (n: number, digits = 1) => n.toFixed(digits);

async function throughput(sizeMb: number, jobs: number): Promise<void> {
  const corpus = await generate("text", sizeMb);
  const mb = corpus.bytes / MB;
  console.log(`corpus: ${corpus.path} (${fmt(mb)} MB, ${corpus.documents} documents)`);
  // Rounds interleave every run (C4, this tree, the baseline), and each figure is the round with the
  // median CPU time: on a shared machine one round of each, one after the other, moves by ±20%.
  const rounds = Math.max(1, Number(flag("rounds") ?? 1));
  const baselineDir = flag("baseline");
  const floorPipeline = ["--pipeline", join(ROOT, "bench/floor-pipeline.json")];
  const runs: { c4: Array<Awaited<ReturnType<typeof runC4>>>; chaff: ChaffRun[]; floor: ChaffRun[]; baseChaff: ChaffRun[]; baseFloor: ChaffRun[] } = { c4: [], chaff: [], floor: [], baseChaff: [], baseFloor: [] };
  for (let round = 0; round < rounds; round++) {
    runs.c4.push(await runC4(corpus));
    runs.chaff.push(succeeded(runChaff(corpus, jobs), "chaff"));
    // The floor: the same run with one cheap stage, i.e. reading, line splitting, applying findings,
    // normalising, writing outputs and the audit, and handing documents to the workers.
    runs.floor.push(succeeded(runChaff(corpus, jobs, floorPipeline), "chaff"));
    // Another checkout's build on the same corpus, run after this tree's, for a before/after in one run.
    if (baselineDir) {
      runs.baseChaff.push(succeeded(runChaff(corpus, jobs, [], resolve(baselineDir)), "baseline chaff"));
      runs.baseFloor.push(succeeded(runChaff(corpus, jobs, floorPipeline, resolve(baselineDir)), "baseline chaff"));
    }
  }
  const c4 = medianByCpu(runs.c4);
  const chaff = medianByCpu(runs.chaff);
  const floor = medianByCpu(runs.floor);
  const baseline = baselineDir ? { chaff: medianByCpu(runs.baseChaff), floor: medianByCpu(runs.baseFloor) } : undefined;
  if (rounds > 1) {
    const cpu = (list: Array<{ cpuSeconds: number }>) => list.map((r) => fmt(r.cpuSeconds, 2)).join(" ");
    console.log(`CPU s by round: C4 ${cpu(runs.c4)}; news ${cpu(runs.chaff)}; floor ${cpu(runs.floor)}${baseline ? `; baseline news ${cpu(runs.baseChaff)}; baseline floor ${cpu(runs.baseFloor)}` : ""} (figures below: the median round of each)`);
  }
  const c4Rate = mb / c4.seconds;
  const chaffPerCore = mb / chaff.seconds / jobs;
  const c4CpuRate = mb / c4.cpuSeconds;
  const chaffCpuRate = mb / chaff.cpuSeconds;
  console.log("| run | jobs | wall s | MB/s | MB/s per core (wall) | CPU s | MB per CPU-second | documents/s | peak RSS MB |");
  console.log("|---|---|---|---|---|---|---|---|---|");
  console.log(`| C4 line rules (read, parse, filter, write) | 1 | ${fmt(c4.seconds)} | ${fmt(c4Rate)} | ${fmt(c4Rate)} | ${fmt(c4.cpuSeconds)} | ${fmt(c4CpuRate)} | ${fmt(corpus.documents / c4.seconds, 0)} | |`);
  console.log(`| C4 line rules, filter alone | 1 | ${fmt(c4.filterSeconds)} | ${fmt(mb / c4.filterSeconds)} | ${fmt(mb / c4.filterSeconds)} | | | ${fmt(corpus.documents / c4.filterSeconds, 0)} | |`);
  console.log(`| chaff clean, news pipeline + audit | ${jobs} | ${fmt(chaff.seconds)} | ${fmt(mb / chaff.seconds)} | ${fmt(chaffPerCore)} | ${fmt(chaff.cpuSeconds)} | ${fmt(chaffCpuRate)} | ${fmt(corpus.documents / chaff.seconds, 0)} | ${fmt(chaff.peakRssMb, 0)} |`);
  console.log(`| chaff clean, floor: one cheap stage (icons) + audit | ${jobs} | ${fmt(floor.seconds)} | ${fmt(mb / floor.seconds)} | ${fmt(mb / floor.seconds / jobs)} | ${fmt(floor.cpuSeconds)} | ${fmt(mb / floor.cpuSeconds)} | ${fmt(corpus.documents / floor.seconds, 0)} | ${fmt(floor.peakRssMb, 0)} |`);
  if (baseline) {
    console.log(`| baseline ${baselineDir}: news pipeline + audit | ${jobs} | ${fmt(baseline.chaff.seconds)} | ${fmt(mb / baseline.chaff.seconds)} | ${fmt(mb / baseline.chaff.seconds / jobs)} | ${fmt(baseline.chaff.cpuSeconds)} | ${fmt(mb / baseline.chaff.cpuSeconds)} | ${fmt(corpus.documents / baseline.chaff.seconds, 0)} | ${fmt(baseline.chaff.peakRssMb, 0)} |`);
    console.log(`| baseline ${baselineDir}: floor + audit | ${jobs} | ${fmt(baseline.floor.seconds)} | ${fmt(mb / baseline.floor.seconds)} | ${fmt(mb / baseline.floor.seconds / jobs)} | ${fmt(baseline.floor.cpuSeconds)} | ${fmt(mb / baseline.floor.cpuSeconds)} | ${fmt(corpus.documents / baseline.floor.seconds, 0)} | ${fmt(baseline.floor.peakRssMb, 0)} |`);
    console.log(`this tree / baseline, MB per CPU-second: news ${fmt(baseline.chaff.cpuSeconds / chaff.cpuSeconds, 2)}x, floor ${fmt(baseline.floor.cpuSeconds / floor.cpuSeconds, 2)}x`);
  }
  console.log(`chaff / C4 (same I/O): ${fmt(chaffPerCore / c4Rate, 2)}x per core of wall time, ${fmt(chaffCpuRate / c4CpuRate, 2)}x per CPU-second (floor without the stages: ${fmt(mb / floor.cpuSeconds / c4CpuRate, 2)}x); load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores`);
}

async function flat(jobs: number, largeMb: number): Promise<void> {
  const rows: Array<[number, ChaffRun, Corpus]> = [];
  for (const size of [200, largeMb]) {
    const corpus = await generate("text", size);
    const run = runChaff(corpus, jobs);
    if (run.exitCode !== 0) throw new Error(`chaff exited ${run.exitCode}:\n${run.stderr}`);
    rows.push([size, run, corpus]);
  }
  console.log("| corpus MB | documents | jobs | seconds | peak RSS MB |");
  console.log("|---|---|---|---|---|");
  for (const [size, run, corpus] of rows) console.log(`| ${size} | ${corpus.documents} | ${jobs} | ${fmt(run.seconds)} | ${fmt(run.peakRssMb, 0)} |`);
  console.log(`peak RSS ${largeMb} MB / 200 MB: ${fmt(rows[1][1].peakRssMb / rows[0][1].peakRssMb, 2)}`);
}

async function html(sizeMb: number): Promise<void> {
  const corpus = await generate("html", sizeMb);
  console.log(`corpus: ${corpus.path} (${fmt(corpus.bytes / MB)} MB, ${corpus.documents} HTML documents)`);
  const html = ["--text-field", "html"];
  const one = runChaff(corpus, 1, html);
  const two = runChaff(corpus, 2, html);
  console.log("| jobs | seconds | documents/s | peak RSS MB |");
  console.log("|---|---|---|---|");
  for (const [jobs, run] of [[1, one], [2, two]] as const) console.log(`| ${jobs} | ${fmt(run.seconds)} | ${fmt(corpus.documents / run.seconds, 0)} | ${fmt(run.peakRssMb, 0)} |`);
  console.log(`--jobs 2 speed-up over --jobs 1: ${fmt(one.seconds / two.seconds, 2)}x`);
}

ensureBuilt();
const jobs = Number(flag("jobs") ?? availableParallelism());
const sizeMb = Number(flag("size") ?? process.env.CHAFF_BENCH_MB ?? 200);
if (has("flat")) await flat(jobs, Number(flag("large") ?? 2048));
else if (has("html")) await html(Number(flag("size") ?? 50));
else await throughput(sizeMb, jobs);
