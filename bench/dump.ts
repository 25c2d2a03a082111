// Whole-page text dumps (each page's visible text as a naive scraper saves it): chaff's
// `web-text` pipeline against two baselines measured in the same run, the dumps as they are
// and C4's line rules, on every set of ../shared/bench with dumps (AEB's are in aeb-dump/).
// Prints F1 / precision / recall per set with the benchmark's own metric, the page-weighted
// mean over the sets, and documents per second for chaff and C4. Sets whose annotation keeps
// readers' comments (dragnet, CleanEval) run with --keep-comments, as on the HTML route.
// Per-page F1 goes to bench/.cache/dump/<set>.json for `bench/dump-diff.ts SET`.
//   npm run bench:dump [-- --sets aeb,dragnet] [--limit N] [--pipeline NAME|PATH] [--base DIR] [--keep DIR]
// `--base DIR` also runs chaff as checked out in DIR (e.g. /work/base2) in the same run.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import type { Pipeline } from "../src/core/stage.js";
import { cleanDocument, createDocument } from "../src/core/index.js";
import { withKeepComments } from "../src/core/route-options.js";
import { loadPipeline } from "../src/run/pipeline-file.js";
import { routeOptionsPath } from "./base-tree.js";
import { c4LineFilter } from "./c4.js";

export const SHARED_BENCH = resolve(import.meta.dirname, "../../shared/bench");
export const DUMP_CACHE = resolve(import.meta.dirname, ".cache/dump");

/**
 * Sets whose annotation keeps the readers' comments as content: chaff runs them with
 * `--keep-comments` (the same sets as bench:extract's KEEP_COMMENTS_SETS).
 */
export const KEEP_COMMENTS_DUMP_SETS: ReadonlySet<string> = new Set(["dragnet", "cleaneval-dev"]);

export interface DumpPage {
  id: string;
  source: string;
  raw: string;
  gold: string;
}

/** The sets with dumps: `aeb` (dumps in aeb-dump/) and every SET/dump/ with a ground-truth.json. */
export function dumpSets(): string[] {
  const sets = readdirSync(SHARED_BENCH)
    .filter((name) => existsSync(join(SHARED_BENCH, name, "dump")) && existsSync(join(SHARED_BENCH, name, "ground-truth.json")))
    .sort();
  return existsSync(join(SHARED_BENCH, "aeb-dump")) ? ["aeb", ...sets] : sets;
}

export function loadDumpSet(set: string, limit?: number): DumpPage[] {
  const dumps = set === "aeb" ? join(SHARED_BENCH, "aeb-dump") : join(SHARED_BENCH, set, "dump");
  const truth = JSON.parse(readFileSync(join(SHARED_BENCH, set, "ground-truth.json"), "utf8")) as Record<string, { articleBody: string }>;
  const files = readdirSync(dumps).filter((f) => f.endsWith(".txt")).sort().slice(0, limit);
  return files.map((f) => {
    const id = basename(f, ".txt");
    return { id, source: join(dumps, f), raw: readFileSync(join(dumps, f), "utf8"), gold: truth[id]?.articleBody ?? "" };
  });
}

/** The web-text pipeline as bench:dump runs it on `set` (with --keep-comments where the gold keeps comments). */
export function dumpPipeline(set: string, name = "web-text", load = loadPipeline, keep = withKeepComments): Pipeline {
  return keep(load(name), KEEP_COMMENTS_DUMP_SETS.has(set));
}

// The benchmark metric, as score-sets.mjs computes it (imported so both stay one).
const scorer = (await import(pathToFileURL(join(SHARED_BENCH, "score-sets.mjs")).href)) as {
  scorePage: (pred: string, gold: string) => { p?: number; r?: number; empty: boolean };
};

export interface Scores { pages: number; p: number; r: number; f1: number; perPage: Record<string, number> }

export function scoreDumps(pages: readonly DumpPage[], texts: readonly string[]): Scores {
  let pSum = 0, pN = 0, rSum = 0, rN = 0;
  const perPage: Record<string, number> = {};
  pages.forEach((page, i) => {
    const { p, r } = scorer.scorePage(texts[i], page.gold);
    if (p !== undefined) { pSum += p; pN++; }
    if (r !== undefined) { rSum += r; rN++; }
    const pp = p ?? 0, rr = r ?? 0;
    perPage[page.id] = pp + rr > 0 ? (2 * pp * rr) / (pp + rr) : 0;
  });
  const p = pN ? pSum / pN : 0, r = rN ? rSum / rN : 0;
  return { pages: pages.length, p, r, f1: p + r > 0 ? (2 * p * r) / (p + r) : 0, perPage };
}

/** Pages cleaned untimed first, so that timings are of warm code (JIT, lazy tables). */
const WARM_UP_PAGES = 10;

interface Method { name: string; clean: (page: DumpPage) => string; seconds: number; timed: boolean }

/** Runs every method over the pages, page by page in turn, so they share the machine's load alike. */
function runMethods(methods: Method[], pages: readonly DumpPage[]): string[][] {
  for (const m of methods) for (const page of pages.slice(0, WARM_UP_PAGES)) m.clean(page);
  const outputs = methods.map(() => [] as string[]);
  for (const page of pages) {
    methods.forEach((m, k) => {
      const began = process.hrtime.bigint();
      outputs[k].push(m.clean(page));
      m.seconds += Number(process.hrtime.bigint() - began) / 1e9;
    });
  }
  return outputs;
}

async function main(): Promise<void> {
  const { values: args } = parseArgs({
    options: {
      pipeline: { type: "string", default: "web-text" },
      sets: { type: "string" },
      limit: { type: "string" },
      base: { type: "string" },
      keep: { type: "string" },
    },
  });
  const sets = args.sets?.split(",") ?? dumpSets();
  const limit = args.limit ? Number(args.limit) : undefined;
  const base = args.base ? resolve(args.base) : undefined;
  const baseModules = base
    ? {
        core: await import(pathToFileURL(join(base, "src/core/index.ts")).href),
        pipelines: await import(pathToFileURL(join(base, "src/run/pipeline-file.ts")).href),
        options: await import(pathToFileURL(routeOptionsPath(base)).href),
      }
    : undefined;
  const root = args.keep ? resolve(args.keep) : undefined;
  const rows: { set: string; method: string; scores: Scores; seconds: number }[] = [];
  for (const set of sets) {
    const pages = loadDumpSet(set, limit);
    const pipeline = dumpPipeline(set, args.pipeline);
    const methods: Method[] = [
      { name: "dumps as they are", clean: (page) => page.raw, seconds: 0, timed: false },
      { name: "C4 line rules", clean: (page) => c4LineFilter(page.raw), seconds: 0, timed: true },
      { name: `chaff ${pipeline.name}`, clean: (page) => cleanDocument(createDocument({ id: page.id, source: page.source, raw: page.raw }), pipeline).text, seconds: 0, timed: true },
    ];
    if (baseModules) {
      const basePipeline = dumpPipeline(set, args.pipeline, baseModules.pipelines.loadPipeline, baseModules.options.withKeepComments);
      const { cleanDocument: baseClean, createDocument: baseCreate } = baseModules.core;
      methods.push({ name: `chaff at ${args.base}`, clean: (page) => baseClean(baseCreate({ id: page.id, source: page.source, raw: page.raw }), basePipeline).text, seconds: 0, timed: true });
    }
    const outputs = runMethods(methods, pages);
    methods.forEach((m, k) => {
      rows.push({ set, method: m.name, scores: scoreDumps(pages, outputs[k]), seconds: m.timed ? m.seconds : NaN });
      if (root) {
        const dir = join(root, set, m.name.replace(/[^\w.-]+/g, "_"));
        mkdirSync(dir, { recursive: true });
        pages.forEach((page, i) => writeFileSync(join(dir, `${page.id}.txt`), outputs[k][i]));
      }
    });
    mkdirSync(DUMP_CACHE, { recursive: true });
    const perMethod = Object.fromEntries(rows.filter((r) => r.set === set).map((r) => [r.method, r.scores.perPage]));
    writeFileSync(join(DUMP_CACHE, `${set}.json`), JSON.stringify(perMethod));
  }
  console.log(`bench:dump: ${sets.join(", ")}${limit ? ` (first ${limit} pages each)` : ""}; --keep-comments on ${sets.filter((s) => KEEP_COMMENTS_DUMP_SETS.has(s)).join(", ") || "none"}`);
  console.log("| set | pages | method | F1 | P | R | docs/s |");
  console.log("|---|---|---|---|---|---|---|");
  for (const r of rows) {
    const speed = Number.isNaN(r.seconds) ? "-" : (r.scores.pages / r.seconds).toFixed(0);
    console.log(`| ${r.set} | ${r.scores.pages} | ${r.method} | ${r.scores.f1.toFixed(3)} | ${r.scores.p.toFixed(3)} | ${r.scores.r.toFixed(3)} | ${speed} |`);
  }
  console.log("| method | page-weighted F1 | P | R |");
  console.log("|---|---|---|---|");
  for (const name of [...new Set(rows.map((r) => r.method))]) {
    const mine = rows.filter((r) => r.method === name);
    const pages = mine.reduce((a, r) => a + r.scores.pages, 0);
    // Page-weighted: P and R pooled over all pages, as score-sets.mjs does.
    const P = mine.reduce((a, r) => a + r.scores.p * r.scores.pages, 0) / pages;
    const R = mine.reduce((a, r) => a + r.scores.r * r.scores.pages, 0) / pages;
    console.log(`| ${name} | ${((2 * P * R) / (P + R)).toFixed(4)} | ${P.toFixed(3)} | ${R.toFixed(3)} |`);
  }
  // The issue's own figure: the same mean without AEB, the set web-text was built on.
  const others = rows.filter((r) => r.set !== "aeb" && r.method.startsWith("chaff ") && !r.method.startsWith("chaff at "));
  if (others.length && others.length < rows.filter((r) => r.method === others[0].method).length) {
    const pages = others.reduce((a, r) => a + r.scores.pages, 0);
    console.log(`chaff without aeb: page-weighted mean of the sets' F1 ${(others.reduce((a, r) => a + r.scores.f1 * r.scores.pages, 0) / pages).toFixed(3)} over ${pages} pages`);
  }
  const time = (method: (name: string) => boolean) => rows.filter((r) => method(r.method)).reduce((a, r) => a + r.seconds, 0);
  const chaffTime = time((name) => name.startsWith("chaff ") && !name.startsWith("chaff at "));
  console.log(`chaff takes ${(chaffTime / time((name) => name === "C4 line rules")).toFixed(1)}x the time of C4's line rules per page (same run)`);
  if (base) console.log(`chaff takes ${(chaffTime / time((name) => name.startsWith("chaff at "))).toFixed(2)}x the time of chaff at ${args.base} (same run, interleaved)`);
  if (root) console.log(`outputs kept in ${root}`);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.dirname, "dump.ts")) await main();
