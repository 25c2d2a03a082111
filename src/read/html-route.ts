// The seam between record readers and the HTML extractor. Readers only say "this
// record holds HTML"; turning it into a document is the extractor's job, done on
// the worker that cleans the record.
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

/**
 * Readability on linkedom (jsdom where linkedom fails), walked into blocks (src/extract/html.ts);
 * what the reader knew is kept in the metadata. The extractor is loaded on first use: a thread
 * that only cleans text never pays its memory.
 */
export const extractHtmlDocument: HtmlToDocument = async (input) => {
  const html = await import("../extract/html.js");
  return documentOf(html, await html.extractHtml(input.html, { url: input.url, contentType: input.contentType }), input);
};

/**
 * The same route, synchronous, its modules and DOM loaded first: for a page cleaned inline under a
 * time limit that stops synchronous work (src/run/time-limit.ts). Same bytes as `extractHtmlDocument`.
 */
export async function loadHtmlToDocumentSync(): Promise<(input: HtmlInput) => Document> {
  const html = await import("../extract/html.js");
  html.loadDom("linkedom");
  return (input) => documentOf(html, html.extractHtmlSync(input.html, { url: input.url, contentType: input.contentType }), input);
}

function documentOf(html: typeof import("../extract/html.js"), extracted: import("../extract/html.js").ExtractedHtml, input: HtmlInput): Document {
  const doc = html.htmlDocument(extracted, { id: input.id, source: input.source });
  for (const [key, value] of Object.entries(input.meta)) if (!(key in doc.meta)) doc.meta[key] = value;
  return doc;
}

let current: HtmlToDocument = extractHtmlDocument;

/** Replaces the HTML route for this thread (workers load this module themselves: wire the default here). */
export function setHtmlToDocument(fn: HtmlToDocument): void {
  current = fn;
}

export function htmlToDocument(input: HtmlInput): Promise<Document> {
  return current(input);
}
