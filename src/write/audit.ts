// The audit log: JSON lines. One `removal` record per removed fragment, then one
// `document` record per document with its metadata and counts.
import type { RemovalRecord } from "../core/apply.js";
import type { CleanResult } from "../core/stage.js";

export interface DocumentRecord {
  type: "document";
  doc: string;
  source: string;
  /** Where the clean text went (a path, `-` for stdout, or `path#id` for record outputs). */
  output: string;
  pipeline: string;
  chars: { in: number; out: number; removed: number };
  /** Removed fragments by rule id. */
  removals: Record<string, number>;
  /** Normalisation edits by kind. */
  edits: Record<string, number>;
  /** Metadata found by readers, extractors and stages (timestamp, dateline, byline, tags, title...). */
  meta: Record<string, unknown>;
}

export type AuditRecord = RemovalRecord | DocumentRecord;

export function countByRule(removals: readonly RemovalRecord[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of removals) counts[r.rule] = (counts[r.rule] ?? 0) + 1;
  return counts;
}

export function documentRecord(result: CleanResult, output: string, pipeline: string): DocumentRecord {
  const removed = result.removals.reduce((n, r) => n + (r.end - r.start), 0);
  return {
    type: "document",
    doc: result.doc.id,
    source: result.doc.source,
    output,
    pipeline,
    chars: { in: result.doc.raw.length, out: result.text.length, removed },
    removals: countByRule(result.removals),
    edits: result.edits,
    meta: result.doc.meta,
  };
}

/** All audit lines of one document, in order, ready to append. */
export function auditLines(result: CleanResult, output: string, pipeline: string): string {
  let out = "";
  for (const removal of result.removals) out += JSON.stringify(removal) + "\n";
  return out + JSON.stringify(documentRecord(result, output, pipeline)) + "\n";
}
