// The end-of-run summary of `chaff clean`: its counts, a per-rule table for people
// (stderr) and the RunSummary as JSON for scripts (`--summary FILE`).
import { writeFileAtomic } from "../write/atomic.js";
import type { CorpusSummary } from "./corpus-pass.js";
import type { FileCounts } from "./resume.js";
import type { Shard } from "./shards.js";
import type { CleanOutcome } from "./task.js";

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

/** Adds a completed file's counts, from its resume completion record, to the summary. */
export function addFileCounts(summary: RunSummary, counts: FileCounts): void {
  summary.documents += counts.documents;
  summary.rejects += counts.rejects;
  summary.documentFailures += counts.documentFailures;
  summary.skipped += counts.skipped;
  addCounts(summary, counts);
}

export function addCounts(summary: Pick<RunSummary, "chars" | "rules" | "stages">, outcome: Pick<CleanOutcome, "chars" | "rules" | "stages">): void {
  summary.chars.in += outcome.chars.in;
  summary.chars.out += outcome.chars.out;
  summary.chars.removed += outcome.chars.removed;
  for (const [k, v] of Object.entries(outcome.rules)) summary.rules[k] = (summary.rules[k] ?? 0) + v;
  for (const [k, v] of Object.entries(outcome.stages)) summary.stages[k] = (summary.stages[k] ?? 0) + v;
}

export function sortKeys(record: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function share(part: number, whole: number): string {
  return whole === 0 ? "0.0%" : `${((100 * part) / whole).toFixed(1)}%`;
}

/** `pipeline news`, `pipeline html`, or `pipeline news for text, html for HTML` when the routes differ. */
function pipelinesText(summary: RunSummary): string {
  const { text, html } = summary.pipelines ?? {};
  if (text && html && text !== html) return `pipeline ${text} for text, ${html} for HTML`;
  return `pipeline ${text ?? html ?? summary.pipeline}`;
}

/** Rules by removals (most first, then by name), one line each, columns aligned. */
export function formatSummaryTable(summary: RunSummary): string {
  const { chars } = summary;
  const removals = Object.values(summary.rules).reduce((a, b) => a + b, 0);
  let out =
    `chaff: ${summary.documents} ${summary.documents === 1 ? "document" : "documents"} (${pipelinesText(summary)}), ` +
    `${chars.removed} of ${chars.in} characters removed (${share(chars.removed, chars.in)}) in ${removals} ${removals === 1 ? "removal" : "removals"}` +
    (summary.failures.length ? `; ${summary.failures.length} ${summary.failures.length === 1 ? "input" : "inputs"} failed` : "") +
    (summary.rejects ? `; ${summary.rejects} ${summary.rejects === 1 ? "record" : "records"} rejected` : "") +
    (summary.documentFailures ? `; ${summary.documentFailures} ${summary.documentFailures === 1 ? "document" : "documents"} failed` : "") +
    (summary.skipped ? `; ${summary.skipped} ${summary.skipped === 1 ? "record" : "records"} skipped` : "") +
    "\n";
  const rows = Object.entries(summary.rules).sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1));
  if (rows.length === 0) return out;
  const width = Math.max("rule".length, ...rows.map(([rule]) => rule.length));
  const countWidth = Math.max("removals".length, String(removals).length);
  out += `  ${"rule".padEnd(width)}  ${"removals".padStart(countWidth)}\n`;
  for (const [rule, n] of rows) out += `  ${rule.padEnd(width)}  ${String(n).padStart(countWidth)}\n`;
  out += `  ${"total".padEnd(width)}  ${String(removals).padStart(countWidth)}\n`;
  return out;
}

/** Writes the summary as pretty JSON, whole or not at all. */
export async function writeSummary(path: string, summary: RunSummary): Promise<void> {
  await writeFileAtomic(path, JSON.stringify(summary, null, 2) + "\n");
}

/** Adds shard summaries up into one; says which shards of the run are missing. */
export function mergeSummaries(summaries: readonly RunSummary[]): { summary: RunSummary; missing: number[] } {
  if (summaries.length === 0) throw new Error("no shard summaries to merge");
  const pipelines = [...new Set(summaries.map((s) => s.pipeline))].sort();
  const merged: RunSummary = { ...emptySummary(pipelines.join(", ")), resumed: 0 };
  const counts = new Set(summaries.map((s) => s.shard?.count));
  if (counts.size > 1 || counts.has(undefined)) throw new Error(`the summaries are not shards of one run (shard counts: ${[...counts].map((c) => c ?? "unsharded").join(", ")})`);
  const count = summaries[0]!.shard!.count;
  const seen = new Set<number>();
  for (const s of summaries) {
    if (seen.has(s.shard!.index)) throw new Error(`shard ${s.shard!.index} of ${count} appears twice`);
    seen.add(s.shard!.index);
    merged.files.ok += s.files.ok;
    merged.files.failed += s.files.failed;
    merged.files.skipped += s.files.skipped;
    merged.documents += s.documents;
    merged.rejects += s.rejects;
    merged.documentFailures += s.documentFailures;
    merged.skipped += s.skipped;
    merged.bytes += s.bytes;
    merged.resumed! += s.resumed ?? 0;
    for (const k of ["in", "out", "removed"] as const) merged.chars[k] += s.chars[k];
    for (const [rule, n] of Object.entries(s.rules)) merged.rules[rule] = (merged.rules[rule] ?? 0) + n;
    for (const [stage, n] of Object.entries(s.stages)) merged.stages[stage] = (merged.stages[stage] ?? 0) + n;
    merged.failures.push(...s.failures);
  }
  const byName = (record: Record<string, number>) => Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  merged.rules = byName(merged.rules);
  merged.stages = byName(merged.stages);
  const missing = Array.from({ length: count }, (_, i) => i).filter((i) => !seen.has(i));
  return { summary: merged, missing };
}
