#!/usr/bin/env node
// Argument parsing and exit codes only; the work lives in run/. The `chaff` command is bin.cts,
// which answers --version itself and starts node with its V8 flags (--no-regexp-tier-up...).
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { Command } from "commander";
// Only the option defaults load up front: each command imports what it needs when it runs,
// so `--version` and `--help` load nothing else.
import { DEFAULT_HTML_PIPELINE, DEFAULT_MAX_DOCUMENT_MB, DEFAULT_PIPELINE, DEFAULT_TIMEOUT_MS, DEFAULT_WORKER_HEAP_MB, defaultJobs } from "./run/defaults.js";
import type { ColourChoice } from "./run/explain.js";
import { PACKAGE_ROOT } from "./run/package-root.js";
import { UsageError } from "./run/paths.js";
import type { CorpusStageEntry } from "./run/corpus-pass.js";
import type { ResumeState } from "./run/resume.js";
import type { Shard } from "./run/shards.js";
import type { RunSummary } from "./run/summary.js";

const pkg = JSON.parse(readFileSync(join(PACKAGE_ROOT, "package.json"), "utf8")) as { version: string };

/** Default audit path: beside the output folder, so `--out` holds only clean files. */
export function defaultAuditPath(outDir: string): string {
  return withoutTrailingSeparators(resolve(outDir)) + ".audit.jsonl";
}

/** Default rejects file: beside the output folder, like the audit. */
export function defaultRejectsPath(outDir: string): string {
  return withoutTrailingSeparators(resolve(outDir)) + ".rejects.jsonl";
}

/** The path without the slashes it ends with (a loop: `/[\\/]+$/` tries every start in a run of them). */
function withoutTrailingSeparators(path: string): string {
  let end = path.length;
  while (end > 0 && (path[end - 1] === "/" || path[end - 1] === "\\")) end--;
  return path.slice(0, end);
}

function positiveInteger(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) fail(`${name} must be a whole number of at least 1, got "${value}"`);
    return n;
  };
}

function fail(message: string): never {
  process.stderr.write(`chaff: ${message}\n`);
  process.exit(2);
}

/** An explicit --html-pipeline, else an explicit --pipeline (it serves every route), else `html`. */
function htmlPipelineFor(opts: { pipeline: string; htmlPipeline?: string; favor?: string }, command: Command): string {
  return favoured(opts.htmlPipeline ?? (command.getOptionValueSource("pipeline") === "default" ? DEFAULT_HTML_PIPELINE : opts.pipeline), opts.favor);
}

/** The pipelines that have --favor presets (pipelines/<name>-precision.json and -recall.json). */
const FAVOR_PRESETS = ["html", "web-text"];
const FAVOR_CHOICES = ["precision", "recall"];

/** `html` with --favor precision is `html-precision`; pipelines without presets stay as they are. */
function favoured(name: string, favor: string | undefined): string {
  return favor && FAVOR_PRESETS.includes(name) ? `${name}-${favor}` : name;
}

/** The text route's pipeline name, and a usage error when --favor has nothing to act on. */
function textPipelineFor(opts: { pipeline: string; htmlPipeline?: string; favor?: string }, command: Command, verb: string): string {
  if (opts.favor !== undefined) {
    if (!FAVOR_CHOICES.includes(opts.favor)) fail(`${verb}: --favor must be precision or recall, got "${opts.favor}"`);
    const html = opts.htmlPipeline ?? (command.getOptionValueSource("pipeline") === "default" ? DEFAULT_HTML_PIPELINE : opts.pipeline);
    if (!FAVOR_PRESETS.includes(opts.pipeline) && !FAVOR_PRESETS.includes(html))
      fail(`${verb}: --favor has presets for the ${FAVOR_PRESETS.join(" and ")} pipelines only (pipelines/<name>-${opts.favor}.json); edit a copy of your pipeline instead`);
  }
  return favoured(opts.pipeline, opts.favor);
}

const FAVOR_HELP = "precision (less junk, some text lost) or recall (more text, more junk): presets of the html and web-text pipelines, pipelines/<name>-precision.json and -recall.json";

const program = new Command()
  .name("chaff")
  .description("Strip boilerplate from scraped web text, with an audit of every removal.")
  .version(pkg.version, "-V, --version");

interface CleanFlags {
  out?: string;
  audit?: string;
  rejects?: string;
  pipeline: string;
  htmlPipeline?: string;
  textField: string;
  idField: string;
  html?: boolean;
  text?: boolean;
  jobs: number;
  timeout: number;
  workerHeap: number;
  maxDocumentMb: number;
  quiet?: boolean;
  summary?: string;
  shard?: string;
  shards?: number;
  resume?: boolean;
  force?: boolean;
  urlField?: string;
  keepComments?: boolean;
  extractionRecords: boolean;
  format: string;
  jsonl?: boolean;
  favor?: string;
}

const FORMATS = ["txt", "md", "json"];

/** Options that have no meaning when cleaning stdin to stdout (one document or a stream of records on this thread). */
const NOT_FOR_STDIN: Array<[keyof CleanFlags, string]> = [
  ["out", "--out (stdin is cleaned to stdout)"],
  ["jobs", "--jobs (stdin is cleaned on the main thread)"],
  ["timeout", "--timeout (stdin is cleaned on the main thread, which cannot be stopped)"],
  ["workerHeap", "--worker-heap (no workers for stdin)"],
  ["shard", "--shard"],
  ["shards", "--shards"],
  ["resume", "--resume"],
  ["force", "--force"],
  ["urlField", "--url-field (corpus stages do not run on stdin)"],
];

const cleanCommand = program
  .command("clean")
  .description("Clean files, directory trees or record files (JSON, JSONL, WARC, gzipped or not) into --out, or stdin to stdout with `-`.")
  .argument("<input...>", "files or directories to clean; `-` reads stdin and writes stdout")
  .option("-o, --out <dir>", "output directory (required unless the input is `-`)")
  .option("-a, --audit <file>", "audit log (JSON lines); default: <out>.audit.jsonl beside the output directory")
  .option("-r, --rejects <file>", "rejected records and failed documents (JSON lines); default: <out>.rejects.jsonl")
  .option("-p, --pipeline <name|path>", "pipeline name (in pipelines/) or path to a pipeline file", DEFAULT_PIPELINE)
  .option("--html-pipeline <name|path>", "pipeline for documents extracted from HTML (default: `html`, or --pipeline when that is given)")
  .option("--summary <file>", "also write the run summary (counts per rule and stage) as JSON")
  .option("--keep-comments", "keep readers' comment sections in the text: HTML (still labelled html/comments in the metadata) and the web-text pipeline")
  .option("--no-extraction-records", "HTML: no audit record for each block extraction leaves out (smaller audit for very large runs)")
  .option("-j, --jobs <n>", "cores used for cleaning: worker threads (at 1, text documents on the main thread)", positiveInteger("--jobs"), defaultJobs())
  .option("--timeout <ms>", "give up on a document after this long", positiveInteger("--timeout"), DEFAULT_TIMEOUT_MS)
  .option("--worker-heap <mb>", "heap limit of each worker, in MB", positiveInteger("--worker-heap"), DEFAULT_WORKER_HEAP_MB)
  .option("--max-document-mb <mb>", "set aside a document or record larger than this, decompressed", positiveInteger("--max-document-mb"), DEFAULT_MAX_DOCUMENT_MB)
  .option("-q, --quiet", "no progress bar or progress lines, no summary table")
  .option("--shard <K/N>", "clean shard K (from 0) of N: a size-balanced share of the sorted input files (default: from SLURM_ARRAY_TASK_ID, JOB_COMPLETION_INDEX or AWS_BATCH_JOB_ARRAY_INDEX)")
  .option("--shards <n>", "number of shards, for engines that only give an index (Kubernetes, AWS Batch)", positiveInteger("--shards"))
  .option("--resume", "skip input files an earlier run completed with the same settings (always on for shards); state in <out>/_chaff/")
  .option("--force", "with --resume or shards: clean every file again")
  .option("--url-field <name>", "record field holding the page URL, whose host is the site for corpus stages", "url")
  .option("-f, --format <txt|md|json>", "output of each document: clean text (one block per line), Markdown (headings, lists, tables, quotes, code), or {id, text, metadata} JSON; record outputs stay records, with Markdown text for md", "txt")
  .option("--jsonl", "stdin (`-`) holds JSON lines, one record each, written to stdout as records")
  .option("--favor <precision|recall>", FAVOR_HELP)
  .action(async (inputs: string[], opts: CleanFlags, command: Command) => {
    // The clean job's modules start loading now, beside the pipeline's: one `await import` after
    // another waited for each one's files in turn.
    const job = inputs.includes("-") ? undefined : cleanJobModules();
    const { loadPipeline, loadCorpusStages, resolvePipelinePath } = await import("./run/pipeline-file.js");
    if (!FORMATS.includes(opts.format)) fail(`clean: --format must be txt, md or json, got "${opts.format}"`);
    const textPipelineName = textPipelineFor(opts, command, "clean");
    const format = opts.format as "txt" | "md" | "json";
    if (opts.html && opts.text) fail("clean: --html and --text cannot be combined");
    if (inputs.includes("-")) {
      if (inputs.length > 1) fail("`-` (stdin) cannot be combined with other inputs");
      for (const [option, name] of NOT_FOR_STDIN) if (command.getOptionValueSource(option) === "cli") fail(`clean -: ${name} does not apply to stdin`);
      const { cleanStdin } = await import("./run/stdin.js");
      let pipeline, htmlPipeline;
      try {
        const pipelinePath = resolvePipelinePath(textPipelineName);
        const htmlPipelinePath = resolvePipelinePath(htmlPipelineFor(opts, command));
        pipeline = loadPipeline(pipelinePath);
        htmlPipeline = htmlPipelinePath === pipelinePath ? pipeline : loadPipeline(htmlPipelinePath);
        if (loadCorpusStages(pipelinePath).length || loadCorpusStages(htmlPipelinePath).length) fail("clean -: the pipeline's corpus stages need a corpus of files; they cannot run on stdin");
      } catch (error) {
        fail((error as Error).message);
      }
      // A reader that stops early (`| head`) closes the pipe: end quietly, not with an EPIPE trace.
      process.stdout.on("error", (error: NodeJS.ErrnoException) => {
        if (error.code !== "EPIPE") throw error;
      });
      try {
        process.exitCode = await cleanStdin({
          pipeline,
          htmlPipeline,
          auditPath: opts.audit && resolve(opts.audit),
          rejectsPath: opts.rejects && resolve(opts.rejects),
          summaryPath: opts.summary && resolve(opts.summary),
          read: { textField: opts.textField, idField: opts.idField, html: opts.html ? true : opts.text ? false : undefined, maxDocumentBytes: opts.maxDocumentMb * 1024 * 1024 },
          jsonl: opts.jsonl,
          format,
          htmlRoute: { keepComments: opts.keepComments === true, recordLeftOut: opts.extractionRecords },
          onError: (where, reason) => process.stderr.write(`chaff: ${where}: ${reason}\n`),
        });
      } catch (error) {
        process.stderr.write(`chaff: -: ${(error as Error).message}\n`);
        process.exitCode = 1;
      }
      return;
    }
    if (opts.jsonl) fail("clean: --jsonl is for stdin (`-`); files are read by their extension (.jsonl, .ndjson)");
    if (!opts.out) fail("clean: --out <dir> is required");
    let pipeline, htmlPipeline;
    let pipelinePath: string, htmlPipelinePath: string;
    const htmlPipelineName = htmlPipelineFor(opts, command);
    try {
      pipelinePath = resolvePipelinePath(textPipelineName);
      pipeline = loadPipeline(pipelinePath);
      htmlPipelinePath = resolvePipelinePath(htmlPipelineName);
      htmlPipeline = htmlPipelinePath === pipelinePath ? pipeline : loadPipeline(htmlPipelinePath);
    } catch (error) {
      fail((error as Error).message);
    }
    const [{ resolveShard, ShardError }, { ResumeState, settingsHash, ShardLockError }, { shardFileStem, STATE_DIR }, { runClean }, { formatSummaryTable, writeSummary }] = await job!;
    let corpusStages: CorpusStageEntry[];
    try {
      corpusStages = loadCorpusStages(pipelinePath!);
      if (corpusStages.length === 0 && htmlPipelinePath! !== pipelinePath!) corpusStages = loadCorpusStages(htmlPipelinePath!);
    } catch (error) {
      fail((error as Error).message);
    }
    let shard: Shard | undefined;
    try {
      shard = resolveShard(opts.shard, opts.shards);
    } catch (error) {
      if (error instanceof ShardError) fail(`clean: ${error.message}`);
      throw error;
    }
    const resumable = shard !== undefined || opts.resume === true;
    // Corpus stages see every document of the run at once: a sharded run has them run by `chaff corpus` once every shard is done.
    if (corpusStages.length && opts.resume && !shard)
      fail("clean: the pipeline's corpus stages change the outputs of the whole run, which --resume would then read again: run without --resume, or in shards followed by `chaff corpus`");
    if (opts.force && !resumable) fail("clean: --force only applies to resumable runs (--resume, or a shard)");
    // Corpus stages read and rewrite the outputs as text or records: a .json file of its own per document is neither.
    if (corpusStages.length && format === "json") fail("clean: the pipeline's corpus stages rewrite text and record outputs: they cannot run with --format json (use txt or md, or record inputs)");
    if (shard && (opts.audit || opts.rejects || opts.summary))
      fail(`clean: each shard writes its audit, rejects and summary under ${join(opts.out, STATE_DIR)}/, so --audit, --rejects and --summary cannot be set with shards`);
    // A shard's own files: no two shards ever append to one file.
    const stem = shardFileStem(shard);
    const shardFile = (suffix: string) => resolve(opts.out!, STATE_DIR, `${stem}${suffix}`);
    const rejectsPath = shard ? shardFile(".rejects.jsonl") : resolve(opts.rejects ?? defaultRejectsPath(opts.out));
    const auditPath = shard ? shardFile(".audit.jsonl") : resolve(opts.audit ?? defaultAuditPath(opts.out));
    const summaryPath = shard ? shardFile(".summary.json") : opts.summary && resolve(opts.summary);
    let resume: ResumeState | undefined;
    if (resumable) {
      // Everything besides the file that changes its outputs: reading options and the HTML route's switches.
      const read = { textField: opts.textField, idField: opts.idField, html: opts.html ? true : opts.text ? false : undefined, keepComments: opts.keepComments === true, extractionRecords: opts.extractionRecords, ...(format === "txt" ? {} : { format }) };
      resume = new ResumeState(resolve(opts.out), settingsHash({ version: pkg.version, pipelineFiles: [pipelinePath!, htmlPipelinePath!], read }));
      try {
        await resume.lock(stem);
      } catch (error) {
        if (error instanceof ShardLockError) fail(`clean: ${error.message}`);
        throw error;
      }
      if (opts.force) await resume.forgetAll();
    }
    if (shard && !opts.quiet) process.stderr.write(`chaff: shard ${shard.index} of ${shard.count} (from ${shard.from === "flag" ? "--shard" : shard.from})\n`);
    let summary: RunSummary;
    try {
      summary = await runClean({
        inputs,
        outDir: opts.out,
        auditPath,
        rejectsPath,
        shard,
        resume,
        pipeline,
        pipelinePath,
        htmlPipeline,
        htmlPipelinePath,
        read: {
          textField: opts.textField,
          idField: opts.idField,
          html: opts.html ? true : opts.text ? false : undefined,
          maxDocumentBytes: opts.maxDocumentMb * 1024 * 1024,
        },
        htmlRoute: { keepComments: opts.keepComments === true, recordLeftOut: opts.extractionRecords },
        format,
        jobs: opts.jobs,
        timeoutMs: opts.timeout,
        maxWorkerHeapMb: opts.workerHeap,
        quiet: opts.quiet,
        summaryPath: summaryPath || undefined,
        onError: (source, reason) => process.stderr.write(`chaff: ${source}: ${reason}\n`),
        onDocumentFailure: (where, reason) => process.stderr.write(`chaff: ${where}: ${reason}\n`),
        onSkipFile: (source, reason) => process.stderr.write(`chaff: ${source}: ${reason}\n`),
      });
    } catch (error) {
      if (error instanceof UsageError) fail(error.message);
      process.stderr.write(`chaff: ${(error as Error).message}\n`);
      process.exitCode = 1;
      return;
    } finally {
      await resume?.unlock();
    }
    if (!opts.quiet && summary.shard) process.stderr.write(`chaff: shard ${shard!.index} of ${shard!.count} took ${summary.shard.inputs.length} of the input files\n`);
    if (!opts.quiet && summary.resumed) process.stderr.write(`chaff: skipped ${summary.resumed} input ${summary.resumed === 1 ? "file" : "files"} an earlier run completed (--force cleans them again)\n`);
    if (corpusStages.length && shard) {
      if (!opts.quiet) process.stderr.write(`chaff: shard ${shard.index} of ${shard.count}: the corpus stages run once every shard has finished: chaff corpus ${inputs.join(" ")} --out ${opts.out} --pipeline ${opts.pipeline}${format === "txt" ? "" : ` --format ${format}`}\n`);
    } else if (corpusStages.length) {
      try {
        const { runCorpusStages } = await import("./run/corpus-pass.js");
        const corpus = await runCorpusStages(
          { auditPath, stages: corpusStages, urlField: opts.urlField, onProgress: opts.quiet ? undefined : (line) => process.stderr.write(line + "\n") },
          summary,
        );
        if (!opts.quiet)
          process.stderr.write(`chaff: corpus stages: ${corpus.documents} documents of ${corpus.sites} sites; ${corpus.siteRepeatedLines} site-repeated lines removed; ${corpus.nearDuplicates} near-duplicate documents left out\n`);
      } catch (error) {
        process.stderr.write(`chaff: corpus stages failed: ${(error as Error).message}\n`);
        process.exitCode = 1;
        return;
      }
    }
    if (!opts.quiet) process.stderr.write(formatSummaryTable(summary));
    if (summaryPath) {
      try {
        await writeSummary(summaryPath, summary);
      } catch (error) {
        process.stderr.write(`chaff: ${(error as Error).message}\n`);
        process.exitCode = 1;
        return;
      }
    }
    const setAside = summary.rejects + summary.documentFailures;
    if (setAside) process.stderr.write(`chaff: ${summary.rejects} records rejected, ${summary.documentFailures} documents failed: see ${rejectsPath}\n`);
    // Rejected records are the data's fault and leave the status at 0, unless every record was
    // rejected (a wrong --text-field looks just like that); unreadable files and failed documents do not.
    const allRejected = summary.rejects > 0 && summary.documents === 0 && summary.documentFailures === 0;
    if (allRejected) process.stderr.write(`chaff: every record was rejected: nothing was cleaned (is --text-field right?)\n`);
    process.exitCode = summary.failures.length || summary.documentFailures || allRejected ? 1 : 0;
  });

const positiveInt = (value: string) => {
  if (!/^\d+$/.test(value) || Number(value) < 1) fail(`expected a positive whole number, got "${value}"`);
  return Number(value);
};

const reportCommand = program
  .command("report")
  .description("Write a self-contained HTML report of an audit log: counts per rule and stage, fragments, records set aside, documents in place.")
  .argument("<audit>", "audit log written by `chaff clean` (JSON lines)")
  .option("-o, --out <file>", "HTML file to write", "report.html")
  .option("--sources <dir>", "directory the audit's relative source paths are resolved against (where clean ran; default: the current directory, else the audit's folder or the one above it)")
  .option("--rejects <file>", "the run's rejects file, listed in the report (default: <audit name>.rejects.jsonl beside the audit, when there is one)")
  .option("--no-extraction-records", "as given to clean (the extracted text then has no left-out blocks)")
  .option("--fragments-per-rule <n>", "fragments embedded per rule (a fixed-seed sample beyond this)", positiveInt, 500)
  .option("--documents <n>", "documents listed with the most removed, each with an in-place view", positiveInt, 20)
  .action(async (audit: string, opts: { out: string; sources?: string; rejects?: string; textField: string; idField: string; html?: boolean; text?: boolean; extractionRecords: boolean; fragmentsPerRule: number; documents: number }) => {
    if (opts.html && opts.text) fail("report: --html and --text cannot be combined");
    try {
      const { writeReport } = await import("./report/report.js");
      const s = await writeReport(audit, resolve(opts.out), {
        sourcesDir: opts.sources === undefined ? undefined : resolve(opts.sources),
        rejectsPath: opts.rejects === undefined ? undefined : resolve(opts.rejects),
        read: { textField: opts.textField, idField: opts.idField, html: opts.html ? true : opts.text ? false : undefined },
        htmlRoute: { recordLeftOut: opts.extractionRecords },
        limits: { fragmentsPerRule: opts.fragmentsPerRule, topDocuments: opts.documents },
      });
      process.stderr.write(`chaff: wrote ${opts.out}: ${s.documents} documents, ${s.removals} removals, ${s.fragments.length} fragments in the table${s.setAside?.count ? `, ${s.setAside.count} records set aside` : ""}\n`);
    } catch (error) {
      fail((error as Error).message);
    }
  });

program
  .command("corpus")
  .description("Run the pipeline's corpus stages over a sharded run's outputs, once every shard has finished (the result is an unsharded run's).")
  .argument("<inputs...>", "the inputs the shards were given (they fix the run's input order)")
  .requiredOption("-o, --out <dir>", "the output folder all shards wrote into")
  .option("-p, --pipeline <name|path>", "the pipeline the shards ran (its corpus stages run here)", DEFAULT_PIPELINE)
  .option("--url-field <name>", "record field holding the page URL (its host is the site)", "url")
  .option("-f, --format <txt|md>", "the --format the shards wrote text outputs in", "txt")
  .option("-q, --quiet", "no progress lines")
  .action(async (inputs: string[], opts: { out: string; pipeline: string; urlField: string; format: string; quiet?: boolean }) => {
    if (opts.format !== "txt" && opts.format !== "md") fail(`corpus: --format must be txt or md, got "${opts.format}"`);
    const { loadCorpusStages, resolvePipelinePath } = await import("./run/pipeline-file.js");
    const { CorpusStepError, runCorpusStep } = await import("./run/corpus-step.js");
    const { formatSummaryTable } = await import("./run/summary.js");
    let stages: CorpusStageEntry[] = [];
    try {
      stages = loadCorpusStages(resolvePipelinePath(opts.pipeline));
    } catch (error) {
      fail((error as Error).message);
    }
    if (stages.length === 0) fail(`corpus: pipeline ${opts.pipeline} has no corpus stages`);
    try {
      const result = await runCorpusStep({ inputs, outDir: opts.out, stages, urlField: opts.urlField, format: opts.format as "txt" | "md", onProgress: opts.quiet ? undefined : (line) => process.stderr.write(line + "\n") });
      if (result.alreadyApplied) {
        process.stderr.write(`chaff: corpus: the corpus stages already ran over these shards' outputs (${result.summaryPath})\n`);
        return;
      }
      const { corpus } = result;
      if (!opts.quiet) {
        process.stderr.write(`chaff: corpus stages: ${corpus.documents} documents of ${corpus.sites} sites; ${corpus.siteRepeatedLines} site-repeated lines removed; ${corpus.nearDuplicates} near-duplicate documents left out\n`);
        process.stderr.write(formatSummaryTable(result.summary));
      }
    } catch (error) {
      if (error instanceof CorpusStepError) fail(`corpus: ${error.message}`);
      process.stderr.write(`chaff: corpus stages failed: ${(error as Error).message}\n`);
      process.exitCode = 1;
    }
  });

program
  .command("merge-summary")
  .description("Add up the summaries of a sharded run's shards (<out>/_chaff/shard-*.summary.json) and print the per-rule table.")
  .argument("<out>", "the output folder all shards wrote into")
  .option("-o, --out <file>", "also write the merged summary as JSON")
  .action(async (outDir: string, opts: { out?: string }) => {
    const { listShardFiles } = await import("./run/resume.js");
    const { formatSummaryTable, mergeSummaries, writeSummary } = await import("./run/summary.js");
    const { STATE_DIR } = await import("./write/layout.js");
    const paths = await listShardFiles(resolve(outDir), ".summary.json");
    if (paths.length === 0) fail(`merge-summary: no shard summaries in ${join(outDir, STATE_DIR)}/`);
    let merged;
    try {
      merged = mergeSummaries(paths.map((p) => JSON.parse(readFileSync(p, "utf8")) as RunSummary));
    } catch (error) {
      fail(`merge-summary: ${(error as Error).message}`);
    }
    const { CORPUS_SUMMARY, withCorpusStep } = await import("./run/corpus-step.js");
    const corpusSummaryPath = join(resolve(outDir), STATE_DIR, CORPUS_SUMMARY);
    if (existsSync(corpusSummaryPath)) merged.summary = withCorpusStep(merged.summary, JSON.parse(readFileSync(corpusSummaryPath, "utf8")) as RunSummary);
    process.stdout.write(formatSummaryTable(merged.summary));
    if (merged.missing.length) process.stderr.write(`chaff: merge-summary: shards ${merged.missing.join(", ")} of ${paths.length + merged.missing.length} have no summary yet\n`);
    if (opts.out) await writeSummary(resolve(opts.out), merged.summary);
    process.exitCode = merged.missing.length ? 1 : 0;
  });

const explainCommand = program
  .command("explain")
  .description("Clean one file as `clean` would and print each document's raw text with every removal marked in place, then one line per removal and the metadata.")
  .argument("<file>", "one input file: text, an HTML page, or a record file (JSON, JSONL, WARC; every document of it is explained)")
  .option("-p, --pipeline <name|path>", "pipeline name (in pipelines/) or path to a pipeline file", DEFAULT_PIPELINE)
  .option("--html-pipeline <name|path>", "pipeline for documents extracted from HTML (default: `html`, or --pipeline when that is given)")
  .option("--keep-comments", "HTML: keep readers' comment sections in the text")
  .option("--no-extraction-records", "HTML: no removal record for each block extraction leaves out")
  .option("--max-document-mb <mb>", "set aside a document or record larger than this, decompressed", positiveInteger("--max-document-mb"), DEFAULT_MAX_DOCUMENT_MB)
  .option("--favor <precision|recall>", FAVOR_HELP)
  .option("--color <when>", "auto (on a terminal, unless NO_COLOR is set), always or never", "auto")
  .action(async (file: string, opts: { pipeline: string; htmlPipeline?: string; favor?: string; color: string; textField: string; idField: string; html?: boolean; text?: boolean; keepComments?: boolean; extractionRecords: boolean; maxDocumentMb: number }, command: Command) => {
    if (!["auto", "always", "never"].includes(opts.color)) fail(`explain: --color must be auto, always or never, got "${opts.color}"`);
    if (opts.html && opts.text) fail("explain: --html and --text cannot be combined");
    try {
      const { explainFile, formatExplanation, useColour } = await import("./run/explain.js");
      const { loadPipeline } = await import("./run/pipeline-file.js");
      const colour = useColour(opts.color as ColourChoice, process.stdout);
      const htmlPipelineName = htmlPipelineFor(opts, command);
      const results = await explainFile(file, loadPipeline(textPipelineFor(opts, command, "explain")), loadPipeline(htmlPipelineName), {
        read: { textField: opts.textField, idField: opts.idField, html: opts.html ? true : opts.text ? false : undefined, maxDocumentBytes: opts.maxDocumentMb * 1024 * 1024 },
        htmlRoute: { keepComments: opts.keepComments === true, recordLeftOut: opts.extractionRecords },
        onSetAside: (where, reason) => process.stderr.write(`chaff: ${where}: ${reason}\n`),
      });
      process.stdout.write(results.map((result) => formatExplanation(result, colour)).join("\n"));
    } catch (error) {
      fail((error as Error).message);
    }
  });

/**
 * How records are read (which field holds the text, the id, HTML or not): clean and explain
 * take these, and report takes them as given to clean, to read the sources again.
 */
function addRecordOptions(command: Command, asGivenToClean = false): void {
  const said = (text: string) => (asGivenToClean ? `as given to clean: ${text}` : text);
  command
    .option("--text-field <name>", said("the record field holding the text (or HTML)"), "text")
    .option("--id-field <name>", said("the record field holding the document id"), "id")
    .option("--html", said("the text field holds HTML (default: when the field is `html` or the record's content type says so)"))
    .option("--text", said("the text field holds plain text, whatever its name or content type"));
}
addRecordOptions(cleanCommand);
addRecordOptions(explainCommand);
addRecordOptions(reportCommand, true);

await program.parseAsync(process.argv);

/** What `clean` on files loads besides the pipeline's modules, all at once. */
function cleanJobModules() {
  return Promise.all([import("./run/shards.js"), import("./run/resume.js"), import("./write/layout.js"), import("./run/clean.js"), import("./run/summary.js")]);
}
