// Stages and the pipeline that runs them. A stage is a small object made by a
// factory from its options; it looks at a document and reports detections.
import { applyFindings, type RemovalRecord } from "./apply.js";
import type { Detection, Document, Finding } from "./document.js";
import { KeptText } from "./kept.js";
import { LineView, UnitClasses } from "./lines.js";

export interface StageContext {
  doc: Document;
  /** Lines of `raw`, knowing which ones earlier stages removed. */
  lines: LineView;
}

export interface Stage {
  /** Name recorded in the audit as `stage`. */
  readonly name: string;
  detect(ctx: StageContext): Detection[];
  /** Makes what the stage makes on first use (a lazy stage's rules), before any stage of the pipeline runs. */
  prepare?(): void;
}

/**
 * A stage made when its first document comes: compiling a stage's rules costs tens of
 * milliseconds, which a run (and each worker) would otherwise pay at start even for the
 * stages it never reaches. The registered stages all report their own `use` as their name.
 */
export function lazyStage(name: string, make: () => Stage): Stage {
  let made: Stage | undefined;
  return { name, detect: (ctx) => (made ??= make()).detect(ctx), prepare: () => void (made ??= make()) };
}

/**
 * A finished text as the lines it was joined from: `lines.join(separator) + "\n"` is the text.
 * `escaped` lists, in order, the lines that may hold a unit JSON.stringify escapes (a quote, a
 * backslash, a control character, a surrogate); no other line holds one. A writer escapes the
 * text by its lines, only those listed, instead of every unit of it (write/records.ts recordLineOfLines).
 */
export interface TextLines {
  lines: readonly string[];
  separator: string;
  escaped: readonly number[];
}

/** Edits text after removals (normalisation) and counts its edits by kind. */
export interface TextFinisher {
  readonly name: string;
  /**
   * Classes of units (bits 0-7 by unit) the finisher reads of every line: the pass that splits the
   * document into lines notes them for each line (LineView.classes), so that a text nothing was
   * removed from is not read unit by unit twice.
   */
  readonly lineClasses?: Uint8Array;
  /**
   * `verbatim`: spans of `text` (whole lines: code) whose characters stay as they are. `lines`: the
   * document's lines, made with `lineClasses`, and `keptSpans`: the spans of its raw text that `text`
   * is joined from (the lines kept whole are not read unit by unit again).
   */
  finish(text: string, verbatim?: ReadonlyArray<readonly [number, number]>, lines?: LineView, keptSpans?: ReadonlyArray<readonly [number, number]>): FinishedText;
}

export interface FinishedText {
  text: string;
  edits: Record<string, number>;
  /** The text's lines, when the finisher joined it from them. */
  lines?: TextLines;
}

export interface Pipeline {
  name: string;
  stages: Stage[];
  finisher?: TextFinisher;
  /** Lines matching any of these are never removed (a user's allowlist). */
  allow?: RegExp[];
}

export interface CleanResult {
  doc: Document;
  /** The clean text. */
  text: string;
  removals: RemovalRecord[];
  /** Normalisation edits by kind. */
  edits: Record<string, number>;
  /** Findings that fell wholly inside an earlier removal. */
  shadowed: number;
  /** Half-open spans of `raw` that were kept, in order (for renderers, with core/kept.ts). */
  keptSpans: Array<[number, number]>;
  /** `text` as lines, when the finisher made it of them (see TextLines). */
  lines?: TextLines;
}

/**
 * `{ ...detection, stage }`. A detection the stage made fresh, a plain extensible object without a
 * `stage` of its own, is stamped in place instead: the same keys in the same order, without the
 * copy, which at a site that sees every stage's shapes went through the runtime (~1.7% of the news
 * run). An object the stage hands over twice is stamped the first time only, then copied, so each
 * finding stays an object of its own; a frozen one, or one of a class, is copied.
 */
export function findingOf(detection: Detection, stage: string): Finding {
  if ((detection as Partial<Finding>).stage === undefined && Object.getPrototypeOf(detection) === Object.prototype && Object.isExtensible(detection)) {
    (detection as Finding).stage = stage;
    return detection as Finding;
  }
  return { ...detection, stage };
}

/** Runs every stage over one document, applies the findings and finishes the text. */
export function cleanDocument(doc: Document, pipeline: Pipeline): CleanResult {
  // Every stage's rules are compiled before the first line is scanned: the shared line scan
  // (src/match/literal-scan.ts) is then built once, with the literals of all of them.
  for (const stage of pipeline.stages) stage.prepare?.();
  const view = new LineView(doc, UnitClasses.of(pipeline.finisher?.lineClasses));
  const protectedSpans = pipeline.allow?.length
    ? view.lines
        .filter((l) => l.content && pipeline.allow!.some((re) => re.test(l.content)))
        .map((l) => [l.contentStart, l.contentEnd] as const)
    : [];
  for (const stage of pipeline.stages) {
    const found: Finding[] = [];
    for (const detection of stage.detect({ doc, lines: view })) {
      if (protectedSpans.length > 0 && protectedSpans.some(([s, e]) => detection.start < e && s < detection.end)) continue;
      found.push(findingOf(detection, stage.name));
    }
    for (const finding of found) doc.findings.push(finding);
    view.markRemoved(found);
  }
  const applied = applyFindings(doc);
  // Text moves into metadata only for findings that removed something, in the order they were found:
  // a finding shadowed by an earlier removal (a tag line inside a removed caption) moves nothing.
  for (const finding of doc.findings) {
    if (!finding.moveTo || !applied.survivors.has(finding)) continue;
    const value = finding.value ?? doc.raw.slice(finding.start, finding.end).trim();
    const list = (doc.meta[finding.moveTo] ??= []) as string[];
    list.push(...(Array.isArray(value) ? value : [value]));
  }
  const verbatim = doc.blocks?.some((b) => b.code !== undefined) ? new KeptText(doc.raw, applied.keptSpans).verbatimSpans(doc.blocks) : undefined;
  const finished: FinishedText = pipeline.finisher?.finish(applied.kept, verbatim, view, applied.keptSpans) ?? { text: applied.kept, edits: {} };
  return { doc, text: finished.text, removals: applied.removals, edits: finished.edits, shadowed: applied.shadowed, keptSpans: applied.keptSpans, lines: finished.lines };
}
