// Limits: documents and records over --max-document-mb are set aside by name while they
// stream (a gzip bomb costs the cap, not the bomb), and a document that takes too long
// fails alone at --jobs 1 too. The bombs are generated here, small, against a 1 MB cap.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { chaff, filesUnder, snapshot, tempDir } from "./helpers.js";
import { runCases, SPAWN_TEST_TIMEOUT_MS } from "./table.js";

const MB = 1024 * 1024;
/** A page that expands to `mb` MB: repeated markup compresses about a thousandfold. */
const pageOf = (mb: number) => "<html><body><article><p>" + "All work and no play. ".repeat(Math.ceil((mb * MB) / 22)) + "</p></article></body></html>";

function input(dir: string, name: string, bytes: string | Buffer): void {
  mkdirSync(join(dir, "in"), { recursive: true });
  writeFileSync(join(dir, "in", name), bytes);
}

const CAP = ["--max-document-mb", "1", "--quiet", "--jobs", "1"];

describe("limits", () => {
  runCases([
    {
      name: "an .html.gz that expands past the cap fails by name; the other inputs are cleaned",
      setup: (dir) => {
        input(dir, "bomb.html.gz", gzipSync(pageOf(24)));
        input(dir, "ok.txt", "The talks went on.\n");
        return ["clean", "in", "--out", "out", ...CAP];
      },
      status: 1,
      stderr: ["chaff: in/bomb.html.gz: too large: over the --max-document-mb cap of 1 MB"],
      written: ["out.audit.jsonl", "out/ok.txt"],
    },
    {
      name: "a text file over the cap fails by name, unread",
      setup: (dir) => (input(dir, "big.txt", "A sentence of a long page.\n".repeat(90_000)), ["clean", "in/big.txt", "--out", "out", ...CAP]),
      status: 1,
      stderr: ["chaff: in/big.txt: too large: 2.3 MB, over the --max-document-mb cap of 1 MB"],
      written: ["out.audit.jsonl"],
    },
    {
      name: "stdin over the cap fails by name, nothing on stdout",
      setup: () => ["clean", "-", "--max-document-mb", "1"],
      input: "a".repeat(2 * MB),
      status: 1,
      stderr: ["chaff: -: too large: over the --max-document-mb cap of 1 MB"],
      written: [],
      check: (_dir, run) => expect(run.stdout).toBe(""),
    },
    {
      name: "a JSONL gzip bomb line is rejected as it streams; the lines after it are cleaned",
      setup: (dir) => {
        const bomb = JSON.stringify({ id: "bomb", text: "a".repeat(20 * MB) });
        input(dir, "c.jsonl.gz", gzipSync(bomb + "\n" + JSON.stringify({ id: "ok", text: "The talks went on." }) + "\n"));
        return ["clean", "in/c.jsonl.gz", "--out", "out", ...CAP];
      },
      status: 0,
      stderr: ["chaff: 1 records rejected, 0 documents failed: see {dir}/out.rejects.jsonl"],
      written: ["out.audit.jsonl", "out.rejects.jsonl", "out/c.jsonl.gz"],
      check: (dir) =>
        expect(JSON.parse(readFileSync(join(dir, "out.rejects.jsonl"), "utf8"))).toEqual({
          kind: "reject",
          input: "in/c.jsonl.gz",
          line: 1,
          reason: "too large: 20.0 MB, over the --max-document-mb cap of 1 MB",
        }),
    },
    {
      name: "a JSON array record over the cap fails the file naming the record (an array cannot be resynchronised)",
      setup: (dir) => (input(dir, "c.json", JSON.stringify([{ id: "ok", text: "Fine." }, { id: "big", text: "a".repeat(3 * MB) }])), ["clean", "in/c.json", "--out", "out", ...CAP]),
      status: 1,
      stderr: ["chaff: in/c.json: record 2: too large: over the --max-document-mb cap of 1 MB"],
      written: ["out.audit.jsonl", "out.rejects.jsonl"],
    },
    {
      // The limit leaves room for the next document's fresh worker to start on a loaded machine.
      // Readability's cost grows with the depth (squared, since its text lengths are kept through
      // each _cleanConditionally: src/extract/text-lengths.ts; it was cubed) and with the number of
      // deep nests side by side, and a page this short in text is tried four times: a hundred nests
      // 500 deep, under the tree's depth cap (src/extract/tree-depth.ts), took 12 s of CPU here (51 s
      // before); four hundred, 47 s.
      name: "four hundred 500-deep <div> nests side by side at --jobs 1: a named failure within the time limit, no output, the process exits",
      setup: (dir) => {
        input(dir, "deep.html", "<html><body>" + ("<div>".repeat(500) + "x" + "</div>".repeat(500)).repeat(400) + "</body></html>");
        input(dir, "ok.txt", "The talks went on.\n");
        return ["clean", "in", "--out", "out", "--timeout", "15000", "--quiet", "--jobs", "1"];
      },
      status: 1,
      stderr: ["chaff: in/deep.html: timed out after 15000 ms", "chaff: 0 records rejected, 1 documents failed: see {dir}/out.rejects.jsonl"],
      written: ["out.audit.jsonl", "out.rejects.jsonl", "out/ok.txt"],
    },
    {
      // Pages over 2 MB go to a worker even at --jobs 1; its tree would take ~150x the page's size.
      name: "a page that needs more heap than --worker-heap fails alone, by name; the other page is cleaned",
      setup: (dir) => {
        input(dir, "dense.html", "<html><body><article>" + "<p><a href=x><span>word word</span></a></p>".repeat(60_000) + "</article></body></html>");
        input(dir, "ok.html", "<html><body><article><p>" + "The harbour wall will be built next spring after the vote. ".repeat(20) + "</p></article></body></html>");
        return ["clean", "in", "--out", "out", "--worker-heap", "64", "--quiet", "--jobs", "1"];
      },
      status: 1,
      stderr: ["chaff: in/dense.html: Worker terminated due to reaching memory limit: JS heap out of memory", "chaff: 0 records rejected, 1 documents failed: see {dir}/out.rejects.jsonl"],
      written: ["out.audit.jsonl", "out.rejects.jsonl", "out/ok.txt"],
      check: (dir) => {
        expect(readFileSync(join(dir, "out/ok.txt"), "utf8")).toContain("The harbour wall will be built next spring after the vote.");
        expect(readFileSync(join(dir, "out.rejects.jsonl"), "utf8")).toBe(
          JSON.stringify({ kind: "failure", input: "in/dense.html", id: "dense", reason: "Worker terminated due to reaching memory limit: JS heap out of memory" }) + "\n",
        );
      },
    },
    {
      // Each took seconds before (quadratic patterns, test/match/redos.test.ts): a trailing-space pattern on
      // the <pre> line, the canonical-link pattern on a tag of many rel= (9.8 s and 3 s at a tenth of this).
      name: "a <pre> line of a million spaces and a <link> of 100,000 rel=: cleaned to their story",
      setup: (dir) => {
        const story = "<p>The harbour wall will be built next spring after the vote, the council said on Tuesday.</p>";
        input(dir, "pre.html", `<html><body><article>${story}<pre>${" ".repeat(1_000_000)}x\n</pre>${story}</article></body></html>`);
        input(dir, "link.html", `<html><head><link ${"rel= ".repeat(100_000)}href="/a"></head><body><article>${story}</article></body></html>`);
        return ["clean", "in", "--out", "out", "--quiet", "--jobs", "1", "--format", "md"];
      },
      status: 0,
      stderr: [],
      written: ["out.audit.jsonl", "out/link.md", "out/pre.md"],
      check: (dir) => {
        for (const page of ["pre", "link"]) expect(readFileSync(join(dir, `out/${page}.md`), "utf8")).toContain("The harbour wall will be built next spring");
      },
    },
    {
      name: "100k nested <div>s at --jobs 1: cleaned to their story, the tree nesting no deeper than 512 levels as in browsers",
      setup: (dir) => {
        const story = Array.from({ length: 6 }, (_, i) => `Sentence ${i} of the story: the harbour wall will be built next spring after the vote.`).join(" ");
        input(dir, "deep.html", "<html><body>" + "<div>".repeat(100_000) + `<p>${story}</p>` + "</div>".repeat(100_000) + "</body></html>");
        return ["clean", "in", "--out", "out", "--timeout", "60000", "--quiet", "--jobs", "1"];
      },
      status: 0,
      stderr: [],
      written: ["out.audit.jsonl", "out/deep.txt"],
      check: (dir) => expect(readFileSync(join(dir, "out/deep.txt"), "utf8")).toContain("Sentence 5 of the story: the harbour wall will be built next spring after the vote."),
    },
  ]);

  // Either outcome is fine on a slow or a fast machine; what may not happen is a hang, a crash
  // without a name, or a half-written output.
  it("a 30 MB HTML page at --jobs 1: cleaned whole, or a named failure within the time limit; the process exits", () => {
    const dir = tempDir();
    const paragraphs: string[] = [];
    for (let size = 0, i = 0; size < 30 * MB; i++) {
      paragraphs.push(`<p>Paragraph ${i}: the council met on Monday and talked about the budget for the coming year.</p>\n`);
      size += paragraphs[i]!.length;
    }
    input(dir, "big.html", "<html><body><article>" + paragraphs.join("") + "</article></body></html>");
    input(dir, "ok.txt", "The talks went on.\n");
    const before = snapshot(dir);
    const run = chaff(["clean", "in", "--out", "out", "--timeout", "20000", "--quiet", "--jobs", "1"], { cwd: dir, timeoutMs: SPAWN_TEST_TIMEOUT_MS - 10_000 });
    expect(run.status, "the process exits by itself").not.toBeNull();
    const after = snapshot(dir);
    // Buffer.equals: toEqual walks a 30 MB buffer byte by byte.
    for (const [file, bytes] of before) expect(after.get(file)?.equals(bytes), `input ${file} unchanged`).toBe(true);
    const written = filesUnder(dir).filter((f) => !before.has(f));
    expect(readFileSync(join(dir, "out/ok.txt"), "utf8")).toBe("The talks went on.\n");
    if (run.status === 0) {
      expect(run.stderr).toBe("");
      expect(written).toEqual(["out.audit.jsonl", "out/big.txt", "out/ok.txt"]);
      const text = readFileSync(join(dir, "out/big.txt"), "utf8");
      expect(text).toContain("Paragraph 0: the council met");
      expect(text.trimEnd().endsWith(`Paragraph ${paragraphs.length - 1}: the council met on Monday and talked about the budget for the coming year.`)).toBe(true);
    } else {
      expect(run.status).toBe(1);
      expect(run.stderr.split("\n").filter(Boolean)).toEqual([
        expect.stringMatching(/^chaff: in\/big\.html: \S.*$/),
        `chaff: 0 records rejected, 1 documents failed: see ${dir}/out.rejects.jsonl`,
      ]);
      // No partial output of the failed page.
      expect(written).toEqual(["out.audit.jsonl", "out.rejects.jsonl", "out/ok.txt"]);
      const reason = run.stderr.split("\n")[0]!.slice("chaff: in/big.html: ".length);
      expect(JSON.parse(readFileSync(join(dir, "out.rejects.jsonl"), "utf8"))).toEqual({ kind: "failure", input: "in/big.html", id: "big", reason });
    }
  }, SPAWN_TEST_TIMEOUT_MS);
});
