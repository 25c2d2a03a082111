// One streaming pass over an audit log (JSON lines) -> what the report shows.
// Counts are exact; what the page embeds is bounded: a deterministic sample of
// fragments per rule and the removals of the top documents only. The audit is
// never held in memory whole, so a run with a million removals stays cheap.
import { createReadStream } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { STATE_DIR } from "../write/layout.js";
import { createInterface } from "node:readline";
import type { RemovalRecord } from "../core/apply.js";
import type { DocumentRecord } from "../write/audit.js";

export interface ReportLimits {
  /** Fragments embedded per rule: all of them up to this many, else a sample of this size. */
  fragmentsPerRule: number;
  /** Documents listed in "most removed", each with its in-place view. */
  topDocuments: number;
  /** Highlights kept per document view. */
  highlightsPerDocument: number;
  /** Characters of a fragment kept in the table (the view shows it whole). */
  fragmentChars: number;
  /** Errors listed by name (all are counted). */
  errors: number;
  /** Near-duplicate clusters listed (the first ones in the audit; all documents are counted). */
  clusters: number;
}

export const DEFAULT_LIMITS: ReportLimits = {
  fragmentsPerRule: 500,
  topDocuments: 20,
  highlightsPerDocument: 2000,
  fragmentChars: 600,
  errors: 100,
  clusters: 50,
};

/** Fixed seed: the same audit always yields the same sample. */
const SAMPLE_SEED = 0x6368_6166; // "chaf"

export interface Count {
  removals: number;
  chars: number;
}

/** A removed fragment as the table shows it. `index` is its position among the audit's removals. */
export interface FragmentRow {
  index: number;
  doc: string;
  source: string;
  rule: string;
  stage: string;
  reason: string;
  line: number;
  column: number;
  length: number;
  text: string;
  movedTo?: string;
}

export interface TopDocument {
  doc: string;
  source: string;
  output: string;
  pipeline: string;
  chars: { in: number; out: number; removed: number };
  removalCount: number;
  rules: Record<string, number>;
  /** Its removals in audit order, at most `highlightsPerDocument`. */
  removals: RemovalRecord[];
}

export interface AuditSummary {
  auditPath: string;
  documents: number;
  chars: { in: number; out: number; removed: number };
  removals: number;
  /** By rule and by stage, sorted by name. */
  rules: Record<string, Count>;
  stages: Record<string, Count>;
  /** Rule -> stage, for the table's filters. */
  ruleStages: Record<string, string[]>;
  pipelines: string[];
  errors: { count: number; listed: Array<{ source: string; reason: string }> };
  /** Removal records whose document record never came (a truncated audit). */
  unmatchedRemovals: number;
  topDocuments: TopDocument[];
  /** Documents the near-duplicates corpus stage left out, by the kept document each duplicates. */
  nearDuplicates: { documents: number; clusters: NearDuplicateCluster[]; clustersNotListed: number };
  /** Embedded fragments, in audit order. */
  fragments: FragmentRow[];
  limits: ReportLimits;
  /** Records the run set aside (its rejects file), when the report found it: the first `limits.errors` listed. */
  setAside?: { path: string; count: number; listed: SetAsideRecord[] };
}

/** A line of the rejects file: a record rejected on reading, or a document that failed. */
export interface SetAsideRecord {
  kind: string;
  input: string;
  /** `line 6` or `record 3`. */
  at: string;
  id?: string;
  reason: string;
}

/** A kept document and the documents left out as its near-duplicates (rule corpus/near-duplicate). */
export interface NearDuplicateCluster {
  kept: string;
  copies: Array<{ doc: string; source: string; similarity: number }>;
}

/** Copies listed per cluster (all are counted in `documents`). */
const COPIES_PER_CLUSTER = 20;

export class AuditError extends Error {}

/** The rejects file's lines, counted, the first `limit` kept; a line that is not JSON is listed as such. */
export async function readSetAside(path: string, limit: number): Promise<NonNullable<AuditSummary["setAside"]>> {
  const { createReadStream } = await import("node:fs");
  const { createInterface } = await import("node:readline");
  const out: NonNullable<AuditSummary["setAside"]> = { path, count: 0, listed: [] };
  for await (const line of createInterface({ input: createReadStream(path), crlfDelay: Infinity })) {
    if (!line.trim()) continue;
    out.count++;
    if (out.listed.length >= limit) continue;
    try {
      const r = JSON.parse(line) as Record<string, unknown>;
      const at = r.line !== undefined ? `line ${String(r.line)}` : r.record !== undefined ? `record ${String(r.record)}` : "";
      out.listed.push({ kind: String(r.kind ?? ""), input: String(r.input ?? ""), at, ...(r.id !== undefined ? { id: String(r.id) } : {}), reason: String(r.reason ?? "") });
    } catch {
      out.listed.push({ kind: "?", input: path, at: "", reason: "not a JSON line" });
    }
  }
  return out;
}

/** mulberry32: a tiny seeded PRNG; enough for sampling, and the same on every machine. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

type FieldTypes = ReadonlyArray<readonly [string, "string" | "number"]>;
const REMOVAL_FIELDS: FieldTypes = [["doc", "string"], ["source", "string"], ["rule", "string"], ["stage", "string"], ["reason", "string"], ["text", "string"], ["start", "number"], ["end", "number"], ["line", "number"], ["column", "number"]];
const DOCUMENT_FIELDS: FieldTypes = [["doc", "string"], ["source", "string"]];

function missingField(record: Record<string, unknown>, fields: FieldTypes): string | undefined {
  for (const [name, type] of fields) if (typeof record[name] !== type) return `field "${name}" must be a ${type}`;
  return undefined;
}

function documentKey(source: string, doc: string): string {
  return `${source}\u0000${doc}`;
}

/** Ranks documents: most characters removed, then most removals, then first seen. */
function ranksBefore(a: { chars: { removed: number }; removalCount: number; order: number }, b: typeof a): boolean {
  return a.chars.removed !== b.chars.removed ? a.chars.removed > b.chars.removed : a.removalCount !== b.removalCount ? a.removalCount > b.removalCount : a.order < b.order;
}

function sortedByKey<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * The audit files behind a path: the file itself, or, for a folder (a sharded run's
 * output folder or its `_chaff/` folder), every `*.audit.jsonl` in it, sorted, read as one audit.
 */
export async function auditFiles(auditPath: string): Promise<string[]> {
  let info;
  try {
    info = await stat(auditPath);
  } catch (error) {
    throw new AuditError(`${auditPath}: cannot read: ${(error as Error).message}`);
  }
  if (!info.isDirectory()) return [auditPath];
  const state = join(auditPath, STATE_DIR);
  const dir = (await stat(state).catch(() => undefined))?.isDirectory() ? state : auditPath;
  const names = (await readdir(dir)).filter((n) => n.endsWith(".audit.jsonl")).sort();
  if (names.length === 0) throw new AuditError(`${auditPath}: no *.audit.jsonl files in ${dir}`);
  return names.map((n) => join(dir, n));
}

/** Reads the audit (one file, or a folder of shard audits) line by line and aggregates it. Errors name the file and line. */
export async function aggregateAudit(auditPath: string, limits: ReportLimits = DEFAULT_LIMITS): Promise<AuditSummary> {
  const files = await auditFiles(auditPath);
  const summary: AuditSummary = {
    auditPath,
    documents: 0,
    chars: { in: 0, out: 0, removed: 0 },
    removals: 0,
    rules: {},
    stages: {},
    ruleStages: {},
    pipelines: [],
    errors: { count: 0, listed: [] },
    unmatchedRemovals: 0,
    topDocuments: [],
    nearDuplicates: { documents: 0, clusters: [], clustersNotListed: 0 },
    fragments: [],
    limits,
  };
  const random = seededRandom(SAMPLE_SEED);
  const reservoirs = new Map<string, FragmentRow[]>();
  const pending = new Map<string, RemovalRecord[]>();
  const pipelines = new Set<string>();
  const ruleStages = new Map<string, Set<string>>();
  const top: Array<TopDocument & { order: number }> = [];
  let lineNumber = 0;
  /** Position of a line across all the audit's files, so documents keep their order. */
  let ordinal = 0;
  let file = files[0]!;
  let stream: ReturnType<typeof createReadStream> | undefined;

  const fail = (reason: string): never => {
    stream?.destroy();
    throw new AuditError(`${file}:${lineNumber}: ${reason}`);
  };

  const addRemoval = (r: RemovalRecord) => {
    const length = r.end - r.start;
    const index = summary.removals++;
    const rule = (summary.rules[r.rule] ??= { removals: 0, chars: 0 });
    rule.removals++;
    rule.chars += length;
    const stage = (summary.stages[r.stage] ??= { removals: 0, chars: 0 });
    stage.removals++;
    stage.chars += length;
    let stages = ruleStages.get(r.rule);
    if (!stages) ruleStages.set(r.rule, (stages = new Set()));
    stages.add(r.stage);
    // Reservoir sampling (algorithm R) per rule: uniform, bounded, reproducible.
    let reservoir = reservoirs.get(r.rule);
    if (!reservoir) reservoirs.set(r.rule, (reservoir = []));
    const seen = rule.removals;
    const slot = seen <= limits.fragmentsPerRule ? reservoir.length : Math.floor(random() * seen);
    if (slot < limits.fragmentsPerRule) reservoir[slot] = fragmentRow(r, index, limits.fragmentChars);
    if (r.rule === "corpus/near-duplicate") addNearDuplicate(r as RemovalRecord & { duplicateOf?: unknown; similarity?: unknown });
    // Corpus-stage removals come after their document's record (offsets into its clean text): counted, not placed.
    if ((r as RemovalRecord & { in?: string }).in === "clean-text") return;
    const key = documentKey(r.source, r.doc);
    let list = pending.get(key);
    if (!list) pending.set(key, (list = []));
    list.push(r);
  };

  const clusters = new Map<string, NearDuplicateCluster>();
  const addNearDuplicate = (r: RemovalRecord & { duplicateOf?: unknown; similarity?: unknown }) => {
    const near = summary.nearDuplicates;
    near.documents++;
    const kept = typeof r.duplicateOf === "string" ? r.duplicateOf : "";
    let cluster = clusters.get(kept);
    if (!cluster) {
      if (clusters.size >= limits.clusters) {
        near.clustersNotListed++;
        return;
      }
      clusters.set(kept, (cluster = { kept, copies: [] }));
      near.clusters.push(cluster);
    }
    if (cluster.copies.length < COPIES_PER_CLUSTER) cluster.copies.push({ doc: r.doc, source: r.source, similarity: typeof r.similarity === "number" ? r.similarity : NaN });
  };

  const addDocument = (d: DocumentRecord, order: number) => {
    summary.documents++;
    summary.chars.in += d.chars?.in ?? 0;
    summary.chars.out += d.chars?.out ?? 0;
    summary.chars.removed += d.chars?.removed ?? 0;
    if (typeof d.pipeline === "string") pipelines.add(d.pipeline);
    const key = documentKey(d.source, d.doc);
    const removals = pending.get(key) ?? [];
    pending.delete(key);
    if (removals.length === 0 || limits.topDocuments <= 0) return;
    const rank = { chars: { removed: d.chars?.removed ?? 0 }, removalCount: removals.length, order };
    if (top.length === limits.topDocuments && !ranksBefore(rank, top[top.length - 1])) return;
    const candidate = {
      doc: d.doc,
      source: d.source,
      output: typeof d.output === "string" ? d.output : "",
      pipeline: typeof d.pipeline === "string" ? d.pipeline : "",
      chars: { in: d.chars?.in ?? 0, out: d.chars?.out ?? 0, removed: d.chars?.removed ?? 0 },
      removalCount: removals.length,
      rules: d.removals ?? {},
      removals: removals.slice(0, limits.highlightsPerDocument),
      order,
    };
    let at = top.length;
    while (at > 0 && ranksBefore(candidate, top[at - 1])) at--;
    top.splice(at, 0, candidate);
    if (top.length > limits.topDocuments) top.pop();
  };

  for (file of files) {
  const opened = createReadStream(file, { encoding: "utf8" });
  stream = opened;
  await new Promise<void>((resolve, reject) => {
    opened.once("open", () => resolve());
    opened.once("error", (error) => reject(new AuditError(`${file}: cannot read: ${error.message}`)));
  });
  lineNumber = 0;
  const lines = createInterface({ input: opened, crlfDelay: Infinity });
  for await (const text of lines) {
    lineNumber++;
    ordinal++;
    if (text.trim() === "") continue;
    let record: unknown;
    try {
      record = JSON.parse(text);
    } catch (error) {
      fail(`not valid JSON: ${(error as Error).message}`);
    }
    if (!isRecord(record)) fail("a record must be a JSON object");
    const r = record as Record<string, unknown>;
    if (r.type === "removal") {
      const problem = missingField(r, REMOVAL_FIELDS);
      if (problem) fail(`removal record: ${problem}`);
      addRemoval(r as unknown as RemovalRecord);
    } else if (r.type === "document") {
      const problem = missingField(r, DOCUMENT_FIELDS);
      if (problem) fail(`document record: ${problem}`);
      addDocument(r as unknown as DocumentRecord, ordinal);
    } else if (r.type === "error") {
      summary.errors.count++;
      if (summary.errors.listed.length < limits.errors) summary.errors.listed.push({ source: String(r.source ?? ""), reason: String(r.reason ?? "") });
    } else {
      fail(`unknown record type ${JSON.stringify(r.type)} (expected "removal", "document" or "error")`);
    }
  }
  }

  for (const list of pending.values()) summary.unmatchedRemovals += list.length;
  summary.rules = sortedByKey(summary.rules);
  summary.stages = sortedByKey(summary.stages);
  summary.ruleStages = Object.fromEntries([...ruleStages].map(([rule, stages]) => [rule, [...stages].sort()] as const).sort(([a], [b]) => (a < b ? -1 : 1)));
  summary.pipelines = [...pipelines].sort();
  summary.topDocuments = top.map(({ order: _order, ...doc }) => doc);
  summary.fragments = [...reservoirs.values()].flat().sort((a, b) => a.index - b.index);
  return summary;
}

function fragmentRow(r: RemovalRecord, index: number, maxChars: number): FragmentRow {
  const row: FragmentRow = {
    index,
    doc: r.doc,
    source: r.source,
    rule: r.rule,
    stage: r.stage,
    reason: r.reason,
    line: r.line,
    column: r.column,
    length: r.end - r.start,
    text: r.text.length > maxChars ? r.text.slice(0, maxChars) + "…" : r.text,
  };
  if (r.movedTo) row.movedTo = r.movedTo;
  return row;
}
