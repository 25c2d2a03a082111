// How `chaff report` scales: a synthetic audit of N removals (default 1,000,000)
// over documents of 10 removals each, 30 rules with a skewed share. Compares the
// report against a baseline measured in the same run on the same file: reading
// it with readline and JSON.parse of every line, the least any streaming reader
// does. Each measurement runs in its own process so peak memory is its own.
//   npx tsx bench/report-scale.ts [removals]
import { execFileSync } from "node:child_process";
import { createReadStream, createWriteStream } from "node:fs";
import { rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

const RULES = Array.from({ length: 30 }, (_, i) => `family${i % 6}/rule-${i}`);
const REMOVALS_PER_DOC = 10;

async function generate(path: string, removals: number): Promise<void> {
  const out = createWriteStream(path);
  const write = (line: string) => (out.write(line) ? Promise.resolve() : new Promise<void>((r) => out.once("drain", () => r())));
  let seed = 1;
  const next = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let d = 0; d * REMOVALS_PER_DOC < removals; d++) {
    const doc = `doc-${String(d).padStart(7, "0")}`;
    const counts: Record<string, number> = {};
    let removed = 0;
    for (let k = 0; k < REMOVALS_PER_DOC; k++) {
      const rule = RULES[Math.floor(next() ** 3 * RULES.length)]; // skewed: a few rules dominate
      const text = "Share this article on social media ".slice(0, 8 + Math.floor(next() * 28));
      const start = k * 200;
      counts[rule] = (counts[rule] ?? 0) + 1;
      removed += text.length;
      await write(JSON.stringify({ type: "removal", doc, source: `corpus/${doc}.txt`, rule, stage: rule.split("/")[0], reason: "synthetic", start, end: start + text.length, line: k * 3 + 1, column: 1, text }) + "\n");
    }
    await write(JSON.stringify({ type: "document", doc, source: `corpus/${doc}.txt`, output: `out/${doc}.txt`, pipeline: "news", chars: { in: 4000, out: 4000 - removed, removed }, removals: counts, edits: {}, meta: {} }) + "\n");
  }
  await new Promise<void>((r) => out.end(() => r()));
}

async function child(mode: string, audit: string): Promise<void> {
  const { writeReport } = await import("../src/report/report.js"); // loaded before the clock starts, in both modes
  const started = process.hrtime.bigint();
  let detail = "";
  if (mode === "baseline") {
    let n = 0;
    for await (const line of createInterface({ input: createReadStream(audit, "utf8"), crlfDelay: Infinity })) if (JSON.parse(line)) n++;
    detail = `${n} records`;
  } else {
    const html = join(tmpdir(), "chaff-bench-report.html");
    const s = await writeReport(audit, html, { sourcesDir: tmpdir() });
    detail = `${s.removals} removals, ${s.fragments.length} fragments embedded, html ${((await stat(html)).size / 1e6).toFixed(2)} MB`;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  process.stdout.write(JSON.stringify({ seconds, maxRssMb: process.resourceUsage().maxRSS / 1024, detail }));
}

async function main(): Promise<void> {
  if (process.argv[2] === "--child") return child(process.argv[3], process.argv[4]);
  const removals = Number(process.argv[2] ?? 1_000_000);
  const audit = join(tmpdir(), `chaff-bench-audit-${removals}.jsonl`);
  await generate(audit, removals);
  const size = (await stat(audit)).size;
  const run = (mode: string) =>
    JSON.parse(execFileSync(process.execPath, ["--import", "tsx", fileURLToPath(import.meta.url), "--child", mode, audit], { encoding: "utf8", maxBuffer: 1 << 20 })) as { seconds: number; maxRssMb: number; detail: string };
  const baseline = run("baseline");
  const report = run("report");
  console.log(`audit: ${removals} removals, ${(size / 1e6).toFixed(0)} MB`);
  console.log(`baseline (readline + JSON.parse): ${baseline.seconds.toFixed(2)} s, peak RSS ${baseline.maxRssMb.toFixed(0)} MB (${baseline.detail})`);
  console.log(`chaff report:                     ${report.seconds.toFixed(2)} s, peak RSS ${report.maxRssMb.toFixed(0)} MB (${report.detail})`);
  console.log(`ratio report/baseline: time ${(report.seconds / baseline.seconds).toFixed(2)}x, peak RSS ${(report.maxRssMb / baseline.maxRssMb).toFixed(2)}x`);
  await rm(audit, { force: true });
}

await main();
