import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { RecordWriter, recordJson } from "../../src/write/records.js";
import { tempDir } from "../helpers/corpus.js";

const BODIES = [recordJson({ id: "a", text: "One.\n", meta: { tags: ["NATO"] }, rules: { "meta/tags": 1 }, chars: { in: 20, out: 5, removed: 15 }, fields: { url: "https://x.example/a" } }), '{"id":"b"}'];

describe("record writers", () => {
  it("shapes a record as {id, text, metadata} with the source fields, what was found and the removal counts", () => {
    expect(JSON.parse(BODIES[0])).toEqual({
      id: "a",
      text: "One.\n",
      metadata: { source_fields: { url: "https://x.example/a" }, found: { tags: ["NATO"] }, removals: { "meta/tags": 1 }, chars: { in: 20, out: 5, removed: 15 } },
    });
  });

  it("writes JSON lines, and nothing is there until commit", async () => {
    const path = join(tempDir(), "out/c.jsonl");
    const writer = new RecordWriter(path, "lines", false);
    for (const body of BODIES) await writer.write(body);
    expect(existsSync(path)).toBe(false);
    await writer.commit();
    expect(readFileSync(path, "utf8")).toBe(BODIES.join("\n") + "\n");
  });

  it("writes a JSON array, an empty one too", async () => {
    const dir = tempDir();
    const writer = new RecordWriter(join(dir, "c.json"), "array", false);
    for (const body of BODIES) await writer.write(body);
    await writer.commit();
    expect(readFileSync(join(dir, "c.json"), "utf8")).toBe(`[\n${BODIES.join(",\n")}\n]\n`);
    expect(JSON.parse(readFileSync(join(dir, "c.json"), "utf8"))).toHaveLength(2);
    const empty = new RecordWriter(join(dir, "e.json"), "array", false);
    await empty.commit();
    expect(JSON.parse(readFileSync(join(dir, "e.json"), "utf8"))).toEqual([]);
  });

  it("gzips when asked, with the same content", async () => {
    const path = join(tempDir(), "c.jsonl.gz");
    const writer = new RecordWriter(path, "lines", true);
    for (const body of BODIES) await writer.write(body);
    await writer.commit();
    expect(gunzipSync(readFileSync(path)).toString("utf8")).toBe(BODIES.join("\n") + "\n");
  });

  it("leaves nothing behind on abort", async () => {
    const dir = tempDir();
    const writer = new RecordWriter(join(dir, "c.jsonl.gz"), "lines", true);
    await writer.write("x".repeat(1 << 19));
    await writer.abort();
    expect(readdirSync(dir)).toEqual([]);
  });
});
