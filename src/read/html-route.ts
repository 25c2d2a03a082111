// The seam between record readers and the HTML extractor. Readers only say "this
// record holds HTML"; turning it into a document is the extractor's job, done on
// the worker that cleans the record. Until the extractor is wired in, HTML records
// fail with a clear reason instead of being cleaned as if they were text.
import type { Document } from "../core/document.js";

export interface HtmlInput {
  id: string;
  source: string;
  /** The HTML: a string from a JSON field, or the bytes of a WARC response (charset still to decode). */
  html: string | Uint8Array;
  url?: string;
  /** The HTTP or record content type, e.g. `text/html; charset=windows-1252`. */
  contentType?: string;
  /** Metadata the reader already knows (WARC date, record fields...). */
  meta: Record<string, unknown>;
}

export type HtmlToDocument = (input: HtmlInput) => Promise<Document>;

export const HTML_EXTRACTOR_MISSING = "HTML records need the HTML extractor";

/** Stand-in until the HTML extractor lands: every HTML record becomes a reported failure. */
export const htmlExtractorMissing: HtmlToDocument = async () => {
  throw new Error(HTML_EXTRACTOR_MISSING);
};

let current: HtmlToDocument = htmlExtractorMissing;

/** Replaces the HTML route for this thread (workers load this module themselves: wire the default here). */
export function setHtmlToDocument(fn: HtmlToDocument): void {
  current = fn;
}

export function htmlToDocument(input: HtmlInput): Promise<Document> {
  return current(input);
}
