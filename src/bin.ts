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
import { readFileSync } from "node:fs";

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === "--version" || args[0] === "-V")) {
  const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string };
  process.stdout.write(`${pkg.version}\n`);
} else {
  await import("./cli.js");
}
