// Cost of the corpus stages: a JSONL corpus with planted site templates (menus and
// footers repeated on a site's pages) and planted near-duplicates (copies with ~1.5% of
// their words changed), cleaned with `news` and with `news-corpus` in the same run.
// Prints MB/s per core of each, what the corpus passes add, and peak RSS (GNU time).
//
//   npm run bench:corpus                 200 MB
//   npm run bench:corpus -- --size 2048  2 GB
import { spawnSync } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { chaffCommand } from "./base-tree.js";

const ROOT = resolve(import.meta.dirname, "..");
const CACHE = join(ROOT, "bench/.cache/corpus");
const MB = 1024 * 1024;
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : process.argv[i + 1]!;
};
const sizeMb = Number(arg("size", "200"));

function seeds(): string[] {
  const dirs = [join(ROOT, "raw"), resolve(ROOT, "../shared/bench/aeb-dump"), resolve(ROOT, "../shared/bench/dragnet/dump")];
  return dirs.filter(existsSync).flatMap((d) => readdirSync(d).filter((f) => f.endsWith(".txt")).sort().map((f) => readFileSync(join(d, f), "utf8")));
}

async function generate(path: string): Promise<{ documents: number; copies: number }> {
  // Paragraphs of real pages, drawn at random into documents, so that documents are not copies of each other by accident.
  const paragraphs = seeds().flatMap((t) => t.split("\n").filter((l) => l.trim().length > 40));
  const made: string[] = [];
  const out = createWriteStream(path);
  let bytes = 0;
  let documents = 0;
  let copies = 0;
  let state = 12345;
  const rand = () => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32);
  while (bytes < sizeMb * MB) {
    const site = `site${documents % 97}.example`;
    const template = [`${site} | Home | News | Sport | Contact`, `Copyright ${site} media group, all rights reserved`, `Sign up for the ${site} morning briefing`];
    let text = Array.from({ length: 10 }, () => paragraphs[Math.floor(rand() * paragraphs.length)]!).join("\n");
    // Every 10th document is a near-copy of the one 5 before it.
    if (documents % 10 === 9) {
      text = made[documents - 5]!.replace(/[\p{L}\p{N}]+/gu, (w) => (rand() < 0.015 ? `x${Math.floor(rand() * 1e6)}` : w));
      copies++;
    }
    made.push(documents % 10 === 4 ? text : "");
    const line = JSON.stringify({ id: `d${documents}`, url: `https://${site}/a/${documents}`, text: [template[0], text, template[1], template[2]].join("\n") }) + "\n";
    if (!out.write(line)) await new Promise((r) => out.once("drain", r));
    bytes += Buffer.byteLength(line);
    documents++;
  }
  await new Promise<void>((r) => out.end(r));
  return { documents, copies };
}

function timed(pipeline: string, input: string): { seconds: number; cpu: number; rssMb: number; stderr: string } {
  const out = join(CACHE, `out-${pipeline}`);
  rmSync(out, { recursive: true, force: true });
  rmSync(`${out}.audit.jsonl`, { force: true });
  const run = spawnSync("/usr/bin/time", ["-f", "%e %U %S %M", process.execPath, ...chaffCommand(ROOT), "clean", input, "--out", out, "--pipeline", pipeline, "--jobs", "1", "-q"], { encoding: "utf8" });
  const [e, u, s, m] = run.stderr.trim().split("\n").pop()!.split(" ").map(Number);
  if (run.status !== 0) throw new Error(run.stderr);
  return { seconds: e!, cpu: u! + s!, rssMb: m! / 1024, stderr: run.stderr };
}

mkdirSync(CACHE, { recursive: true });
const input = join(CACHE, `corpus-${sizeMb}mb.jsonl`);
if (!existsSync(input)) {
  const made = await generate(input);
  console.log(`generated ${input}: ${made.documents} documents, ${made.copies} near-copies`);
}
const size = statSync(input).size / MB;
const plain = timed("news", input);
const corpus = timed("news-corpus", input);
const row = (name: string, r: ReturnType<typeof timed>) => `| ${name} | ${(size / r.cpu).toFixed(1)} | ${r.seconds.toFixed(1)} | ${r.rssMb.toFixed(0)} |`;
console.log(`corpus: ${size.toFixed(0)} MB JSONL, --jobs 1`);
console.log("| pipeline | MB per CPU-second | wall s | peak RSS MB |\n|---|---|---|---|");
console.log(row("news", plain));
console.log(row("news-corpus", corpus));
console.log(`corpus passes add ${((100 * (corpus.cpu - plain.cpu)) / plain.cpu).toFixed(0)}% CPU time`);
