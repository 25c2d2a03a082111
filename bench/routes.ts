// Extraction routes timed side by side, for bench/aeb.ts and bench/extract.ts.
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
