// The metadata of a JSON or JSONL output record, where datatrove's and Dolma's readers look:
// the input record's own fields and the document's url, title, date, author and language at
// the top of `metadata`, and what chaff found and counted under `metadata.chaff`.
import { stopwordLanguage } from "../../match/line-features.js";

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

/** The language of a clean text (ISO 639-1), from the stopwords of its longest lines; "" when unsure. */
export function detectLanguage(text: string): string {
  const lines = text.split("\n").filter((line) => line.length >= 40).sort((a, b) => b.length - a.length);
  const sample: string[] = [];
  let size = 0;
  for (const line of lines) {
    if (size >= DETECT_SAMPLE) break;
    sample.push(line);
    size += line.length;
  }
  return sample.length ? stopwordLanguage(sample.join("\n")) : "";
}

/** `en-GB` -> `en`: the primary subtag of a declared language, when it is a two-letter code. */
function declaredLanguage(lang: unknown): string {
  const primary = typeof lang === "string" ? lang.trim().split(/[-_]/)[0].toLowerCase() : "";
  return /^[a-z]{2}$/.test(primary) ? primary : "";
}
