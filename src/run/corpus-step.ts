// The corpus stages of a sharded run: the shards clean their documents, then one step
// (`chaff corpus`) runs the corpus stages over the outputs of all shards at once, in the
// run's input order, so the result is the one an unsharded run gives. Its audit and
// summary go beside the shards' (OUT/_chaff/corpus.*), where `chaff report` and
// `chaff merge-summary` find them. Corpus stages change the outputs in place, so the step
// runs once per cleaning of the shards: a second run is refused or a no-op, never a second
// application.
import { existsSync, readFileSync, statSync } from "node:fs";
import { rm, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { STATE_DIR } from "../write/layout.js";
import { listPlannedFiles } from "./clean.js";
import { runCorpusStages, type CorpusStageEntry, type CorpusSummary } from "./corpus-pass.js";
import { listShardFiles } from "./resume.js";
import { emptySummary, mergeSummaries, sortKeys, writeSummary, type RunSummary } from "./summary.js";

/** A corpus step that cannot run as asked (exit 2): shards missing, cleaned again in part, or an interrupted step. */
export class CorpusStepError extends Error {}

export const CORPUS_AUDIT = "corpus.audit.jsonl";
export const CORPUS_SUMMARY = "corpus.summary.json";

export interface CorpusStepOptions {
  /** The inputs the shards were given, which fix the run's input order. */
  inputs: string[];
  outDir: string;
  stages: readonly CorpusStageEntry[];
  urlField?: string;
  /** The shards' --format (txt or md): it names their text outputs. */
  format?: "txt" | "md";
  onProgress?: (message: string) => void;
}

export type CorpusStepResult = { alreadyApplied: true; summaryPath: string } | { alreadyApplied: false; summary: RunSummary; corpus: CorpusSummary; summaryPath: string; auditPath: string };

export async function runCorpusStep(options: CorpusStepOptions): Promise<CorpusStepResult> {
  const out = resolve(options.outDir);
  const state = join(out, STATE_DIR);
  const summaryPaths = await listShardFiles(out, ".summary.json");
  if (summaryPaths.length === 0) throw new CorpusStepError(`no shard summaries in ${state}/: clean the shards first (chaff clean ... --shard K/N)`);
  const shardSummaries = summaryPaths.map((p) => JSON.parse(readFileSync(p, "utf8")) as RunSummary);
  let merged;
  try {
    merged = mergeSummaries(shardSummaries);
  } catch (error) {
    throw new CorpusStepError((error as Error).message);
  }
  if (merged.missing.length) throw new CorpusStepError(`shards ${merged.missing.join(", ")} of ${shardSummaries[0]!.shard!.count} have not finished: clean them first`);

  const auditPath = join(state, CORPUS_AUDIT);
  const summaryPath = join(state, CORPUS_SUMMARY);
  // The step's own files say when it last ran: a summary when it finished, only an audit when it was cut short.
  const stamp = existsSync(summaryPath) ? summaryPath : existsSync(auditPath) ? auditPath : undefined;
  if (stamp) {
    const since = statSync(stamp).mtimeMs;
    // A shard run again that found all its files done (a requeued task) rewrote no output.
    const rewroteOutputs = (s: RunSummary) => (s.resumed ?? 0) < (s.shard?.inputs.length ?? 0);
    const cleanedAgain = summaryPaths.filter((p, i) => statSync(p).mtimeMs > since && rewroteOutputs(shardSummaries[i]!));
    const withOutputs = shardSummaries.filter((s) => (s.shard?.inputs.length ?? 0) > 0).length;
    if (cleanedAgain.length === 0) {
      if (stamp === summaryPath) return { alreadyApplied: true, summaryPath };
      throw new CorpusStepError(`an earlier corpus step over ${out} was cut short and its changes are partly applied: clean every shard again with --force, then run chaff corpus`);
    }
    if (cleanedAgain.length < withOutputs)
      throw new CorpusStepError(`only some shards were cleaned again since the corpus stages ran over ${out}: clean every shard again with --force, then run chaff corpus`);
    await rm(summaryPath, { force: true });
  }

  const { planned } = await listPlannedFiles(options.inputs, options.outDir, options.format);
  const summary = emptySummary(merged.summary.pipeline);
  // Created before any output changes: an interruption is then seen by the next run.
  await writeFile(auditPath, "");
  const corpus = await runCorpusStages(
    {
      auditPath,
      documentAudits: await listShardFiles(out, ".audit.jsonl"),
      outputOrder: planned.map((p) => resolve(p.outPath)),
      stages: options.stages,
      urlField: options.urlField,
      onProgress: options.onProgress,
    },
    summary,
  );
  await writeSummary(summaryPath, summary);
  return { alreadyApplied: false, summary, corpus, summaryPath, auditPath };
}

/** Adds the corpus step's summary (its removals and counts) to the shards' merged summary. */
export function withCorpusStep(merged: RunSummary, step: RunSummary): RunSummary {
  const add = (into: Record<string, number>, from: Record<string, number>) => {
    for (const [key, n] of Object.entries(from)) into[key] = (into[key] ?? 0) + n;
    return sortKeys(into);
  };
  return {
    ...merged,
    chars: { in: merged.chars.in + step.chars.in, out: merged.chars.out + step.chars.out, removed: merged.chars.removed + step.chars.removed },
    rules: add({ ...merged.rules }, step.rules),
    stages: add({ ...merged.stages }, step.stages),
    corpus: step.corpus,
  };
}
