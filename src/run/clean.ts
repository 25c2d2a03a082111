// The `clean` job: inputs -> records -> cleaned on a worker pool (or the main thread)
// -> outputs, audit and rejects, in input order whatever the number of jobs.
// A bad record is set aside in the rejects file; a bad file is reported and skipped;
// the rest of the run goes on.
import { stat } from "node:fs/promises";
import { join } from "node:path";
import pLimit from "p-limit";
import type { Pipeline } from "../core/stage.js";
import { DEFAULT_READ_OPTIONS, NotACorpusError, PartialInputError, UNKNOWN_TYPE, formatFor, type InputFormat, type ReadItem, type ReadOptions, type ReaderTask, type RecordPosition } from "../read/formats.js";
import type { HtmlToDocument } from "../read/html-route.js";
import { listInputs, type InputFile } from "../read/inputs.js";
import "../read/all.js";
import { WriteError } from "../write/atomic.js";
import { AuditSink, RejectsSink } from "../write/sinks.js";
import { createOutputWriter, type OutputWriter } from "../write/outputs.js";
import { removeStaleTemporaries } from "../write/stale.js";
import { createInlineCleaner, createPoolCleaner, DEFAULT_TIMEOUT_MS, DEFAULT_WORKER_HEAP_MB, POOL_AVAILABLE, type Cleaner } from "./cleaner.js";
import { checkRunPaths } from "./paths.js";
import { addCounts, emptySummary, sortKeys, type RunSummary } from "./summary.js";
import { startProgress, type ProgressCounters } from "./progress.js";
import type { CleanOutcome } from "./task.js";

export { emptySummary, type RunSummary } from "./summary.js";

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
  /** Worker threads that clean (each document has its time limit); inline on the main thread when `pipelinePath` is not given. */
  jobs?: number;
  timeoutMs?: number;
  maxWorkerHeapMb?: number;
  /** The HTML route for inline runs (pool workers use read/html-route.ts). */
  htmlToDocument?: HtmlToDocument;
  quiet?: boolean;
  /** Where the caller will write the summary, so that it too is checked against the inputs. */
  summaryPath?: string;
  /** Called for each file of a directory tree that is skipped, not failed (not a corpus after all, or reached twice), with the reason. */
  onSkipFile?: (source: string, reason: string) => void;
  /** Called for each document that could not be cleaned, with `PATH` or `PATH#record` and a one-line reason. */
  onDocumentFailure?: (where: string, reason: string) => void;
  /** Called for each failed input file with a one-line reason. */
  onError?: (source: string, reason: string) => void;
}

/** Documents read but not yet written, per job: enough to keep every worker busy, few enough to keep memory flat. */
const IN_FLIGHT_PER_JOB = 8;
/** Whole-file outputs being written at once (through p-limit). */
const WRITE_CONCURRENCY = 8;

interface FileRun {
  file: InputFile;
  format: InputFormat;
  writer: OutputWriter;
}

type Outcome = { ok: CleanOutcome } | { error: string };

type Entry =
  | { kind: "doc"; run: FileRun; task: Pick<ReaderTask, "id" | "source" | "at" | "route">; outcome: Promise<Outcome> }
  | { kind: "reject"; run: FileRun; reject: RecordPosition & { reason: string } }
  | { kind: "skip" }
  | { kind: "end"; run: FileRun; error?: string; notACorpus?: boolean; partial?: boolean };

export async function runClean(options: CleanOptions): Promise<RunSummary> {
  const summary = emptySummary(options.pipeline.name);
  const jobs = Math.max(1, options.jobs ?? 1);
  const readOptions: ReadOptions = { ...DEFAULT_READ_OPTIONS, ...options.read };
  const fail = (source: string, reason: string) => {
    summary.failures.push({ source, reason });
    options.onError?.(source, reason);
  };
  const { planned, errors, duplicates } = await planRun(options);
  const files = planned.map((p) => p.file);
  for (const e of errors) fail(e.input, e.reason);
  for (const d of duplicates) {
    summary.files.skipped++;
    options.onSkipFile?.(d.input, d.reason);
  }
  let totalBytes = 0;
  for (const file of files) totalBytes += (await stat(file.path)).size;

  const audit = new AuditSink(options.auditPath);
  await audit.open();
  const rejects = new RejectsSink(options.rejectsPath);

  const counters: ProgressCounters = { documents: 0, bytes: 0 };
  readOptions.onBytes = (n) => {
    counters.bytes += n;
  };
  const progress = startProgress(counters, totalBytes, { quiet: options.quiet ?? false });

  const { cleaner, inline } = chooseCleaner(options, jobs);

  const io = pLimit(WRITE_CONCURRENCY);
  /** Output writers neither committed nor aborted yet. */
  const unsettled = new Set<OutputWriter>();
  const commits: Array<Promise<void>> = [];

  const settle = async (entry: Entry) => {
    switch (entry.kind) {
      case "skip":
        summary.skipped++;
        return;
      case "reject":
        summary.rejects++;
        await rejects.append({ kind: "reject", input: entry.run.file.display, ...entry.reject });
        return;
      case "doc": {
        const outcome = await entry.outcome;
        if ("error" in outcome) {
          summary.documentFailures++;
          const { at } = entry.task;
          options.onDocumentFailure?.(at ? `${entry.run.file.display}#${"line" in at ? at.line : at.record}` : entry.run.file.display, outcome.error);
          await rejects.append({ kind: "failure", input: entry.run.file.display, ...entry.task.at, id: entry.task.id, reason: outcome.error });
          await audit.appendError({ doc: entry.task.id, source: entry.task.source, reason: outcome.error });
          return;
        }
        const { ok } = outcome;
        await entry.run.writer.write(ok.body);
        await audit.append(ok.audit);
        summary.documents++;
        summary.pipelines[entry.task.route] = (entry.task.route === "html" ? options.htmlPipeline : undefined)?.name ?? options.pipeline.name;
        counters.documents++;
        addCounts(summary, ok);
        return;
      }
      case "end": {
        const { run } = entry;
        if (entry.error !== undefined && entry.notACorpus) {
          unsettled.delete(run.writer);
          await run.writer.abort();
          summary.files.skipped++;
          options.onSkipFile?.(run.file.display, `skipped, not a corpus: ${entry.error}`);
          return;
        }
        if (entry.error !== undefined && !entry.partial) {
          unsettled.delete(run.writer);
          await run.writer.abort();
          await audit.appendError({ source: run.file.display, reason: entry.error });
          fail(run.file.display, entry.error);
          return;
        }
        // Whole-file outputs are written concurrently; record outputs stream, so their commit is a close.
        // A file that broke part way keeps the whole records read before the break, and still fails.
        const { error } = entry;
        if (error !== undefined) await audit.appendError({ source: run.file.display, reason: error });
        const committed = io(() => run.writer.commit()).then(
          () => {
            unsettled.delete(run.writer);
            if (error !== undefined) fail(run.file.display, error);
            else summary.files.ok++;
          },
          (error: Error) => {
            unsettled.delete(run.writer);
            fail(run.file.display, error.message);
          },
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
  const maxInFlight = inline ? 1 : jobs * IN_FLIGHT_PER_JOB;
  const queue: Entry[] = [];
  const push = async (entry: Entry) => {
    queue.push(entry);
    while (queue.length > maxInFlight) await settle(queue.shift()!);
  };

  try {
    for (const { file, format, outPath } of planned) {
      const run: FileRun = { file, format, writer: createOutputWriter(format.output, outPath) };
      let error: string | undefined;
      let notACorpus = false;
      let partial = false;
      unsettled.add(run.writer);
      try {
        for await (const item of format.read(file, readOptions)) await push(entryFor(item, run, format, cleaner));
      } catch (e) {
        // A write that failed (a full disk) stops the run; a file that could not be read does not.
        if (e instanceof WriteError) throw e;
        error = (e as Error).message;
        notACorpus = e instanceof NotACorpusError && file.inTree;
        partial = e instanceof PartialInputError;
      }
      await push({ kind: "end", run, error, notACorpus, partial });
    }
    while (queue.length) await settle(queue.shift()!);
    await Promise.all(commits);
    await audit.commit();
    // A run over record files always leaves a rejects file, empty when nothing was set aside.
    await rejects.finish(files.some((f) => formatFor(f.relative)!.output !== "text"));
  } catch (error) {
    // Nothing half-written stays behind: every output not yet committed is removed.
    await Promise.allSettled([audit.abort(), rejects.abort(), ...[...unsettled].map((w) => w.abort())]);
    throw error;
  } finally {
    progress.stop();
    await cleaner.close();
  }
  summary.bytes = totalBytes;
  summary.files.failed = summary.failures.length;
  summary.rules = sortKeys(summary.rules);
  summary.stages = sortKeys(summary.stages);
  return summary;
}

/**
 * The files of a run, each with its format and output path, checked before anything is
 * written (a UsageError when outputs would overlap inputs); stale temporaries removed.
 */
async function planRun(options: CleanOptions) {
  const { files, errors, duplicates } = await listInputs(options.inputs, (path) => formatFor(path) !== undefined, UNKNOWN_TYPE);
  const planned = files.map((file) => {
    const format = formatFor(file.relative)!;
    return { file, format, outPath: join(options.outDir, format.outputName(file.relative)) };
  });
  const reports = [
    { option: "--audit", path: options.auditPath },
    { option: "--rejects", path: options.rejectsPath },
    { option: "--summary", path: options.summaryPath },
  ];
  await checkRunPaths({ inputs: options.inputs, files, outDir: options.outDir, outputs: planned.map((p) => p.outPath), reports });
  await removeStaleTemporaries(options.outDir, reports.flatMap((r) => (r.path ? [r.path] : [])));
  return { planned, errors, duplicates };
}

/**
 * Only a worker can be stopped in the middle of a document, so even --jobs 1 cleans on one
 * worker and the time limit holds. Inline (no time limit) only where no worker can load the
 * same code: run from source, an HTML route given as a function, no pipeline file.
 */
function chooseCleaner(options: CleanOptions, jobs: number): { cleaner: Cleaner; inline: boolean } {
  const inline = !POOL_AVAILABLE || !options.pipelinePath || options.htmlToDocument !== undefined;
  if (inline) return { inline, cleaner: createInlineCleaner({ text: options.pipeline, html: options.htmlPipeline ?? options.pipeline }, options.htmlToDocument) };
  const cleaner = createPoolCleaner({
    pipelinePaths: { text: options.pipelinePath!, html: options.htmlPipelinePath ?? options.pipelinePath! },
    jobs,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxHeapMb: options.maxWorkerHeapMb ?? DEFAULT_WORKER_HEAP_MB,
  });
  return { inline, cleaner };
}

function entryFor(item: ReadItem, run: FileRun, format: InputFormat, cleaner: Cleaner): Entry {
  if ("skip" in item) return { kind: "skip" };
  if ("reject" in item) return { kind: "reject", run, reject: item.reject };
  const { at, ...task } = item.task;
  const outcome = cleaner.clean({ ...task, output: run.writer.outputOf(task), shape: format.output === "text" ? "text" : "record" }).then(
    (ok): Outcome => ({ ok }),
    (error: Error): Outcome => ({ error: error.message }),
  );
  return { kind: "doc", run, task: { id: task.id, source: task.source, at, route: task.route }, outcome };
}
