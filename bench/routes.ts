// Extraction routes timed side by side, for bench/aeb.ts and bench/extract.ts.
import { Readability } from "@mozilla/readability";
import { JSDOM, VirtualConsole } from "jsdom";
import { decodeHtml } from "../src/extract/decode.js";
import { yieldToEventLoop } from "../src/extract/html.js";

export interface Route<P extends { id: string }> {
  name: string;
  run: (page: P) => string;
  texts: Map<string, string>;
  seconds: number;
}

/**
 * Runs the routes page by page, alternating which goes first, so that both see the same
 * machine load (other processes on a shared machine swing single-route figures by 2x).
 * The first `warmup` pages run once untimed.
 */
export async function runRoutes<P extends { id: string }>(routes: Route<P>[], pages: P[], warmup: number): Promise<void> {
  for (const page of pages.slice(0, warmup)) {
    for (const route of routes) route.run(page);
    await yieldToEventLoop();
  }
  for (const [i, page] of pages.entries()) {
    const order = i % 2 === 0 ? routes : [...routes].reverse();
    for (const route of order) {
      const started = process.hrtime.bigint();
      route.texts.set(page.id, route.run(page));
      route.seconds += Number(process.hrtime.bigint() - started) / 1e9;
      await yieldToEventLoop(); // not counted: only time inside the route is
    }
  }
}

/** Pages where Readability.js threw (jsdom's CSS parser rejects some stylesheets): scored as empty. */
let readabilityFailures = 0;
export const readabilityFailureCount = (): number => readabilityFailures;

/**
 * Readability.js alone, its textContent as the output. The page is decoded as chaff decodes
 * it (jsdom's own sniffing reads UTF-8 pages without a <meta charset> as windows-1252), so
 * the two differ only in extraction.
 */
export function readabilityRoute(page: { bytes: Buffer; url?: string }): string {
  let dom: JSDOM | undefined;
  try {
    dom = new JSDOM(decodeHtml(page.bytes).text, { url: page.url && URL.canParse(page.url) ? page.url : undefined, virtualConsole: new VirtualConsole() });
    return new Readability(dom.window.document).parse()?.textContent ?? "";
  } catch {
    readabilityFailures++;
    return "";
  } finally {
    dom?.window.close();
  }
}
