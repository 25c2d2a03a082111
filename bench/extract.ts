// HTML extraction on every benchmark set of ../shared/bench, chaff against its peers, in one run.
//   npm run bench:extract [-- --sets aeb,dragnet] [--limit N] [--keep DIR] [--base ../base] [--no-peers] [--pipeline html-precision] [--whole-process [--rounds 3] [--one-core]]
// For each set with html/ and ground-truth.json: chaff's HTML route (extract, html pipeline,
// normalise), Readability.js alone on jsdom (its textContent) and, with `--base DIR`, chaff
// as checked out in DIR (the speed and score baseline) run page by page in alternating order
// so they share the machine's load; trafilatura 2.2 from ../shared/peers when its Debian
// Python packages import (outputs cached under bench/.cache/<set>/trafilatura, keyed by set).
// Scored with score-sets.mjs's metric: per set F1, P, R, empty outputs, pages/s; then the
// dataset-macro and page-weighted means. With --whole-process, each set is also cleaned by whole
// processes timed back to back, in alternating order: `chaff clean DIR --jobs 1` (the built CLI, its
// start-up included), trafilatura's run-py-peer.py (interpreter and imports included) and, with
// --base, the base tree's built CLI; with --one-core each of them pinned to the first CPU
// (`taskset -c 0`: its compiler and collector threads then share that core with it, as on a
// machine with one core per job). Per-page scores go to bench/.cache/<set>/scores.json
// for `bench/extract-diff.ts SET`.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { gunzipSync } from "node:zlib";
import { cleanDocument } from "../src/core/stage.js";
import type { Pipeline } from "../src/core/stage.js";
import { extractHtmlSync, htmlDocument } from "../src/extract/html.js";
import { withKeepComments } from "../src/core/route-options.js";
import { loadPipeline } from "../src/run/pipeline-file.js";
import { chaffCommand, routeOptionsPath } from "./base-tree.js";
import { readabilityFailureCount, readabilityRoute, runRoutes, type Route as RouteOf } from "./routes.js";

export const SHARED_BENCH = resolve("../shared/bench");
const PEERS = resolve("../shared/peers");
export const CACHE = resolve("bench/.cache");
const WARMUP_PAGES = 3;

/**
 * Sets whose annotation keeps the readers' comments as content: chaff runs them with
 * `--keep-comments`. Dragnet's guidelines keep comments; CleanEval cleans whole pages,
 * comments included. (CleanPortalEval's gold leaves comments out: its blog pages' comment
 * threads are not in it.)
 */
export const KEEP_COMMENTS_SETS: Record<string, string> = {
  dragnet: "Dragnet's gold keeps user comments (163 of the 500 pages have some)",
  "cleaneval-dev": "CleanEval cleans the whole page, comments included",
};

export interface Page {
  id: string;
  url?: string;
  bytes: Buffer;
  gold: string;
}

export function benchSets(): string[] {
  return readdirSync(SHARED_BENCH)
    .filter((name) => existsSync(join(SHARED_BENCH, name, "html")) && existsSync(join(SHARED_BENCH, name, "ground-truth.json")))
    .sort();
}

export function loadSet(set: string, limit?: number): Page[] {
  const dir = join(SHARED_BENCH, set);
  const truth = JSON.parse(readFileSync(join(dir, "ground-truth.json"), "utf8")) as Record<string, { articleBody: string; url?: string }>;
  const ids = Object.keys(truth).sort().slice(0, limit);
  return ids.map((id) => ({ id, url: truth[id].url, gold: truth[id].articleBody, bytes: gunzipSync(readFileSync(join(dir, "html", `${id}.html.gz`))) }));
}

/** chaff's whole HTML route on one page, with the `html` pipeline (or `pipelineName`). */
export function chaffRoute(set: string, pipelineName = "html"): (page: Page) => string {
  const keepComments = set in KEEP_COMMENTS_SETS;
  const pipeline: Pipeline = withKeepComments(loadPipeline(pipelineName), keepComments);
  return (page) => {
    const extracted = extractHtmlSync(page.bytes, { url: page.url });
    return cleanDocument(htmlDocument(extracted, { id: page.id, source: page.id }), pipeline).text;
  };
}

/** chaff as checked out in another folder (e.g. ../base, main before this change), loaded from its sources; the same --keep-comments sets as chaff's own route. */
async function baseRoute(baseDir: string): Promise<(set: string) => (page: Page) => string> {
  const root = resolve(baseDir);
  const html = await import(join(root, "src/extract/html.ts"));
  const stage = await import(join(root, "src/core/stage.ts"));
  const pipelines = await import(join(root, "src/run/pipeline-file.ts"));
  const options = await import(routeOptionsPath(root));
  return (set) => {
    const pipeline = options.withKeepComments(pipelines.loadPipeline("html"), set in KEEP_COMMENTS_SETS);
    return (page) => {
    const extracted = html.extractHtmlSync(page.bytes, { url: page.url });
    return stage.cleanDocument(html.htmlDocument(extracted, { id: page.id, source: page.id }), pipeline).text as string;
    };
  };
}


type Route = RouteOf<Page>;

/** The peers run with Debian's Python and its lxml; without them the peer rows are skipped. */
function peersUsable(): string | undefined {
  if (!existsSync(join(PEERS, "run-py-peer.py"))) return `${PEERS} not found`;
  try {
    execFileSync("/usr/bin/python3", ["-c", "import lxml, trafilatura"], { env: { ...process.env, PYTHONPATH: join(PEERS, "python") }, stdio: "pipe" });
    return undefined;
  } catch {
    return "Debian's python3-lxml and friends are not importable (see ../shared/peers/README.md)";
  }
}

/** trafilatura's outputs for a set, run once and cached: bench/.cache/<set>/trafilatura/<id>.txt and its stats. */
export function trafilaturaOutputs(set: string, pages: Page[]): { dir: string; pagesPerSecond: number } {
  const dir = join(CACHE, set, "trafilatura");
  const statsFile = join(dir, "stats.json");
  const missing = pages.filter((p) => !existsSync(join(dir, `${p.id}.txt`)));
  if (missing.length || !existsSync(statsFile)) {
    const htmlDir = join(CACHE, set, "html");
    rmSync(htmlDir, { recursive: true, force: true });
    mkdirSync(htmlDir, { recursive: true });
    // The whole set, so the cache holds for any --limit.
    for (const page of loadSet(set)) writeFileSync(join(htmlDir, `${page.id}.html`), page.bytes);
    mkdirSync(dir, { recursive: true });
    const out = execFileSync("/usr/bin/python3", [join(PEERS, "run-py-peer.py"), "trafilatura", htmlDir, dir], {
      env: { ...process.env, PYTHONPATH: join(PEERS, "python") },
      encoding: "utf8",
      maxBuffer: 64 << 20,
    });
    const line = out.trim().split("\n").pop() ?? "{}";
    writeFileSync(statsFile, line);
    rmSync(htmlDir, { recursive: true, force: true });
  }
  const stats = JSON.parse(readFileSync(statsFile, "utf8")) as { pages_per_s?: number };
  return { dir, pagesPerSecond: Number(stats.pages_per_s ?? NaN) };
}

// The benchmark metric, as score-sets.mjs computes it (imported so both stay one).
const scorer = (await import(join(SHARED_BENCH, "score-sets.mjs"))) as {
  scorePage: (pred: string, gold: string) => { p?: number; r?: number; empty: boolean };
};

export interface SetScore {
  pages: number;
  p: number;
  r: number;
  f1: number;
  empty: number;
  perPage: Record<string, { p?: number; r?: number; f1: number }>;
}

export function scoreTexts(pages: Page[], textOf: (id: string) => string): SetScore {
  let pSum = 0, pN = 0, rSum = 0, rN = 0, empty = 0;
  const perPage: SetScore["perPage"] = {};
  for (const page of pages) {
    const { p, r, empty: isEmpty } = scorer.scorePage(textOf(page.id), page.gold);
    if (isEmpty) empty++;
    if (p !== undefined) { pSum += p; pN++; }
    if (r !== undefined) { rSum += r; rN++; }
    const pp = p ?? 0, rr = r ?? 0;
    perPage[page.id] = { p, r, f1: pp + rr > 0 ? (2 * pp * rr) / (pp + rr) : 0 };
  }
  const P = pN ? pSum / pN : 0, R = rN ? rSum / rN : 0;
  return { pages: pages.length, p: P, r: R, f1: P + R > 0 ? (2 * P * R) / (P + R) : 0, empty, perPage };
}

function argValue(flag: string): string | undefined {
  const i = process.argv.indexOf(flag);
  return i === -1 ? undefined : process.argv[i + 1];
}

interface Row { set: string; route: string; score: SetScore; pagesPerSecond: number }

/**
 * Whole processes on one set's pages, back to back, alternating which goes first each round: wall
 * seconds and CPU seconds (user + system of the process and its threads, from /usr/bin/time) per tool.
 */
function wholeProcessTimes(set: string, pages: Page[], rounds: number, base: string | undefined, withPeer: boolean, oneCore: boolean): Array<{ tool: string; wall: number[]; cpu: number[] }> {
  const dir = mkdtempSync(join(tmpdir(), `chaff-whole-${set}-`));
  try {
    const input = join(dir, "html");
    mkdirSync(input);
    for (const page of pages) writeFileSync(join(input, `${page.id}.html`), page.bytes);
    const cli = (root: string) => [process.execPath, ...chaffCommand(root), "clean", input, "--jobs", "1", "--quiet", "--pipeline", "html"];
    const keepComments = set in KEEP_COMMENTS_SETS ? ["--keep-comments"] : [];
    const tools: Array<{ tool: string; argv: (out: string) => string[]; env?: NodeJS.ProcessEnv }> = [
      { tool: "chaff", argv: (out) => [...cli(resolve(".")), ...keepComments, "--out", out] },
    ];
    if (base) tools.push({ tool: `chaff at ${base}`, argv: (out) => [...cli(resolve(base)), ...keepComments, "--out", out] });
    if (withPeer) tools.push({ tool: "trafilatura 2.2", argv: (out) => ["/usr/bin/python3", join(PEERS, "run-py-peer.py"), "trafilatura", input, out], env: { ...process.env, PYTHONPATH: join(PEERS, "python") } });
    const times = tools.map((t) => ({ tool: t.tool, wall: [] as number[], cpu: [] as number[] }));
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 === 0 ? tools.map((_, i) => i) : tools.map((_, i) => tools.length - 1 - i);
      for (const i of order) {
        const out = join(dir, `out-${round}-${i}`);
        const started = performance.now();
        const pinned = oneCore ? ["taskset", "-c", "0"] : [];
        const run = spawnSync("/usr/bin/time", ["-f", "cpu %U %S", ...pinned, ...tools[i].argv(out)], { env: tools[i].env ?? process.env, stdio: ["ignore", "ignore", "pipe"], encoding: "utf8", maxBuffer: 64 << 20 });
        times[i].wall.push((performance.now() - started) / 1000);
        const cpu = /cpu ([\d.]+) ([\d.]+)\s*$/.exec(run.stderr);
        if (run.status !== 0 || !cpu) throw new Error(`${tools[i].tool} on ${set}: exit ${run.status}: ${run.stderr.slice(-500)}`);
        times[i].cpu.push(Number(cpu[1]) + Number(cpu[2]));
        rmSync(out, { recursive: true, force: true });
      }
    }
    return times;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const limit = argValue("--limit") ? Number(argValue("--limit")) : undefined;
  const sets = argValue("--sets")?.split(",") ?? benchSets();
  const keep = argValue("--keep");
  const base = argValue("--base");
  // `--pipeline html-precision` measures a --favor preset (pipelines/html-precision.json).
  const pipelineName = argValue("--pipeline") ?? "html";
  const peerProblem = process.argv.includes("--no-peers") ? "--no-peers" : peersUsable();
  const root = keep ? resolve(keep) : mkdtempSync(join(tmpdir(), "chaff-extract-"));
  const rows: Row[] = [];
  const wholeRounds = process.argv.includes("--whole-process") ? Number(argValue("--rounds") ?? 3) : 0;
  const oneCore = process.argv.includes("--one-core");
  const whole: Array<{ set: string; pages: number; tool: string; wall: number[]; cpu: number[] }> = [];
  const baseRun = base ? await baseRoute(base) : undefined;
  try {
    for (const set of sets) {
      const pages = loadSet(set, limit);
      const routes: Route[] = [
        { name: "chaff", run: chaffRoute(set, pipelineName), texts: new Map(), seconds: 0 },
        { name: "Readability.js", run: readabilityRoute, texts: new Map(), seconds: 0 },
      ];
      if (baseRun) routes.push({ name: `chaff at ${base}`, run: baseRun(set), texts: new Map(), seconds: 0 });
      await runRoutes(routes, pages, WARMUP_PAGES);
      for (const route of routes) {
        const score = scoreTexts(pages, (id) => route.texts.get(id) ?? "");
        rows.push({ set, route: route.name, score, pagesPerSecond: pages.length / route.seconds });
        if (keep) {
          const dir = join(root, set, route.name.replace(/[^\w.-]+/g, "_"));
          mkdirSync(dir, { recursive: true });
          for (const [id, text] of route.texts) writeFileSync(join(dir, `${id}.txt`), text);
        }
      }
      if (!peerProblem) {
        const peer = trafilaturaOutputs(set, pages);
        const score = scoreTexts(pages, (id) => (existsSync(join(peer.dir, `${id}.txt`)) ? readFileSync(join(peer.dir, `${id}.txt`), "utf8") : ""));
        rows.push({ set, route: "trafilatura 2.2", score, pagesPerSecond: peer.pagesPerSecond });
      }
      if (wholeRounds) for (const t of wholeProcessTimes(set, pages, wholeRounds, base, !peerProblem, oneCore)) whole.push({ set, pages: pages.length, ...t });
      mkdirSync(join(CACHE, set), { recursive: true });
      const perRoute = Object.fromEntries(rows.filter((r) => r.set === set).map((r) => [r.route, r.score.perPage]));
      writeFileSync(join(CACHE, set, "scores.json"), JSON.stringify(perRoute));
    }
  } finally {
    if (!keep) rmSync(root, { recursive: true, force: true });
  }
  const routeNames = [...new Set(rows.map((r) => r.route))];
  console.log(`bench:extract: ${sets.join(", ")}${limit ? ` (first ${limit} pages each)` : ""}, node ${process.version}, one process`);
  console.log(`chaff runs with --keep-comments on: ${sets.filter((s) => s in KEEP_COMMENTS_SETS).join(", ") || "none"}`);
  if (peerProblem) console.log(`trafilatura skipped: ${peerProblem}`);
  console.log("| set | pages | route | F1 | P | R | empty | pages/s |");
  console.log("|---|---|---|---|---|---|---|---|");
  for (const r of rows) {
    console.log(`| ${r.set} | ${r.score.pages} | ${r.route} | ${r.score.f1.toFixed(3)} | ${r.score.p.toFixed(3)} | ${r.score.r.toFixed(3)} | ${r.score.empty} | ${r.pagesPerSecond.toFixed(1)} |`);
  }
  console.log("| route | dataset-macro F1 | page-weighted F1 |");
  console.log("|---|---|---|");
  for (const name of routeNames) {
    const mine = rows.filter((r) => r.route === name);
    const macro = mine.reduce((a, r) => a + r.score.f1, 0) / mine.length;
    const pages = mine.reduce((a, r) => a + r.score.pages, 0);
    // Page-weighted: P and R pooled over all pages, as score-sets.mjs does.
    const P = mine.reduce((a, r) => a + r.score.p * r.score.pages, 0) / pages;
    const R = mine.reduce((a, r) => a + r.score.r * r.score.pages, 0) / pages;
    console.log(`| ${name} | ${macro.toFixed(3)} | ${((2 * P * R) / (P + R)).toFixed(3)} |`);
  }
  if (baseRun) {
    const mineSeconds = rows.filter((r) => r.route === "chaff").reduce((a, r) => a + r.score.pages / r.pagesPerSecond, 0);
    const baseSeconds = rows.filter((r) => r.route === `chaff at ${base}`).reduce((a, r) => a + r.score.pages / r.pagesPerSecond, 0);
    console.log(`speed: chaff takes ${(mineSeconds / baseSeconds).toFixed(2)}x the time per page of chaff at ${base} (same run, interleaved)`);
  }
  if (whole.length) {
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    console.log(`whole processes, back to back, ${wholeRounds} rounds in alternating order (median)${oneCore ? ", each pinned to one core (taskset -c 0)" : ""}: chaff clean DIR --jobs 1 (start-up included); trafilatura's run-py-peer.py (interpreter and imports included)`);
    console.log("| set | pages | tool | wall s | pages/s | CPU s | pages per CPU-s |");
    console.log("|---|---|---|---|---|---|---|");
    for (const w of whole) console.log(`| ${w.set} | ${w.pages} | ${w.tool} | ${median(w.wall).toFixed(2)} | ${(w.pages / median(w.wall)).toFixed(1)} | ${median(w.cpu).toFixed(2)} | ${(w.pages / median(w.cpu)).toFixed(1)} |`);
  }
  if (readabilityFailureCount()) console.log(`Readability.js threw on ${readabilityFailureCount()} pages (scored as empty)`);
  if (keep) console.log(`outputs kept in ${root}`);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve("bench/extract.ts")) await main();
