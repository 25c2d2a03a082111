// Writes clean text and audit lines, one file per document, so that a refactor or a speed
// change can be checked byte for byte against a run of the code from before it:
//   - the seeds (raw/) and every whole-page dump (../shared/bench/aeb-dump and
//     ../shared/bench/*/dump) with the news and web-text pipelines;
//   - the AEB HTML pages (../shared/bench/aeb/html/*.html.gz) on the HTML route (html pipeline);
//     with `--html-sets all` (or a list, `--html-sets aeb,dragnet`) every benchmark set's pages,
//     named `<set>-<id>` (sets other than AEB are decoded from their bytes, as `chaff clean` does).
//
//   npx tsx bench/outputs.ts /tmp/before --src /work/base/src   (the old tree's code)
//   npx tsx bench/outputs.ts /tmp/after && diff -r /tmp/before /tmp/after
//
// `--src DIR` loads the pipelines, stages, extractor and audit writer from another checkout's
// src/ (its own node_modules resolve beside it), so both runs use this one script.
// `--only text|html` runs one half.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { gunzipSync } from "node:zlib";

const ROOT = resolve(import.meta.dirname, "..");
const SHARED = resolve(ROOT, "../shared/bench");

function argValue(flag: string): string | undefined {
  const i = process.argv.indexOf(flag);
  return i === -1 ? undefined : process.argv[i + 1];
}

const out = process.argv[2];
if (!out || out.startsWith("--")) throw new Error("usage: npx tsx bench/outputs.ts OUTPUT_DIR [--src SRC_DIR] [--only text|html] [--html-sets all|aeb,dragnet,...]");
const src = resolve(argValue("--src") ?? join(ROOT, "src"));
const only = argValue("--only");
const load = (path: string) => import(pathToFileURL(join(src, path)).href);

const { cleanDocument, createDocument } = await load("core/index.ts");
const { loadPipeline } = await load("run/pipeline-file.ts");
const { auditLines } = await load("write/audit.ts");

function write(dir: string, id: string, result: { text: string }, pipeline: string): void {
  writeFileSync(join(dir, `${id}.txt`), result.text);
  writeFileSync(join(dir, `${id}.audit.jsonl`), auditLines(result, `${id}.txt`, pipeline));
}

/** Text documents: the seeds and every dump, named `<set>-<file>`. */
function textFiles(): string[] {
  const dirs = [join(ROOT, "raw"), join(SHARED, "aeb-dump")];
  for (const set of readdirSync(SHARED).sort()) {
    try {
      if (readdirSync(join(SHARED, set, "dump")).length) dirs.push(join(SHARED, set, "dump"));
    } catch {
      // not a benchmark set with dumps
    }
  }
  return dirs.flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith(".txt")).sort().map((f) => join(dir, f)));
}

const setName = (file: string): string => {
  const dir = basename(resolve(file, ".."));
  return dir === "dump" ? `${basename(resolve(file, "../.."))}-dump` : dir;
};

let count = 0;
if (only !== "html") {
  const files = textFiles();
  for (const name of ["news", "web-text"]) {
    const pipeline = loadPipeline(name);
    const dir = join(out, name);
    mkdirSync(dir, { recursive: true });
    for (const file of files) {
      const id = `${setName(file)}-${basename(file, ".txt")}`;
      const result = cleanDocument(createDocument({ id, source: relative(ROOT, file), raw: readFileSync(file, "utf8") }), pipeline);
      write(dir, id, result, name);
      count++;
    }
  }
}

if (only !== "text") {
  const { extractHtmlSync, htmlDocument } = await load("extract/html.ts");
  const pipeline = loadPipeline("html");
  const dir = join(out, "html");
  mkdirSync(dir, { recursive: true });
  const setsArg = argValue("--html-sets") ?? "aeb";
  const sets = setsArg === "all" ? readdirSync(SHARED).filter((set) => existsSync(join(SHARED, set, "html"))).sort() : setsArg.split(",");
  for (const set of sets) {
    const root = join(SHARED, set);
    const truth = JSON.parse(readFileSync(join(root, "ground-truth.json"), "utf8")) as Record<string, { url?: string }>;
    for (const file of readdirSync(join(root, "html")).filter((f) => f.endsWith(".html.gz")).sort()) {
      const page = file.slice(0, -".html.gz".length);
      // AEB keeps its historical names (no set prefix) so older output folders still compare.
      const id = set === "aeb" ? page : `${set}-${page}`;
      const contentType = set === "aeb" ? "text/html; charset=utf-8" : undefined;
      const extracted = extractHtmlSync(gunzipSync(readFileSync(join(root, "html", file))), { url: truth[page]?.url, contentType });
      write(dir, id, cleanDocument(htmlDocument(extracted, { id, source: id }), pipeline), "html");
      count++;
    }
  }
}
console.log(`${count} documents written to ${out} (code from ${relative(process.cwd(), src) || "."})`);
