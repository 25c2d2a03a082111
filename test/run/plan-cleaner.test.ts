import { describe, expect, it } from "vitest";
import { cleanedOnMainThread, FILES_PER_WORKER, INLINE_PAGE_MAX_BYTES, INLINE_TEXT_MAX_BYTES, INLINE_TIMED_MAX_BYTES, planCleaner } from "../../src/run/clean.js";

const run = { workersPossible: true, jobs: 2, bytes: 1000, undecidedPattern: false };

describe("where a run is cleaned", () => {
  it("a small plain-text run stays on the main thread: starting workers would cost more than the work", () => {
    expect(planCleaner({ ...run, formats: ["text", "text"] })).toEqual({ inline: true, threads: 0 });
    expect(planCleaner({ ...run, formats: ["text"], bytes: INLINE_TEXT_MAX_BYTES })).toEqual({ inline: true, threads: 0 });
  });
  it("a small run of HTML pages or record files is cleaned on the main thread, each document under its time limit", () => {
    expect(planCleaner({ ...run, formats: ["html"] })).toEqual({ inline: true, threads: 0, timed: true });
    expect(planCleaner({ ...run, formats: ["html"], bytes: INLINE_TIMED_MAX_BYTES })).toEqual({ inline: true, threads: 0, timed: true });
    expect(planCleaner({ ...run, formats: ["text", "html"] })).toEqual({ inline: true, threads: 0, timed: true });
    expect(planCleaner({ ...run, formats: ["html", "html"] })).toEqual({ inline: true, threads: 0, timed: true });
    expect(planCleaner({ ...run, formats: ["jsonl"] })).toEqual({ inline: true, threads: 0, timed: true });
    expect(planCleaner({ ...run, formats: ["warc"] })).toEqual({ inline: true, threads: 0, timed: true });
  });
  it("a larger run goes to workers; one that would get a single worker is cleaned as at --jobs 1", () => {
    expect(planCleaner({ ...run, formats: ["text"], bytes: INLINE_TEXT_MAX_BYTES + 1 })).toEqual({ inline: true, threads: 0, timed: "bounded" });
    expect(planCleaner({ ...run, formats: ["html"], bytes: INLINE_TIMED_MAX_BYTES + 1 })).toEqual({ inline: true, threads: 0, timed: "bounded" });
    expect(planCleaner({ ...run, formats: ["jsonl"], bytes: INLINE_TIMED_MAX_BYTES + 1 })).toEqual({ inline: false, threads: 2 });
    expect(planCleaner({ ...run, formats: ["html"], undecidedPattern: true })).toEqual({ inline: false, threads: 1 });
  });
  it("at --jobs 1, a larger run's text documents and pages are cleaned on the main thread, each under its time limit; its large pages on one worker", () => {
    expect(planCleaner({ ...run, jobs: 1, formats: ["jsonl"], bytes: 100 * INLINE_TIMED_MAX_BYTES })).toEqual({ inline: true, threads: 0, timed: "bounded" });
    expect(planCleaner({ ...run, jobs: 1, formats: ["html", "html"], bytes: 100 * INLINE_TIMED_MAX_BYTES })).toEqual({ inline: true, threads: 0, timed: "bounded" });
    expect(planCleaner({ ...run, jobs: 1, formats: ["jsonl"], bytes: 100 * INLINE_TIMED_MAX_BYTES, undecidedPattern: true })).toEqual({ inline: false, threads: 1 });
  });
  it("at --jobs 1, every text document and every page up to INLINE_PAGE_MAX_BYTES stays on the main thread; a larger page goes to the worker, whose heap is capped", () => {
    const max = INLINE_PAGE_MAX_BYTES.value;
    expect(cleanedOnMainThread({ route: "html", content: new Uint8Array(170_000) })).toBe(true);
    expect(cleanedOnMainThread({ route: "html", content: new Uint8Array(max) })).toBe(true);
    expect(cleanedOnMainThread({ route: "html", content: new Uint8Array(max + 1) })).toBe(false);
    expect(cleanedOnMainThread({ route: "html", content: "x".repeat(max + 1) })).toBe(false);
    expect(cleanedOnMainThread({ route: "text", content: "x".repeat(10 * max) })).toBe(true);
  });
  it("a pipeline pattern the checker could not decide keeps even a small run on workers (it might backtrack)", () => {
    expect(planCleaner({ ...run, formats: ["text"], undecidedPattern: true })).toEqual({ inline: false, threads: 1 });
  });
  it("cleans one-document files by one thread per FILES_PER_WORKER of them, up to --jobs, the main thread one of them; record files (many documents each) on --jobs workers", () => {
    const pages = (n: number) => Array.from({ length: n }, () => "html");
    const per = FILES_PER_WORKER.value;
    const large = { ...run, jobs: 4, bytes: INLINE_TIMED_MAX_BYTES + 1 };
    expect(planCleaner({ ...large, formats: ["html", "html", "text"] })).toEqual({ inline: true, threads: 0, timed: "bounded" });
    expect(planCleaner({ ...large, formats: pages(2 * per - 1) })).toEqual({ inline: true, threads: 0, timed: "bounded" });
    expect(planCleaner({ ...large, formats: pages(2 * per) })).toEqual({ inline: false, threads: 2, shared: true });
    expect(planCleaner({ ...large, formats: pages(10 * per) })).toEqual({ inline: false, threads: 4, shared: true });
    expect(planCleaner({ ...large, formats: ["warc"] })).toEqual({ inline: false, threads: 4 });
    expect(planCleaner({ ...large, formats: [...pages(2 * per), "jsonl"] })).toEqual({ inline: false, threads: 4 });
    // A pattern that might backtrack runs only where a stuck document can be stopped by ending its thread.
    expect(planCleaner({ ...large, formats: pages(10 * per), undecidedPattern: true })).toEqual({ inline: false, threads: 4 });
  });
  it("runs inline where no worker can load the same code", () => {
    expect(planCleaner({ ...run, workersPossible: false, formats: ["html"] })).toEqual({ inline: true, threads: 0 });
    expect(planCleaner({ ...run, workersPossible: false, formats: ["html", "html"] })).toEqual({ inline: true, threads: 0 });
  });
});
