// WARC integrity: a cut file or a lying Content-Length is an error naming the file and
// the record; nothing of the broken record is written; whole records before it are.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { describe, expect } from "vitest";
import { warcBytes } from "../helpers/corpus.js";
import { runCases } from "./table.js";

/** The tiny WARC of the reader tests: record 3 is an HTML page, record 6 a text/plain resource. */
async function writeWarc(dir: string, name: string, edit: (bytes: Buffer) => Buffer): Promise<string[]> {
  mkdirSync(join(dir, "in"));
  writeFileSync(join(dir, "in", name), edit(Buffer.from(await warcBytes(name.endsWith(".gz")))));
  return ["clean", `in/${name}`, "--out", "out", "--quiet", "--jobs", "1"];
}

/** Changes the Content-Length of the `n`th record (1-based) by `delta`, leaving every byte after it in place. */
function lieAbout(n: number, delta: number) {
  return (bytes: Buffer): Buffer => {
    const text = bytes.toString("latin1");
    let at = -1;
    for (let i = 0; i < n; i++) at = text.indexOf("WARC/1.1\r\n", at + 1);
    const header = /Content-Length: (\d+)/.exec(text.slice(at))!;
    const start = at + header.index;
    return Buffer.from(text.slice(0, start) + `Content-Length: ${Number(header[1]) + delta}` + text.slice(start + header[0].length), "latin1");
  };
}

const ids = (dir: string, file: string) =>
  readFileSync(join(dir, file), "utf8")
    .trim()
    .split("\n")
    .filter((l) => l)
    .map((l) => JSON.parse(l).id);

const PAGE = "https://news.example/talks";

describe("broken WARC files", () => {
  runCases([
    {
      name: "a .warc cut inside its last record: the records before it are cleaned, the cut one is not, exit 1",
      setup: (dir) => writeWarc(dir, "cut.warc", (b) => b.subarray(0, b.length - 20)),
      status: 1,
      stderr: ["chaff: in/cut.warc: record 6: truncated: the file ends 16 bytes before the end of its content (Content-Length 82)"],
      written: ["out.audit.jsonl", "out.rejects.jsonl", "out/cut.jsonl"],
      check: (dir) => expect(ids(dir, "out/cut.jsonl")).toEqual([PAGE]),
    },
    {
      name: "a .warc cut inside a header",
      setup: (dir) => writeWarc(dir, "cut.warc", (b) => b.subarray(0, b.toString("latin1").lastIndexOf("WARC/1.1") + 30)),
      status: 1,
      stderr: ["chaff: in/cut.warc: record 6: truncated: the file ends inside its header"],
      written: ["out.audit.jsonl", "out.rejects.jsonl", "out/cut.jsonl"],
      check: (dir) => expect(ids(dir, "out/cut.jsonl")).toEqual([PAGE]),
    },
    {
      name: "a .warc.gz cut inside its last member",
      setup: (dir) => writeWarc(dir, "cut.warc.gz", (b) => b.subarray(0, b.length - 30)),
      status: 1,
      stderr: [/^chaff: in\/cut\.warc\.gz: record 6: (the gzip stream is cut or corrupt: unexpected end of file|truncated: .*)$/],
      written: ["out.audit.jsonl", "out.rejects.jsonl", "out/cut.jsonl.gz"],
      check: (dir) => expect(gunzipSync(readFileSync(join(dir, "out/cut.jsonl.gz"))).toString()).toContain(`"id":"${PAGE}"`),
    },
    {
      name: "a Content-Length too large swallows the next record: that record fails, the ones before it are kept",
      setup: (dir) => writeWarc(dir, "lie.warc", lieAbout(4, 300)),
      status: 1,
      stderr: ["chaff: in/lie.warc: record 4: its Content-Length (347) does not end the record: what follows does not start with a WARC header"],
      written: ["out.audit.jsonl", "out.rejects.jsonl", "out/lie.jsonl"],
      check: (dir) => expect(ids(dir, "out/lie.jsonl")).toEqual([PAGE]),
    },
    {
      name: "a Content-Length too large on the page itself: nothing of it is written",
      setup: (dir) => writeWarc(dir, "lie.warc", lieAbout(3, 300)),
      status: 1,
      stderr: ["chaff: in/lie.warc: record 3: its Content-Length (458) does not end the record: what follows does not start with a WARC header"],
      written: ["out.audit.jsonl", "out.rejects.jsonl", "out/lie.jsonl"],
      check: (dir) => expect(readFileSync(join(dir, "out/lie.jsonl"), "utf8")).toBe(""),
    },
    {
      name: "a Content-Length too small leaves bytes before the next record",
      setup: (dir) => writeWarc(dir, "lie.warc", lieAbout(3, -10)),
      status: 1,
      stderr: ["chaff: in/lie.warc: record 3: its Content-Length (148) does not end the record: what follows does not start with a WARC header"],
      written: ["out.audit.jsonl", "out.rejects.jsonl", "out/lie.jsonl"],
      check: (dir) => expect(readFileSync(join(dir, "out/lie.jsonl"), "utf8")).toBe(""),
    },
    {
      name: "a .warc of random bytes",
      setup: (dir) => writeWarc(dir, "noise.warc", () => Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251))),
      status: 1,
      stderr: ["chaff: in/noise.warc: record 1: not a WARC file: the first record does not start with a WARC header"],
      written: ["out.audit.jsonl", "out.rejects.jsonl", "out/noise.jsonl"],
      check: (dir) => expect(readFileSync(join(dir, "out/noise.jsonl"), "utf8")).toBe(""),
    },
  ]);
});
