// The built CLI as users run it: same output bytes, audit and rejects at any --jobs.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { gunzipSync } from "node:zlib";
import { WARC_TEXT, filesUnder, seedTexts, tempDir, warcBytes, writeInput } from "../helpers/corpus.js";
import { FILES_PER_WORKER, INLINE_TIMED_MAX_BYTES } from "../../src/run/clean.js";

const CLI = join(import.meta.dirname, "../../dist/cli.js");

function chaff(args: string[], cwd: string) {
  const run = spawnSync(process.execPath, [CLI, "clean", ...args], { cwd, encoding: "utf8" });
  return { status: run.status, stderr: run.stderr, stdout: run.stdout };
}

/** Every file under `dir`, by relative path, with its bytes. */
const snapshot = (dir: string) => filesUnder(dir, { encoding: "base64" });

/** A corpus with every record format, enough records to keep four workers busy, and some rejects. */
function writeCorpus(dir: string): void {
  const seeds = seedTexts();
  mkdirSync(join(dir, "in/tree"), { recursive: true });
  const lines: string[] = [];
  for (let round = 0; round < 30; round++) {
    for (const s of seeds) lines.push(JSON.stringify({ id: `${s.name}-${round}`, text: s.text, round }));
    if (round % 10 === 3) lines.push("{oops", JSON.stringify({ id: `missing-${round}` }));
  }
  writeInput(join(dir, "in"), "news.jsonl", lines.join("\n") + "\n");
  writeInput(join(dir, "in"), "news.jsonl.gz", lines.slice(0, 40).join("\n") + "\n");
  writeInput(join(dir, "in"), "array.json.gz", JSON.stringify(seeds.map((s) => ({ text: s.text, site: "example" }))));
  for (const s of seeds) writeFileSync(join(dir, "in/tree", `${s.name}.txt`), s.text);
}

describe("chaff clean on record corpora", () => {
  it("writes the same bytes (outputs, audit, rejects) at --jobs 1, 2 and 4, in input order", () => {
    const dir = tempDir();
    writeCorpus(dir);
    const runs: Array<Record<string, string>> = [];
    for (const jobs of [1, 2, 4]) {
      const result = chaff(["in", "--out", "out", "--audit", "out.audit.jsonl", "--rejects", "out.rejects.jsonl", "--jobs", String(jobs)], dir);
      // A loaded machine may print a progress line first.
      expect(result.stderr.replace(/^chaff: \d+ documents, .* ETA .*\n/gm, "")).toMatch(/^chaff: 198 documents \(pipeline news\), \d+ of \d+ characters removed \(\d+\.\d%\) in \d+ removals; 8 records rejected\n/);
      expect(result.stderr).toContain("chaff: 8 records rejected, 0 documents failed: see ");
      expect(result.status).toBe(0);
      mkdirSync(join(dir, `jobs${jobs}`));
      for (const name of ["out", "out.audit.jsonl", "out.rejects.jsonl"]) renameSync(join(dir, name), join(dir, `jobs${jobs}`, name));
      runs.push(snapshot(join(dir, `jobs${jobs}`)));
    }
    const seeds = seedTexts();
    expect(Object.keys(runs[0])).toEqual(["out/array.json.gz", "out/news.jsonl", "out/news.jsonl.gz", ...seeds.map((s) => `out/tree/${s.name}.txt`), "out.audit.jsonl", "out.rejects.jsonl"]);
    expect(runs[1]).toEqual(runs[0]);
    expect(runs[2]).toEqual(runs[0]);
    const ids = readFileSync(join(dir, "jobs4/out/news.jsonl"), "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l).id);
    expect(ids.slice(0, 6)).toEqual([...seeds.map((s) => `${s.name}-0`), `${seeds[0].name}-1`]);
    expect(ids).toHaveLength(150);
  }, 180_000); // three runs of a corpus in child processes: slow on a loaded machine

  it("names each rejected record by file and line, and keeps the exit status at 0", () => {
    const dir = tempDir();
    writeInput(dir, "c.jsonl", ['{"id":"a","text":"A sentence that stays here."}', "{oops", '{"id":"b","text":["x"]}'].join("\n"));
    const result = chaff(["c.jsonl", "--out", "out", "--jobs", "2", "--quiet"], dir);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe(`chaff: 2 records rejected, 0 documents failed: see ${join(dir, "out.rejects.jsonl")}\n`);
    expect(readFileSync(join(dir, "out.rejects.jsonl"), "utf8")).toBe(
      [
        { kind: "reject", input: "c.jsonl", line: 2, reason: "malformed JSON: Expected property name or '}' in JSON at position 1" },
        { kind: "reject", input: "c.jsonl", line: 3, reason: '"text" field is an array, not a string' },
      ]
        .map((r) => JSON.stringify(r) + "\n")
        .join(""),
    );
  });

  it("exits 1 on an unreadable file, cleans the rest, and gives the same bytes at any --jobs", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "crawl.warc.gz"), await warcBytes(true));
    writeFileSync(join(dir, "broken.jsonl.gz"), "not gzip");
    for (const jobs of ["1", "2"]) {
      const result = chaff(["crawl.warc.gz", "broken.jsonl.gz", "--out", `out${jobs}`, "--jobs", jobs, "--quiet"], dir);
      expect(result.status).toBe(1);
      expect(result.stderr).toContain("chaff: broken.jsonl.gz: incorrect header check\n");
      const records = gunzipSync(readFileSync(join(dir, `out${jobs}/crawl.jsonl.gz`))).toString("utf8").trim().split("\n").map((l) => JSON.parse(l));
      expect(records.map((r) => [r.id, r.text])).toEqual([
        ["https://news.example/talks", "NATO will hold talks with Russia.\n"],
        ["https://news.example/talks.txt", WARC_TEXT],
      ]);
    }
    expect(readFileSync(join(dir, "out2/crawl.jsonl.gz"))).toEqual(readFileSync(join(dir, "out1/crawl.jsonl.gz")));
  }, 180_000);

  it("rejects bad option values with a clear message", () => {
    const result = chaff(["x.jsonl", "--out", "o", "--jobs", "0"], tempDir());
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('chaff: --jobs must be a whole number of at least 1, got "0"\n');
  });
});

describe("a document stuck in a stage", () => {
  it("is stopped after --timeout and reported as a failure; the other documents are cleaned", { timeout: 60_000 }, () => {
    const dir = tempDir();
    // A hundred and eighty 500-deep nests of elements side by side (990 kB) keep the HTML extractor busy
    // for longer than the time limit (over 20 s of CPU here; forty took 2.3 s once text lengths were kept
    // per weighing). The file is small (at most 1 MB), so it is cleaned on the main thread: "ok-1" there,
    // "stuck" stopped there, and "ok-2" on the worker started once a document ran out of time.
    const stuck = "<html><body>" + ("<div>".repeat(500) + "x" + "</div>".repeat(500)).repeat(180) + "</body></html>";
    writeInput(dir, "c.jsonl", [{ id: "ok-1", text: "A sentence that stays here.\n" }, { id: "stuck", text: stuck, content_type: "text/html" }, { id: "ok-2", text: "Another sentence stays.\n" }].map((r) => JSON.stringify(r)).join("\n") + "\n");
    const result = chaff(["c.jsonl", "--out", "out", "--jobs", "2", "--timeout", "5000", "--quiet"], dir);
    expect(result.status).toBe(1);
    expect(readFileSync(join(dir, "out.rejects.jsonl"), "utf8")).toBe(JSON.stringify({ kind: "failure", input: "c.jsonl", line: 2, id: "stuck", reason: "timed out after 5000 ms" }) + "\n");
    expect(readFileSync(join(dir, "out/c.jsonl"), "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l).id)).toEqual(["ok-1", "ok-2"]);
  });
  it("cannot come from a pattern of the pipeline file: one that backtracks is refused at load, nothing is written", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "stuck.json"), JSON.stringify({ name: "stuck", stages: [{ use: "widgets", options: { patterns: ["(a+)+b"] } }] }));
    writeInput(dir, "c.jsonl", JSON.stringify({ id: "a", text: "a".repeat(40) + "c" }) + "\n");
    const result = chaff(["c.jsonl", "--out", "out", "--pipeline", join(dir, "stuck.json"), "--jobs", "2", "--quiet"], dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/stuck\.json: stages\[0\]\.options\.patterns\[0\]: pattern "\(a\+\)\+b" backtracks in exponential time/);
    expect(existsSync(join(dir, "out"))).toBe(false);
  });
});


describe("a small run, cleaned on the main thread", () => {
  const page = readFileSync(join(import.meta.dirname, "../fixtures/html/blocks.html"));

  it("gives the bytes a worker gives: the page alone (inline) and beside more than INLINE_TIMED_MAX_BYTES of text (on a worker)", { timeout: 60_000 }, () => {
    const dir = tempDir();
    mkdirSync(join(dir, "alone"));
    mkdirSync(join(dir, "pair"));
    writeFileSync(join(dir, "alone/page.html"), page);
    writeFileSync(join(dir, "pair/page.html"), page);
    writeFileSync(join(dir, "pair/other.txt"), "A sentence of a long plain-text file that stays.\n".repeat(Math.ceil(INLINE_TIMED_MAX_BYTES / 40)));
    for (const run of ["alone", "pair"]) expect(chaff([run, "--out", `${run}-out`, "--audit", `${run}.audit.jsonl`, "--quiet"], dir).status).toBe(0);
    expect(readFileSync(join(dir, "alone-out/page.txt"), "utf8")).toBe(readFileSync(join(dir, "pair-out/page.txt"), "utf8"));
    expect(readFileSync(join(dir, "alone-out/page.txt"), "utf8")).toContain("The council voted on Tuesday");
    const pageLines = (audit: string) => readFileSync(join(dir, audit), "utf8").split("\n").filter((l) => l.includes('"doc":"page"')).map((l) => l.replace(/(alone|pair)(-out)?\//g, ""));
    expect(pageLines("alone.audit.jsonl").length).toBeGreaterThan(5);
    expect(pageLines("alone.audit.jsonl")).toEqual(pageLines("pair.audit.jsonl"));
  });

  it("is stopped after --timeout and reported as a failure, with no output, and the process exits", { timeout: 60_000 }, () => {
    const dir = tempDir();
    // 990 kB, under the inline size; a hundred and eighty 500-deep nests side by side keep the extractor busy for over 20 s.
    writeFileSync(join(dir, "deep.html"), "<html><body>" + ("<div>".repeat(500) + "x" + "</div>".repeat(500)).repeat(180) + "</body></html>");
    const started = Date.now();
    const result = chaff(["deep.html", "--out", "out", "--timeout", "1500"], dir);
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("chaff: deep.html: timed out after 1500 ms");
    expect(readFileSync(join(dir, "out.rejects.jsonl"), "utf8")).toBe(JSON.stringify({ kind: "failure", input: "deep.html", id: "deep", reason: "timed out after 1500 ms" }) + "\n");
    expect(existsSync(join(dir, "out/deep.txt"))).toBe(false);
  });
});

describe("a run of pages at --jobs 2: the main thread and one worker", () => {
  it("cleans every page with the bytes --jobs 1 gives; a stuck page fails alone, named, after --timeout", { timeout: 120_000 }, () => {
    const dir = tempDir();
    mkdirSync(join(dir, "in"));
    // More than 2 x FILES_PER_WORKER pages and more than 1 MB in all: the run shares its pages between the
    // main thread and a worker (run/clean.ts planCleaner), and pages of every size go both ways.
    const story = (i: number) => `<p>Story ${i}: the council met on Tuesday and put the vote on the harbour wall off until the spring, its head said.</p>`.repeat(1 + (i % 9));
    for (let i = 0; i < 2 * FILES_PER_WORKER.value + 4; i++) {
      writeFileSync(join(dir, "in", `p${String(i).padStart(3, "0")}.html`), `<html><head><title>Page ${i}</title></head><body><nav><a href="/">Home</a> <a href="/w">World</a></nav><article>${story(i)}</article><footer>Share this article</footer></body></html>`);
    }
    // 990 kB of nests that keep the extractor busy for over 20 s, wherever it lands.
    writeFileSync(join(dir, "in", "p050-stuck.html"), "<html><body>" + ("<div>".repeat(500) + "x" + "</div>".repeat(500)).repeat(180) + "</body></html>");
    const runs = [1, 2].map((jobs) => {
      const result = chaff(["in", "--out", `out${jobs}`, "--audit", `out${jobs}.audit.jsonl`, "--rejects", `out${jobs}.rejects.jsonl`, "--jobs", String(jobs), "--timeout", "3000", "--quiet"], dir);
      expect(result.status).toBe(1);
      expect(result.stderr).toContain("chaff: in/p050-stuck.html: timed out after 3000 ms");
      expect(readFileSync(join(dir, `out${jobs}.rejects.jsonl`), "utf8")).toBe(JSON.stringify({ kind: "failure", input: "in/p050-stuck.html", id: "p050-stuck", reason: "timed out after 3000 ms" }) + "\n");
      return { outputs: snapshot(join(dir, `out${jobs}`)), audit: readFileSync(join(dir, `out${jobs}.audit.jsonl`), "utf8").replaceAll(`out${jobs}/`, "") };
    });
    expect(Object.keys(runs[0].outputs)).toHaveLength(2 * FILES_PER_WORKER.value + 4);
    expect(Object.keys(runs[0].outputs)).not.toContain("p050-stuck.txt");
    expect(Buffer.from(runs[0].outputs["p007.txt"], "base64").toString("utf8")).toContain("Story 7: the council met on Tuesday");
    expect(runs[1].outputs).toEqual(runs[0].outputs);
    expect(runs[1].audit).toBe(runs[0].audit);
  });
});
