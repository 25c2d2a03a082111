// The audit holds removed fragments, not the raw text around them (a raw copy
// would double the audit's size). For the in-place view the report re-reads
// each top document's `source` with the reader that `clean` used, and uses the
// text only if every removed fragment is found at its recorded offsets: a file
// that changed since the run would put highlights in the wrong place.
import { stat } from "node:fs/promises";
import { basename, isAbsolute, resolve } from "node:path";
import type { RemovalRecord } from "../core/apply.js";
import { DEFAULT_READ_OPTIONS, formatFor, readDocuments, textFormat, type ReadOptions } from "../read/formats.js";
import "../read/all.js";

export type RawText = { raw: string } | { unavailable: string };

export interface SourceRequest {
  doc: string;
  source: string;
  removals: readonly RemovalRecord[];
}

/** `path#record` names a record inside a corpus file; a plain path names a file. */
function fileOf(source: string): string {
  const hash = source.lastIndexOf("#");
  return hash > 0 ? source.slice(0, hash) : source;
}

async function isFile(path: string): Promise<boolean> {
  return stat(path).then((s) => s.isFile(), () => false);
}

function verified(raw: string, removals: readonly RemovalRecord[], path: string): RawText {
  for (const r of removals) {
    if (raw.slice(r.start, r.end) !== r.text) {
      return { unavailable: `source ${path} does not hold the fragment at ${r.line}:${r.column} (changed since the run?)` };
    }
  }
  return { raw };
}

/**
 * Raw texts for the requested documents, in request order. Each source file is
 * read once, up to the last document wanted from it, with the reading options
 * `clean` had (`--text-field html` for HTML records...). `source` is as `clean`
 * wrote it: absolute, or relative to the directory it ran in: the first of
 * `baseDirs` where the file is.
 */
export async function loadRawTexts(requests: readonly SourceRequest[], baseDirs: string | readonly string[], read: Partial<ReadOptions> = {}): Promise<RawText[]> {
  const dirs = typeof baseDirs === "string" ? [baseDirs] : baseDirs;
  const options: ReadOptions = { ...DEFAULT_READ_OPTIONS, ...read };
  const results: RawText[] = requests.map(() => ({ unavailable: "not looked up" }));
  const byFile = new Map<string, number[]>();
  for (const [i, request] of requests.entries()) {
    if (request.source === "-") {
      results[i] = { unavailable: "the document came from stdin" };
      continue;
    }
    let path = await locate(request.source, dirs);
    if (!(await isFile(path)) && (await isFile(fileOf(path)))) path = fileOf(path);
    const list = byFile.get(path) ?? [];
    byFile.set(path, [...list, i]);
  }
  for (const [path, wanted] of byFile) {
    if (!(await isFile(path))) {
      for (const i of wanted) results[i] = { unavailable: `source ${path} cannot be read (no such file)` };
      continue;
    }
    const format = formatFor(basename(path)) ?? textFormat;
    const open = new Map(wanted.map((i) => [requests[i].doc, i]));
    let first: { raw: string } | undefined;
    let documents = 0;
    try {
      for await (const doc of readDocuments(format, { path, relative: basename(path), display: path, inTree: false }, options)) {
        documents++;
        first ??= { raw: doc.raw };
        const i = open.get(doc.id);
        if (i !== undefined) {
          results[i] = verified(doc.raw, requests[i].removals, path);
          open.delete(doc.id);
        }
        if (open.size === 0) break;
      }
    } catch (error) {
      for (const i of open.values()) results[i] = { unavailable: `source ${path} cannot be read (${(error as Error).message})` };
      continue;
    }
    for (const i of open.values()) {
      // A one-document file (plain text) is that document, whatever id the run gave it.
      results[i] = documents === 1 && first ? verified(first.raw, requests[i].removals, path) : { unavailable: `source ${path} holds no document "${requests[i].doc}"` };
    }
  }
  return results;
}

/** The source's path: absolute as written, else under the first of `dirs` that has its file (the first dir when none has). */
async function locate(source: string, dirs: readonly string[]): Promise<string> {
  if (isAbsolute(source)) return source;
  for (const dir of dirs) {
    const path = resolve(dir, source);
    if ((await isFile(path)) || (await isFile(fileOf(path)))) return path;
  }
  return resolve(dirs[0], source);
}
