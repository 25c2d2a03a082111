// A pool worker: loads the pipeline once, then cleans the tasks it is sent and
// returns plain objects. The HTML route is whatever read/html-route.ts provides.
import { workerData } from "node:worker_threads";
import { htmlToDocument } from "../read/html-route.js";
import { loadPipeline } from "./pipeline-file.js";
import { cleanTask, type CleanOutcome, type CleanTask } from "./task.js";

const pipeline = loadPipeline((workerData as { pipeline: string }).pipeline);

export default function clean(task: CleanTask): Promise<CleanOutcome> {
  return cleanTask(task, pipeline, htmlToDocument);
}
