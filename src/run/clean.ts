// The `clean` job: inputs -> records -> cleaned on the main thread or a worker pool
// -> outputs, audit and rejects, in input order whatever the number of jobs.
// A bad record is set aside in the rejects file; a bad file is reported and skipped;
// the rest of the run goes on.
import { stat } from "node:fs/promises";
import { join } from "node:path";
import pLimit from "p-limit";
import type { Pipeline } from "../core/stage.js";
import { DEFAULT_READ_OPTIONS, NotACorpusError, formatFor, type InputFormat, type OutputWriter, type ReadItem, type ReadOptions, type ReaderTask, type RecordPosition } from "../read/formats.js";
import type { HtmlToDocument } from "../read/html-route.js";
import { setHtmlRouteOptions, type HtmlRouteOptions } from "../extract/options.js";
import { listInputs, type InputFile } from "../read/inputs.js";
import "../read/all.js";
import { AtomicWriteStream } from "../write/atomic.js";
import { createInlineCleaner, createPoolCleaner, DEFAULT_TIMEOUT_MS, DEFAULT_WORKER_HEAP_MB, POOL_AVAILABLE, type Cleaner } from "./cleaner.js";
import { startProgress, type ProgressCounters } from "./progress.js";
import type { CleanOutcome } from "./task.js";

export interface CleanOptions {
  inputs: string[];
  outDir: string;
  auditPath: string;
  /** Rejected records and failed documents, as JSON lines. */
  rejectsPath: string;
  pipeline: Pipeline;
  /** The pipeline for documents extracted from HTML; defaults to `pipeline`. */
  htmlPipeline?: Pipeline;
  /** Absolute path of the pipeline file, for pool workers to load. Required when `jobs` > 1. */
  pipelinePath?: string;
  /** Absolute path of the HTML pipeline file; defaults to `pipelinePath`. */
  htmlPipelinePath?: string;
  read?: Partial<ReadOptions>;
  /** 1 runs inline on the main thread; more runs a pool with that many workers. */
  jobs?: number;
  timeoutMs?: number;
  maxWorkerHeapMb?: number;
  /** HTML route switches (--keep-comments, --no-extraction-records), set on every thread. */
  htmlRoute?: HtmlRouteOptions;
  /** The HTML route for inline runs (pool workers use read/html-route.ts). */
  htmlToDocument?: HtmlToDocument;
  quiet?: boolean;
  /** Called for each file of a directory tree that is not a corpus after all (skipped, not failed). */
  onSkipFile?: (source: string, reason: string) => void;
  /** Called for each failed input file with a one-line reason. */
  onError?: (source: string, reason: string) => void;
}

export interface RunSummary {
  pipeline: string;
  /** Input files: cleaned, failed, and skipped (in a directory tree, named like a corpus but not one). */
  files: { ok: number; failed: number; skipped: number };
  documents: number;
  /** Records set aside: malformed, missing text field, text not a string. */
  rejects: number;
  /** Documents that could not be cleaned: timeout, worker out of memory, extractor error. */
  documentFailures: number;
  /** Records a format does not clean (WARC requests, non-HTML responses). */
  skipped: number;
  /** Input bytes as stored on disk. */
  bytes: number;
  chars: { in: number; out: number; removed: number };
  /** Removed fragments by rule id, sorted by rule. */
  rules: Record<string, number>;
  /** Removed fragments by stage. */
  stages: Record<string, number>;
  /** Input files that could not be read. */
  failures: Array<{ source: string; reason: string }>;
}

export function emptySummary(pipeline: string): RunSummary {
  return {
    pipeline,
    files: { ok: 0, failed: 0, skipped: 0 },
    documents: 0,
    rejects: 0,
    documentFailures: 0,
    skipped: 0,
    bytes: 0,
    chars: { in: 0, out: 0, removed: 0 },
    rules: {},
    stages: {},
    failures: [],
  };
}

/** Documents read but not yet written, per job: enough to keep every worker busy, few enough to keep memory flat. */
export const IN_FLIGHT_PER_JOB = 8;
/** Whole-file outputs being written at once (through p-limit). */
export const WRITE_CONCURRENCY = 8;
/** Audit lines are buffered up to this many characters between writes. */
const AUDIT_BUFFER = 1 << 20;

interface FileRun {
  file: InputFile;
  format: InputFormat;
  writer: OutputWriter;
}

type Outcome = { ok: CleanOutcome } | { error: string };

type Entry =
  | { kind: "doc"; run: FileRun; task: Pick<ReaderTask, "id" | "source" | "at">; outcome: Promise<Outcome> }
  | { kind: "reject"; run: FileRun; reject: RecordPosition & { reason: string } }
  | { kind: "skip" }
  | { kind: "end"; run: FileRun; error?: string; notACorpus?: boolean };

export async function runClean(options: CleanOptions): Promise<RunSummary> {
  const summary = emptySummary(options.pipeline.name);
  const jobs = Math.max(1, options.jobs ?? 1);
  const readOptions: ReadOptions = { ...DEFAULT_READ_OPTIONS, ...options.read };
  const fail = (source: string, reason: string) => {
    summary.failures.push({ source, reason });
    options.onError?.(source, reason);
  };
  const { files, errors } = await listInputs(options.inputs, (path) => formatFor(path) !== undefined);
  for (const e of errors) fail(e.input, e.reason);
  let totalBytes = 0;
  for (const file of files) totalBytes += (await stat(file.path)).size;

  const counters: ProgressCounters = { documents: 0, bytes: 0 };
  readOptions.onBytes = (n) => {
    counters.bytes += n;
  };
  const progress = startProgress(counters, totalBytes, { quiet: options.quiet ?? false });

  let cleaner: Cleaner;
  setHtmlRouteOptions(options.htmlRoute);
  if (jobs === 1 || !POOL_AVAILABLE) cleaner = createInlineCleaner({ text: options.pipeline, html: options.htmlPipeline ?? options.pipeline }, options.htmlToDocument);
  else {
    if (!options.pipelinePath) throw new Error("runClean: pipelinePath is required for a worker pool");
    cleaner = createPoolCleaner({
      pipelinePaths: { text: options.pipelinePath, html: options.htmlPipelinePath ?? options.pipelinePath },
      jobs,
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      maxHeapMb: options.maxWorkerHeapMb ?? DEFAULT_WORKER_HEAP_MB,
      htmlRoute: options.htmlRoute,
    });
  }

  const audit = new AtomicWriteStream(options.auditPath);
  await audit.open();
  let auditBuffer = "";
  const appendAudit = async (lines: string) => {
    auditBuffer += lines;
    if (auditBuffer.length >= AUDIT_BUFFER) {
      await audit.write(auditBuffer);
      auditBuffer = "";
    }
  };
  const rejects = new AtomicWriteStream(options.rejectsPath);
  let rejectsUsed = false;
  const appendReject = async (line: Record<string, unknown>) => {
    rejectsUsed = true;
    await rejects.write(JSON.stringify(line) + "\n");
  };

  const io = pLimit(WRITE_CONCURRENCY);
  const commits: Array<Promise<void>> = [];

  const settle = async (entry: Entry) => {
    switch (entry.kind) {
      case "skip":
        summary.skipped++;
        return;
      case "reject":
        summary.rejects++;
        await appendReject({ kind: "reject", input: entry.run.file.display, ...entry.reject });
        return;
      case "doc": {
        const outcome = await entry.outcome;
        if ("error" in outcome) {
          summary.documentFailures++;
          await appendReject({ kind: "failure", input: entry.run.file.display, ...entry.task.at, id: entry.task.id, reason: outcome.error });
          await appendAudit(JSON.stringify({ type: "error", doc: entry.task.id, source: entry.task.source, reason: outcome.error }) + "\n");
          return;
        }
        const { ok } = outcome;
        await entry.run.writer.write(ok.body);
        await appendAudit(ok.audit);
        summary.documents++;
        counters.documents++;
        addCounts(summary, ok);
        return;
      }
      case "end": {
        const { run } = entry;
        if (entry.error !== undefined && entry.notACorpus) {
          await run.writer.abort();
          summary.files.skipped++;
          options.onSkipFile?.(run.file.display, entry.error);
          return;
        }
        if (entry.error !== undefined) {
          await run.writer.abort();
          await appendAudit(JSON.stringify({ type: "error", source: run.file.display, reason: entry.error }) + "\n");
          fail(run.file.display, entry.error);
          return;
        }
        // Whole-file outputs are written concurrently; record outputs stream, so their commit is a close.
        const committed = io(() => run.writer.commit()).then(
          () => {
            summary.files.ok++;
          },
          (error: Error) => fail(run.file.display, `cannot write output: ${error.message}`),
        );
        commits.push(committed);
        if (commits.length >= WRITE_CONCURRENCY * 4) await commits.shift();
        return;
      }
    }
  };

  // Bounded FIFO: entries are settled strictly in input order, and reading waits
  // while it is full, which is the backpressure p-limit alone does not give.
  // Inline, a document is cleaned as it is queued: holding more than one only delays its write.
  const maxInFlight = jobs === 1 ? 1 : jobs * IN_FLIGHT_PER_JOB;
  const queue: Entry[] = [];
  const push = async (entry: Entry) => {
    queue.push(entry);
    while (queue.length > maxInFlight) await settle(queue.shift()!);
  };

  try {
    for (const file of files) {
      const format = formatFor(file.relative)!;
      const outPath = join(options.outDir, format.outputName(file.relative));
      const run: FileRun = { file, format, writer: format.createWriter(outPath) };
      let error: string | undefined;
      let notACorpus = false;
      try {
        for await (const item of format.read(file, readOptions)) await push(entryFor(item, run, format, cleaner));
      } catch (e) {
        error = (e as Error).message;
        notACorpus = e instanceof NotACorpusError && file.inTree;
      }
      await push({ kind: "end", run, error, notACorpus });
    }
    while (queue.length) await settle(queue.shift()!);
    await Promise.all(commits);
  } finally {
    progress.stop();
    await cleaner.close();
  }
  await audit.write(auditBuffer);
  await audit.commit();
  if (rejectsUsed || summary.rejects || files.some((f) => formatFor(f.relative)!.shape === "record")) await rejects.commit();
  else await rejects.abort();
  summary.bytes = totalBytes;
  summary.files.failed = summary.failures.length;
  summary.rules = sortKeys(summary.rules);
  summary.stages = sortKeys(summary.stages);
  return summary;
}

function entryFor(item: ReadItem, run: FileRun, format: InputFormat, cleaner: Cleaner): Entry {
  if ("skip" in item) return { kind: "skip" };
  if ("reject" in item) return { kind: "reject", run, reject: item.reject };
  const { at, ...task } = item.task;
  const outcome = cleaner.clean({ ...task, output: run.writer.outputOf(task), shape: format.shape }).then(
    (ok): Outcome => ({ ok }),
    (error: Error): Outcome => ({ error: error.message }),
  );
  return { kind: "doc", run, task: { id: task.id, source: task.source, at }, outcome };
}

function addCounts(summary: RunSummary, outcome: CleanOutcome): void {
  summary.chars.in += outcome.chars.in;
  summary.chars.out += outcome.chars.out;
  summary.chars.removed += outcome.chars.removed;
  for (const [k, v] of Object.entries(outcome.rules)) summary.rules[k] = (summary.rules[k] ?? 0) + v;
  for (const [k, v] of Object.entries(outcome.stages)) summary.stages[k] = (summary.stages[k] ?? 0) + v;
}

function sortKeys(record: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
