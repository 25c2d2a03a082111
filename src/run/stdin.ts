// `chaff clean -`: stdin to stdout, through the same cleanTask as every file of a run, on the
// main thread (so --jobs and --timeout do not apply; the CLI refuses them). Stdin is one
// document, HTML when it looks like a page (or with --html), or JSON lines with --jsonl.
// A reader that stops early (`| head`) ends the run quietly: nothing more is cleaned.
import { Transform, type Writable } from "node:stream";
import type { Pipeline } from "../core/stage.js";
import { setHtmlRouteOptions, type HtmlRouteOptions } from "../core/route-options.js";
import { DEFAULT_READ_OPTIONS, tooLarge, type ReadOptions } from "../read/formats.js";
import type { InputFile } from "../read/inputs.js";
import { readJsonl } from "../read/jsonl.js";
import { decodeText } from "../read/text.js";
import type { OutputFormat } from "../write/render/index.js";
import { AuditSink, RejectsSink } from "../write/sinks.js";
import { addCounts, emptySummary, sortKeys, writeSummary, type RunSummary } from "./summary.js";
import { cleanTask, type CleanTask } from "./task.js";
import { htmlToDocument } from "../read/html-route.js";

export interface StdinOptions {
  pipeline: Pipeline;
  /** For documents extracted from HTML; defaults to `pipeline`. */
  htmlPipeline?: Pipeline;
  auditPath?: string;
  /** JSON lines mode: rejected records go here (they are named on stderr in any case). */
  rejectsPath?: string;
  summaryPath?: string;
  read?: Partial<ReadOptions>;
  /** Stdin is JSON lines, one record each, written out as records. */
  jsonl?: boolean;
  format?: OutputFormat;
  htmlRoute?: HtmlRouteOptions;
  /** A message for stderr: `where` is `-` or `-#<line>`. */
  onError: (where: string, reason: string) => void;
  input?: NodeJS.ReadableStream;
  output?: Writable;
}

/** The first characters looked at to tell a page from text. */
const SNIFF_CHARS = 2048;
/** A page starts with one of these tags within SNIFF_CHARS (after comments or a BOM). Example: "<!DOCTYPE html><html lang=en>". */
const HTML_TAG = /<(?:!doctype html|html|head|body)[\s>]/i;

/** Whether stdin's bytes are an HTML page rather than text. */
export function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, SNIFF_CHARS * 4)).toString("latin1").slice(0, SNIFF_CHARS);
  return HTML_TAG.test(head);
}

/** The reader stopped reading (EPIPE): not an error, the run just ends. */
class OutputClosed extends Error {}

/** Cleans stdin to stdout. Returns the exit status: 0, or 1 when something could not be cleaned. */
export async function cleanStdin(options: StdinOptions): Promise<number> {
  const read: ReadOptions = { ...DEFAULT_READ_OPTIONS, ...options.read };
  const input = options.input ?? process.stdin;
  const output = options.output ?? process.stdout;
  const pipelines = { text: options.pipeline, html: options.htmlPipeline ?? options.pipeline };
  setHtmlRouteOptions(options.htmlRoute);
  const summary = emptySummary(options.pipeline.name);
  const audit = options.auditPath ? new AuditSink(options.auditPath) : undefined;
  const rejects = options.rejectsPath ? new RejectsSink(options.rejectsPath) : undefined;
  await audit?.open();

  let closed = false;
  output.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") closed = true;
  });
  const write = (text: string) =>
    new Promise<void>((done, fail) => {
      if (closed) return fail(new OutputClosed());
      output.write(text, (error) => (error ? fail((error as NodeJS.ErrnoException).code === "EPIPE" || closed ? new OutputClosed() : error) : done()));
    });
  const clean = async (task: CleanTask) => {
    const outcome = await cleanTask(task, pipelines, htmlToDocument);
    await write(task.shape === "record" ? outcome.body + "\n" : outcome.body);
    await audit?.append(outcome.audit);
    summary.documents++;
    summary.pipelines[task.route] = pipelines[task.route].name;
    addCounts(summary, outcome);
  };

  let status = 0;
  try {
    if (options.jsonl) status = await cleanRecords(input, read, options, summary, rejects, clean);
    else {
      const bytes = await readAll(input, read.maxDocumentBytes);
      summary.bytes = bytes.length;
      const html = read.html ?? looksLikeHtml(bytes);
      // Text must be UTF-8; a page's bytes go to the extractor, which finds its charset.
      const content = html ? bytes : decodeText(bytes);
      await clean({ id: "stdin", source: "-", output: "-", route: html ? "html" : "text", content, shape: "text", format: options.format });
    }
  } catch (error) {
    if (!(error instanceof OutputClosed)) {
      await Promise.allSettled([audit?.abort(), rejects?.abort()]);
      throw error;
    }
    // The reader has what it wanted; the audit covers the documents it got.
  }
  await audit?.commit();
  await rejects?.finish(true);
  summary.rules = sortKeys(summary.rules);
  summary.stages = sortKeys(summary.stages);
  if (options.summaryPath) await writeSummary(options.summaryPath, summary);
  return status;
}

async function cleanRecords(input: NodeJS.ReadableStream, read: ReadOptions, options: StdinOptions, summary: RunSummary, rejects: RejectsSink | undefined, clean: (task: CleanTask) => Promise<void>): Promise<number> {
  const file: InputFile = { path: "-", relative: "-", display: "-", inTree: false };
  let status = 0;
  const counted = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      summary.bytes += chunk.length;
      done(null, chunk);
    },
  });
  input.pipe(counted);
  for await (const item of readJsonl([counted], file, read)) {
    if ("skip" in item) continue;
    if ("reject" in item) {
      summary.rejects++;
      options.onError(`-#${"line" in item.reject ? item.reject.line : item.reject.record}`, item.reject.reason);
      await rejects?.append({ kind: "reject", input: "-", ...item.reject });
      continue;
    }
    const { at, ...task } = item.task;
    try {
      await clean({ ...task, output: `-#${task.id}`, shape: "record", format: options.format });
    } catch (error) {
      if (error instanceof OutputClosed) throw error;
      summary.documentFailures++;
      status = 1;
      const where = `-#${at && "line" in at ? at.line : task.id}`;
      options.onError(where, (error as Error).message);
      await rejects?.append({ kind: "failure", input: "-", ...at, id: task.id, reason: (error as Error).message });
    }
  }
  if (summary.rejects > 0 && summary.documents === 0 && summary.documentFailures === 0) {
    options.onError("-", `every record was rejected: nothing was cleaned (is --text-field right?)`);
    status = 1;
  }
  return status;
}

async function readAll(input: NodeJS.ReadableStream, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of input) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) throw new Error(tooLarge(undefined, maxBytes));
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
