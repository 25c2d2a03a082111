// One-document files read ahead of the one being queued: same items, same errors, same order.
import { describe, expect, it } from "vitest";
import { READ_AHEAD, startReadAhead } from "../../src/run/clean.js";
import { DEFAULT_READ_OPTIONS, type InputFormat, type ReadItem } from "../../src/read/formats.js";
import type { InputFile } from "../../src/read/inputs.js";

const file = (name: string): InputFile => ({ path: `/in/${name}`, relative: name, display: `in/${name}`, inTree: true });

/** A format whose reader records which files it was asked for, yields one task per file, and fails files named bad*. */
function recordingFormat(name: string, started: string[]): InputFormat {
  return {
    name,
    accepts: () => true,
    outputName: (relative) => relative + ".txt",
    output: name === "jsonl" ? "lines" : "text",
    async *read(f) {
      started.push(f.relative);
      if (f.relative.startsWith("bad")) throw new Error(`${f.relative}: not readable`);
      yield { task: { id: f.relative, source: f.display, route: "html", content: f.relative } };
      if (name === "jsonl") yield { task: { id: `${f.relative}#2`, source: f.display, route: "text", content: "second" } };
    },
  };
}

async function drain(items: AsyncIterable<ReadItem>): Promise<{ ids: string[]; error?: string }> {
  const ids: string[] = [];
  try {
    for await (const item of items) if ("task" in item) ids.push(item.task.id);
    return { ids };
  } catch (error) {
    return { ids, error: (error as Error).message };
  }
}

describe("reading one-document files ahead", () => {
  it("gives each file its items in order, and a file's error after them, at its own turn", async () => {
    const started: string[] = [];
    const html = recordingFormat("html", started);
    const todo = ["a.html", "bad.html", "c.html"].map((name) => ({ file: file(name), format: html, size: 100 }));
    const readAhead = startReadAhead(todo, DEFAULT_READ_OPTIONS);
    expect(await drain(readAhead(todo[0].file)!)).toEqual({ ids: ["a.html"] });
    expect(await drain(readAhead(todo[1].file)!)).toEqual({ ids: [], error: "bad.html: not readable" });
    expect(await drain(readAhead(todo[2].file)!)).toEqual({ ids: ["c.html"] });
    expect(started).toEqual(["a.html", "bad.html", "c.html"]);
  });

  it("reads at most READ_AHEAD.files files, and READ_AHEAD.bytes, ahead of the one taken", async () => {
    const started: string[] = [];
    const html = recordingFormat("html", started);
    const todo = Array.from({ length: READ_AHEAD.files + 5 }, (_, i) => ({ file: file(`p${i}.html`), format: html, size: 100 }));
    const readAhead = startReadAhead(todo, DEFAULT_READ_OPTIONS);
    const first = readAhead(todo[0].file)!;
    await new Promise((resolve) => setImmediate(resolve));
    // The file taken, and READ_AHEAD.files after it.
    expect(started).toHaveLength(READ_AHEAD.files + 1);
    await drain(first);
    const large = Array.from({ length: 4 }, (_, i) => ({ file: file(`l${i}.html`), format: html, size: READ_AHEAD.bytes / 2 }));
    const startedLarge: string[] = [];
    const largeAhead = startReadAhead(
      large.map((p) => ({ ...p, format: recordingFormat("html", startedLarge) })),
      DEFAULT_READ_OPTIONS,
    );
    largeAhead(large[0].file);
    await new Promise((resolve) => setImmediate(resolve));
    expect(startedLarge).toEqual(["l0.html", "l1.html", "l2.html"]);
  });

  it("leaves a record file to stream in its turn, and reads the files after it ahead meanwhile", async () => {
    const started: string[] = [];
    const html = recordingFormat("html", started);
    const jsonl = recordingFormat("jsonl", started);
    const todo = [
      { file: file("a.html"), format: html, size: 100 },
      { file: file("r.jsonl"), format: jsonl, size: 100 },
      { file: file("c.html"), format: html, size: 100 },
    ];
    const readAhead = startReadAhead(todo, DEFAULT_READ_OPTIONS);
    expect(await drain(readAhead(todo[0].file)!)).toEqual({ ids: ["a.html"] });
    expect(started).toEqual(["a.html", "c.html"]);
    expect(readAhead(todo[1].file)).toBeUndefined();
    expect(await drain(jsonl.read(todo[1].file, DEFAULT_READ_OPTIONS))).toEqual({ ids: ["r.jsonl", "r.jsonl#2"] });
    expect(await drain(readAhead(todo[2].file)!)).toEqual({ ids: ["c.html"] });
    expect(started).toEqual(["a.html", "c.html", "r.jsonl"]);
  });
});
