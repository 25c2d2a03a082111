// Inputs and outputs never overlap, and two inputs never share an output path:
// refused with exit 2 before anything is written.
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe } from "vitest";
import { runCases } from "./table.js";

const PAGE = "<html><body><article><p>NATO will hold talks with Russia on Wednesday, its head said.</p></article></body></html>";

function tree(dir: string): void {
  mkdirSync(join(dir, "in/sub"), { recursive: true });
  writeFileSync(join(dir, "in/a.txt"), "Email Print\nThe talks went on.\n");
  writeFileSync(join(dir, "in/sub/b.txt"), "Leave a Reply\nA sentence that stays.\n");
}

const HINT = "choose an output folder outside the inputs";

describe("inputs and outputs never overlap", () => {
  runCases([
    {
      name: "--out equal to the input folder",
      setup: (dir) => (tree(dir), ["clean", "in", "--out", "in"]),
      status: 2,
      stderr: [`chaff: --out in is the input in: ${HINT}`],
      written: [],
    },
    {
      name: "--out inside the input folder",
      setup: (dir) => (tree(dir), ["clean", "in", "--out", "in/clean"]),
      status: 2,
      stderr: [`chaff: --out in/clean is inside the input in: ${HINT}`],
      written: [],
    },
    {
      name: "--out holding an input file (the file's own folder)",
      setup: (dir) => (tree(dir), ["clean", "in/a.txt", "--out", "in"]),
      status: 2,
      stderr: [`chaff: --out in contains the input in/a.txt: ${HINT}`],
      written: [],
    },
    {
      name: "--out through a symbolic link to the input",
      setup: (dir) => (tree(dir), symlinkSync(join(dir, "in"), join(dir, "link")), ["clean", "in", "--out", "link/out"]),
      status: 2,
      stderr: [`chaff: --out link/out is inside the input in: ${HINT}`],
      written: [],
    },
    {
      name: "a file of the tree that links into --out",
      setup: (dir) => {
        tree(dir);
        mkdirSync(join(dir, "out"));
        writeFileSync(join(dir, "out/c.txt"), "Old output.\n");
        symlinkSync(join(dir, "out/c.txt"), join(dir, "in/c.txt"));
        return ["clean", "in", "--out", "out"];
      },
      status: 2,
      stderr: [`chaff: --out out contains the input in/c.txt ({dir}/out/c.txt): ${HINT}`],
      written: [],
    },
    {
      name: "--audit inside the input folder",
      setup: (dir) => (tree(dir), ["clean", "in", "--out", "out", "--audit", "in/audit.jsonl"]),
      status: 2,
      stderr: ["chaff: --audit {dir}/in/audit.jsonl is inside the input in: write it outside the inputs"],
      written: [],
    },
    {
      name: "--rejects naming an input file",
      setup: (dir) => (tree(dir), ["clean", "in/a.txt", "--out", "out", "--rejects", "in/a.txt"]),
      status: 2,
      stderr: ["chaff: --rejects {dir}/in/a.txt is the input in/a.txt: write it outside the inputs"],
      written: [],
    },
    {
      name: "--summary inside the input folder",
      setup: (dir) => (tree(dir), ["clean", "in", "--out", "out", "--summary", "in/summary.json"]),
      status: 2,
      stderr: ["chaff: --summary {dir}/in/summary.json is inside the input in: write it outside the inputs"],
      written: [],
    },
    {
      name: "--audit and --rejects naming one file",
      setup: (dir) => (tree(dir), ["clean", "in", "--out", "out", "--audit", "log.jsonl", "--rejects", "log.jsonl"]),
      status: 2,
      stderr: ["chaff: --rejects {dir}/log.jsonl is also the output of --audit"],
      written: [],
    },
    {
      name: "three inputs that map to one output (a.html, a.html.gz, a.txt -> out/a.txt)",
      setup: (dir) => {
        mkdirSync(join(dir, "in"));
        writeFileSync(join(dir, "in/a.html"), PAGE);
        writeFileSync(join(dir, "in/a.html.gz"), gzipSync(PAGE));
        writeFileSync(join(dir, "in/a.txt"), "The talks went on.\n");
        return ["clean", "in", "--out", "out"];
      },
      status: 2,
      stderr: ["chaff: in/a.html and in/a.html.gz would both be written to out/a.txt: rename one, or clean them into different folders"],
      written: [],
    },
    {
      name: "one file named twice",
      setup: (dir) => (tree(dir), ["clean", "in/a.txt", "in/a.txt", "--out", "out"]),
      status: 2,
      stderr: ["chaff: in/a.txt and in/a.txt would both be written to out/a.txt: rename one, or clean them into different folders"],
      written: [],
    },
    {
      name: "a separate --out is fine, and a linked file in the tree is read once",
      setup: (dir) => (tree(dir), symlinkSync(join(dir, "in/a.txt"), join(dir, "in/sub/again.txt")), ["clean", "in", "--out", "out", "--quiet"]),
      status: 0,
      stderr: ["chaff: in/sub/again.txt: skipped, the same file as in/a.txt (through a symbolic link)"],
      written: ["out.audit.jsonl", "out/a.txt", "out/sub/b.txt"],
    },
  ]);
});
