// Writes the text route's clean text and audit lines for the seeds (raw/) and the AEB
// plain dumps with the news and web-text pipelines, one file per document, so that a
// speed change can be checked byte for byte against a run from before it:
//
//   npx tsx bench/outputs.ts /tmp/before    (on the old commit)
//   npx tsx bench/outputs.ts /tmp/after && diff -r /tmp/before /tmp/after
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join, relative, resolve } from "node:path";
import { cleanDocument, createDocument } from "../src/core/index.js";
import { loadPipeline } from "../src/run/pipeline-file.js";
import { auditLines } from "../src/write/audit.js";

const ROOT = resolve(import.meta.dirname, "..");
const out = process.argv[2];
if (!out) throw new Error("usage: npx tsx bench/outputs.ts OUTPUT_DIR");

const files: string[] = [];
for (const dir of [join(ROOT, "raw"), resolve(ROOT, "../shared/bench/aeb-dump")])
  for (const f of readdirSync(dir).filter((f) => f.endsWith(".txt")).sort()) files.push(join(dir, f));

for (const name of ["news", "web-text"]) {
  const pipeline = loadPipeline(name);
  const dir = join(out, name);
  mkdirSync(dir, { recursive: true });
  for (const file of files) {
    const id = `${basename(resolve(file, ".."))}-${basename(file, ".txt")}`;
    const result = cleanDocument(createDocument({ id, source: relative(ROOT, file), raw: readFileSync(file, "utf8") }), pipeline);
    writeFileSync(join(dir, `${id}.txt`), result.text);
    writeFileSync(join(dir, `${id}.audit.jsonl`), auditLines(result, `${id}.txt`, name));
  }
}
console.log(`${files.length} documents x 2 pipelines written to ${out}`);
