// The end-of-run summary of `chaff clean`: its counts, a per-rule table for people
// (stderr) and the RunSummary as JSON for scripts (`--summary FILE`).
import { writeFileAtomic } from "../write/atomic.js";
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

export function addCounts(summary: RunSummary, outcome: CleanOutcome): void {
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
