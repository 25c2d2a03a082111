// A pool worker: loads the pipeline once, then cleans the tasks it is sent and returns plain
// objects, on the HTML route of read/html-route.ts (the same bytes as on the main thread).
import { workerData } from "node:worker_threads";
import { setHtmlRouteOptions } from "../core/route-options.js";
import type { WorkerAnswer, WorkerWork } from "./cleaner.js";
import { loadPipeline } from "./pipeline-file.js";
import { finishEach, synchronousCleaner } from "./task.js";
import { WARM_UP, type LaneMessage, type LaneWorkerData } from "./worker-lanes.js";

const data = workerData as LaneWorkerData;
setHtmlRouteOptions(data.htmlRoute);
const paths = data.pipelines;
const pipelines = { text: loadPipeline(paths.text), html: paths.html === paths.text ? undefined : loadPipeline(paths.html) };
const routes = { text: pipelines.text, html: pipelines.html ?? pipelines.text };

/**
 * The message before, answered. A worker holds two messages; piscina posts a message's answer once
 * its handler returns, but starts the next one's handler as soon as the first awaits (its modules
 * loading), and a page cleaned synchronously there would hold the first one's answer back until it
 * ends. So each message's work starts a turn of the event loop after the one before has been
 * answered.
 */
let answered: Promise<unknown> = Promise.resolve();

export default function clean(message: LaneMessage<WorkerWork>): Promise<WorkerAnswer> {
  if (message === WARM_UP) return Promise.resolve(undefined);
  const turn = answered.then(() => new Promise<void>((resolve) => setImmediate(resolve))).then(() => cleanInTurn(message));
  answered = turn.catch(() => undefined);
  return turn;
}

async function cleanInTurn(message: Exclude<LaneMessage<WorkerWork>, typeof WARM_UP>): Promise<WorkerAnswer> {
  const work = message.work;
  const finish = await synchronousCleaner("batch" in work ? work.batch : [work], routes);
  // From here to the answer nothing else runs on this thread. The main thread reads the number
  // when the worker is lost: what it held behind it never ran.
  Atomics.store(data.started, 0, message.seq);
  return "batch" in work ? finishEach(work.batch, finish) : finish(work);
}
