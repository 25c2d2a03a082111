// The document model. `raw` is what the stages see and is never mutated: every
// removal is a span into it, so the audit can always point back at the source.

/** Kinds of text block an extractor can hand over (the plain-text route has none). */
export type BlockKind =
  | "title"
  | "heading"
  | "paragraph"
  | "list-item"
  | "caption"
  | "quote"
  | "table-cell"
  | "text";

/** A block of `raw` and its kind, as an HTML extractor saw it. Half-open UTF-16 offsets. */
export interface Block {
  start: number;
  end: number;
  kind: BlockKind;
  /** Headings: 1 to 6, from <h1>..<h6>. */
  level?: number;
  /** List items: the list's kind and nesting depth (0: not nested). */
  list?: ListPlace;
  /** A table row kept as one block: its cells joined by " | " in `raw`, each cell's span. */
  row?: TableRow;
  /** Lines of a <pre>: verbatim (the normaliser leaves their spaces); the lines of one <pre> share the number. */
  code?: number;
}

export interface ListPlace {
  ordered: boolean;
  depth: number;
}

export interface TableRow {
  /** A header row: every cell a <th>, or the row in a <thead>. */
  header: boolean;
  /** Half-open offsets of each cell's text in `raw` (possibly empty). */
  cells: Array<[number, number]>;
}

/** Features that decided a finding, kept for the audit ("why did this vanish?"). */
export type Features = Record<string, number | string | boolean>;

/** What a stage reports: a half-open span of `raw`, the rule that caught it and why. */
export interface Detection {
  rule: string;
  start: number;
  end: number;
  reason: string;
  features?: Features;
  /** When set, the removed text moves into `doc.meta[field]` instead of being thrown away. */
  moveTo?: MetaField;
  /** The value(s) to store under `moveTo` (defaults to the removed text, trimmed). */
  value?: string | string[];
}

/** A detection stamped with the stage that made it. */
export interface Finding extends Detection {
  stage: string;
}

/** Metadata fields that stages fill from removed text. */
export type MetaField = "timestamp" | "dateline" | "tags" | "byline" | "credit";

/**
 * A block of an HTML page flagged by its markup (a share bar, a related list...): the extractor
 * lists them under `meta.markup`, offsets into `raw`, and the `html-blocks` stage reports them.
 */
export interface MarkupFlag {
  start: number;
  end: number;
  rule: string;
  reason: string;
  features?: Features;
}

export interface DocMeta {
  timestamp?: string[];
  dateline?: string[];
  tags?: string[];
  byline?: string[];
  credit?: string[];
  /** Anything readers and extractors add (title, url, language, extraction route...). */
  [key: string]: unknown;
}

export interface Document {
  readonly id: string;
  /** Where the document came from: a path, `-` for stdin, a URL, or `path#record`. */
  readonly source: string;
  readonly raw: string;
  meta: DocMeta;
  findings: Finding[];
  /** Present when an extractor produced `raw` from structured blocks. Sorted, non-overlapping. */
  blocks?: Block[];
}

export function createDocument(init: {
  id: string;
  source: string;
  raw: string;
  meta?: DocMeta;
  blocks?: Block[];
}): Document {
  return {
    id: init.id,
    source: init.source,
    raw: init.raw,
    meta: { ...(init.meta ?? {}) },
    findings: [],
    blocks: init.blocks,
  };
}
