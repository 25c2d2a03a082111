// Where the CPU work runs: on pool workers, one per job (run/worker-lanes.ts: a document can be
// stopped at its time limit, a worker's heap is capped), or inline on the main thread: with a
// time limit for small runs and --jobs 1's text (src/run/clean.ts chooses), without one for
// library callers. All run the same `cleanTask`, so their bytes match.
import { htmlToDocument as defaultHtmlToDocument, type HtmlToDocument } from "../read/html-route.js";
import { cleanTask, cleanTasksWithin, cleanTaskWithin, type CleanOutcome, type CleanTask, type RoutePipelines } from "./task.js";
import { answerEach, Batcher, contentSize, type ItemResult, type Pending } from "./batches.js";
import { TimedOut } from "./time-limit.js";
import { createWorkerLanes, type LaneOptions } from "./worker-lanes.js";

export interface Cleaner {
  clean(task: CleanTask): Promise<CleanOutcome>;
  /** Starts the work collected so far, or only if it holds `task`: called before waiting for a result. */
  flush(task?: CleanTask): void;
  close(): Promise<void>;
}

/** What the main thread sends a pool worker (run/worker.ts, through run/worker-lanes.ts), and what it answers. */
export type WorkerWork = CleanTask | { batch: CleanTask[] };
export type WorkerAnswer = undefined | CleanOutcome | Array<ItemResult<CleanOutcome>>;

export interface PoolOptions extends Omit<LaneOptions, "workers"> {
  jobs: number;
  /**
   * Every document, HTML pages too, travels in batches of these limits (the main thread shares the
   * work: createSharingCleaner); a batch that fails as a whole runs again a document at a time.
   */
  batchLimits?: { documents: number; size: number };
}

export interface PoolCleaner extends Cleaner {
  /** Whether every worker holds all it can: what is handed over now waits on the main thread. */
  full(): boolean;
}

import { DEFAULT_TIMEOUT_MS, DEFAULT_WORKER_HEAP_MB } from "./defaults.js";
export { DEFAULT_TIMEOUT_MS, DEFAULT_WORKER_HEAP_MB };

/**
 * Workers load the compiled worker.js. Run from source (tsx), the TypeScript loader
 * is not reliably active in a fresh worker, so cleaning stays inline: same bytes.
 */
export const POOL_AVAILABLE = !import.meta.url.endsWith(".ts");


export function createInlineCleaner(pipelines: RoutePipelines, toDocument: HtmlToDocument = defaultHtmlToDocument): Cleaner {
  return {
    clean: (task) => cleanTask(task, pipelines, toDocument),
    flush: () => {},
    close: async () => {},
  };
}

/**
 * Documents cleaned inline travel in batches too, under one time limit per batch: V8's watchdog
 * starts a thread per limited call (~0.15 ms of system time) and joins it at the end, which on a
 * busy machine waits for the thread to be scheduled: more than a short document costs to clean,
 * and, one HTML page per call, 1.3x the wall time of the 181 AEB pages at load 6. A batch this size
 * takes well under a second, far below any time limit. (At 1 MB, the floor pipeline's peak RSS on
 * 30 MB of JSONL was 150 MB against 109, and the AEB pages took the same CPU and wall time, quiet.)
 */
export const INLINE_BATCH_LIMITS = {
  documents: 64,
  size: 256 * 1024,
  example: "9 kB news records 28 at a time; 64 tweets in one call; 170 kB pages one or two at a time; a 1 MB record alone",
} as const;

/**
 * Inline, on the main thread, under `timeoutMs` (`cleanTasksWithin`: text documents and HTML pages
 * in batches, INLINE_BATCH_LIMITS), except those `here` leaves to a worker (made by `pool()` on first need): src/run/clean.ts
 * chooses. Work stopped half-way may leave this thread's modules half-done (a module it was
 * loading, a table it was compiling), so after a time-out nothing more runs here: the documents
 * left, those of the batch that ran out of time included, go to the worker, each under its own
 * limit there.
 */
export function createTimedInlineCleaner(pipelines: RoutePipelines, timeoutMs: number, pool: () => Cleaner, here: (task: CleanTask) => boolean = () => true): Cleaner {
  let workers: Cleaner | undefined;
  let timedOut = false;
  let previous: Promise<unknown> = Promise.resolve();
  /** Runs `work` after the inline work before it, unless a time-out came first (then `undefined`). */
  const inTurn = <R>(work: () => Promise<R>): Promise<R | undefined> => {
    const turn = previous.then(async () => {
      if (timedOut) return undefined;
      try {
        return await work();
      } catch (error) {
        if (error instanceof TimedOut) timedOut = true;
        throw error;
      }
    });
    previous = turn.catch(() => undefined);
    return turn;
  };
  const toPool = (task: CleanTask) => {
    workers ??= pool();
    const outcome = workers.clean(task);
    workers.flush();
    return outcome;
  };
  const batcher = new Batcher<CleanTask, CleanOutcome>(
    {
      many: async (tasks) => (await inTurn(() => cleanTasksWithin(tasks, pipelines, timeoutMs))) ?? Promise.reject(new TimedOut("an earlier document timed out")),
      one: async (task) => (await inTurn(() => cleanTaskWithin(task, pipelines, timeoutMs))) ?? toPool(task),
    },
    { limits: INLINE_BATCH_LIMITS, sizeOf: (task) => contentSize(task.content) },
  );
  return {
    clean: (task) => (here(task) ? batcher.add(task) : toPool(task)),
    flush: (task) => {
      batcher.flush(task);
      workers?.flush(task);
    },
    close: async () => {
      await previous;
      await workers?.close();
    },
  };
}

export function createPoolCleaner(options: PoolOptions): PoolCleaner {
  const lanes = createWorkerLanes<WorkerWork, WorkerAnswer>({ ...options, workers: options.jobs });
  // Text documents travel in batches under one time limit (a batch that fails is rerun a document
  // at a time, so a document still fails alone); HTML pages one by one, as each costs far more than
  // its message, unless `batchLimits` batches them too.
  const { batchLimits } = options;
  const batcher = new Batcher<CleanTask, CleanOutcome>(
    {
      many: async (batch) => (await lanes.send({ batch })) as Array<ItemResult<CleanOutcome>>,
      one: async (task) => (await lanes.send(task)) as CleanOutcome,
    },
    batchLimits
      ? { sizeOf: (task) => contentSize(task.content), limits: batchLimits }
      : { sizeOf: (task) => contentSize(task.content), alone: (task) => task.route === "html" },
  );
  return {
    clean: (task) => batcher.add(task),
    flush: (task) => batcher.flush(task),
    close: () => lanes.close(),
    full: () => lanes.full(),
  };
}

/**
 * What the workers take per message when the main thread shares the work: a few pages. A worker's
 * next message can only be handed over between two of the main thread's documents, so each worker
 * holds HELD_PER_WORKER of them (run/worker-lanes.ts) and cleans the next while the main thread is
 * busy with its own.
 */
export const SHARED_WORKER_BATCH = { documents: 8, size: 512 * 1024, example: "three 170 kB pages to a worker in one message; 8 news records of 9 kB; a 1.5 MB page alone" } as const;

/**
 * What the main thread cleans at a time when it shares the work: one page, or short text documents
 * up to this size, so that it comes back to feed the workers often.
 */
export const SHARED_INLINE_LIMITS = { documents: 64, size: 64 * 1024, example: "one 170 kB page; 7 news records of 9 kB" } as const;

/**
 * The main thread as one of the jobs (--jobs N: the main thread and N-1 workers), so that N jobs
 * run on N threads, not N+1: one isolate less to start and to compile the code for, and no thread
 * idle while the others wait for a core. Work is shared as it comes: whenever the main thread is
 * between two of its own documents it hands the workers batches (SHARED_WORKER_BATCH) until each
 * holds all it can (HELD_PER_WORKER), then
 * cleans the next waiting documents itself (SHARED_INLINE_LIMITS) under their time limit. Documents
 * `here` refuses (pages too large for the main thread's uncapped heap) go to the workers. After a
 * time-out on the main thread nothing more runs there (see createTimedInlineCleaner): the rest go
 * to the workers. Results are answered per document, so outputs keep their input order.
 */
export function createSharingCleaner(pipelines: RoutePipelines, timeoutMs: number, workers: PoolCleaner, here: (task: CleanTask) => boolean): Cleaner {
  type Waiting = Pending<CleanTask, CleanOutcome>;
  const waiting: Waiting[] = [];
  let timedOut = false;
  /** The main thread's loop, and whether it runs. */
  let draining: Promise<void> = Promise.resolve();
  let running = false;
  const toWorkers = (w: Waiting) => {
    workers.clean(w.item).then(w.resolve, w.reject);
  };
  const feedWorkers = () => {
    while (waiting.length > 0 && (timedOut || !workers.full())) {
      // At most half of what waits (one at least): near the end of a run the main thread and the
      // worker finish together instead of the main thread waiting on a full batch.
      const most = Math.min(SHARED_WORKER_BATCH.documents, Math.ceil(waiting.length / 2));
      let documents = 0;
      let size = 0;
      while (waiting.length > 0 && (timedOut || (documents < most && size < SHARED_WORKER_BATCH.size))) {
        const next = waiting.shift()!;
        documents++;
        size += contentSize(next.item.content);
        toWorkers(next);
      }
      workers.flush();
    }
  };
  const takeInline = (): Waiting[] => {
    const taken: Waiting[] = [];
    let size = 0;
    while (waiting.length > 0 && taken.length < SHARED_INLINE_LIMITS.documents && (taken.length === 0 || size + contentSize(waiting[0].item.content) <= SHARED_INLINE_LIMITS.size)) {
      const next = waiting.shift()!;
      size += contentSize(next.item.content);
      taken.push(next);
    }
    return taken;
  };
  // `running` is cleared in the same turn the loop finds nothing waiting, so a flush right after starts it again.
  const drain = async () => {
    running = true;
    try {
      for (;;) {
        feedWorkers();
        const batch = takeInline();
        if (batch.length === 0) return;
        try {
          const results = await cleanTasksWithin(
            batch.map((w) => w.item),
            pipelines,
            timeoutMs,
          );
          answerEach(batch, results);
        } catch (error) {
          if (!(error instanceof TimedOut)) {
            for (const w of batch) w.reject(error as Error);
          } else {
            // Each document of the batch runs again on a worker, alone, under its own limit there.
            timedOut = true;
            for (const w of batch) {
              toWorkers(w);
              workers.flush();
            }
          }
        }
        // Lets the workers' answers in (their next batch is handed over at the top of the loop).
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    } finally {
      running = false;
    }
  };
  return {
    clean: (task) =>
      new Promise<CleanOutcome>((resolve, reject) => {
        const entry = { item: task, resolve, reject };
        if (timedOut || !here(task)) {
          toWorkers(entry);
          workers.flush();
          return;
        }
        // Handed over or cleaned at the next flush, in batches: fed one by one as they are read,
        // an idle worker would get a message per document.
        waiting.push(entry);
      }),
    flush: () => {
      if (!running) draining = drain();
    },
    close: async () => {
      while (running) await draining;
      await workers.close();
    },
  };
}
