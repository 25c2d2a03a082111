// Defaults of the command line's options, in a module that loads nothing else, so that
// `chaff --version` and `--help` do not load the pipelines, the readers or the pool.
import { availableParallelism } from "node:os";

export { DEFAULT_MAX_DOCUMENT_MB } from "../read/limits.js";

export const DEFAULT_PIPELINE = "news";
/** Documents extracted from HTML: markup flags and promos first, then the news stages. */
export const DEFAULT_HTML_PIPELINE = "html";

export const DEFAULT_TIMEOUT_MS = 60_000;
/**
 * Old-generation cap of each worker. It bounds resident memory on text corpora (2 GB JSONL,
 * --jobs 2: peak RSS 300 MB at 1024, ~10 MB less at 512). V8 collects harder the nearer a heap
 * is to its cap, so HTML corpora run faster with more: 288 AEB pages, --jobs 2, 17.2 s at 512
 * against 15.4 s at 1024 (`--worker-heap 1024`).
 */
export const DEFAULT_WORKER_HEAP_MB = 512;

export function defaultJobs(): number {
  return availableParallelism();
}
