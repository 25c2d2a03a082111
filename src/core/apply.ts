// The one step that edits text. Stages only report spans; this resolves their
// overlaps, cuts them out of `raw`, and writes one audit record per removed fragment.
import type { Document, Features, Finding } from "./document.js";

export interface RemovalRecord {
  type: "removal";
  /** Document id. */
  doc: string;
  source: string;
  rule: string;
  stage: string;
  reason: string;
  /** Half-open UTF-16 offsets into the raw text. */
  start: number;
  end: number;
  /** 1-based line and column (UTF-16 code units) of `start` in the raw text. */
  line: number;
  column: number;
  text: string;
  /** Set when the text moved into the document's metadata rather than being dropped. */
  movedTo?: string;
  features?: Features;
}

export interface Applied {
  /** Raw text with every removed span cut out, not yet normalised. */
  kept: string;
  /** Half-open spans of `raw` that were kept, in order. */
  keptSpans: Array<[number, number]>;
  removals: RemovalRecord[];
  /** Findings wholly inside a span an earlier-ranked finding already removed. */
  shadowed: number;
  /** The findings that removed something (the others were shadowed): only these move text into metadata. */
  survivors: Set<Finding>;
}

/**
 * Overlap policy, explicit because the audit depends on it: findings are ranked by
 * start (earlier first), then by length (longer first), then by the order stages
 * reported them. Each character is attributed to the first-ranked finding covering
 * it. A later finding that overlaps keeps only its uncovered tail; one that is wholly
 * covered is counted as shadowed and leaves no record. Empty or out-of-range spans
 * are errors: a stage that reports them is broken.
 */
export function applyFindings(doc: Document, findings: readonly Finding[] = doc.findings): Applied {
  const raw = doc.raw;
  // Most documents of a cheap pipeline have nothing removed: no ranking, no line starts, no copy.
  if (findings.length === 0) return { kept: raw, keptSpans: raw.length > 0 ? [[0, raw.length]] : [], removals: [], shadowed: 0, survivors: new Set() };
  const ranked = rank(findings, raw.length);
  // Each removal starts after the one before: its line is found by walking forward over the line
  // breaks before it, not by a table of every line start (the text's end is not walked at all).
  let line = 1;
  let lineStart = 0;
  let nextBreak = raw.indexOf("\n");
  const removals: RemovalRecord[] = [];
  const keptSpans: Array<[number, number]> = [];
  let covered = 0; // everything before this offset is decided
  let shadowed = 0;
  const survivors = new Set<Finding>();
  for (const finding of ranked) {
    const { start, end } = finding;
    if (!(Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start < end && end <= raw.length)) {
      throw new RangeError(
        `rule ${finding.rule} (stage ${finding.stage}) reported an invalid span [${start}, ${end}) in a text of length ${raw.length}`,
      );
    }
    if (end <= covered) {
      shadowed++;
      continue;
    }
    const from = Math.max(start, covered);
    if (from > covered) keptSpans.push([covered, from]);
    while (nextBreak !== -1 && nextBreak < from) {
      line++;
      lineStart = nextBreak + 1;
      nextBreak = raw.indexOf("\n", lineStart);
    }
    const record: RemovalRecord = {
      type: "removal",
      doc: doc.id,
      source: doc.source,
      rule: finding.rule,
      stage: finding.stage,
      reason: finding.reason,
      start: from,
      end,
      line,
      column: from - lineStart + 1,
      text: raw.slice(from, end),
    };
    if (finding.moveTo) record.movedTo = finding.moveTo;
    if (finding.features) record.features = finding.features;
    removals.push(record);
    survivors.add(finding);
    covered = end;
  }
  if (covered < raw.length) keptSpans.push([covered, raw.length]);
  const kept = keptSpans.map(([s, e]) => raw.slice(s, e)).join("");
  return { kept, keptSpans, removals, shadowed, survivors };
}

let keyRoom = new Float64Array(256);
const MAX_KEY_ROOM = 1 << 16;

/** By start, then longer first; Array.prototype.sort is stable: findings of the same span keep the order stages reported them. */
const byRank = (a: Finding, b: Finding) => a.start - b.start || b.end - a.end;

/**
 * The findings in the order `byRank` sorts them. As one number each when their spans are valid and
 * start, end and place in the list fit a double exactly (start, then the end's complement, then the
 * place: distinct numbers in rank order), sorted natively: the comparator read `start` and `end` of
 * objects of every stage's shapes at each comparison (~1% of the news run). Otherwise by `byRank`
 * (an invalid span is then reported as before, the first in that order).
 */
export function rank(findings: readonly Finding[], length: number): Finding[] {
  const placeBits = 32 - Math.clz32(findings.length);
  const offsetBits = 32 - Math.clz32(length);
  if (length >= 2 ** 30 || 2 * offsetBits + placeBits > 53) return findings.slice().sort(byRank);
  const offsets = 2 ** offsetBits;
  const places = 2 ** placeBits;
  // A view of one array kept for every document (a new typed array each time cost as much as the sort), up to a size.
  if (keyRoom.length < findings.length && findings.length <= MAX_KEY_ROOM) keyRoom = new Float64Array(2 * findings.length);
  const keys = findings.length <= keyRoom.length ? keyRoom.subarray(0, findings.length) : new Float64Array(findings.length);
  for (let i = 0; i < findings.length; i++) {
    const { start, end } = findings[i];
    if (!(Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start < end && end <= length)) return findings.slice().sort(byRank);
    keys[i] = (start * offsets + (offsets - 1 - end)) * places + i;
  }
  keys.sort();
  const ranked: Finding[] = [];
  for (const key of keys) ranked.push(findings[key % places]);
  return ranked;
}

export function lineStartOffsets(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}

/** 1-based line and column of an offset, by binary search over line starts. */
export function position(lineStarts: readonly number[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - lineStarts[lo] + 1 };
}
