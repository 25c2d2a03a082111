// Pages of the benchmark sets beside the repository (../shared/bench/<set>/html), for tests that
// hold a fast path to the plain code on real pages; none when the sets are not there.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { decodeHtml } from "../../src/extract/decode.js";

const SHARED_BENCH = join(import.meta.dirname, "../../../shared/bench");

/** The paths of every `every`-th page of each set, in name order. */
export function benchPagePaths(every: number): string[] {
  if (!existsSync(SHARED_BENCH)) return [];
  const pages: string[] = [];
  for (const set of readdirSync(SHARED_BENCH).sort()) {
    const dir = join(SHARED_BENCH, set, "html");
    if (!existsSync(dir)) continue;
    readdirSync(dir)
      .filter((name) => name.endsWith(".html.gz"))
      .sort()
      .forEach((name, i) => {
        if (i % every === 0) pages.push(join(dir, name));
      });
  }
  return pages;
}

/** A page's markup, decoded as extraction decodes it. */
export function benchPageHtml(path: string): string {
  return decodeHtml(gunzipSync(readFileSync(path))).text;
}
