// Pool workers that hold their next message while they clean one (run/worker-lanes.ts): what a
// held message gets when the one before it runs out of time or brings its worker down. Runs the
// built worker (dist/run/worker.js), as the command line does.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { htmlToDocument } from "../../src/read/html-route.js";
import { loadPipeline } from "../../src/run/pipeline-file.js";
import { cleanTask, type CleanOutcome, type CleanTask } from "../../src/run/task.js";
import { createWorkerLanes, HELD_PER_WORKER, type WorkerLanes } from "../../src/run/worker-lanes.js";
import { PACKAGE_ROOT } from "../../src/run/package-root.js";
import type { WorkerAnswer, WorkerWork } from "../../src/run/cleaner.js";

const NEWS = join(PACKAGE_ROOT, "pipelines/news.json");
const news = loadPipeline(NEWS);

function pageTask(id: string, html: string): CleanTask {
  return { id, source: `${id}.html`, output: `out/${id}.txt`, route: "html", content: new TextEncoder().encode(html), shape: "text" };
}

const ok = pageTask("ok", "<html><body><article><p>" + "The harbour wall will be built next spring after the vote. ".repeat(20) + "</p></article></body></html>");
/** A hundred and eighty 500-deep nests side by side: over 20 s of extraction. */
const stuck = pageTask("stuck", "<html><body>" + ("<div>".repeat(500) + "x" + "</div>".repeat(500)).repeat(180) + "</body></html>");
/** 2.7 MB of dense links: its tree needs more than a 64 MB heap. */
const dense = pageTask("dense", "<html><body><article>" + "<p><a href=x><span>word word</span></a></p>".repeat(60_000) + "</article></body></html>");

/** Runs `use` on one worker's lane with these limits, and closes it. */
async function withLanes(options: { timeoutMs: number; maxHeapMb: number }, use: (lanes: WorkerLanes<WorkerWork, WorkerAnswer>) => Promise<void>): Promise<void> {
  const lanes = createWorkerLanes<WorkerWork, WorkerAnswer>({ pipelinePaths: { text: NEWS, html: NEWS }, workers: 1, ...options });
  try {
    await use(lanes);
  } finally {
    await lanes.close();
  }
}

const settled = (p: Promise<WorkerAnswer>) => p.then((answer) => ({ body: (answer as CleanOutcome).body }), (error: Error) => ({ error: error.message }));
const inline = async (t: CleanTask) => ({ body: (await cleanTask(t, { text: news, html: news }, htmlToDocument)).body });

describe("a worker holding its next message", () => {
  it("takes HELD_PER_WORKER messages; the one held behind a page that runs out of time is cleaned, not failed with it", { timeout: 60_000 }, async () =>
    withLanes({ timeoutMs: 2000, maxHeapMb: 512 }, async (lanes) => {
      const first = settled(lanes.send(stuck));
      expect(lanes.full()).toBe(HELD_PER_WORKER === 1);
      const second = settled(lanes.send(ok));
      expect(lanes.full()).toBe(true);
      expect(await first).toEqual({ error: "timed out after 2000 ms" });
      expect(await second).toEqual(await inline(ok));
      expect(await second).toMatchObject({ body: expect.stringContaining("The harbour wall will be built") });
      expect(lanes.full()).toBe(false);
    }));

  it("answers a message as soon as it is cleaned, not once the page held behind it is (the worker's first message loads modules)", { timeout: 60_000 }, async () =>
    withLanes({ timeoutMs: 2000, maxHeapMb: 512 }, async (lanes) => {
      const first = settled(lanes.send(ok));
      const second = settled(lanes.send(stuck));
      expect(await first).toEqual(await inline(ok));
      expect(await second).toEqual({ error: "timed out after 2000 ms" });
    }));

  it("cleans the message held behind a page that runs out of heap (its worker is lost), and that page fails alone with the reason", { timeout: 60_000 }, async () =>
    withLanes({ timeoutMs: 60_000, maxHeapMb: 64 }, async (lanes) => {
      const first = settled(lanes.send(dense));
      const second = settled(lanes.send(ok));
      expect(await first).toEqual({ error: "Worker terminated due to reaching memory limit: JS heap out of memory" });
      expect(await second).toEqual(await inline(ok));
      // The next worker cleans what comes after.
      expect(await settled(lanes.send(ok))).toEqual(await inline(ok));
    }));
});
