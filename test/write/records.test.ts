import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RecordWriter, recordJson, recordLineOfLines } from "../../src/write/records.js";
import { AuditSink } from "../../src/write/sinks.js";
import { tempDir } from "../helpers/corpus.js";

const BODIES = [recordJson({ id: "a", text: "One.\n", meta: { tags: ["NATO"] }, rules: { "meta/tags": 1 }, chars: { in: 20, out: 5, removed: 15 }, fields: { url: "https://x.example/a" } }), '{"id":"b"}'];

describe("record writers", () => {
  it("shapes a record as {id, text, metadata}: the source fields at the top of metadata, chaff's findings and counts under `chaff`", () => {
    expect(JSON.parse(BODIES[0])).toEqual({
      id: "a",
      text: "One.\n",
      metadata: { url: "https://x.example/a", chaff: { found: { tags: ["NATO"] }, removals: { "meta/tags": 1 }, chars: { in: 20, out: 5, removed: 15 } } },
    });
  });

  it("puts url, title, date, author and language where datatrove and Dolma readers look, never over the record's own fields", () => {
    const text = "The council said on Monday that the new gauge would be read by the harbour master every day of the year.\n";
    const record = JSON.parse(
      recordJson({
        id: "p",
        text,
        meta: { title: "Gauge", canonicalUrl: "https://x.example/c", url: "https://x.example/u", publishedTime: "2026-11-28", timestamp: ["28 Nov"], byline: ["Mara Jensen", "Tom Lee"], lang: "de-DE" },
        rules: {},
        chars: { in: 1, out: 1, removed: 0 },
        fields: { date: "2026-11-30", metadata: { dump: "CC-MAIN-2026-01" }, warc: 1 },
      }),
    );
    const { chaff, ...top } = record.metadata;
    // The input's own date wins; its metadata object is spread (datatrove's records carry one); the detector says en over the page's de.
    expect(top).toEqual({ dump: "CC-MAIN-2026-01", warc: 1, date: "2026-11-30", url: "https://x.example/c", title: "Gauge", author: "Mara Jensen", language: "en" });
    expect(chaff.found.lang).toBe("de-DE");
    // Too little text for the detector: the page's declared language, as ISO 639-1.
    const short = JSON.parse(recordJson({ id: "s", text: "Kurz.\n", meta: { lang: "de-DE" }, rules: {}, chars: { in: 1, out: 1, removed: 0 }, fields: {} }));
    expect(short.metadata.language).toBe("de");
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

  it("writes every piece once and in order across the flushes: two-byte text, astral characters, a lone surrogate as U+FFFD", async () => {
    const dir = tempDir();
    const bodies = Array.from({ length: 120 }, (_, i) => JSON.stringify({ id: `d${i}`, text: `Über „${i}“ 🦉 \ud800 `.repeat(400) }));
    const lines = new RecordWriter(join(dir, "c.jsonl"), "lines", false);
    const array = new RecordWriter(join(dir, "c.json"), "array", false);
    const audit = new AuditSink(join(dir, "c.audit.jsonl"));
    await audit.open();
    for (const body of bodies) {
      await lines.write(body);
      await array.write(body);
      await audit.append(body + "\n");
    }
    for (const w of [lines, array, audit]) await w.commit();
    const expected = bodies.join("\n").replace(/\ud800/g, "\ufffd") + "\n";
    // Past both flushes: the record writer's 256 kB and the audit's 1 MB.
    expect(Buffer.byteLength(expected)).toBeGreaterThan(1 << 20);
    expect(readFileSync(join(dir, "c.jsonl"), "utf8")).toBe(expected);
    expect(readFileSync(join(dir, "c.audit.jsonl"), "utf8")).toBe(expected);
    expect(readFileSync(join(dir, "c.json"), "utf8")).toBe(`[\n${bodies.join(",\n").replace(/\ud800/g, "\ufffd")}\n]\n`);
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

describe("a record written from its text's lines", () => {
  // recordLineOfLines escapes only the lines listed; the normaliser lists every line that needs it
  // (test/core/fast-paths.test.ts). Here: any list that holds those lines gives JSON.stringify's bytes.
  it("is JSON.stringify of the record, whichever lines beyond those that need it are listed", () => {
    const unit = fc.constantFrom("a", "é", " ", '"', "\\", "/", "\u0000", "\b", "\t", "\u001f", "\u007f", "\u2028", "\u2029", "\ud83d", "\ude00", "😀", "\ud800\ud800", "日");
    const line = fc.array(unit, { maxLength: 12 }).map((units) => units.join(""));
    const needsEscape = (text: string) => JSON.stringify(text) !== `"${text}"`;
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 8 }), fc.constantFrom("\n", "\n\n"), fc.array(fc.boolean(), { maxLength: 8 }), line, (lines, separator, extra, id) => {
        const escaped = lines.flatMap((text, k) => (needsEscape(text) || extra[k] ? [k] : []));
        const record = { id, text: lines.join(separator) + "\n", metadata: { language: "en", note: lines[0], chaff: { found: {}, removals: {}, chars: { in: 1, out: 2, removed: 0 } } } };
        expect(recordLineOfLines(record, { lines, separator, escaped })).toBe(JSON.stringify(record));
      }),
      { numRuns: 3000 },
    );
  });

  it("is what recordJson writes without the lines", () => {
    const lines = ['He said "no".', "C:\\path\ttab", "Plain line of prose with nothing to escape, long enough to be read by the detector."];
    const parts = { id: "x", text: lines.join("\n\n") + "\n", meta: { lang: "en" }, rules: {}, chars: { in: 3, out: 3, removed: 0 }, fields: { url: "https://x.example/" } };
    expect(recordJson({ ...parts, lines: { lines, separator: "\n\n", escaped: [0, 1] } })).toBe(recordJson(parts));
  });
});
