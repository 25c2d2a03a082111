// The Article Extraction Benchmark, chaff against Readability.js alone, in one run.
//   npm run bench:aeb [-- --limit N] [--keep DIR] [--only chaff|readability]
// Cleans ../shared/bench/aeb/html/*.html.gz with the full chaff route (extract, stages,
// normalise) and with Readability.js on jsdom (its textContent), scores both with the
// benchmark's metric, and prints F1, precision, recall and pages/second (one process,
// one core; reading and gunzip are done before the clocks start; the two routes
// alternate page by page so they share the machine's load).
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { gunzipSync } from "node:zlib";
import { cleanDocument } from "../src/core/stage.js";
import { extractHtmlSync, htmlDocument } from "../src/extract/html.js";
import { loadPipeline } from "../src/run/pipeline-file.js";
import { readabilityFailureCount, readabilityRoute, runRoutes, type Route as RouteOf } from "./routes.js";

const SHARED = resolve("../shared/bench");
const AEB = join(SHARED, "aeb");
const GROUND_TRUTH = join(AEB, "ground-truth.json");
const SCORER = join(SHARED, "score-aeb.mjs");
/** Pages run untimed first so both routes are measured with a warm JIT. */
const WARMUP_PAGES = 5;

interface Page {
  id: string;
  url?: string;
  bytes: Buffer;
}

interface RouteResult {
  name: string;
  f1: number;
  precision: number;
  recall: number;
  pagesPerSecond: number;
}

function argValue(flag: string): string | undefined {
  const i = process.argv.indexOf(flag);
  return i === -1 ? undefined : process.argv[i + 1];
}

function loadPages(limit: number | undefined): Page[] {
  const truth = JSON.parse(readFileSync(GROUND_TRUTH, "utf8")) as Record<string, { url?: string }>;
  const files = readdirSync(join(AEB, "html")).filter((f) => f.endsWith(".html.gz")).sort();
  return files.slice(0, limit).map((file) => {
    const id = file.slice(0, -".html.gz".length);
    return { id, url: truth[id]?.url, bytes: gunzipSync(readFileSync(join(AEB, "html", file))) };
  });
}

function chaffRoute(): (page: Page) => string {
  const pipeline = loadPipeline(argValue("--pipeline") ?? "html");
  return (page) => {
    const extracted = extractHtmlSync(page.bytes, { url: page.url, contentType: "text/html; charset=utf-8" });
    return cleanDocument(htmlDocument(extracted, { id: page.id, source: page.id }), pipeline).text;
  };
}


type Route = RouteOf<Page>;

function finish(route: Route, pages: Page[], outDir: string): RouteResult {
  mkdirSync(outDir, { recursive: true });
  for (const [id, text] of route.texts) writeFileSync(join(outDir, `${id}.txt`), text);
  return { name: route.name, ...score(outDir, pages), pagesPerSecond: pages.length / route.seconds };
}

/** Runs the benchmark's scorer on the pages we ran (all of them unless --limit). */
function score(outDir: string, pages: Page[]): { f1: number; precision: number; recall: number } {
  let truthPath = GROUND_TRUTH;
  const all = JSON.parse(readFileSync(GROUND_TRUTH, "utf8")) as Record<string, unknown>;
  if (pages.length < Object.keys(all).length) {
    truthPath = join(outDir, "..", "ground-truth.subset.json");
    writeFileSync(truthPath, JSON.stringify(Object.fromEntries(pages.map((p) => [p.id, all[p.id]]))));
  }
  const output = execFileSync(process.execPath, [SCORER, truthPath, outDir], { encoding: "utf8" });
  const figure = (key: string) => Number(new RegExp(`${key} ([\\d.]+)`).exec(output)?.[1] ?? NaN);
  return { f1: figure("f1"), precision: figure("precision"), recall: figure("recall") };
}

async function main(): Promise<void> {
  const limit = argValue("--limit") ? Number(argValue("--limit")) : undefined;
  const only = argValue("--only");
  const keep = argValue("--keep");
  const root = keep ? resolve(keep) : mkdtempSync(join(tmpdir(), "chaff-aeb-"));
  const pages = loadPages(limit);
  const results: RouteResult[] = [];
  try {
    const routes: Route[] = [];
    if (only !== "readability") routes.push({ name: "chaff (html pipeline)", run: chaffRoute(), texts: new Map(), seconds: 0 });
    if (only !== "chaff") routes.push({ name: "Readability.js + jsdom", run: readabilityRoute, texts: new Map(), seconds: 0 });
    await runRoutes(routes, pages, WARMUP_PAGES);
    for (const route of routes) results.push(finish(route, pages, join(root, route.name.startsWith("chaff") ? "chaff" : "readability")));
  } finally {
    if (!keep) rmSync(root, { recursive: true, force: true });
  }
  console.log(`AEB: ${pages.length} pages, node ${process.version}, one process`);
  console.log("| route | F1 | precision | recall | pages/s |");
  console.log("|---|---|---|---|---|");
  for (const r of results) {
    console.log(`| ${r.name} | ${r.f1.toFixed(3)} | ${r.precision.toFixed(3)} | ${r.recall.toFixed(3)} | ${r.pagesPerSecond.toFixed(1)} |`);
  }
  if (results.length === 2) console.log(`speed ratio chaff / Readability.js: ${(results[0].pagesPerSecond / results[1].pagesPerSecond).toFixed(2)}x`);
  if (readabilityFailureCount()) console.log(`Readability.js threw on ${readabilityFailureCount()} pages (scored as empty)`);
  if (keep) console.log(`outputs kept in ${root}`);
}

await main();
