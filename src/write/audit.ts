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

/** A document's counts, when the caller has them already (src/run/task.ts counts them for the run summary). */
export interface DocumentCounts {
  rules: Record<string, number>;
  chars: { in: number; out: number; removed: number };
}

export function documentRecord(result: CleanResult, output: string, pipeline: string, counts: DocumentCounts = countsOf(result)): DocumentRecord {
  return {
    type: "document",
    doc: result.doc.id,
    source: result.doc.source,
    output,
    pipeline,
    chars: counts.chars,
    removals: counts.rules,
    edits: result.edits,
    meta: result.doc.meta,
  };
}

function countsOf(result: CleanResult): DocumentCounts {
  const removed = result.removals.reduce((n, r) => n + (r.end - r.start), 0);
  return { rules: countByRule(result.removals), chars: { in: result.doc.raw.length, out: result.text.length, removed } };
}

/**
 * All audit lines of one document, in order, ready to append: the bytes of `JSON.stringify` of
 * each removal record (as applyFindings builds them: its keys in that order, integer offsets) and
 * of the document record. The removal lines are written by hand because `JSON.stringify` of each
 * record was ~6% of the news run's CPU: the document's id and source and each rule's id, stage and
 * reason are escaped once, not once per removal; the removed text and the features still go
 * through `JSON.stringify`, which escapes them.
 */
export function auditLines(result: CleanResult, output: string, pipeline: string, counts?: DocumentCounts): string {
  const { doc } = result;
  const removalStart = `{"type":"removal","doc":${JSON.stringify(doc.id)},"source":${JSON.stringify(doc.source)},`;
  let out = "";
  for (const r of result.removals) {
    out += `${removalStart}${ruleJson(r)}"start":${r.start},"end":${r.end},"line":${r.line},"column":${r.column},"text":${JSON.stringify(r.text)}`;
    if (r.movedTo !== undefined) out += `,"movedTo":${JSON.stringify(r.movedTo)}`;
    if (r.features !== undefined) out += `,"features":${JSON.stringify(r.features)}`;
    out += "}\n";
  }
  return out + JSON.stringify(documentRecord(result, output, pipeline, counts)) + "\n";
}

/** `"rule":…,"stage":…,"reason":…,` of a removal, by rule id: a rule's stage and reason rarely change between its removals. */
const ruleJsonById = new Map<string, { stage: string; reason: string; json: string }>();
/** Rule ids come from the pipeline's tables; a stage that made them up per document would not grow the map past this. */
const MAX_RULES_KEPT = 4096;

function ruleJson({ rule, stage, reason }: RemovalRecord): string {
  const known = ruleJsonById.get(rule);
  if (known && known.stage === stage && known.reason === reason) return known.json;
  const json = `"rule":${JSON.stringify(rule)},"stage":${JSON.stringify(stage)},"reason":${JSON.stringify(reason)},`;
  if (ruleJsonById.size >= MAX_RULES_KEPT) ruleJsonById.clear();
  ruleJsonById.set(rule, { stage, reason, json });
  return json;
}
