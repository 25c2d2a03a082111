// How much faster can two jobs be than one on this machine? Runs the same work once alone,
// then twice at the same time in two separate OS processes (no shared heap, no pool), and
// prints the ratio: the ceiling for `--jobs 2` over `--jobs 1`, whatever chaff's pool does.
//
//   npx tsx bench/parallel.ts [--pages 90]
//
// Work: the HTML route (decode, prestrip, jsdom, Readability, blocks, the html pipeline) over
// AEB pages; for reference, a pure arithmetic loop and an allocation loop.
import { spawn } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join, resolve } from "node:path";
import { gunzipSync } from "node:zlib";

const ROOT = resolve(import.meta.dirname, "..");
const AEB = resolve(ROOT, "../shared/bench/aeb/html");
const arg = (name: string) => (process.argv.includes(`--${name}`) ? process.argv[process.argv.indexOf(`--${name}`) + 1] : undefined);

type Kind = "html" | "arithmetic" | "allocation";

/** One job: returns its wall seconds (after loading, before exit). */
async function job(kind: Kind, pages: number): Promise<number> {
  if (kind === "arithmetic") {
    const t = performance.now();
    let x = 0;
    for (let i = 0; i < 1.5e9; i++) x = (x + i * 7) ^ (x >>> 3);
    if (x === 0.5) console.log(x);
    return (performance.now() - t) / 1000;
  }
  if (kind === "allocation") {
    const t = performance.now();
    let keep: Array<{ a: number; b: string }> = [];
    for (let r = 0; r < 20; r++) {
      keep = [];
      for (let i = 0; i < 1e6; i++) keep.push({ a: i, b: "s" + (i & 255) });
    }
    if (keep.length === 0) console.log(keep);
    return (performance.now() - t) / 1000;
  }
  const { extractHtmlSync, htmlDocument } = await import("../src/extract/html.js");
  const { cleanDocument } = await import("../src/core/stage.js");
  const { loadPipeline } = await import("../src/run/pipeline-file.js");
  const pipeline = loadPipeline("html");
  const files = readdirSync(AEB).filter((f) => f.endsWith(".html.gz")).sort().slice(0, pages);
  const inputs = files.map((f) => gunzipSync(readFileSync(join(AEB, f))));
  const t = performance.now();
  inputs.forEach((html, i) => cleanDocument(htmlDocument(extractHtmlSync(html), { id: String(i), source: files[i] }), pipeline));
  return (performance.now() - t) / 1000;
}

function runJobs(kind: Kind, pages: number, count: number): Promise<number[]> {
  return Promise.all(
    Array.from({ length: count }, () =>
      new Promise<number>((done, fail) => {
        const child = spawn(process.execPath, [...process.execArgv, process.argv[1], "--job", kind, "--pages", String(pages)], { stdio: ["ignore", "pipe", "inherit"] });
        let out = "";
        child.stdout.on("data", (d) => (out += d));
        child.on("close", (code) => (code === 0 ? done(Number(out.trim())) : fail(new Error(`${kind} job exited ${code}`))));
      }),
    ),
  );
}

const jobKind = arg("job") as Kind | undefined;
const pages = Number(arg("pages") ?? 90);
if (jobKind) {
  console.log(await job(jobKind, pages));
} else {
  console.log(`${availableParallelism()} cores; each job runs alone, then two run at once in separate processes`);
  console.log("| work | one job alone, s | two at once, s each | two jobs' speed-up over one |");
  console.log("|---|---|---|---|");
  for (const kind of ["arithmetic", "allocation", "html"] as const) {
    const [alone] = await runJobs(kind, pages, 1);
    const both = await runJobs(kind, pages, 2);
    const slowest = Math.max(...both);
    console.log(`| ${kind === "html" ? `HTML route, ${pages} AEB pages` : kind} | ${alone.toFixed(2)} | ${both.map((s) => s.toFixed(2)).join(", ")} | ${((2 * alone) / slowest).toFixed(2)}× |`);
  }
}
