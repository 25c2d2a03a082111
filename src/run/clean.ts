// The `clean` job: inputs -> documents -> pipeline -> outputs and audit.
// A bad input is reported and skipped; the rest of the run goes on.
import { join } from "node:path";
import type { Pipeline } from "../core/stage.js";
import { cleanDocument } from "../core/stage.js";
import { formatFor } from "../read/formats.js";
import { listInputs } from "../read/inputs.js";
import { auditLines } from "../write/audit.js";
import { AtomicWriteStream } from "../write/atomic.js";

export interface CleanOptions {
  inputs: string[];
  outDir: string;
  auditPath: string;
  pipeline: Pipeline;
  /** Called for each failed input with a one-line reason. */
  onError?: (source: string, reason: string) => void;
}

export interface RunSummary {
  pipeline: string;
  files: { ok: number; failed: number };
  documents: number;
  chars: { in: number; out: number; removed: number };
  /** Removed fragments by rule id, sorted by rule. */
  rules: Record<string, number>;
  /** Removed fragments by stage. */
  stages: Record<string, number>;
  failures: Array<{ source: string; reason: string }>;
}

export function emptySummary(pipeline: string): RunSummary {
  return { pipeline, files: { ok: 0, failed: 0 }, documents: 0, chars: { in: 0, out: 0, removed: 0 }, rules: {}, stages: {}, failures: [] };
}

export async function runClean(options: CleanOptions): Promise<RunSummary> {
  const summary = emptySummary(options.pipeline.name);
  const fail = (source: string, reason: string) => {
    summary.failures.push({ source, reason });
    options.onError?.(source, reason);
  };
  const { files, errors } = await listInputs(options.inputs, (path) => formatFor(path) !== undefined);
  for (const e of errors) fail(e.input, e.reason);
  const audit = new AtomicWriteStream(options.auditPath);
  await audit.open();
  for (const file of files) {
    const format = formatFor(file.relative)!;
    const writer = format.createWriter(join(options.outDir, format.outputName(file.relative)));
    let lines = "";
    let documents = 0;
    const fileCounts = emptySummary(options.pipeline.name);
    try {
      for await (const doc of format.read(file)) {
        const result = cleanDocument(doc, options.pipeline);
        await writer.write(result);
        lines += auditLines(result, writer.outputOf(result), options.pipeline.name);
        if (lines.length > 1 << 20) {
          await audit.write(lines);
          lines = "";
        }
        documents++;
        addResult(fileCounts, result.doc.raw.length, result.text.length, result.removals);
      }
      await writer.commit();
      await audit.write(lines);
      merge(summary, fileCounts, documents);
      summary.files.ok++;
    } catch (error) {
      await writer.abort();
      const reason = (error as Error).message;
      await audit.write(lines + JSON.stringify({ type: "error", source: file.display, reason }) + "\n");
      fail(file.display, reason);
    }
  }
  await audit.commit();
  summary.files.failed = summary.failures.length;
  summary.rules = sortKeys(summary.rules);
  summary.stages = sortKeys(summary.stages);
  return summary;
}

export function addResult(summary: RunSummary, charsIn: number, charsOut: number, removals: ReadonlyArray<{ rule: string; stage: string; start: number; end: number }>): void {
  summary.chars.in += charsIn;
  summary.chars.out += charsOut;
  for (const r of removals) {
    summary.chars.removed += r.end - r.start;
    summary.rules[r.rule] = (summary.rules[r.rule] ?? 0) + 1;
    summary.stages[r.stage] = (summary.stages[r.stage] ?? 0) + 1;
  }
}

function merge(into: RunSummary, from: RunSummary, documents: number): void {
  into.documents += documents;
  into.chars.in += from.chars.in;
  into.chars.out += from.chars.out;
  into.chars.removed += from.chars.removed;
  for (const [k, v] of Object.entries(from.rules)) into.rules[k] = (into.rules[k] ?? 0) + v;
  for (const [k, v] of Object.entries(from.stages)) into.stages[k] = (into.stages[k] ?? 0) + v;
}

function sortKeys(record: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

