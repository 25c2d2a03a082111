// A pool worker: loads the pipeline once, then cleans the tasks it is sent and
// returns plain objects. The HTML route is whatever read/html-route.ts provides.
import { workerData } from "node:worker_threads";
import { setHtmlRouteOptions, type HtmlRouteOptions } from "../extract/options.js";
import { htmlToDocument } from "../read/html-route.js";
import { loadPipeline } from "./pipeline-file.js";
import { cleanTask, type CleanOutcome, type CleanTask } from "./task.js";

const data = workerData as { pipelines: { text: string; html: string }; htmlRoute?: HtmlRouteOptions };
setHtmlRouteOptions(data.htmlRoute);
const paths = data.pipelines;
const pipelines = { text: loadPipeline(paths.text), html: paths.html === paths.text ? undefined : loadPipeline(paths.html) };
const routes = { text: pipelines.text, html: pipelines.html ?? pipelines.text };

/** Sent once to each worker before any document: answered once this module has loaded. */
export const WARM_UP = "warm-up";

export default function clean(task: CleanTask | typeof WARM_UP): Promise<CleanOutcome | undefined> {
  if (task === WARM_UP) return Promise.resolve(undefined);
  return cleanTask(task, routes, htmlToDocument);
}
