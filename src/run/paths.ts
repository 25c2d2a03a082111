// Checks made before anything is written: chaff never writes over, into or around
// its own inputs, and never writes two inputs to one output path. Paths are compared
// by their real paths (symbolic links resolved), so a link cannot sneak past.
import { realpathSync } from "node:fs";
import { basename, dirname, join, resolve, sep } from "node:path";
import type { InputFile } from "../read/inputs.js";

/** A mistake in the command line: nothing was read or written (exit status 2). */
export class UsageError extends Error {}

/**
 * Real paths, synchronously, each folder resolved once. Nothing else waits at this point of a run,
 * and one awaited call per path, one after the other, left 181 pages' run idle ~50 ms (each output,
 * not written yet, took two or three trips to the thread pool before reaching its folder).
 */
class RealPaths {
  readonly #folders = new Map<string, string>();

  /** The real path of `path`, or of its nearest existing folder joined with the rest when it does not exist yet. */
  of(path: string): string {
    const absolute = resolve(path);
    try {
      return realpathSync.native(absolute);
    } catch {
      const parent = dirname(absolute);
      return parent === absolute ? absolute : join(this.#folder(parent), basename(absolute));
    }
  }

  #folder(path: string): string {
    let real = this.#folders.get(path);
    if (real === undefined) this.#folders.set(path, (real = this.of(path)));
    return real;
  }
}

function within(inner: string, outer: string): boolean {
  return inner === outer || inner.startsWith(outer.endsWith(sep) ? outer : outer + sep);
}

export interface RunPaths {
  /** The command-line inputs, as written. */
  inputs: readonly string[];
  files: readonly InputFile[];
  outDir: string;
  /** Each file's output path, in the order of `files`. */
  outputs: readonly string[];
  /** Other files the run writes: the audit, the rejects file, the summary. */
  reports: ReadonlyArray<{ option: string; path: string | undefined }>;
}

/** Throws a UsageError naming both paths when an output would overlap an input or another output. */
export function checkRunPaths(paths: RunPaths): void {
  const realPaths = new RealPaths();
  const realPathOf = (path: string) => realPaths.of(path);
  const out = realPathOf(paths.outDir);
  for (const input of paths.inputs) {
    const real = realPathOf(input);
    if (within(out, real)) throw new UsageError(`--out ${paths.outDir} is ${out === real ? "the input" : "inside the input"} ${input}: choose an output folder outside the inputs`);
    if (within(real, out)) throw new UsageError(`--out ${paths.outDir} contains the input ${input}: choose an output folder outside the inputs`);
  }
  // A file of a tree may be a link to a file inside --out.
  for (const file of paths.files) {
    const real = realPathOf(file.path);
    if (within(real, out)) throw new UsageError(`--out ${paths.outDir} contains the input ${file.display} (${real}): choose an output folder outside the inputs`);
  }
  const written = new Map<string, string>();
  for (const [i, output] of paths.outputs.entries()) {
    const key = realPathOf(output);
    const first = written.get(key);
    if (first !== undefined) throw new UsageError(`${first} and ${paths.files[i].display} would both be written to ${output}: rename one, or clean them into different folders`);
    written.set(key, paths.files[i].display);
  }
  for (const report of paths.reports) {
    if (!report.path) continue;
    const real = realPathOf(report.path);
    for (const input of paths.inputs) {
      if (within(real, realPathOf(input))) throw new UsageError(`${report.option} ${report.path} is ${real === realPathOf(input) ? "the input" : "inside the input"} ${input}: write it outside the inputs`);
    }
    const clash = written.get(real);
    if (clash !== undefined) throw new UsageError(`${report.option} ${report.path} is also the output of ${clash}`);
    written.set(real, report.option);
  }
}
