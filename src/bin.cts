#!/usr/bin/env -S node --no-regexp-tier-up --interrupt-budget=270336 --max-inlined-bytecode-size-cumulative=230
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
// --interrupt-budget=270336 (4x V8's default): a function is optimised after 4x as much work in it.
// On a run of a few hundred pages V8's optimising compiler, on its own threads, was ~20% of the
// process's CPU (perf record: 606 optimising compiles on 90 AEB pages, 930 on 181), much of it for
// functions that run a while and then no more. 181 AEB pages at --jobs 1, 5 interleaved runs on a
// quiet machine: 0.93x the CPU, same wall time; 10 MB of JSONL, news: 0.98x the CPU. Hot code is
// optimised all the same, a little later. Same bytes (matching does not depend on it).
//
// --max-inlined-bytecode-size-cumulative=230 (a quarter of V8's default): an optimised function
// inlines less of what it calls, so each optimising compile is smaller. About half of that
// compiler's time went to compiling again what a deoptimisation threw away (--trace-opt: 446
// compiles of 214 functions on the 181 AEB pages), larger with every inlined callee. CPU,
// interleaved, quiet machine: 181 AEB pages 0.95x (345: 0.96x, 460: 0.97x); long runs, where the
// compiles are paid off, not slower: the same pages four times (724) 0.99x, 30 MB of JSONL news
// 0.99x (115 was 1.01x on the 724). Same bytes.
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
