// The metadata of a JSON or JSONL output record, where datatrove's and Dolma's readers look:
// the input record's own fields and the document's url, title, date, author and language at
// the top of `metadata`, and what chaff found and counted under `metadata.chaff`.
import { stopwordLanguageOfSpans } from "../../match/line-features.js";

export interface ChaffMetadata {
  /** What the reader, extractor and stages found: timestamp, dateline, tags, byline, title, extraction... */
  found: Record<string, unknown>;
  /** Removed fragments by rule id. */
  removals: Record<string, number>;
  chars: { in: number; out: number; removed: number };
  /** Set by the corpus stages when they changed the record. */
  corpus?: Record<string, unknown>;
}

/** The document fields readers look for, each with where chaff takes it from (first found wins). */
export const DOCUMENT_FIELDS = {
  url: { from: ["canonicalUrl", "url"], example: "https://courier.example/news/tide-gauge (the page's canonical link)" },
  title: { from: ["title"], example: "Harbour town opens its new tide gauge" },
  date: { from: ["publishedTime", "timestamp"], example: "2026-11-28T09:30:00Z (article:published_time), or a dateline the text stages moved" },
  author: { from: ["byline"], example: "Mara Jensen (the byline)" },
} as const;

export interface RecordMetadata {
  url?: string;
  title?: string;
  date?: string;
  author?: string;
  /** ISO 639-1, from the stopword detector the web-text stages use; else the page's declared language. */
  language?: string;
  chaff: ChaffMetadata;
  /** The input record's own fields (and its own `metadata` object's), verbatim. */
  [field: string]: unknown;
}

/**
 * `fields`: the input record's fields other than its id and text; a `metadata` object among
 * them is spread (datatrove's records carry one), and nothing of the input is overwritten.
 */
export function recordMetadata(fields: Record<string, unknown>, found: Record<string, unknown>, text: string, counts: Omit<ChaffMetadata, "found">): RecordMetadata {
  const { metadata: own, ...rest } = fields;
  const out: Record<string, unknown> = { ...(isObject(own) ? own : own === undefined ? {} : { metadata: own }), ...rest };
  for (const [field, { from }] of Object.entries(DOCUMENT_FIELDS)) {
    if (out[field] !== undefined) continue;
    for (const key of from) {
      const value = first(found[key]);
      if (value) {
        out[field] = value;
        break;
      }
    }
  }
  if (out.language === undefined) {
    const language = detectLanguage(text) || declaredLanguage(found.lang);
    if (language) out.language = language;
  }
  out.chaff = { found, ...counts };
  return out as RecordMetadata;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function first(value: unknown): string | undefined {
  const one = Array.isArray(value) ? value[0] : value;
  return typeof one === "string" && one.trim() ? one.trim() : undefined;
}

/** Characters of the longest lines the detector reads, as the boilerplate stages do. */
const DETECT_SAMPLE = 4000;
/** Shorter lines are menus and labels, often English on pages that are not. */
const DETECT_MIN_LINE = 40;

/** Offsets of the lines long enough to read, start and end by turns; grown as needed and used for every record. */
let lineSpans = new Int32Array(512);
/** Sort keys of those lines when not all are read: longer first, then earlier (see detectLanguage). */
let lineKeys = new Float64Array(256);

/**
 * The language of a clean text (ISO 639-1), from the stopwords of its longest lines; "" when unsure.
 * The lines are found and read in place (offsets in reused typed arrays: no split, join, sort of
 * strings or lower-cased copy): this ran on every output record and was a sixth of the floor's
 * time and an eighth of its allocation (see README, "Speed of the text route").
 */
export function detectLanguage(text: string): string {
  let count = 0;
  let total = 0;
  let shortest = Infinity;
  for (let start = 0; start <= text.length; ) {
    let end = text.indexOf("\n", start);
    if (end === -1) end = text.length;
    const length = end - start;
    if (length >= DETECT_MIN_LINE) {
      if (2 * count + 2 > lineSpans.length) lineSpans = grown(lineSpans);
      lineSpans[2 * count] = start;
      lineSpans[2 * count + 1] = end;
      count++;
      total += length;
      shortest = Math.min(shortest, length);
    }
    start = end + 1;
  }
  if (count === 0) return "";
  // Lines are read longest first until DETECT_SAMPLE characters are in; which lines, not their
  // order, decides the counts. When all but the shortest stay under it, every line is read.
  if (total - shortest < DETECT_SAMPLE) return stopwordLanguageOfSpans(text, lineSpans.subarray(0, 2 * count));
  while (count > lineKeys.length) lineKeys = grown(lineKeys);
  // One number per line, sorted natively: longer first, then earlier (a stable sort by length).
  for (let line = 0; line < count; line++) lineKeys[line] = -(lineSpans[2 * line + 1] - lineSpans[2 * line]) * LINE_LIMIT + line;
  const order = lineKeys.subarray(0, count).sort();
  const spans: number[] = [];
  let size = 0;
  for (const key of order) {
    if (size >= DETECT_SAMPLE) break;
    const line = key - Math.floor(key / LINE_LIMIT) * LINE_LIMIT;
    spans.push(lineSpans[2 * line], lineSpans[2 * line + 1]);
    size += lineSpans[2 * line + 1] - lineSpans[2 * line];
  }
  return stopwordLanguageOfSpans(text, spans);
}

/**
 * Above the number of lines of 40 units or more a string can hold (2^29 units / 41 < 2^24), and
 * a line's length (< 2^29) times it stays below 2^53: the keys are exact doubles.
 */
const LINE_LIMIT = 2 ** 24;

function grown<T extends Int32Array | Float64Array>(array: T): T {
  const larger = new (array.constructor as new (length: number) => T)(array.length * 2);
  larger.set(array);
  return larger;
}

/** `en-GB` -> `en`: the primary subtag of a declared language, when it is a two-letter code. */
function declaredLanguage(lang: unknown): string {
  const primary = typeof lang === "string" ? lang.trim().split(/[-_]/)[0].toLowerCase() : "";
  return /^[a-z]{2}$/.test(primary) ? primary : "";
}
