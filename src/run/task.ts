// One unit of CPU work: a record or file read into plain data, cleaned into plain
// data. The same function runs inline (`--jobs 1`) and on pool workers, so the
// bytes it returns do not depend on where it ran.
import { createDocument, type Document } from "../core/document.js";
import { cleanDocument, type Pipeline } from "../core/stage.js";

/** The pipeline for each route: text documents, and documents extracted from HTML. */
export interface RoutePipelines {
  text: Pipeline;
  html: Pipeline;
}
import { loadHtmlToDocumentSync, type HtmlInput, type HtmlToDocument } from "../read/html-route.js";
import { runWithin } from "./time-limit.js";
import type { ItemResult } from "./batches.js";
import { auditLines, countByRule } from "../write/audit.js";
import { renderBodyInTwo, type OutputFormat } from "../write/render/index.js";
import { recordTail, type RecordInTwo } from "../write/records.js";
import { encodeUtf8, encodeUtf8After, Utf8Scratch } from "../write/utf8-slabs.js";

export interface CleanTask {
  id: string;
  /** What the audit calls the document's source: a path, `path#<record>`, or a URL. */
  source: string;
  /** Where the audit says the clean text went. */
  output: string;
  /** `text`: `content` is the text the stages see; `html`: it goes through the HTML extractor first. */
  route: "text" | "html";
  content: string | Uint8Array;
  url?: string;
  contentType?: string;
  /** Metadata known before cleaning. */
  meta?: Record<string, unknown>;
  /** `text`: the body is the clean text; `record`: a `{id, text, metadata}` JSON line. */
  shape: "text" | "record";
  /** The input record's other fields, carried to `metadata`. */
  fields?: Record<string, unknown>;
  /** `--format`: txt (default), md or json (see write/render). */
  format?: OutputFormat;
}

/** `Text`: strings, or their UTF-8 bytes when cleaned in a batch on the main thread (cleanTasksWithin). */
export interface CleanOutcome<Text extends string | Uint8Array = string | Uint8Array> {
  /** What the writer appends: clean text, or one JSON record without its line break. */
  body: Text;
  /** The audit lines of the document, each ending in a line break. */
  audit: Text;
  chars: { in: number; out: number; removed: number };
  /** Removed fragments by rule id and by stage. */
  rules: Record<string, number>;
  stages: Record<string, number>;
}

export async function cleanTask(task: CleanTask, pipelines: RoutePipelines, toDocument: HtmlToDocument): Promise<CleanOutcome<string>> {
  const doc = task.route === "html" ? await toDocument(htmlInputOf(task)) : textDocumentOf(task);
  return finishTask(task, doc, pipelines[task.route], await markdownFor(task));
}

/**
 * `cleanTask` on the default HTML route, stopped with `timed out after N ms` once `timeoutMs` have
 * passed: the modules load first, then the document is extracted and cleaned synchronously under
 * the limit (src/run/time-limit.ts). For one document cleaned inline; same bytes as `cleanTask`.
 */
export async function cleanTaskWithin(task: CleanTask, pipelines: RoutePipelines, timeoutMs: number): Promise<CleanOutcome> {
  const finish = await synchronousCleaner([task], pipelines);
  return runWithin(timeoutMs, () => finish(task));
}

/**
 * Several documents cleaned one after the other under one time limit, each answered as the pool's
 * workers answer a batch (a document that fails fails alone). The limit is V8's watchdog, a
 * thread started per call (~0.15 ms of system time): per document it cost more than cleaning a
 * short one. Throws TimedOut when the batch as a whole runs out of time.
 *
 * Each document's body and audit are encoded to UTF-8 as soon as it is cleaned (the writer would
 * encode them anyway): held as strings until the batch was written, news's audit lines (~160 MB of
 * strings on 30 MB of JSONL) outlived young collections and were copied and promoted; bytes are not.
 * A record's metadata is made once the whole batch is cleaned (its head held as bytes meanwhile),
 * so that the language detector reads its tables warm, record after record (RecordInTwo): news on
 * 30 MB, the detector ~7.6% -> ~5.9% of the process's CPU samples.
 */
export async function cleanTasksWithin(tasks: readonly CleanTask[], pipelines: RoutePipelines, timeoutMs: number): Promise<Array<ItemResult<CleanOutcome<Uint8Array>>>> {
  const clean = await synchronousCleanerInTwo(tasks, pipelines);
  return runWithin(timeoutMs, () => {
    heads.clear();
    // Every document cleaned first, each record's body but its metadata made at once; then the
    // metadata, with the records' languages read one after another (see RecordInTwo).
    const cleaned = finishEach(tasks, (task) => headAsBytes(clean(task)));
    return cleaned.map((item) => ("ok" in item ? outcomeOf(() => withTail(item.ok)) : item));
  });
}

/** The records' heads of the batch being cleaned, until their tails are written after them. */
const heads = new Utf8Scratch();

/** A cleaned document as bytes, but a record's metadata (RecordInTwo): its head is held as bytes, its text is not. */
type CleanedBytes = Omit<CleanOutcome<Uint8Array>, "body"> & { body: Uint8Array | { head: Uint8Array; rest: RecordInTwo["rest"] } };

function headAsBytes(cleaned: Cleaned): CleanedBytes {
  const { body } = cleaned;
  return {
    body: typeof body === "string" ? encodeUtf8(body) : { head: heads.encode(body.head), rest: body.rest },
    audit: encodeUtf8(cleaned.audit),
    chars: cleaned.chars,
    rules: cleaned.rules,
    stages: cleaned.stages,
  };
}

function withTail(cleaned: CleanedBytes): CleanOutcome<Uint8Array> {
  const { body } = cleaned;
  return {
    body: body instanceof Uint8Array ? body : encodeUtf8After(body.head, recordTail(body.rest)),
    audit: cleaned.audit,
    chars: cleaned.chars,
    rules: cleaned.rules,
    stages: cleaned.stages,
  };
}

/** Each task's outcome, or its error alone: how a batch is answered. */
export function finishEach<Outcome>(tasks: readonly CleanTask[], finish: (task: CleanTask) => Outcome): Array<ItemResult<Outcome>> {
  return tasks.map((task) => outcomeOf(() => finish(task)));
}

function outcomeOf<Outcome>(finish: () => Outcome): ItemResult<Outcome> {
  try {
    return { ok: finish() };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Loads what the tasks need (the HTML route, the Markdown renderer) before any clock starts, and
 * returns what cleans one of them synchronously.
 */
export async function synchronousCleaner(tasks: readonly CleanTask[], pipelines: RoutePipelines): Promise<(task: CleanTask) => CleanOutcome<string>> {
  const clean = await synchronousCleanerInTwo(tasks, pipelines);
  return (task) => finished(clean(task));
}

/** `synchronousCleaner`, a record's body left in two parts (RecordInTwo). */
async function synchronousCleanerInTwo(tasks: readonly CleanTask[], pipelines: RoutePipelines): Promise<(task: CleanTask) => Cleaned> {
  const toDocument = tasks.some((t) => t.route === "html") ? await loadHtmlToDocumentSync() : undefined;
  const markdown = tasks.some((t) => t.format === "md") ? await markdownFor({ format: "md" }) : undefined;
  return (task) => cleanOne(task, task.route === "html" ? toDocument!(htmlInputOf(task)) : textDocumentOf(task), pipelines[task.route], task.format === "md" ? markdown : undefined);
}

type MarkdownRenderer = typeof import("../write/render/markdown.js").renderMarkdown;

function htmlInputOf(task: CleanTask): HtmlInput {
  return { id: task.id, source: task.source, html: task.content, url: task.url, contentType: task.contentType, meta: task.meta ?? {} };
}

function textDocumentOf(task: CleanTask): Document {
  return createDocument({ id: task.id, source: task.source, raw: task.content as string, meta: task.meta ?? {} });
}

/** The Markdown renderer loads on the first `md` document only (it is most of the start-up's module loading otherwise). */
async function markdownFor(task: Pick<CleanTask, "format">): Promise<MarkdownRenderer | undefined> {
  return task.format === "md" ? (await import("../write/render/markdown.js")).renderMarkdown : undefined;
}

function finishTask(task: CleanTask, doc: Document, pipeline: Pipeline, markdown: MarkdownRenderer | undefined): CleanOutcome<string> {
  return finished(cleanOne(task, doc, pipeline, markdown));
}

/** A document cleaned: its outcome, a one-line record's body in two parts (RecordInTwo) until `finished`. */
type Cleaned = Omit<CleanOutcome<string>, "body"> & { body: string | RecordInTwo };

function cleanOne(task: CleanTask, doc: Document, pipeline: Pipeline, markdown: MarkdownRenderer | undefined): Cleaned {
  const result = cleanDocument(doc, pipeline);
  const rules = countByRule(result.removals);
  const stages: Record<string, number> = {};
  let removed = 0;
  for (const r of result.removals) {
    removed += r.end - r.start;
    stages[r.stage] = (stages[r.stage] ?? 0) + 1;
  }
  const chars = { in: doc.raw.length, out: result.text.length, removed };
  const body = renderBodyInTwo(result, pipeline, { id: task.id, shape: task.shape, format: task.format, rules, chars, fields: task.fields, markdown });
  return { body, audit: auditLines(result, task.output, pipeline.name, { rules, chars }), chars, rules, stages };
}

/** The outcome of a cleaned document, a record's two parts joined (recordJson's bytes). */
function finished(cleaned: Cleaned): CleanOutcome<string> {
  const { body } = cleaned;
  return { body: typeof body === "string" ? body : body.head + recordTail(body.rest), audit: cleaned.audit, chars: cleaned.chars, rules: cleaned.rules, stages: cleaned.stages };
}
