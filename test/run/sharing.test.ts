// --jobs N as the main thread and N - 1 workers: who cleans what, and the bytes each gives.
import { describe, expect, it, vi } from "vitest";
import { createSharingCleaner, SHARED_WORKER_BATCH, type PoolCleaner } from "../../src/run/cleaner.js";
import { HELD_PER_WORKER } from "../../src/run/worker-lanes.js";
import { cleanTask, type CleanOutcome, type CleanTask } from "../../src/run/task.js";
import { htmlToDocument } from "../../src/read/html-route.js";
import { contentText, outcome, page, pipelines, task, texts } from "../helpers/trapped-tasks.js";

/**
 * A stand-in for the pool: documents handed over are sent as one message at each flush (as the
 * pool's batcher does), and a message is answered only once `answer()` is called, so a test
 * decides when the worker is busy. Each message's ids are recorded. The worker holds `holds`
 * messages (HELD_PER_WORKER in the pool); 1 unless a test says.
 */
function heldPool(holds = 1) {
  const messages: string[][] = [];
  let collecting: Array<{ task: CleanTask; resolve(o: CleanOutcome): void; reject(e: Error): void }> = [];
  const held: Array<() => void> = [];
  const pool: PoolCleaner & { messages: string[][]; answer(): Promise<void> } = {
    messages,
    clean: (t) => new Promise<CleanOutcome>((resolve, reject) => collecting.push({ task: t, resolve, reject })),
    flush: () => {
      if (collecting.length === 0) return;
      const message = collecting;
      collecting = [];
      messages.push(message.map((m) => m.task.id));
      held.push(() => {
        for (const m of message) {
          if (contentText(m.task).includes("STUCK")) m.reject(new Error("timed out after 300 ms"));
          else cleanTask(m.task, pipelines, htmlToDocument).then(m.resolve, m.reject);
        }
      });
    },
    full: () => held.length >= holds,
    answer: async () => {
      while (held.length) held.shift()!();
    },
    close: async () => {},
  };
  return pool;
}

const expected = (tasks: CleanTask[]) => Promise.all(tasks.map((t) => outcome(cleanTask(t, pipelines, htmlToDocument))));


describe("the main thread sharing the work with the workers", () => {
  /** A cleaner whose worker is busy with "d0" (sent, unanswered). */
  const withBusyWorker = (timeoutMs: number, here: (t: CleanTask) => boolean = () => true) => {
    const pool = heldPool();
    const cleaner = createSharingCleaner(pipelines, timeoutMs, pool, here);
    const busy = outcome(cleaner.clean(task("d0", texts[0])));
    cleaner.flush();
    expect(pool.messages).toEqual([["d0"]]);
    return { pool, cleaner, busy };
  };

  it("cleans on the main thread while the worker is busy, with the bytes cleanTask gives", async () => {
    const { pool, cleaner, busy } = withBusyWorker(10_000);
    const tasks = [page("p1", "The council met on Tuesday and put the vote off until spring, its head said."), task("d2", texts[2]), task("d3", texts[3])];
    const results = tasks.map((t) => outcome(cleaner.clean(t)));
    cleaner.flush();
    expect(await Promise.all(results)).toEqual(await expected(tasks));
    expect(await results[0]).toMatchObject({ body: expect.stringContaining("The council met on Tuesday") });
    expect(pool.messages).toEqual([["d0"]]);
    await pool.answer();
    expect(await busy).toEqual((await expected([task("d0", texts[0])]))[0]);
    await cleaner.close();
  });

  it("hands an idle worker a batch of at most SHARED_WORKER_BATCH.documents, then cleans the rest itself", async () => {
    const pool = heldPool();
    const cleaner = createSharingCleaner(pipelines, 10_000, pool, () => true);
    const many = Array.from({ length: 2 * SHARED_WORKER_BATCH.documents + 3 }, (_, i) => task(`n${i}`, texts[i % texts.length]));
    const results = many.map((t) => outcome(cleaner.clean(t)));
    expect(pool.messages).toEqual([]);
    cleaner.flush();
    const toWorker = many.slice(0, SHARED_WORKER_BATCH.documents).map((t) => t.id);
    expect(pool.messages).toEqual([toWorker]);
    expect(await Promise.all(results.slice(SHARED_WORKER_BATCH.documents))).toEqual((await expected(many)).slice(SHARED_WORKER_BATCH.documents));
    await pool.answer();
    expect(await Promise.all(results)).toEqual(await expected(many));
    expect(pool.messages).toEqual([toWorker]);
    await cleaner.close();
  });

  it("hands an idle worker at most half of what waits, so that near the end both finish together", async () => {
    const pool = heldPool();
    const cleaner = createSharingCleaner(pipelines, 10_000, pool, () => true);
    const five = Array.from({ length: 5 }, (_, i) => task(`n${i}`, texts[i % texts.length]));
    const results = five.map((t) => outcome(cleaner.clean(t)));
    cleaner.flush();
    expect(pool.messages).toEqual([["n0", "n1", "n2"]]);
    await Promise.all(results.slice(3));
    await pool.answer();
    expect(await Promise.all(results)).toEqual(await expected(five));
    await cleaner.close();
  });

  it("hands a worker that holds HELD_PER_WORKER messages that many at once, each at most half of what waits then", async () => {
    const pool = heldPool(HELD_PER_WORKER);
    const cleaner = createSharingCleaner(pipelines, 10_000, pool, () => true);
    const many = Array.from({ length: 2 * SHARED_WORKER_BATCH.documents + 3 }, (_, i) => task(`n${i}`, texts[i % texts.length]));
    const results = many.map((t) => outcome(cleaner.clean(t)));
    cleaner.flush();
    const first = SHARED_WORKER_BATCH.documents;
    const second = Math.min(SHARED_WORKER_BATCH.documents, Math.ceil((many.length - first) / 2));
    expect(pool.messages).toEqual([many.slice(0, first).map((t) => t.id), many.slice(first, first + second).map((t) => t.id)]);
    expect(await Promise.all(results.slice(first + second))).toEqual((await expected(many)).slice(first + second));
    await pool.answer();
    expect(await Promise.all(results)).toEqual(await expected(many));
    await cleaner.close();
  });

  it("sends what `here` refuses (pages too large for the main thread) to the workers", async () => {
    const { pool, cleaner, busy } = withBusyWorker(10_000, (t) => t.id !== "large");
    const large = outcome(cleaner.clean(page("large", "A page the main thread must not take, whatever its size here.")));
    const small = outcome(cleaner.clean(task("d1", texts[1])));
    cleaner.flush();
    expect(await small).toEqual((await expected([task("d1", texts[1])]))[0]);
    expect(pool.messages).toEqual([["d0"], ["large"]]);
    await pool.answer();
    expect(await large).toMatchObject({ body: expect.stringContaining("A page the main thread must not take") });
    await busy;
    await cleaner.close();
  });

  it("after a time-out on the main thread, sends that batch's documents and every later one to the workers, each alone", async () => {
    const { pool, cleaner, busy } = withBusyWorker(300);
    const batch = [task("a", texts[2]), task("stuck", "STUCK\n"), task("c", texts[3])].map((t) => outcome(cleaner.clean(t)));
    cleaner.flush();
    // The batch runs out of time on the main thread; nothing more runs there.
    await vi.waitFor(() => expect(pool.messages).toHaveLength(4), { timeout: 30_000, interval: 50 });
    const later = outcome(cleaner.clean(task("d", texts[1])));
    cleaner.flush();
    expect(pool.messages).toEqual([["d0"], ["a"], ["stuck"], ["c"], ["d"]]);
    await pool.answer();
    expect(await Promise.all([busy, ...batch, later])).toEqual([...(await expected([task("d0", texts[0]), task("a", texts[2])])), { error: "timed out after 300 ms" }, ...(await expected([task("c", texts[3]), task("d", texts[1])]))]);
    await cleaner.close();
  });
});
