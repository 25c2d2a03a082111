// Command-line inputs -> a sorted list of files, each with its path relative to
// the input root (a directory argument is the root of its tree). Symbolic links in
// a tree are followed; a file reached twice (a link to a file already listed, or a
// link loop) is listed once and the other paths are reported as skipped.
import { realpath, stat } from "node:fs/promises";
import { basename, join, relative, resolve } from "node:path";

export interface InputFile {
  /** Absolute path. */
  path: string;
  /** Path relative to its input root, with `/` separators. */
  relative: string;
  /** The path as the user wrote it (input argument joined with `relative`), for messages and the audit. */
  display: string;
  /** Found by walking a directory argument, rather than named on the command line. */
  inTree: boolean;
}

export interface ListedInputs {
  files: InputFile[];
  /** Inputs that do not exist, are empty trees, or are files of no known type. */
  errors: Array<{ input: string; reason: string }>;
  /** Paths in a tree not read because they reach a file already listed (through a symbolic link). */
  duplicates: Array<{ input: string; reason: string }>;
}

/**
 * `accept` says whether a path names a known input type; `unknownReason` is the error
 * for a file named on the command line that is not one.
 */
export async function listInputs(inputs: readonly string[], accept: (path: string) => boolean, unknownReason = "not a known input type"): Promise<ListedInputs> {
  const files: InputFile[] = [];
  const errors: ListedInputs["errors"] = [];
  const duplicates: ListedInputs["duplicates"] = [];
  const seen = new Map<string, string>();
  for (const input of inputs) {
    const root = resolve(input);
    let info;
    try {
      info = await stat(root);
    } catch {
      errors.push({ input, reason: "no such file or directory" });
      continue;
    }
    if (info.isFile()) {
      if (!accept(basename(root))) errors.push({ input, reason: unknownReason });
      else files.push({ path: root, relative: basename(root), display: input, inTree: false });
      continue;
    }
    // tinyglobby stops at a directory link that leads back up the tree, but still lists a
    // file once per path that reaches it: those repeats are dropped by their real path.
    // Loaded for directory inputs only: a run over named files does not pay for it.
    const { glob } = await import("tinyglobby");
    const found = await glob("**/*", { cwd: root, onlyFiles: true, dot: false, followSymbolicLinks: true });
    const accepted = found.filter(accept).sort();
    if (accepted.length === 0) errors.push({ input, reason: "directory holds no input files" });
    for (const rel of accepted) {
      const relativePath = relative(root, join(root, rel)).split("\\").join("/");
      const file = { path: join(root, rel), relative: relativePath, display: join(input, relativePath), inTree: true };
      const real = await realpath(file.path);
      const first = seen.get(real);
      if (first !== undefined) {
        duplicates.push({ input: file.display, reason: `skipped, the same file as ${first} (through a symbolic link)` });
        continue;
      }
      seen.set(real, file.display);
      files.push(file);
    }
  }
  return { files, errors, duplicates };
}
