// Command-line inputs -> a sorted list of files, each with its path relative to
// the input root (a directory argument is the root of its tree).
import { stat } from "node:fs/promises";
import { basename, join, relative, resolve } from "node:path";
import { glob } from "tinyglobby";

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

export async function listInputs(inputs: readonly string[], accept: (path: string) => boolean): Promise<{ files: InputFile[]; errors: Array<{ input: string; reason: string }> }> {
  const files: InputFile[] = [];
  const errors: Array<{ input: string; reason: string }> = [];
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
      files.push({ path: root, relative: basename(root), display: input, inTree: false });
      continue;
    }
    const found = await glob("**/*", { cwd: root, onlyFiles: true, dot: false, followSymbolicLinks: false });
    const accepted = found.filter(accept).sort();
    if (accepted.length === 0) errors.push({ input, reason: "directory holds no input files" });
    for (const rel of accepted) {
      const relativePath = relative(root, join(root, rel)).split("\\").join("/");
      files.push({ path: join(root, rel), relative: relativePath, display: join(input, relativePath), inTree: true });
    }
  }
  return { files, errors };
}
