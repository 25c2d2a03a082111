#!/usr/bin/env node
// Argument parsing and exit codes only; the work lives in run/.
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Command } from "commander";
// Only the option defaults load up front: each command imports what it needs when it runs,
// so `--version` and `--help` load nothing else.
import { DEFAULT_HTML_PIPELINE, DEFAULT_MAX_DOCUMENT_MB, DEFAULT_PIPELINE, DEFAULT_TIMEOUT_MS, DEFAULT_WORKER_HEAP_MB, defaultJobs } from "./run/defaults.js";
import type { ColourChoice } from "./run/explain.js";
import { UsageError } from "./run/paths.js";
import type { CorpusStageEntry } from "./run/corpus-pass.js";
import type { ResumeState } from "./run/resume.js";
import type { Shard } from "./run/shards.js";
import type { RunSummary } from "./run/summary.js";

const pkg = JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.url)), "../package.json"), "utf8")) as { version: string };

/** Default audit path: beside the output folder, so `--out` holds only clean files. */
export function defaultAuditPath(outDir: string): string {
  return resolve(outDir).replace(/[\\/]+$/, "") + ".audit.jsonl";
}

/** Default rejects file: beside the output folder, like the audit. */
export function defaultRejectsPath(outDir: string): string {
  return resolve(outDir).replace(/[\\/]+$/, "") + ".rejects.jsonl";
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
function htmlPipelineFor(opts: { pipeline: string; htmlPipeline?: string }, command: Command): string {
  return opts.htmlPipeline ?? (command.getOptionValueSource("pipeline") === "default" ? DEFAULT_HTML_PIPELINE : opts.pipeline);
}

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
}

program
  .command("clean")
  .description("Clean files, directory trees or record files (JSON, JSONL, WARC, gzipped or not) into --out, or stdin to stdout with `-`.")
  .argument("<input...>", "files or directories to clean; `-` reads stdin and writes stdout")
  .option("-o, --out <dir>", "output directory (required unless the input is `-`)")
  .option("-a, --audit <file>", "audit log (JSON lines); default: <out>.audit.jsonl beside the output directory")
  .option("-r, --rejects <file>", "rejected records and failed documents (JSON lines); default: <out>.rejects.jsonl")
  .option("-p, --pipeline <name|path>", "pipeline name (in pipelines/) or path to a pipeline file", DEFAULT_PIPELINE)
  .option("--html-pipeline <name|path>", "pipeline for documents extracted from HTML (default: `html`, or --pipeline when that is given)")
  .option("--summary <file>", "also write the run summary (counts per rule and stage) as JSON")
  .option("--text-field <name>", "record field holding the text (or HTML)", "text")
  .option("--id-field <name>", "record field holding the document id", "id")
  .option("--html", "the text field holds HTML (default: when the field is `html` or the record's content type says so)")
  .option("--text", "the text field holds plain text, whatever its name or content type")
  .option("--keep-comments", "keep readers' comment sections in the text: HTML (still labelled html/comments in the metadata) and the web-text pipeline")
  .option("--no-extraction-records", "HTML: no audit record for each block extraction leaves out (smaller audit for very large runs)")
  .option("-j, --jobs <n>", "worker threads for cleaning", positiveInteger("--jobs"), defaultJobs())
  .option("--timeout <ms>", "give up on a document after this long", positiveInteger("--timeout"), DEFAULT_TIMEOUT_MS)
  .option("--worker-heap <mb>", "heap limit of each worker, in MB", positiveInteger("--worker-heap"), DEFAULT_WORKER_HEAP_MB)
  .option("--max-document-mb <mb>", "set aside a document or record larger than this, decompressed", positiveInteger("--max-document-mb"), DEFAULT_MAX_DOCUMENT_MB)
  .option("-q, --quiet", "no progress bar or progress lines, no summary table")
  .option("--shard <K/N>", "clean shard K (from 0) of N: a size-balanced share of the sorted input files (default: from SLURM_ARRAY_TASK_ID, JOB_COMPLETION_INDEX or AWS_BATCH_JOB_ARRAY_INDEX)")
  .option("--shards <n>", "number of shards, for engines that only give an index (Kubernetes, AWS Batch)", positiveInteger("--shards"))
  .option("--resume", "skip input files an earlier run completed with the same settings (always on for shards); state in <out>/_chaff/")
  .option("--force", "with --resume or shards: clean every file again")
  .option("--url-field <name>", "record field holding the page URL, whose host is the site for corpus stages", "url")
  .action(async (inputs: string[], opts: CleanFlags, command: Command) => {
    const { loadPipeline, resolvePipelinePath } = await import("./run/pipeline-file.js");
    if (inputs.includes("-")) {
      if (inputs.length > 1) fail("`-` (stdin) cannot be combined with other inputs");
      const { cleanStdin } = await import("./run/stdin.js");
      let pipeline;
      try {
        pipeline = loadPipeline(opts.pipeline);
      } catch (error) {
        fail((error as Error).message);
      }
      try {
        process.exitCode = await cleanStdin(pipeline, opts.audit, opts.maxDocumentMb * 1024 * 1024, (reason) => process.stderr.write(`chaff: -: ${reason}\n`));
      } catch (error) {
        process.stderr.write(`chaff: ${(error as Error).message}\n`);
        process.exitCode = 1;
      }
      return;
    }
    if (!opts.out) fail("clean: --out <dir> is required");
    if (opts.html && opts.text) fail("clean: --html and --text cannot be combined");
    let pipeline, htmlPipeline;
    let pipelinePath: string, htmlPipelinePath: string;
    const htmlPipelineName = htmlPipelineFor(opts, command);
    try {
      pipelinePath = resolvePipelinePath(opts.pipeline);
      pipeline = loadPipeline(pipelinePath);
      htmlPipelinePath = resolvePipelinePath(htmlPipelineName);
      htmlPipeline = htmlPipelinePath === pipelinePath ? pipeline : loadPipeline(htmlPipelinePath);
    } catch (error) {
      fail((error as Error).message);
    }
    const { loadCorpusStages } = await import("./run/pipeline-file.js");
    const { resolveShard, ShardError } = await import("./run/shards.js");
    const { ResumeState, settingsHash, ShardLockError } = await import("./run/resume.js");
    const { shardFileStem, STATE_DIR } = await import("./write/layout.js");
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
    // Corpus stages see every document of the run at once: not yet across shards or resumed runs.
    if (corpusStages.length && resumable) fail("clean: the pipeline's corpus stages need the whole corpus in one run: they cannot run with shards or --resume");
    if (opts.force && !resumable) fail("clean: --force only applies to resumable runs (--resume, or a shard)");
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
      const read = { textField: opts.textField, idField: opts.idField, html: opts.html ? true : opts.text ? false : undefined, keepComments: opts.keepComments === true, extractionRecords: opts.extractionRecords };
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
    const { runClean } = await import("./run/clean.js");
    const { formatSummaryTable, writeSummary } = await import("./run/summary.js");
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
    if (corpusStages.length) {
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

program
  .command("report")
  .description("Write a self-contained HTML report of an audit log: counts per rule and stage, fragments, documents in place.")
  .argument("<audit>", "audit log written by `chaff clean` (JSON lines)")
  .option("-o, --out <file>", "HTML file to write", "report.html")
  .option("--sources <dir>", "directory the audit's relative source paths are resolved against (where clean ran)", ".")
  .option("--fragments-per-rule <n>", "fragments embedded per rule (a fixed-seed sample beyond this)", positiveInt, 500)
  .option("--documents <n>", "documents listed with the most removed, each with an in-place view", positiveInt, 20)
  .action(async (audit: string, opts: { out: string; sources: string; fragmentsPerRule: number; documents: number }) => {
    try {
      const { writeReport } = await import("./report/report.js");
      const s = await writeReport(audit, resolve(opts.out), {
        sourcesDir: resolve(opts.sources),
        limits: { fragmentsPerRule: opts.fragmentsPerRule, topDocuments: opts.documents },
      });
      process.stderr.write(`chaff: wrote ${opts.out}: ${s.documents} documents, ${s.removals} removals, ${s.fragments.length} fragments in the table\n`);
    } catch (error) {
      fail((error as Error).message);
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
    process.stdout.write(formatSummaryTable(merged.summary));
    if (merged.missing.length) process.stderr.write(`chaff: merge-summary: shards ${merged.missing.join(", ")} of ${paths.length + merged.missing.length} have no summary yet\n`);
    if (opts.out) await writeSummary(resolve(opts.out), merged.summary);
    process.exitCode = merged.missing.length ? 1 : 0;
  });

program
  .command("explain")
  .description("Print one file's raw text with every removal marked in place, then one line per removal.")
  .argument("<file>", "a text file")
  .option("-p, --pipeline <name|path>", "pipeline name (in pipelines/) or path to a pipeline file", DEFAULT_PIPELINE)
  .option("--html-pipeline <name|path>", "pipeline for documents extracted from HTML (default: `html`, or --pipeline when that is given)")
  .option("--color <when>", "auto (on a terminal, unless NO_COLOR is set), always or never", "auto")
  .action(async (file: string, opts: { pipeline: string; htmlPipeline?: string; color: string }, command: Command) => {
    if (!["auto", "always", "never"].includes(opts.color)) fail(`explain: --color must be auto, always or never, got "${opts.color}"`);
    try {
      const { explainFile, formatExplanation, useColour } = await import("./run/explain.js");
      const { loadPipeline } = await import("./run/pipeline-file.js");
      const colour = useColour(opts.color as ColourChoice, process.stdout);
      const htmlPipelineName = htmlPipelineFor(opts, command);
      const results = await explainFile(file, loadPipeline(opts.pipeline), loadPipeline(htmlPipelineName));
      process.stdout.write(results.map((result) => formatExplanation(result, colour)).join("\n"));
    } catch (error) {
      fail((error as Error).message);
    }
  });

await program.parseAsync(process.argv);
