// Documents and a pipeline for the tests of where documents are cleaned (the main thread, workers):
// a pipeline that never ends on one text and throws on another, and tasks as the run makes them.
import type { Pipeline } from "../../src/core/stage.js";
import { loadPipeline } from "../../src/run/pipeline-file.js";
import type { CleanOutcome, CleanTask } from "../../src/run/task.js";

const news = loadPipeline("news");

/** `news`, with a first stage that never ends on a text holding STUCK and throws on one holding BROKEN. */
export const trapped: Pipeline = {
  ...news,
  stages: [
    {
      name: "trap",
      detect: ({ doc }) => {
        if (doc.raw.includes("BROKEN")) throw new Error("the trap broke");
        while (doc.raw.includes("STUCK"));
        return [];
      },
    },
    ...news.stages,
  ],
};
export const pipelines = { text: trapped, html: trapped };

export function task(id: string, text: string): CleanTask {
  return { id, source: `${id}.txt`, output: `out/${id}.txt`, route: "text", content: text, shape: "text" };
}

export function page(id: string, paragraph: string): CleanTask {
  const html = `<html><head><title>${id}</title></head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav><article><p>${paragraph}</p></article></body></html>`;
  return { id, source: `${id}.html`, output: `out/${id}.txt`, route: "html", content: new TextEncoder().encode(html), shape: "text" };
}

export const contentText = (t: CleanTask) => (typeof t.content === "string" ? t.content : new TextDecoder().decode(t.content));

/** Text, or UTF-8 bytes decoded (what the main thread's batches hand the writer). */
const asText = (text: string | Uint8Array) => (typeof text === "string" ? text : Buffer.from(text).toString("utf8"));

/** An outcome as the run records it: the body and audit as text, or the error's message. */
export const outcome = (p: Promise<CleanOutcome>) => p.then((ok) => ({ body: asText(ok.body), audit: asText(ok.audit) }), (error: Error) => ({ error: error.message }));

export const texts = ["Share this article\nThe council met on Tuesday.\n", "Advertisement\nVoters went to the polls.\n", "A third story that stays.\n", "Follow us on Twitter\nThe fourth one.\n"];
