#!/usr/bin/env -S node --no-regexp-tier-up
// The `chaff` command. `chaff --version` answers from package.json before anything else
// loads (users call it in scripts and CI logs); every other call is cli.ts.
//
// --no-regexp-tier-up: V8 runs a regular expression first in its bytecode interpreter and
// compiles it to machine code when it is used again. The rule tables are large
// alternations over Unicode classes, run on every line, so the bytecode step is pure cost:
// without it the `news` pipeline's first document took ~210 instead of ~360 ms of CPU and
// the next 450 documents ~1.95 instead of ~2.4 s (same run). Matching is the same. The
// flag must be given at start (setting it later can crash V8).
//
// CommonJS, so that `--version` never starts Node's ES module loader: that alone cost ~50 ms of
// CPU, a third of the whole answer (`perf stat`, 20 runs: as an ES module 246 ms of task clock,
// as CommonJS 191, `node -e 0` 189). Everything else is the ES module cli.js, imported.
import { readFileSync } from "node:fs";
import { join } from "node:path";

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === "--version" || args[0] === "-V")) {
  const pkg = JSON.parse(readFileSync(join(__dirname, "../package.json"), "utf8")) as { version: string };
  process.stdout.write(`${pkg.version}\n`);
} else {
  void import("./cli.js");
}
