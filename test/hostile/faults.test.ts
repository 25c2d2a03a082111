// File-system faults and odd inputs on the command line: one line naming the path and
// the reason, the right exit status, no temporary file and no stack trace.
import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe } from "vitest";
import { runCases } from "./table.js";

function tree(dir: string): void {
  mkdirSync(join(dir, "in"));
  writeFileSync(join(dir, "in/a.txt"), "Email Print\nThe talks went on.\n");
  writeFileSync(join(dir, "blocker"), "a file where a folder should be\n");
}

const UNKNOWN = "not a known input type: chaff reads .txt, .text, .html, .htm, .xhtml, .json, .jsonl, .ndjson and .warc files (each also gzipped, .gz, except .txt and .text)";
/** No process runs with this id (above Linux's largest), so its temporaries are stale. */
const DEAD_PID = 4_194_305;

describe("faults", () => {
  runCases([
    {
      name: "a read-only --out: one line naming the path and the reason, exit 1, no temporary file left",
      unprivileged: true,
      setup: (dir) => {
        tree(dir);
        // The case's folder open to the unprivileged run (for the audit beside --out); the inputs world-readable.
        chmodSync(dir, 0o777);
        mkdirSync(join(dir, "out"), { mode: 0o555 });
        chmodSync(join(dir, "out"), 0o555);
        return ["clean", "in", "--out", "out", "--quiet"];
      },
      status: 1,
      stderr: ["chaff: in/a.txt: cannot write out/a.txt: permission denied (EACCES)"],
      written: ["out.audit.jsonl"],
    },
    {
      name: "--out below a file: the audit cannot be created, one line, exit 1, nothing written",
      setup: (dir) => (tree(dir), ["clean", "in", "--out", "blocker/out", "--quiet"]),
      status: 1,
      stderr: ["chaff: cannot write {dir}/blocker/out.audit.jsonl: a part of the path is a file, not a folder (EEXIST)"],
      written: [],
    },
    {
      name: "--out below a file with the audit elsewhere: each output fails by name",
      setup: (dir) => (tree(dir), ["clean", "in", "--out", "blocker/out", "--audit", "audit.jsonl", "--quiet"]),
      status: 1,
      stderr: ["chaff: in/a.txt: cannot write blocker/out/a.txt: a part of the path is a file, not a folder (ENOTDIR)"],
      written: ["audit.jsonl"],
    },
    {
      name: "a --summary that cannot be written: one line, exit 1, the outputs stay",
      setup: (dir) => (tree(dir), ["clean", "in", "--out", "out", "--summary", "blocker/summary.json", "--quiet"]),
      status: 1,
      stderr: ["chaff: cannot write {dir}/blocker/summary.json: a part of the path is a file, not a folder (EEXIST)"],
      written: ["out.audit.jsonl", "out/a.txt"],
    },
    {
      name: "temporary files of a killed run are removed when the next run starts",
      setup: (dir) => {
        tree(dir);
        mkdirSync(join(dir, "out/sub"), { recursive: true });
        writeFileSync(join(dir, `out/sub/b.txt.tmp-${DEAD_PID}-3`), "half");
        writeFileSync(join(dir, `out.audit.jsonl.tmp-${DEAD_PID}-1`), "half");
        writeFileSync(join(dir, "out/keep.txt"), "not ours to remove");
        return ["clean", "in", "--out", "out", "--quiet"];
      },
      status: 0,
      stderr: [],
      written: ["out.audit.jsonl", "out/a.txt"],
      removed: [`out.audit.jsonl.tmp-${DEAD_PID}-1`, `out/sub/b.txt.tmp-${DEAD_PID}-3`],
    },
    {
      name: "files named on the command line with an unknown extension (.md, .parquet, none) get a named error; the rest is cleaned",
      setup: (dir) => {
        tree(dir);
        for (const name of ["notes.md", "data.parquet", "README"]) writeFileSync(join(dir, "in", name), "text\n");
        return ["clean", "in/notes.md", "in/data.parquet", "in/README", "in/a.txt", "--out", "out", "--quiet"];
      },
      status: 1,
      stderr: [`chaff: in/notes.md: ${UNKNOWN}`, `chaff: in/data.parquet: ${UNKNOWN}`, `chaff: in/README: ${UNKNOWN}`],
      written: ["out.audit.jsonl", "out/a.txt"],
    },
  ]);
});
