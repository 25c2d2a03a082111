// The audit holds removed fragments, not the raw text around them. For the
// in-place view the report re-reads each top document's `source` file, and uses
// it only if every removed fragment is found at its recorded offsets: a file
// that changed since the run would put highlights in the wrong place.
import { readFile } from "node:fs/promises";
import { isAbsolute, resolve } from "node:path";
import type { RemovalRecord } from "../core/apply.js";
import { decodeText } from "../read/text.js";

export type RawText = { raw: string } | { unavailable: string };

/**
 * `source` as the clean run wrote it (a path relative to where it ran, or absolute).
 * Sources that are not files (`-` for stdin, `file#record` for records in a
 * corpus file) give a reason instead.
 */
export async function loadRawText(source: string, removals: readonly RemovalRecord[], baseDir: string): Promise<RawText> {
  if (source === "-") return { unavailable: "the document came from stdin" };
  const path = isAbsolute(source) ? source : resolve(baseDir, source);
  let raw: string;
  try {
    raw = decodeText(await readFile(path));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory" : (error as Error).message;
    return { unavailable: `source ${path} cannot be read (${reason})` };
  }
  for (const r of removals) {
    if (raw.slice(r.start, r.end) !== r.text) {
      return { unavailable: `source ${path} does not hold the fragment at ${r.line}:${r.column} (changed since the run, or not a plain-text file)` };
    }
  }
  return { raw };
}
