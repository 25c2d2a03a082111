// The main thread's cleaner under a time limit: text documents and HTML pages in batches, one watchdog per batch.
import { describe, expect, it } from "vitest";
import { createTimedInlineCleaner, INLINE_BATCH_LIMITS, type Cleaner } from "../../src/run/cleaner.js";
import { cleanTask } from "../../src/run/task.js";
import { htmlToDocument } from "../../src/read/html-route.js";
import { contentText, outcome, page, pipelines, task, texts } from "../helpers/trapped-tasks.js";

/** A stand-in for the worker a timed-out run hands its documents to: answers what cleanTask answers, and records what it got. */
function fakePool(received: string[]): Cleaner {
  return {
    clean: async (t) => {
      received.push(t.id);
      if (contentText(t).includes("STUCK")) throw new Error("timed out after 300 ms");
      return cleanTask(t, pipelines, htmlToDocument);
    },
    flush: () => {},
    close: async () => {},
  };
}



describe("the timed inline cleaner", () => {
  it("cleans text documents in batches with the bytes cleanTask gives, and starts no worker", async () => {
    const received: string[] = [];
    const cleaner = createTimedInlineCleaner(pipelines, 10_000, () => fakePool(received));
    const tasks = texts.map((text, i) => task(`d${i}`, text));
    const results = tasks.map((t) => outcome(cleaner.clean(t)));
    cleaner.flush();
    const expected = await Promise.all(tasks.map((t) => outcome(cleanTask(t, pipelines, async () => Promise.reject(new Error("no HTML here"))))));
    expect(await Promise.all(results)).toEqual(expected);
    expect(expected[0]).toMatchObject({ body: "The council met on Tuesday.\n" });
    await cleaner.close();
    expect(received).toEqual([]);
  });

  it("fails a document that throws alone, with its message; the rest of its batch is cleaned here", async () => {
    const received: string[] = [];
    const cleaner = createTimedInlineCleaner(pipelines, 10_000, () => fakePool(received));
    const results = [task("a", texts[0]), task("bad", "BROKEN line\n"), task("c", texts[2])].map((t) => outcome(cleaner.clean(t)));
    cleaner.flush();
    expect(await Promise.all(results)).toEqual([{ body: "The council met on Tuesday.\n", audit: expect.any(String) }, { error: "the trap broke" }, { body: texts[2], audit: expect.any(String) }]);
    await cleaner.close();
    expect(received).toEqual([]);
  });

  it("after a batch runs out of time, hands that batch and every later document to the worker, each under its own limit there", async () => {
    const received: string[] = [];
    const cleaner = createTimedInlineCleaner(pipelines, 300, () => fakePool(received));
    const first = [task("a", texts[0]), task("stuck", "STUCK\n"), task("c", texts[2])].map((t) => outcome(cleaner.clean(t)));
    cleaner.flush();
    const later = outcome(cleaner.clean(task("d", texts[3])));
    cleaner.flush();
    expect(await Promise.all([...first, later])).toEqual([
      { body: "The council met on Tuesday.\n", audit: expect.any(String) },
      { error: "timed out after 300 ms" },
      { body: texts[2], audit: expect.any(String) },
      { body: "The fourth one.\n", audit: expect.any(String) },
    ]);
    await cleaner.close();
    // In any order: each document's outcome keeps its own place in the output.
    expect(received.sort()).toEqual(["a", "c", "d", "stuck"]);
  });

  it("cleans HTML pages in the same batches as text documents, with the bytes cleanTask gives, and starts no worker", async () => {
    const received: string[] = [];
    const cleaner = createTimedInlineCleaner(pipelines, 10_000, () => fakePool(received));
    const tasks = [page("p1", "The council met on Tuesday and put the vote off until spring, its head said."), task("t1", texts[1]), page("p2", "Voters went to the polls in the rain, and most of the polling stations stayed open late.")];
    const results = tasks.map((t) => outcome(cleaner.clean(t)));
    cleaner.flush();
    const expected = await Promise.all(tasks.map((t) => outcome(cleanTask(t, pipelines, htmlToDocument))));
    expect(await Promise.all(results)).toEqual(expected);
    expect(expected[0]).toMatchObject({ body: expect.stringContaining("The council met on Tuesday") });
    await cleaner.close();
    expect(received).toEqual([]);
  });

  it("after a page's batch runs out of time, hands that batch and every later document to the worker", async () => {
    const received: string[] = [];
    const cleaner = createTimedInlineCleaner(pipelines, 300, () => fakePool(received));
    const first = [page("p1", "The council met on Tuesday and put the vote off until spring."), page("stuck", "STUCK in the middle of a long paragraph that never ends.")].map((t) => outcome(cleaner.clean(t)));
    cleaner.flush();
    const later = outcome(cleaner.clean(page("p3", "Voters went to the polls in the rain.")));
    cleaner.flush();
    const [p1, stuck, p3] = await Promise.all([...first, later]);
    expect(p1).toMatchObject({ body: expect.stringContaining("The council met on Tuesday") });
    expect(stuck).toEqual({ error: "timed out after 300 ms" });
    expect(p3).toMatchObject({ body: expect.stringContaining("Voters went to the polls") });
    await cleaner.close();
    expect(received.sort()).toEqual(["p1", "p3", "stuck"]);
  });

  it("sends a batch once it holds INLINE_BATCH_LIMITS.documents documents, without waiting for a flush", async () => {
    const received: string[] = [];
    const cleaner = createTimedInlineCleaner(pipelines, 10_000, () => fakePool(received));
    const results = Array.from({ length: INLINE_BATCH_LIMITS.documents }, (_, i) => outcome(cleaner.clean(task(`n${i}`, texts[2]))));
    expect(await Promise.all(results)).toEqual(results.map(() => ({ body: texts[2], audit: expect.any(String) })));
    await cleaner.close();
  });
});
