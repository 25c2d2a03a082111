// The `clean` job: inputs -> records -> cleaned on a worker pool (or the main thread)
// -> outputs, audit and rejects, in input order whatever the number of jobs.
// A bad record is set aside in the rejects file; a bad file is reported and skipped;
// the rest of the run goes on.
import { stat } from "node:fs/promises";
import { join } from "node:path";
import pLimit from "p-limit";
import type { Pipeline } from "../core/stage.js";
import { DEFAULT_READ_OPTIONS, NotACorpusError, PartialInputError, UNKNOWN_TYPE, formatFor, type InputFormat, type ReadItem, type ReadOptions, type ReaderTask, type RecordPosition } from "../read/formats.js";
import { setHtmlRouteOptions, type HtmlRouteOptions } from "../core/route-options.js";
import type { HtmlToDocument } from "../read/html-route.js";
import { listInputs, type InputFile } from "../read/inputs.js";
import "../read/all.js";
import { WriteError } from "../write/atomic.js";
import { AuditSink, RejectsSink } from "../write/sinks.js";
import { createOutputWriter, type OutputWriter } from "../write/outputs.js";
import { removeStaleTemporaries } from "../write/stale.js";
import { createInlineCleaner, createPoolCleaner, createSharingCleaner, createTimedInlineCleaner, SHARED_WORKER_BATCH, type PoolOptions, DEFAULT_TIMEOUT_MS, INLINE_BATCH_LIMITS, DEFAULT_WORKER_HEAP_MB, POOL_AVAILABLE, type Cleaner } from "./cleaner.js";
import { checkRunPaths } from "./paths.js";
import { BATCH_LIMITS, contentSize } from "./batches.js";
import { anyUndecidedPattern } from "../match/backtracking.js";
import { addCounts, addFileCounts, emptySummary, sortKeys, type RunSummary } from "./summary.js";
import type { FileCounts, ResumeState } from "./resume.js";
import { filesOfShard, type Shard } from "./shards.js";
import { startProgress, type ProgressCounters } from "./progress.js";
import type { CleanOutcome, CleanTask } from "./task.js";
import { outputNameIn, type OutputFormat } from "../write/render/index.js";

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
  /** Switches of the HTML route (--keep-comments, --no-extraction-records), for this thread and the pool's. */
  htmlRoute?: HtmlRouteOptions;
  /** Clean only this shard's share of the input files (run/shards.ts). */
  shard?: Shard;
  /** `--format`: whole-file outputs as .txt (default), .md or .json; `md` also makes record outputs' text Markdown. */
  format?: OutputFormat;
  /**
   * Resumable run: per-file audit and rejects parts and completion records in `OUT/_chaff/`;
   * files completed by an earlier run with the same settings are skipped (run/resume.ts).
   */
  resume?: ResumeState;
}

/** Documents read but not yet written, per job, whatever their size: enough to keep every worker busy, few enough to keep memory flat. */
const IN_FLIGHT_PER_JOB = 8;
/**
 * Batches (run/batches.ts) in flight per job: one being cleaned while the next fills, so a worker
 * does not wait for its next batch. Larger batches or more of them cost memory (16 documents and 128 kB each, three per job: peak RSS +10%, 10 MB JSONL, --jobs 2).
 */
const BATCHES_IN_FLIGHT_PER_JOB = 2;
/**
 * Documents in flight per thread when the main thread shares the work (createSharingCleaner):
 * entries settle in input order, so while the oldest documents are in a worker's batches the main
 * thread needs the next ones to clean meanwhile, and the worker its next batches. At least a
 * worker's batch (SHARED_WORKER_BATCH) per thread, whatever their size; up to four times that
 * while their content is under `bytes` per thread. With 8 documents per job (the record files'
 * setting) the main thread waited 30-160 ms per run of the 181 AEB pages at --jobs 2 with nothing
 * to clean; with up to 16 per thread, once each worker held two batches (run/worker-lanes.ts),
 * the window filled with pages cleaned behind the worker's and what waited ran dry: the worker got
 * one page per message.
 */
const SHARED_IN_FLIGHT_PER_THREAD = { documents: 8, most: 32, bytes: 8 << 20, example: "181 pages of 170 kB at --jobs 2: 64 in flight; 2 MB pages: 16" } as const;
/** Whole-file outputs being written at once (through p-limit). */
const WRITE_CONCURRENCY = 8;

interface FileRun {
  file: InputFile;
  format: InputFormat;
  writer: OutputWriter;
  /** Where this file's audit and rejects lines go: the run's sinks, or (resumable runs) its own parts. */
  audit: AuditSink;
  rejects: RejectsSink;
  /** Resumable runs: the file's share of the summary, for its completion record. */
  counts?: FileCounts;
}

function emptyCounts(): FileCounts {
  return { documents: 0, rejects: 0, documentFailures: 0, skipped: 0, chars: { in: 0, out: 0, removed: 0 }, rules: {}, stages: {} };
}

type Outcome = { ok: CleanOutcome } | { error: string };

type Entry =
  | { kind: "doc"; run: FileRun; task: Pick<ReaderTask, "id" | "source" | "at" | "route">; size: number; sent: CleanTask; outcome: Promise<Outcome> }
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
  const { planned: everyFile, errors, duplicates } = await planRun(options);
  for (const e of errors) fail(e.input, e.reason);
  for (const d of duplicates) {
    summary.files.skipped++;
    options.onSkipFile?.(d.input, d.reason);
  }
  const sized = await Promise.all(everyFile.map(async (p) => ({ ...p, key: p.file.display, size: (await stat(p.file.path)).size })));
  const planned = options.shard ? filesOfShard(sized, options.shard) : sized;
  const files = planned.map((p) => p.file);
  if (options.shard) summary.shard = { ...options.shard, inputs: files.map((f) => f.display) };
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
  for (const p of planned) if (!done.has(p.file)) totalBytes += p.size;

  // A resumable run writes each file's audit and rejects to parts of its own and assembles them at the end.
  const audit = new AuditSink(options.auditPath);
  if (!state) await audit.open();
  const rejects = new RejectsSink(options.rejectsPath);

  const counters: ProgressCounters = { documents: 0, bytes: 0, queued: 0 };
  readOptions.onBytes = (n) => {
    counters.bytes += n;
  };
  const progress = startProgress(counters, totalBytes, { quiet: options.quiet ?? false });

  setHtmlRouteOptions(options.htmlRoute);
  const { cleaner, inFlight } = chooseCleaner(options, jobs, planned.filter((p) => !done.has(p.file)), totalBytes);

  const io = pLimit(WRITE_CONCURRENCY);
  /** Output writers neither committed nor aborted yet. */
  const unsettled = new Set<OutputWriter>();
  /** Commits run concurrently; each one's outcome is counted in input order, so failures are listed the same way every run. */
  const commits: Array<Promise<() => void>> = [];

  const settle = async (entry: Entry) => {
    switch (entry.kind) {
      case "skip":
        summary.skipped++;
        if (entry.run.counts) entry.run.counts.skipped++;
        return;
      case "reject":
        summary.rejects++;
        if (entry.run.counts) entry.run.counts.rejects++;
        await entry.run.rejects.append({ kind: "reject", input: entry.run.file.display, ...entry.reject });
        return;
      case "doc": {
        cleaner.flush(entry.sent);
        const outcome = await entry.outcome;
        if ("error" in outcome) {
          summary.documentFailures++;
          if (entry.run.counts) entry.run.counts.documentFailures++;
          const { at } = entry.task;
          options.onDocumentFailure?.(at ? `${entry.run.file.display}#${"line" in at ? at.line : at.record}` : entry.run.file.display, outcome.error);
          await entry.run.rejects.append({ kind: "failure", input: entry.run.file.display, ...entry.task.at, id: entry.task.id, reason: outcome.error });
          await entry.run.audit.appendError({ doc: entry.task.id, source: entry.task.source, reason: outcome.error });
          return;
        }
        const { ok } = outcome;
        await entry.run.writer.write(ok.body);
        await entry.run.audit.append(ok.audit);
        summary.documents++;
        summary.pipelines[entry.task.route] = (entry.task.route === "html" ? options.htmlPipeline : undefined)?.name ?? options.pipeline.name;
        counters.documents++;
        addCounts(summary, ok);
        if (entry.run.counts) {
          entry.run.counts.documents++;
          addCounts(entry.run.counts, ok);
        }
        return;
      }
      case "end": {
        const { run } = entry;
        if (entry.error !== undefined && entry.notACorpus) {
          unsettled.delete(run.writer);
          await run.writer.abort();
          if (state) await Promise.all([run.audit.abort(), run.rejects.abort()]);
          summary.files.skipped++;
          options.onSkipFile?.(run.file.display, `skipped, not a corpus: ${entry.error}`);
          return;
        }
        if (entry.error !== undefined && !entry.partial) {
          unsettled.delete(run.writer);
          await run.writer.abort();
          await run.audit.appendError({ source: run.file.display, reason: entry.error });
          if (state) await closeParts(run);
          fail(run.file.display, entry.error);
          return;
        }
        // Whole-file outputs are written concurrently; record outputs stream, so their commit is a close.
        // A file that broke part way keeps the whole records read before the break, and still fails.
        const { error } = entry;
        if (error !== undefined) await run.audit.appendError({ source: run.file.display, reason: error });
        // A resumable file is complete only once its output and parts are committed, and it did not break.
        const committed = io(async () => {
          await run.writer.commit();
          if (state) {
            await closeParts(run);
            if (error === undefined) await state.complete(run.file, run.counts!);
          }
        }).then(
          () => {
            unsettled.delete(run.writer);
            return () => (error !== undefined ? fail(run.file.display, error) : summary.files.ok++);
          },
          (error: Error) => {
            unsettled.delete(run.writer);
            return () => fail(run.file.display, error.message);
          },
        );
        commits.push(committed);
        if (commits.length >= WRITE_CONCURRENCY * 4) (await commits.shift()!)();
        return;
      }
    }
  };

  // Bounded FIFO: entries are settled strictly in input order, and reading waits
  // while it is full, which is the backpressure p-limit alone does not give.
  // Untimed inline, a document is cleaned as it is queued: holding more than one only delays its
  // write. Documents cleaned inline under a time limit, or on workers, go in batches
  // (INLINE_BATCH_LIMITS, BATCH_LIMITS), so more of them may be in flight, up to as many batches'
  // worth of content; never fewer documents than IN_FLIGHT_PER_JOB, whatever their size.
  const { min: minInFlight, max: maxInFlight, size: maxSizeInFlight } = inFlight;
  const queue: Entry[] = [];
  let sizeInFlight = 0;
  const push = async (entry: Entry) => {
    if (entry.kind === "doc") {
      counters.queued!++;
      sizeInFlight += entry.size;
    }
    queue.push(entry);
    while (queue.length > maxInFlight || (queue.length > minInFlight && sizeInFlight > maxSizeInFlight)) await settleFirst();
  };
  const settleFirst = async () => {
    const entry = queue.shift()!;
    if (entry.kind === "doc") sizeInFlight -= entry.size;
    await settle(entry);
  };

  try {
    const readAhead = startReadAhead(planned.filter((p) => !done.has(p.file)), readOptions);
    for (const { file, format, outPath } of planned) {
      const completed = done.get(file);
      if (completed) {
        summary.files.ok++;
        addFileCounts(summary, completed);
        continue;
      }
      const run: FileRun = state
        ? { file, format, writer: createOutputWriter(format.output, outPath), ...state.openParts(file), counts: emptyCounts() }
        : { file, format, writer: createOutputWriter(format.output, outPath), audit, rejects };
      if (state) await run.audit.open();
      let error: string | undefined;
      let notACorpus = false;
      let partial = false;
      unsettled.add(run.writer);
      try {
        for await (const item of readAhead(file) ?? format.read(file, readOptions)) await push(entryFor(item, run, format, cleaner, options.format));
      } catch (e) {
        // A write that failed (a full disk) stops the run; a file that could not be read does not.
        if (e instanceof WriteError) throw e;
        error = (e as Error).message;
        notACorpus = e instanceof NotACorpusError && file.inTree;
        partial = e instanceof PartialInputError;
      }
      await push({ kind: "end", run, error, notACorpus, partial });
    }
    while (queue.length) await settleFirst();
    for (const committed of commits) (await committed)();
    // A run over record files always leaves a rejects file, empty when nothing was set aside.
    const keepRejects = files.some((f) => formatFor(f.relative)!.output !== "text");
    if (state) {
      await state.assemble(files, "audit", options.auditPath);
      if (keepRejects || summary.rejects > 0 || summary.documentFailures > 0) await state.assemble(files, "rejects", options.rejectsPath);
    } else {
      await audit.commit();
      await rejects.finish(keepRejects);
    }
  } catch (error) {
    // Nothing half-written stays behind: every output not yet committed is removed.
    await Promise.allSettled([audit.abort(), rejects.abort(), ...[...unsettled].map((w) => w.abort())]);
    throw error;
  } finally {
    progress.stop();
    await cleaner.close();
  }

  /** Commits a file's own audit and rejects parts (its error lines too, when it failed). */
  async function closeParts(run: FileRun): Promise<void> {
    await run.audit.commit();
    await run.rejects.finish(false);
  }
  summary.bytes = totalBytes;
  summary.files.failed = summary.failures.length;
  summary.rules = sortKeys(summary.rules);
  summary.stages = sortKeys(summary.stages);
  return summary;
}

/**
 * One-document files (pages, texts) read ahead of the one being queued. Read when their turn comes,
 * each costs several turns of the event loop (open, read, close), and while the main thread cleans
 * (--jobs 1, or as one of the jobs) each turn waits for a document: on the 181 AEB pages at --jobs 2
 * files came in slower than the worker cleaned them, which sat idle a third of the time.
 */
export const READ_AHEAD = { files: 8, bytes: 8 << 20, example: "the next 8 pages of 170 kB; the next four 2 MB pages; the next 30 MB page alone" } as const;

/**
 * Starts reading the one-document files of `todo` ahead (READ_AHEAD), in order; returns, for a
 * file, its items as read ahead (the file's error, if any, thrown after them, as its own reader
 * would), or undefined for a file not read ahead (a record file: it streams).
 */
export function startReadAhead(todo: ReadonlyArray<{ file: InputFile; format: InputFormat; size: number }>, readOptions: ReadOptions): (file: InputFile) => AsyncIterable<ReadItem> | undefined {
  const ahead = new Map<InputFile, { read: Promise<{ items: ReadItem[]; error?: unknown }>; size: number }>();
  let next = 0;
  let bytesAhead = 0;
  const collect = async (p: (typeof todo)[number]) => {
    const items: ReadItem[] = [];
    try {
      for await (const item of p.format.read(p.file, readOptions)) items.push(item);
      return { items };
    } catch (error) {
      return { items, error };
    }
  };
  const fill = () => {
    while (next < todo.length && ahead.size < READ_AHEAD.files && (ahead.size === 0 || bytesAhead + todo[next].size <= READ_AHEAD.bytes)) {
      const p = todo[next++];
      if (!ONE_DOCUMENT_FORMATS.has(p.format.name)) {
        // A record file streams in its turn: reading ahead stops at it until the files before it are
        // taken, then goes on past it.
        if (ahead.size > 0) next--;
        else continue;
        return;
      }
      bytesAhead += p.size;
      ahead.set(p.file, { read: collect(p), size: p.size });
    }
  };
  return (file) => {
    fill();
    const taken = ahead.get(file);
    if (!taken) return undefined;
    ahead.delete(file);
    bytesAhead -= taken.size;
    fill();
    const { read } = taken;
    return (async function* () {
      const { items, error } = await read;
      yield* items;
      if (error !== undefined) throw error;
    })();
  };
}

/** The input files of a run in input order, each with its format and output path (nothing checked, nothing written). */
export async function listPlannedFiles(inputs: string[], outDir: string, outputFormat?: OutputFormat) {
  const { files, errors, duplicates } = await listInputs(inputs, (path) => formatFor(path) !== undefined, UNKNOWN_TYPE);
  const planned = files.map((file) => {
    const format = formatFor(file.relative)!;
    return { file, format, outPath: join(outDir, format.output === "text" ? outputNameIn(outputFormat, format.outputName(file.relative)) : format.outputName(file.relative)) };
  });
  return { planned, files, errors, duplicates };
}

/**
 * The files of a run, each with its format and output path, checked before anything is
 * written (a UsageError when outputs would overlap inputs); stale temporaries removed.
 */
async function planRun(options: CleanOptions) {
  const { planned, files, errors, duplicates } = await listPlannedFiles(options.inputs, options.outDir, options.format);
  const reports = [
    { option: "--audit", path: options.auditPath },
    { option: "--rejects", path: options.rejectsPath },
    { option: "--summary", path: options.summaryPath },
  ];
  // Every file of every shard is checked, so each shard finds the same clash.
  checkRunPaths({ inputs: options.inputs, files, outDir: options.outDir, outputs: planned.map((p) => p.outPath), reports });
  // Shards on other machines may be writing into the same folder right now, and their process
  // ids mean nothing here: a sharded run sweeps only its own files' temporaries (runClean).
  if (!options.shard) await removeStaleTemporaries(options.outDir, reports.flatMap((r) => (r.path ? [r.path] : [])));
  return { planned, errors, duplicates };
}

/**
 * A run this small (plain-text files only) is cleaned on the main thread: starting a worker
 * costs more than the work (a worker loads every module and rule table again). It needs no
 * time limit: every built-in pattern and every pipeline-file pattern the checker could decide
 * runs in linear time (src/match/backtracking.ts), so a text this size cannot stall.
 */
export const INLINE_TEXT_MAX_BYTES = 1 << 20;

/**
 * A small run of anything else (an HTML page, a few pages, a small record file) is cleaned on the
 * main thread too: a worker's start (a thread, and every module and rule table loaded a second
 * time) costs more than the work. Time limits hold all the same: each document is extracted and
 * cleaned synchronously under a limit that V8 enforces (src/run/time-limit.ts), and after a
 * document runs out of time the rest of the run goes to a worker (createTimedInlineCleaner), so
 * nothing runs after it on what it left half-done. (The heap is the main thread's, not capped by
 * --worker-heap: hence small.)
 */
export const INLINE_TIMED_MAX_BYTES = 1 << 20;

/**
 * At --jobs 1 an HTML page up to this size is cleaned on the main thread, under its time limit; a
 * larger one on a worker whose heap --worker-heap caps. The main thread's heap has no such cap, and
 * a page's tree can take ~150x its size (3.2 MB of dense <p><a><span> markup: 506 MB resident),
 * so at 2 MB a page stays within a few hundred MB. Real pages are far smaller: the largest of the
 * 181 AEB pages is 1.5 MB, and took 109 MB.
 */
export const INLINE_PAGE_MAX_BYTES = { value: 2 << 20, example: "a 170 kB or a 1.5 MB news page: the main thread; a 30 MB page: the worker" } as const;

/** Whether a run cleaned as at --jobs 1 (`timed: "bounded"`) cleans `task` on the main thread, else on its one worker. */
export function cleanedOnMainThread(task: Pick<CleanTask, "route" | "content">): boolean {
  return task.route === "text" || contentSize(task.content) <= INLINE_PAGE_MAX_BYTES.value;
}

/** Formats that hold one document per file: a run of N such files never needs more than N workers. */
const ONE_DOCUMENT_FORMATS = new Set(["text", "html"]);

/**
 * One-document files each thread should get before another one cleans (the main thread counts as
 * one, createSharingCleaner). A worker pays for its start (loading the modules, compiling the rules,
 * V8 optimising the same code again in its own isolate) before its first document, and on 60 AEB
 * pages two workers were slower than one (0.77x-0.94x, issue 12). A run that would get one thread is
 * cleaned as at --jobs 1, on the main thread.
 */
export const FILES_PER_WORKER = { value: 64, example: "20 or 60 HTML pages clean on the main thread, as at --jobs 1; 181 on the main thread and one worker (with --jobs 2)" } as const;

/**
 * Small runs (INLINE_TEXT_MAX_BYTES, INLINE_TIMED_MAX_BYTES) clean on the main thread, each
 * document under its time limit but a small plain-text run's (which needs none). At --jobs 1 a
 * larger run's text documents and its HTML pages up to INLINE_PAGE_MAX_BYTES do too: a worker
 * would add its start and every document's trip to it and back on the same single core (10 MB of
 * JSONL on one worker: 1.4x the CPU for the floor pipeline, 1.17x for news; the 181 AEB pages:
 * 1.14x). A text document's memory is bounded by its size (linear stages); a larger page goes to
 * one worker, whose heap --worker-heap caps, as a page's tree can take many times its size.
 * Larger runs at --jobs N >= 2 clean on N workers; runs of one-document files on the main thread and
 * N - 1 workers (createSharingCleaner), unless a pipeline pattern might backtrack.
 * Inline also where no worker can load the same code: run from source, an HTML route given
 * as a function, no pipeline file.
 */
/** How many documents may wait in the run's queue (`min`..`max`; past `min` only while their content is under `size`). */
interface InFlight {
  min: number;
  max: number;
  size: number;
}

function chooseCleaner(options: CleanOptions, jobs: number, todo: ReadonlyArray<{ format: InputFormat }>, todoBytes: number): { cleaner: Cleaner; inFlight: InFlight } {
  const workersPossible = POOL_AVAILABLE && options.pipelinePath !== undefined && options.htmlToDocument === undefined;
  const { inline, threads, timed, shared } = planCleaner({ workersPossible, jobs, formats: todo.map((p) => p.format.name), bytes: todoBytes, undecidedPattern: anyUndecidedPattern() });
  const pipelines = { text: options.pipeline, html: options.htmlPipeline ?? options.pipeline };
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const pool = (jobs: number, batchLimits?: PoolOptions["batchLimits"]) =>
    createPoolCleaner({
      batchLimits,
      pipelinePaths: { text: options.pipelinePath!, html: options.htmlPipelinePath ?? options.pipelinePath! },
      jobs,
      timeoutMs,
      maxHeapMb: options.maxWorkerHeapMb ?? DEFAULT_WORKER_HEAP_MB,
      htmlRoute: options.htmlRoute,
    });
  if (timed) {
    const here = timed === "bounded" ? cleanedOnMainThread : undefined;
    return { inFlight: { min: 1, max: INLINE_BATCH_LIMITS.documents, size: INLINE_BATCH_LIMITS.size }, cleaner: createTimedInlineCleaner(pipelines, timeoutMs, () => pool(1), here) };
  }
  if (inline) return { inFlight: { min: 1, max: 1, size: Infinity }, cleaner: createInlineCleaner(pipelines, options.htmlToDocument) };
  const min = jobs * IN_FLIGHT_PER_JOB;
  const inFlight = { min, max: Math.max(min, jobs * BATCHES_IN_FLIGHT_PER_JOB * BATCH_LIMITS.documents), size: jobs * BATCHES_IN_FLIGHT_PER_JOB * BATCH_LIMITS.size };
  // A one-document file is two entries in the queue: its document and its end.
  const sharedInFlight = { min: threads * 2 * SHARED_IN_FLIGHT_PER_THREAD.documents, max: threads * 2 * SHARED_IN_FLIGHT_PER_THREAD.most, size: threads * SHARED_IN_FLIGHT_PER_THREAD.bytes };
  if (shared) return { inFlight: sharedInFlight, cleaner: createSharingCleaner(pipelines, timeoutMs, pool(threads - 1, SHARED_WORKER_BATCH), cleanedOnMainThread) };
  return { inFlight, cleaner: pool(threads) };
}

/**
 * Where a run's documents are cleaned: inline (`timed`: under a time limit on the main thread;
 * "bounded": but for the HTML pages over INLINE_PAGE_MAX_BYTES, on one worker), or by how many
 * threads (`shared`: the main thread is one of them, beside threads - 1 workers).
 */
export function planCleaner(run: { workersPossible: boolean; jobs: number; formats: readonly string[]; bytes: number; undecidedPattern: boolean }): { inline: boolean; threads: number; timed?: true | "bounded"; shared?: true } {
  const smallTextRun = run.bytes <= INLINE_TEXT_MAX_BYTES && run.formats.every((f) => f === "text") && !run.undecidedPattern;
  if (!run.workersPossible || smallTextRun) return { inline: true, threads: 0 };
  const smallRun = run.bytes <= INLINE_TIMED_MAX_BYTES && !run.undecidedPattern;
  if (smallRun) return { inline: true, threads: 0, timed: true };
  const oneDocumentFiles = run.formats.every((f) => ONE_DOCUMENT_FORMATS.has(f));
  const threads = oneDocumentFiles ? Math.max(1, Math.min(run.jobs, Math.floor(run.formats.length / FILES_PER_WORKER.value))) : run.jobs;
  // One worker would do what --jobs 1 does on the main thread, at the cost of its start and the trips.
  if (run.undecidedPattern) return { inline: false, threads };
  if (threads === 1) return { inline: true, threads: 0, timed: "bounded" };
  // N jobs on N threads, not N + 1: the main thread cleans between reading and writing files. Not
  // for record files: reading, parsing and writing their records keep the main thread busy enough
  // (30 MB of JSONL, news, --jobs 2: 2.99 s of wall time beside one worker, 2.77 s with two workers).
  return oneDocumentFiles ? { inline: false, threads, shared: true } : { inline: false, threads };
}

function entryFor(item: ReadItem, run: FileRun, format: InputFormat, cleaner: Cleaner, outputFormat: OutputFormat | undefined): Entry {
  if ("skip" in item) return { kind: "skip", run };
  if ("reject" in item) return { kind: "reject", run, reject: item.reject };
  const { at, ...task } = item.task;
  const sent: CleanTask = { ...task, output: run.writer.outputOf(task), shape: format.output === "text" ? "text" : "record", format: outputFormat };
  const outcome = cleaner.clean(sent).then(
    (ok): Outcome => ({ ok }),
    (error: Error): Outcome => ({ error: error.message }),
  );
  return { kind: "doc", run, task: { id: task.id, source: task.source, at, route: task.route }, size: contentSize(task.content), sent, outcome };
}
