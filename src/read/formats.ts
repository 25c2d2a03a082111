// Input formats: which files each reads, where its output goes, how it turns a
// file into clean-tasks (or rejected records) and how the results are written back.
import { readFile, stat } from "node:fs/promises";
import { createDocument, type Document } from "../core/document.js";
import { htmlToDocument } from "./html-route.js";
import type { InputFile } from "./inputs.js";
import { decodeText, InputError } from "./text.js";

/**
 * A file whose name says corpus but whose content is not one (a `.json` holding an
 * object, like a config or a labels file). Found in a directory tree it is skipped with
 * a notice; named on the command line it is an error.
 */
export class NotACorpusError extends Error {}

/**
 * A file that broke part way (a cut or mislabelled WARC record): the records before the
 * broken one were read whole and are kept; the file still fails.
 */
export class PartialInputError extends Error {}

import { DEFAULT_MAX_DOCUMENT_MB } from "./limits.js";
export { DEFAULT_MAX_DOCUMENT_MB };
const MB = 1024 * 1024;

/** The reason a document or record over the cap is set aside. */
export function tooLarge(bytes: number | undefined, maxBytes: number): string {
  const cap = `the --max-document-mb cap of ${maxBytes / MB} MB`;
  return bytes === undefined ? `too large: over ${cap}` : `too large: ${(bytes / MB).toFixed(1)} MB, over ${cap}`;
}

/** How readers interpret records; set from the command line. */
export interface ReadOptions {
  /** The field holding the text (or HTML). Default `text`. */
  textField: string;
  /** The field holding the record id. Default `id`. */
  idField: string;
  /** `true`: the field holds HTML; `false`: text; unset: HTML when the field is `html` or the record's content type says so. */
  html?: boolean;
  /** The cap on one document or record, decompressed, in bytes (`--max-document-mb`). */
  maxDocumentBytes: number;
  /** Called with the number of input bytes (as stored on disk) consumed so far, for progress. */
  onBytes?: (bytes: number) => void;
}

export const DEFAULT_READ_OPTIONS: ReadOptions = { textField: "text", idField: "id", maxDocumentBytes: DEFAULT_MAX_DOCUMENT_MB * MB };

/** Where a record sits in its file: a JSONL line number, or the 1-based record number of a JSON array or WARC. */
export type RecordPosition = { line: number } | { record: number };

/** A document to clean, as plain data (it may cross to a worker thread). */
export interface ReaderTask {
  id: string;
  source: string;
  route: "text" | "html";
  content: string | Uint8Array;
  url?: string;
  contentType?: string;
  meta?: Record<string, unknown>;
  fields?: Record<string, unknown>;
  at?: RecordPosition;
}

export type ReadItem =
  | { task: ReaderTask }
  | { reject: RecordPosition & { reason: string } }
  /** A record the format does not clean (a WARC request, an image response...): counted, not rejected. */
  | { skip: string };

export interface InputFormat {
  name: string;
  accepts(relative: string): boolean;
  /** The output path, relative to `--out`, for an input's relative path. */
  outputName(relative: string): string;
  /** `text`: one clean text per input file; `lines`/`array`: `{id, text, metadata}` records as JSON lines or a JSON array. The writer for it is chosen in write/. */
  output: OutputKind;
  read(file: InputFile, options: ReadOptions): AsyncIterable<ReadItem>;
}

/** How a format's outputs are written. */
export type OutputKind = "text" | "lines" | "array";

/** Why a file named on the command line is not read: its name says no known input type. */
export const UNKNOWN_TYPE =
  "not a known input type: chaff reads .txt, .text, .html, .htm, .xhtml, .json, .jsonl, .ndjson and .warc files (each also gzipped, .gz, except .txt and .text)";

/** Replaces the extension(s) the format reads with `.txt`. */
export function withTxt(relative: string, extensions: RegExp): string {
  return relative.replace(extensions, "") + ".txt";
}

/** Plain-text scrapes: one document per file, written as `<name>.txt`. */
export const textFormat: InputFormat = {
  name: "text",
  output: "text",
  accepts: (relative) => /\.(?:txt|text)$/i.test(relative),
  outputName: (relative) => withTxt(relative, /\.(?:txt|text)$/i),
  async *read(file, options) {
    const size = (await stat(file.path)).size;
    if (size > options.maxDocumentBytes) throw new InputError(tooLarge(size, options.maxDocumentBytes));
    const bytes = await readFile(file.path);
    options.onBytes?.(bytes.length);
    const raw = decodeText(bytes);
    yield { task: { id: file.relative.replace(/\.[^./]+$/, ""), source: file.display, route: "text", content: raw } };
  },
};

const formats: InputFormat[] = [textFormat];

/** Later registrations win, so a specific format (`.json.gz`) can shadow a general one. */
export function registerFormat(format: InputFormat): void {
  formats.unshift(format);
}

export function formatFor(relative: string): InputFormat | undefined {
  return formats.find((f) => f.accepts(relative));
}

/**
 * The documents of one file, for tools that look at a file's text without the run
 * loop (explain, the report's source check). Rejected and skipped records are left
 * out; HTML records go through the HTML route, as in a run.
 */
export async function* readDocuments(format: InputFormat, file: InputFile, options: ReadOptions = DEFAULT_READ_OPTIONS): AsyncGenerator<Document> {
  for await (const item of format.read(file, options)) {
    if (!("task" in item)) continue;
    const task = item.task;
    if (task.route === "html") {
      yield await htmlToDocument({ id: task.id, source: task.source, html: task.content, url: task.url, contentType: task.contentType, meta: task.meta ?? {} });
    } else {
      yield createDocument({ id: task.id, source: task.source, raw: task.content as string, meta: task.meta });
    }
  }
}
