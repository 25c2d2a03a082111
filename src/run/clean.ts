// The `clean` job: inputs -> records -> cleaned on a worker pool (or the main thread)
// -> outputs, audit and rejects, in input order whatever the number of jobs.
// A bad record is set aside in the rejects file; a bad file is reported and skipped;
// the rest of the run goes on.
import { stat } from "node:fs/promises";
import { join } from "node:path";
import pLimit from "p-limit";
import type { Pipeline } from "../core/stage.js";
import { DEFAULT_READ_OPTIONS, NotACorpusError, PartialInputError, UNKNOWN_TYPE, formatFor, type InputFormat, type OutputWriter, type ReadItem, type ReadOptions, type ReaderTask, type RecordPosition } from "../read/formats.js";
import type { HtmlToDocument } from "../read/html-route.js";
import { setHtmlRouteOptions, type HtmlRouteOptions } from "../extract/options.js";
import { listInputs, type InputFile } from "../read/inputs.js";
import "../read/all.js";
import { AtomicWriteStream, WriteError } from "../write/atomic.js";
import { removeStaleTemporaries } from "../write/stale.js";
import { createInlineCleaner, createPoolCleaner, DEFAULT_TIMEOUT_MS, DEFAULT_WORKER_HEAP_MB, POOL_AVAILABLE, type Cleaner } from "./cleaner.js";
import { checkRunPaths } from "./paths.js";
import { startProgress, type ProgressCounters } from "./progress.js";
import type { CleanOutcome } from "./task.js";
import type { CorpusSummary } from "./corpus-pass.js";
import { ResumeState, type FileCounts } from "./resume.js";
import { filesOfShard, type Shard } from "./shards.js";

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
  /** HTML route switches (--keep-comments, --no-extraction-records), set on every thread. */
  htmlRoute?: HtmlRouteOptions;
  /** The HTML route for inline runs (pool workers use read/html-route.ts). */
  htmlToDocument?: HtmlToDocument;
  quiet?: boolean;
  /** Where the caller will write the summary, so that it too is checked against the inputs. */
  summaryPath?: string;
  /** Called for each file of a directory tree that is skipped, not failed (not a corpus after all, or reached twice), with the reason. */
  onSkipFile?: (source: string, reason: string) => void;
  /** Called for each document that could not be cleaned, with `PATH` or `PATH#record` and a one-line reason. */
  onDocumentFailure?: (where: string, reason: string) => void;
  /** Clean only this shard's share of the input files (run/shards.ts). */
  shard?: Shard;
  /**
   * Resumable run: per-file audit and rejects parts and completion records in `OUT/_chaff/`;
   * files completed by an earlier run with the same settings are skipped (run/resume.ts).
   */
  resume?: ResumeState;
  /** Called for each failed input file with a one-line reason. */
  onError?: (source: string, reason: string) => void;
}

export interface RunSummary {
  /** The pipeline named for the text route. */
  pipeline: string;
  /** The pipeline each route cleaned its documents with, for the routes that cleaned any. */
  pipelines: { text?: string; html?: string };
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
  /** The shard this run cleaned, and its input files (absent when unsharded). */
  shard?: Shard & { inputs: string[] };
  /** Input files a resumable run found complete from an earlier run and did not clean again. */
  resumed?: number;
  /** What the corpus stages did (run/corpus-pass.ts), when the pipeline has any. */
  corpus?: CorpusSummary;
}

export function emptySummary(pipeline: string): RunSummary {
  return {
    pipeline,
    pipelines: {},
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
  /** Resumable runs: this file's own audit and rejects parts, and its share of the summary. */
  parts?: { audit: AtomicWriteStream; rejects: AtomicWriteStream; auditBuffer: string; rejectsUsed: boolean; counts: FileCounts };
}

function emptyCounts(): FileCounts {
  return { documents: 0, rejects: 0, documentFailures: 0, skipped: 0, chars: { in: 0, out: 0, removed: 0 }, rules: {}, stages: {} };
}

type Outcome = { ok: CleanOutcome } | { error: string };

type Entry =
  | { kind: "doc"; run: FileRun; task: Pick<ReaderTask, "id" | "source" | "at" | "route">; outcome: Promise<Outcome> }
  | { kind: "reject"; run: FileRun; reject: RecordPosition & { reason: string } }
  | { kind: "skip"; run: FileRun }
  | { kind: "end"; run: FileRun; error?: string; notACorpus?: boolean; partial?: boolean };

export async function runClean(options: CleanOptions): Promise<RunSummary> {
  const summary = emptySummary(options.pipeline.name);
  const jobs = Math.max(1, options.jobs ?? 1);
  const readOptions: ReadOptions = { ...DEFAULT_READ_OPTIONS, ...options.read };
  const fail = (source: string, reason: string) => {
    summary.failures.push({ source, reason });
    options.onError?.(source, reason);
  };
  const listed = await listInputs(options.inputs, (path) => formatFor(path) !== undefined, UNKNOWN_TYPE);
  const outputOf = (file: InputFile) => join(options.outDir, formatFor(file.relative)!.outputName(file.relative));
  // Every file of every shard is checked, so each shard finds the same clash.
  await checkRunPaths({
    inputs: options.inputs,
    files: listed.files,
    outDir: options.outDir,
    outputs: listed.files.map(outputOf),
    reports: [
      { option: "--audit", path: options.auditPath },
      { option: "--rejects", path: options.rejectsPath },
      ...(options.summaryPath ? [{ option: "--summary", path: options.summaryPath }] : []),
    ],
  });
  // Shards on other machines may be writing into the same folder right now, and their process
  // ids mean nothing here: a sharded run sweeps only its own files' temporaries (below).
  if (!options.shard) await removeStaleTemporaries(options.outDir, [options.auditPath, options.rejectsPath, options.summaryPath].filter((p) => p !== undefined));
  for (const e of listed.errors) fail(e.input, e.reason);
  for (const d of listed.duplicates) {
    summary.files.skipped++;
    options.onSkipFile?.(d.input, d.reason);
  }
  const sized = await Promise.all(listed.files.map(async (file) => ({ ...file, key: file.display, size: (await stat(file.path)).size })));
  const files = options.shard ? filesOfShard(sized, options.shard) : sized;
  if (options.shard) summary.shard = { ...options.shard, inputs: files.map((f) => f.display) };
  const planned = files.map((file) => ({ file, format: formatFor(file.relative)!, outPath: outputOf(file) }));
  const state = options.resume;
  // Files an earlier run completed with the same settings: their counts join the summary, their work is not redone.
  const done = new Map<InputFile, FileCounts>();
  if (state) {
    for (const { file, outPath } of planned) {
      const counts = await state.completed(file, outPath);
      if (counts) done.set(file, counts);
      else await state.forget(file);
    }
    summary.resumed = done.size;
    // What a killed run of this shard left half-written goes before anything is rewritten; the shard's lock makes that safe.
    const targets = [options.auditPath, options.rejectsPath];
    for (const { file, outPath } of planned) targets.push(outPath, ...state.targetsOf(file));
    await state.sweepTemporaries(targets);
  }
  let totalBytes = 0;
  for (const file of files) if (!done.has(file)) totalBytes += file.size;

  // A resumable run writes each file's audit and rejects to parts and assembles them at the end.
  const audit = state ? undefined : new AtomicWriteStream(options.auditPath);
  await audit?.open();
  let auditBuffer = "";
  const appendAudit = async (run: FileRun, lines: string) => {
    if (run.parts) {
      run.parts.auditBuffer += lines;
      if (run.parts.auditBuffer.length >= AUDIT_BUFFER) {
        await run.parts.audit.write(run.parts.auditBuffer);
        run.parts.auditBuffer = "";
      }
      return;
    }
    auditBuffer += lines;
    if (auditBuffer.length >= AUDIT_BUFFER) {
      await audit!.write(auditBuffer);
      auditBuffer = "";
    }
  };
  const rejects = state ? undefined : new AtomicWriteStream(options.rejectsPath);
  let rejectsUsed = false;
  const appendReject = async (run: FileRun, line: Record<string, unknown>) => {
    rejectsUsed = true;
    if (run.parts) {
      run.parts.rejectsUsed = true;
      await run.parts.rejects.write(JSON.stringify(line) + "\n");
    } else await rejects!.write(JSON.stringify(line) + "\n");
  };
  /** Commits a file's parts (the audit's error line of a failed file too); a notice-skipped file leaves none. */
  const closeParts = async (run: FileRun, keep: boolean) => {
    if (!run.parts) return;
    if (!keep) {
      await run.parts.audit.abort();
      await run.parts.rejects.abort();
      return;
    }
    await run.parts.audit.write(run.parts.auditBuffer);
    run.parts.auditBuffer = "";
    await run.parts.audit.commit();
    if (run.parts.rejectsUsed) await run.parts.rejects.commit();
    else await run.parts.rejects.abort();
  };

  const counters: ProgressCounters = { documents: 0, bytes: 0 };
  readOptions.onBytes = (n) => {
    counters.bytes += n;
  };
  const progress = startProgress(counters, totalBytes, { quiet: options.quiet ?? false });

  let cleaner: Cleaner;
  setHtmlRouteOptions(options.htmlRoute);
  // Only a worker can be stopped in the middle of a document, so even --jobs 1 cleans on one
  // worker and the time limit holds. Inline (no time limit) only where no worker can load
  // the same code: run from source, an HTML route given as a function, no pipeline file.
  const inline = !POOL_AVAILABLE || !options.pipelinePath || options.htmlToDocument !== undefined;
  if (inline) cleaner = createInlineCleaner({ text: options.pipeline, html: options.htmlPipeline ?? options.pipeline }, options.htmlToDocument);
  else {
    cleaner = createPoolCleaner({
      pipelinePaths: { text: options.pipelinePath!, html: options.htmlPipelinePath ?? options.pipelinePath! },
      jobs,
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      maxHeapMb: options.maxWorkerHeapMb ?? DEFAULT_WORKER_HEAP_MB,
      htmlRoute: options.htmlRoute,
    });
  }

  const io = pLimit(WRITE_CONCURRENCY);
  /** Output writers neither committed nor aborted yet. */
  const unsettled = new Set<OutputWriter>();
  const commits: Array<Promise<void>> = [];

  const settle = async (entry: Entry) => {
    switch (entry.kind) {
      case "skip":
        summary.skipped++;
        if (entry.run.parts) entry.run.parts.counts.skipped++;
        return;
      case "reject":
        summary.rejects++;
        if (entry.run.parts) entry.run.parts.counts.rejects++;
        await appendReject(entry.run, { kind: "reject", input: entry.run.file.display, ...entry.reject });
        return;
      case "doc": {
        const outcome = await entry.outcome;
        if ("error" in outcome) {
          summary.documentFailures++;
          if (entry.run.parts) entry.run.parts.counts.documentFailures++;
          const { at } = entry.task;
          options.onDocumentFailure?.(at ? `${entry.run.file.display}#${"line" in at ? at.line : at.record}` : entry.run.file.display, outcome.error);
          await appendReject(entry.run, { kind: "failure", input: entry.run.file.display, ...entry.task.at, id: entry.task.id, reason: outcome.error });
          await appendAudit(entry.run, JSON.stringify({ type: "error", doc: entry.task.id, source: entry.task.source, reason: outcome.error }) + "\n");
          return;
        }
        const { ok } = outcome;
        await entry.run.writer.write(ok.body);
        await appendAudit(entry.run, ok.audit);
        summary.documents++;
        summary.pipelines[entry.task.route] = (entry.task.route === "html" ? options.htmlPipeline : undefined)?.name ?? options.pipeline.name;
        counters.documents++;
        addCounts(summary, ok);
        if (entry.run.parts) {
          entry.run.parts.counts.documents++;
          addCounts(entry.run.parts.counts, ok);
        }
        return;
      }
      case "end": {
        const { run } = entry;
        if (entry.error !== undefined && entry.notACorpus) {
          unsettled.delete(run.writer);
          await run.writer.abort();
          await closeParts(run, false);
          summary.files.skipped++;
          options.onSkipFile?.(run.file.display, `skipped, not a corpus: ${entry.error}`);
          return;
        }
        if (entry.error !== undefined && !entry.partial) {
          unsettled.delete(run.writer);
          await run.writer.abort();
          await appendAudit(run, JSON.stringify({ type: "error", source: run.file.display, reason: entry.error }) + "\n");
          await closeParts(run, true);
          fail(run.file.display, entry.error);
          return;
        }
        // Whole-file outputs are written concurrently; record outputs stream, so their commit is a close.
        // A file that broke part way keeps the whole records read before the break, and still fails.
        const { error } = entry;
        if (error !== undefined) await appendAudit(run, JSON.stringify({ type: "error", source: run.file.display, reason: error }) + "\n");
        // A resumable file is complete only once its output and parts are all committed (and it did not break).
        const committed = io(async () => {
          await run.writer.commit();
          await closeParts(run, true);
          if (state && run.parts && error === undefined) await state.complete(run.file, run.parts.counts);
        }).then(
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
      const completed = done.get(file);
      if (completed) {
        summary.files.ok++;
        addFileCounts(summary, completed);
        continue;
      }
      const run: FileRun = { file, format, writer: format.createWriter(outPath) };
      if (state) run.parts = { ...state.openParts(file), auditBuffer: "", rejectsUsed: false, counts: emptyCounts() };
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
    const wantRejects = rejectsUsed || summary.rejects > 0 || summary.documentFailures > 0 || files.some((f) => formatFor(f.relative)!.shape === "record");
    if (state) {
      await state.assemble(files, "audit", options.auditPath);
      if (wantRejects) await state.assemble(files, "rejects", options.rejectsPath);
    } else {
      await audit!.write(auditBuffer);
      await audit!.commit();
      if (wantRejects) await rejects!.commit();
      else await rejects!.abort();
    }
  } catch (error) {
    // Nothing half-written stays behind: every output not yet committed is removed.
    await Promise.allSettled([audit?.abort(), rejects?.abort(), ...[...unsettled].map((w) => w.abort())]);
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

function entryFor(item: ReadItem, run: FileRun, format: InputFormat, cleaner: Cleaner): Entry {
  if ("skip" in item) return { kind: "skip", run };
  if ("reject" in item) return { kind: "reject", run, reject: item.reject };
  const { at, ...task } = item.task;
  const outcome = cleaner.clean({ ...task, output: run.writer.outputOf(task), shape: format.shape }).then(
    (ok): Outcome => ({ ok }),
    (error: Error): Outcome => ({ error: error.message }),
  );
  return { kind: "doc", run, task: { id: task.id, source: task.source, at, route: task.route }, outcome };
}

/** Adds a completed file's counts, from its completion record, to the summary. */
function addFileCounts(summary: RunSummary, counts: FileCounts): void {
  summary.documents += counts.documents;
  summary.rejects += counts.rejects;
  summary.documentFailures += counts.documentFailures;
  summary.skipped += counts.skipped;
  addCounts(summary, counts);
}

function addCounts(summary: Pick<RunSummary, "chars" | "rules" | "stages">, outcome: Pick<CleanOutcome, "chars" | "rules" | "stages">): void {
  summary.chars.in += outcome.chars.in;
  summary.chars.out += outcome.chars.out;
  summary.chars.removed += outcome.chars.removed;
  for (const [k, v] of Object.entries(outcome.rules)) summary.rules[k] = (summary.rules[k] ?? 0) + v;
  for (const [k, v] of Object.entries(outcome.stages)) summary.stages[k] = (summary.stages[k] ?? 0) + v;
}

function sortKeys(record: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
