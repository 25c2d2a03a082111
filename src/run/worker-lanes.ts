// Pool workers, each holding its next message while it cleans one, so that it never waits for
// the main thread between two. When the main thread cleans too (createSharingCleaner), it reads a
// worker's answer and hands it more only between two of its own documents: with one message per
// worker, the worker sat idle for the rest of the main thread's page each time (181 AEB pages at
// --jobs 2: ~0.32 s idle over a 2.4 s run, and another ~0.12 s before its first message).
//
// Each worker is a lane: a piscina pool of one thread that takes HELD_PER_WORKER messages at once and
// runs them in order. A message's time limit starts when it becomes the oldest on its lane (the one
// the worker is cleaning) and its worker has loaded, so a message queued behind a slow one does not
// time out with it. At the limit the worker is stopped (piscina starts another); a message that was
// waiting behind the stopped one, or behind one that crashed its worker (heap cap), never ran, and is
// sent again: it fails, if it does, for its own reason.
import { join } from "node:path";
import type { Piscina } from "piscina";
import type { Worker } from "node:worker_threads";
import type { HtmlRouteOptions } from "../core/route-options.js";
import { PACKAGE_ROOT } from "./package-root.js";

/** Messages a worker holds: the one it cleans and the next, handed over while it cleans the first. */
export const HELD_PER_WORKER = 2;

/**
 * How often a message is sent again after losing its worker to other messages (a page held behind
 * one stuck page, then behind another, is sent three times); past it, it fails with the loss's reason.
 */
const MAX_RESENDS = 4;

/**
 * Young generation of each worker. Capped because it decides resident memory: on a
 * 50 MB JSONL with --jobs 2, peak RSS 271 MB with 16 MB against 471 MB uncapped.
 * The price is more scavenges on allocation-heavy HTML extraction.
 */
const YOUNG_GENERATION_MB = 16;

/** Sent once to each worker before any document: answered once run/worker.ts has loaded. */
export const WARM_UP = "warm-up";

/** What a lane's worker is given: the warm-up, or work with its number on the lane's pool (the worker records it when it starts). */
export type LaneMessage<W> = typeof WARM_UP | { seq: number; work: W };

/** What each worker is started with (run/worker.ts reads it). */
export interface LaneWorkerData {
  pipelines: { text: string; html: string };
  htmlRoute?: HtmlRouteOptions;
  /** [0]: the number of the last message the worker started. */
  started: Int32Array;
}

export interface LaneOptions {
  /** Absolute paths of the pipeline files per route; each worker loads them once. */
  pipelinePaths: { text: string; html: string };
  workers: number;
  /** A message still running after this long is stopped and its documents reported as failed. */
  timeoutMs: number;
  /** Old-generation heap cap per worker; a document that needs more fails alone. */
  maxHeapMb: number;
  /** HTML route switches, set in each worker. */
  htmlRoute?: HtmlRouteOptions;
}

export interface WorkerLanes<W, A> {
  send(work: W): Promise<A>;
  /** Whether every worker holds all the messages it can (more sent now would wait here). */
  full(): boolean;
  close(): Promise<void>;
}

interface Held<W, A> {
  seq: number;
  work: W;
  resolve(answer: A): void;
  reject(error: Error): void;
  clock?: NodeJS.Timeout;
  timedOut: boolean;
  settled: boolean;
  /** Times it was sent again after its worker was lost for another message. */
  resent: number;
}

interface Lane<W, A> {
  pool: Promise<Piscina<LaneMessage<W>, A>>;
  started: Int32Array;
  /** In the order sent: [0] is the one the worker cleans. */
  held: Array<Held<W, A>>;
  /** Resolves once the lane's current worker has loaded; its time limits start after that. */
  ready: Promise<void>;
  /** The worker `ready` is for: once the pool no longer has it, it was stopped or crashed. */
  worker?: Worker;
  /** Set when a time limit stopped the worker: what else it held is sent again, whether it had started or not. */
  stopped: boolean;
  /** The stopped worker's end (piscina has let it go once this resolves). */
  stopping?: Promise<unknown>;
  /** The last thing handed to the pool, handed over (see `inTurn`). */
  posting: Promise<unknown>;
  /** The last worker's warm-up failed: it cannot load, so what it loses is not sent to it again. */
  cannotLoad: boolean;
}

export function createWorkerLanes<W, A>(options: LaneOptions): WorkerLanes<W, A> {
  // piscina loads only for runs that use a pool (a small text run cleans inline and never needs it).
  const piscina = import("piscina");
  let seq = 0;
  /** Work sent while every lane was full, oldest first. */
  const waiting: Array<Held<W, A>> = [];

  const openLane = (): Lane<W, A> => {
    const started = new Int32Array(new SharedArrayBuffer(4));
    const workerData: LaneWorkerData = { pipelines: options.pipelinePaths, htmlRoute: options.htmlRoute, started };
    const lane: Lane<W, A> = { pool: undefined!, started, held: [], ready: Promise.resolve(), stopped: false, cannotLoad: false, posting: Promise.resolve() };
    lane.pool = piscina.then(({ Piscina }) => {
      const pool = new Piscina<LaneMessage<W>, A>({
        filename: join(PACKAGE_ROOT, "dist/run/worker.js"),
        minThreads: 1,
        maxThreads: 1,
        concurrentTasksPerWorker: HELD_PER_WORKER,
        idleTimeout: 60_000,
        workerData,
        resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb, maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
      });
      // piscina emits a worker's error on the pool when no task is running on that worker: a worker
      // stopped at a time limit that runs out of heap before it is gone (a 30 MB page). Its document
      // has already failed with its reason, and piscina replaces the worker; unheard, the event would
      // end the process with a stack trace.
      pool.on("error", () => undefined);
      return pool;
    });
    lane.ready = warmUp(lane);
    return lane;
  };

  /**
   * Hands the lane's pool something to run, after what was handed to it before: so the warm-up a
   * new worker gets comes before the work sent to it, whatever resolves first.
   */
  const inTurn = (lane: Lane<W, A>, after: Promise<unknown>, use: (pool: Piscina<LaneMessage<W>, A>) => void, failed: (error: Error) => void) => {
    lane.posting = lane.posting.then(() => after).then(() => lane.pool).then(use, failed);
  };

  /**
   * Warms the lane's (next) worker up, once a stopped one is gone (piscina would hand the warm-up to
   * it while it ends). Resolves once the worker has loaded (seconds on a busy machine): time limits
   * count cleaning only.
   */
  const warmUp = (lane: Lane<W, A>): Promise<void> =>
    new Promise<void>((resolve) => {
      const loaded = (worker: Worker | undefined, cannotLoad: boolean) => {
        lane.worker = worker;
        // A worker (or piscina) that cannot load fails each document with its reason when it is sent.
        lane.cannotLoad = cannotLoad;
        lane.stopping = undefined;
        lane.stopped = false;
        resolve();
        pump();
      };
      inTurn(
        lane,
        lane.stopping ?? Promise.resolve(),
        (pool) => void pool.run(WARM_UP).then(() => loaded(pool.threads[0], false), () => loaded(undefined, true)),
        () => loaded(undefined, true),
      );
    });

  const lanes = Array.from({ length: options.workers }, openLane);

  const startClock = (lane: Lane<W, A>) => {
    const head = lane.held[0];
    if (!head || head.clock) return;
    void lane.ready.then(() => {
      if (lane.held[0] !== head || head.clock || head.settled) return;
      head.clock = setTimeout(() => {
        head.timedOut = true;
        lane.stopped = true;
        // piscina answers every message the worker held with an error and starts another worker.
        lane.stopping = lane.worker?.terminate().catch(() => undefined);
      }, options.timeoutMs);
    });
  };

  const post = (lane: Lane<W, A>, held: Held<W, A>) => {
    lane.held.push(held);
    inTurn(
      lane,
      Promise.resolve(),
      (pool) =>
        void pool.run({ seq: held.seq, work: held.work }).then(
          (answer) => settle(lane, held, { answer }),
          (error: Error) => settle(lane, held, { error, threads: pool.threads }),
        ),
      (error) => settle(lane, held, { error, threads: [] }),
    );
    startClock(lane);
  };

  const roomiest = (): Lane<W, A> | undefined => {
    let best: Lane<W, A> | undefined;
    // Not a lane whose worker a time limit is stopping: what it took now would be lost with it.
    for (const lane of lanes) if (!lane.stopped && lane.held.length < HELD_PER_WORKER && (!best || lane.held.length < best.held.length)) best = lane;
    return best;
  };

  const pump = () => {
    for (let lane = roomiest(); lane && waiting.length > 0; lane = roomiest()) post(lane, waiting.shift()!);
  };

  /** `threads`: the pool's workers when the error came (a lost worker is no longer among them). */
  const settle = (lane: Lane<W, A>, held: Held<W, A>, outcome: { answer: A } | { error: Error; threads: readonly Worker[] }) => {
    if (held.settled) return;
    held.settled = true;
    clearTimeout(held.clock);
    lane.held.splice(lane.held.indexOf(held), 1);
    // piscina removes a worker that stopped or crashed before it answers what the worker held; one
    // stopped at this message's time limit is lost even if its answer came first.
    const workerLost = held.timedOut || ("error" in outcome && !outcome.threads.includes(lane.worker!));
    const stoppedByClock = lane.stopped;
    if (workerLost && lane.worker !== undefined) {
      lane.worker = undefined;
      lane.ready = warmUp(lane);
    }
    const neverRan = Atomics.load(lane.started, 0) < held.seq;
    // Lost with a worker it did not bring down (its time limit stopped another, or another crashed it
    // before this one started): sent again, first in line, to fail, if it does, for its own reason.
    // Each such loss is some other message's, which fails; MAX_RESENDS bounds what no message caused.
    if (workerLost && !held.timedOut && !lane.cannotLoad && held.resent < MAX_RESENDS && (neverRan || stoppedByClock)) {
      waiting.unshift({ ...held, seq: ++seq, clock: undefined, settled: false, resent: held.resent + 1 });
    } else {
      if (held.timedOut) held.reject(new Error(`timed out after ${options.timeoutMs} ms`));
      else if ("error" in outcome) held.reject(outcome.error);
      else held.resolve(outcome.answer);
    }
    startClock(lane);
    pump();
  };

  return {
    send: (work) =>
      new Promise<A>((resolve, reject) => {
        waiting.push({ seq: ++seq, work, resolve, reject, timedOut: false, settled: false, resent: 0 });
        pump();
      }),
    full: () => roomiest() === undefined,
    close: async () => {
      await Promise.all(lanes.map(async (lane) => (await lane.pool).destroy()));
    },
  };
}
