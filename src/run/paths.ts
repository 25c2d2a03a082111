// Checks made before anything is written: chaff never writes over, into or around
// its own inputs, and never writes two inputs to one output path. Paths are compared
// by their real paths (symbolic links resolved), so a link cannot sneak past.
import { realpath } from "node:fs/promises";
import { basename, dirname, join, resolve, sep } from "node:path";
import type { InputFile } from "../read/inputs.js";

/** A mistake in the command line: nothing was read or written (exit status 2). */
export class UsageError extends Error {}

/** The real path of `path`, or of its nearest existing folder joined with the rest when it does not exist yet. */
async function realPathOf(path: string): Promise<string> {
  const absolute = resolve(path);
  try {
    return await realpath(absolute);
  } catch {
    const parent = dirname(absolute);
    if (parent === absolute) return absolute;
    return join(await realPathOf(parent), basename(absolute));
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
export async function checkRunPaths(paths: RunPaths): Promise<void> {
  const out = await realPathOf(paths.outDir);
  for (const input of paths.inputs) {
    const real = await realPathOf(input);
    if (within(out, real)) throw new UsageError(`--out ${paths.outDir} is ${out === real ? "the input" : "inside the input"} ${input}: choose an output folder outside the inputs`);
    if (within(real, out)) throw new UsageError(`--out ${paths.outDir} contains the input ${input}: choose an output folder outside the inputs`);
  }
  // A file of a tree may be a link to a file inside --out.
  for (const file of paths.files) {
    const real = await realPathOf(file.path);
    if (within(real, out)) throw new UsageError(`--out ${paths.outDir} contains the input ${file.display} (${real}): choose an output folder outside the inputs`);
  }
  const written = new Map<string, string>();
  for (const [i, output] of paths.outputs.entries()) {
    const key = await realPathOf(output);
    const first = written.get(key);
    if (first !== undefined) throw new UsageError(`${first} and ${paths.files[i].display} would both be written to ${output}: rename one, or clean them into different folders`);
    written.set(key, paths.files[i].display);
  }
  for (const report of paths.reports) {
    if (!report.path) continue;
    const real = await realPathOf(report.path);
    for (const input of paths.inputs) {
      if (within(real, await realPathOf(input))) throw new UsageError(`${report.option} ${report.path} is ${real === (await realPathOf(input)) ? "the input" : "inside the input"} ${input}: write it outside the inputs`);
    }
    const clash = written.get(real);
    if (clash !== undefined) throw new UsageError(`${report.option} ${report.path} is also the output of ${clash}`);
    written.set(real, report.option);
  }
}
