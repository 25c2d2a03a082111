// A pool worker: loads the pipeline once, then cleans the tasks it is sent and
// returns plain objects. The HTML route is whatever read/html-route.ts provides.
import { workerData } from "node:worker_threads";
import { setHtmlRouteOptions, type HtmlRouteOptions } from "../core/route-options.js";
import { htmlToDocument } from "../read/html-route.js";
import type { ItemResult } from "./batches.js";
import type { WorkerAnswer, WorkerMessage } from "./cleaner.js";
import { loadPipeline } from "./pipeline-file.js";
import { cleanTask, type CleanOutcome } from "./task.js";

const data = workerData as { pipelines: { text: string; html: string }; htmlRoute?: HtmlRouteOptions };
setHtmlRouteOptions(data.htmlRoute);
const paths = data.pipelines;
const pipelines = { text: loadPipeline(paths.text), html: paths.html === paths.text ? undefined : loadPipeline(paths.html) };
const routes = { text: pipelines.text, html: pipelines.html ?? pipelines.text };

/** Sent once to each worker before any document: answered once this module has loaded. */
export const WARM_UP = "warm-up";

export default async function clean(message: WorkerMessage): Promise<WorkerAnswer> {
  if (message === WARM_UP) return undefined;
  if (!("batch" in message)) return cleanTask(message, routes, htmlToDocument);
  // A document that fails fails alone: the rest of its batch is cleaned and answered.
  const results: Array<ItemResult<CleanOutcome>> = [];
  for (const task of message.batch) {
    try {
      results.push({ ok: await cleanTask(task, routes, htmlToDocument) });
    } catch (error) {
      results.push({ error: error instanceof Error ? error.message : String(error) });
    }
  }
  return results;
}
