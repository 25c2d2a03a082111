import { describe, expect, it } from "vitest";
import { Batcher, contentSize, type ItemResult } from "../../src/run/batches.js";

/** A fake pool: records what it was sent; items named "bad" fail alone, a batch holding "stuck" fails as a whole. */
function fakeSender() {
  const sent: string[][] = [];
  return {
    sent,
    sender: {
      async many(items: string[]): Promise<Array<ItemResult<string>>> {
        sent.push(items);
        if (items.includes("stuck")) throw new Error("timed out after 10 ms");
        return items.map((item) => (item.startsWith("bad") ? { error: `cannot clean ${item}` } : { ok: item.toUpperCase() }));
      },
      async one(item: string): Promise<string> {
        sent.push([item]);
        if (item === "stuck") throw new Error("timed out after 10 ms");
        if (item.startsWith("bad")) throw new Error(`cannot clean ${item}`);
        return item.toUpperCase();
      },
    },
  };
}

const settled = (promises: Array<Promise<string>>) => Promise.all(promises.map((p) => p.then((ok) => ({ ok }), (e: Error) => ({ error: e.message }))));

describe("documents sent to workers in batches", () => {
  it("sends a batch when it reaches its number of documents, and what is left on flush", async () => {
    const { sent, sender } = fakeSender();
    const batcher = new Batcher(sender, { limits: { documents: 3, size: 1000 }, sizeOf: (s: string) => s.length });
    const results = ["a", "b", "c", "d", "e"].map((s) => batcher.add(s));
    expect(sent).toEqual([["a", "b", "c"]]);
    batcher.flush();
    expect(await Promise.all(results)).toEqual(["A", "B", "C", "D", "E"]);
    expect(sent).toEqual([["a", "b", "c"], ["d", "e"]]);
    batcher.flush();
    expect(sent).toHaveLength(2);
  });

  it("flushed for an item, sends the batch only if that item is still in it", async () => {
    const { sent, sender } = fakeSender();
    const batcher = new Batcher(sender, { limits: { documents: 3, size: 1000 }, sizeOf: (s: string) => s.length });
    const a = "a";
    const results = [a, "b", "c", "d"].map((s) => batcher.add(s));
    batcher.flush(a);
    expect(sent).toEqual([["a", "b", "c"]]);
    batcher.flush("d");
    expect(await Promise.all(results)).toEqual(["A", "B", "C", "D"]);
    expect(sent).toEqual([["a", "b", "c"], ["d"]]);
  });

  it("sends a batch when its content reaches the size limit", async () => {
    const { sent, sender } = fakeSender();
    const batcher = new Batcher(sender, { limits: { documents: 100, size: 10 }, sizeOf: (s: string) => s.length });
    const results = ["aaaa", "bbbb", "cccc", "d"].map((s) => batcher.add(s));
    batcher.flush();
    expect(await Promise.all(results)).toEqual(["AAAA", "BBBB", "CCCC", "D"]);
    expect(sent).toEqual([["aaaa", "bbbb", "cccc"], ["d"]]);
  });

  it("sends an item that must go alone by itself, after the batch collected before it", async () => {
    const { sent, sender } = fakeSender();
    const batcher = new Batcher(sender, { limits: { documents: 10, size: 1000 }, sizeOf: (s: string) => s.length, alone: (s: string) => s.startsWith("<") });
    const results = ["a", "b", "<html>", "c"].map((s) => batcher.add(s));
    batcher.flush();
    expect(await Promise.all(results)).toEqual(["A", "B", "<HTML>", "C"]);
    expect(sent).toEqual([["a", "b"], ["<html>"], ["c"]]);
  });

  it("fails a document that fails in its batch alone, with its own reason", async () => {
    const { sender } = fakeSender();
    const batcher = new Batcher(sender, { limits: { documents: 3, size: 1000 }, sizeOf: (s: string) => s.length });
    const results = ["a", "bad-1", "c"].map((s) => batcher.add(s));
    expect(await settled(results)).toEqual([{ ok: "A" }, { error: "cannot clean bad-1" }, { ok: "C" }]);
  });

  it("reruns each document of a batch that failed as a whole alone, so only the one at fault fails", async () => {
    const { sent, sender } = fakeSender();
    const batcher = new Batcher(sender, { limits: { documents: 3, size: 1000 }, sizeOf: (s: string) => s.length });
    const results = ["a", "stuck", "c"].map((s) => batcher.add(s));
    expect(await settled(results)).toEqual([{ ok: "A" }, { error: "timed out after 10 ms" }, { ok: "C" }]);
    expect(sent).toEqual([["a", "stuck", "c"], ["a"], ["stuck"], ["c"]]);
  });

  it("weighs a document by its characters, or the bytes of a buffer", () => {
    expect(contentSize("näh")).toBe(3);
    expect(contentSize(new Uint8Array(7))).toBe(7);
  });
});
