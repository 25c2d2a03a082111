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
  // Array.prototype.sort is stable: findings of the same span keep the order stages reported them.
  const ranked = findings.slice().sort((a, b) => a.start - b.start || b.end - a.end);
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
