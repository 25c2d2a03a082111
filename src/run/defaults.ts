// Defaults of the command line's options, in a module that loads nothing else, so that
// `chaff --version` and `--help` do not load the pipelines, the readers or the pool.
import { availableParallelism } from "node:os";

export { DEFAULT_MAX_DOCUMENT_MB } from "../read/limits.js";

export const DEFAULT_PIPELINE = "news";
/** Documents extracted from HTML: markup flags and promos first, then the news stages. */
export const DEFAULT_HTML_PIPELINE = "html";

export const DEFAULT_TIMEOUT_MS = 60_000;
/**
 * Old-generation cap of each worker. V8 sizes how far a heap may grow between two full
 * collections by its cap: under 2 GB by at most 1.3-2x the live size, from 2 GB by up to 4x, as
 * the main thread's heap (4 GB here). At 512 the worker ran 11 full collections on the 181 AEB
 * pages at --jobs 2 where the main thread ran 4 (`--trace-gc`); at 2048, 3. 181 pages, --jobs 2,
 * 7 interleaved rounds: 0.965x the CPU (1024: no gain); the pages four times over (724): 0.90x,
 * peak RSS 314 -> 377 MB; 10 MB of JSONL, news: same peak RSS (~200 MB). A document that needs
 * more than the cap still fails alone (test/hostile/limits.test.ts).
 */
export const DEFAULT_WORKER_HEAP_MB = 2048;

export function defaultJobs(): number {
  return availableParallelism();
}
