// The command line, run as users run it: the built CLI in a child process.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { gzipSync } from "node:zlib";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "../..");
const cli = join(root, "dist/cli.js");
/** Runs the CLI; a plain progress line (printed every 5 s, so only on a loaded machine) is left out of stderr. */
const chaff = (args: string[], input?: string) => {
  const run = spawnSync(process.execPath, [cli, ...args], { cwd: root, input, encoding: "utf8" });
  return { ...run, stderr: run.stderr.replace(/^chaff: \d+ documents, .* ETA .*\n/gm, "") };
};
const tmp = () => mkdtempSync(join(tmpdir(), "chaff-cli-"));
const files = (dir: string): string[] => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(dir.length + 1)).sort();

describe("chaff clean", () => {
  it("mirrors a tree into --out as .txt files, writes the audit, and exits 0", () => {
    const dir = tmp();
    mkdirSync(join(dir, "in/sub"), { recursive: true });
    cpSync(join(root, "raw/004_989369bf34c36e15.txt"), join(dir, "in/sub/a.txt"));
    writeFileSync(join(dir, "in/b.text"), "Leave a Reply\nA sentence that stays here.\n");
    const run = chaff(["clean", join(dir, "in"), "--out", join(dir, "out"), "--audit", join(dir, "audit.jsonl")]);
    expect(run.stderr).toBe(
      [
        "chaff: 2 documents (pipeline news), 642 of 4348 characters removed (14.8%) in 4 removals",
        "  rule              removals",
        "  comment/prompt           1",
        "  dup/title                1",
        "  icons/font-names         1",
        "  meta/timestamp           1",
        "  total                    4",
        "",
      ].join("\n"),
    );
    expect(run.status).toBe(0);
    expect(files(join(dir, "out"))).toEqual(["b.txt", "sub/a.txt"]);
    expect(readFileSync(join(dir, "out/b.txt"), "utf8")).toBe("A sentence that stays here.\n");
    const audit = readFileSync(join(dir, "audit.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l));
    expect(audit.filter((r) => r.type === "removal").map((r) => r.rule)).toEqual(["comment/prompt", "icons/font-names", "meta/timestamp", "dup/title"]);
    const docRecord = audit.find((r) => r.type === "document" && r.doc === "sub/a");
    expect(docRecord.meta).toEqual({ timestamp: ["7 Apr, 2016 05:27"] });
    expect(docRecord.removals).toEqual({ "icons/font-names": 1, "meta/timestamp": 1, "dup/title": 1 });
  });

  it("puts the audit beside the output folder by default", () => {
    const dir = tmp();
    writeFileSync(join(dir, "a.txt"), "Email Print\nText.\n");
    expect(chaff(["clean", join(dir, "a.txt"), "--out", join(dir, "out")]).status).toBe(0);
    expect(existsSync(join(dir, "out.audit.jsonl"))).toBe(true);
  });

  it("reads stdin and writes stdout with `-`", () => {
    const run = chaff(["clean", "-"], "Email Print\nThe talks went on.\n");
    expect(run.status).toBe(0);
    expect(run.stdout).toBe("The talks went on.\n");
  });

  it("reports each bad input on one line, goes on with the others, and leaves no partial output", () => {
    const dir = join(tmp(), "in");
    mkdirSync(dir);
    writeFileSync(join(dir, "empty.txt"), "");
    writeFileSync(join(dir, "binary.txt"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]));
    writeFileSync(join(dir, "latin1.txt"), Buffer.from("Caf\xe9 au lait\n", "latin1"));
    writeFileSync(join(dir, "good.txt"), "Good text.\n");
    const run = chaff(["clean", dir, join(dir, "missing.txt"), "--out", join(dir, "../out")]);
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split("\n")).toEqual([
      `chaff: ${join(dir, "missing.txt")}: no such file or directory`,
      `chaff: ${join(dir, "binary.txt")}: binary file (contains NUL bytes)`,
      `chaff: ${join(dir, "empty.txt")}: empty file`,
      `chaff: ${join(dir, "latin1.txt")}: invalid UTF-8 at byte 3 (line 1)`,
      "chaff: 1 document (pipeline news), 0 of 11 characters removed (0.0%) in 0 removals; 4 inputs failed",
    ]);
    expect(files(join(dir, "../out"))).toEqual(["good.txt"]);
  });

  it("gives the same bytes on every run, and cleaning its own output changes nothing", () => {
    const dir = tmp();
    const first = chaff(["clean", "raw", "--out", join(dir, "one"), "--audit", join(dir, "one.jsonl")]);
    const second = chaff(["clean", "raw", "--out", join(dir, "two"), "--audit", join(dir, "two.jsonl")]);
    expect(first.status).toBe(0);
    expect(second.status).toBe(0);
    for (const f of files(join(dir, "one"))) expect(readFileSync(join(dir, "two", f))).toEqual(readFileSync(join(dir, "one", f)));
    expect(readFileSync(join(dir, "two.jsonl"), "utf8").replaceAll("/two/", "/one/")).toBe(readFileSync(join(dir, "one.jsonl"), "utf8"));
    const again = chaff(["clean", join(dir, "one"), "--out", join(dir, "three")]);
    expect(again.status).toBe(0);
    for (const f of files(join(dir, "one"))) expect(readFileSync(join(dir, "three", f), "utf8")).toBe(readFileSync(join(dir, "one", f), "utf8"));
  }, 120_000); // three runs of the seeds in child processes

  it("names the pipeline file and field when a pipeline is invalid", () => {
    const dir = tmp();
    writeFileSync(join(dir, "p.json"), JSON.stringify({ name: "p", stages: [{ use: "icons", options: { minTokens: -1 } }] }));
    const run = chaff(["clean", "raw", "--out", join(dir, "out"), "--pipeline", join(dir, "p.json")]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`chaff: ${join(dir, "p.json")}: stages[0].options.minTokens: Too small: expected number to be >0\n`);
  });

  it("answers --help and --version", () => {
    expect(chaff(["--version"]).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    expect(chaff(["clean", "--help"]).stdout).toContain("--pipeline <name|path>");
  });
});

describe("chaff clean on HTML pages", () => {
  it("mirrors .html, .htm and .html.gz files into .txt, with the html pipeline by default", () => {
    const dir = tmp();
    mkdirSync(join(dir, "in/sub"), { recursive: true });
    const page = readFileSync(join(root, "test/fixtures/html/blocks.html"));
    writeFileSync(join(dir, "in/a.html"), page);
    writeFileSync(join(dir, "in/sub/b.htm"), page);
    writeFileSync(join(dir, "in/sub/c.html.gz"), gzipSync(page));
    const run = chaff(["clean", join(dir, "in"), "--out", join(dir, "out"), "--audit", join(dir, "a.jsonl"), "--jobs", "1", "--quiet"]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(files(join(dir, "out"))).toEqual(["a.txt", "sub/b.txt", "sub/c.txt"]);
    const texts = ["a.txt", "sub/b.txt", "sub/c.txt"].map((f) => readFileSync(join(dir, "out", f), "utf8"));
    expect(texts[1]).toBe(texts[0]);
    expect(texts[2]).toBe(texts[0]);
    expect(texts[0].length).toBeGreaterThan(0);
    const docs = readFileSync(join(dir, "a.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l)).filter((r) => r.type === "document");
    expect(docs.map((d) => [d.doc, d.pipeline, d.meta.route])).toEqual([
      ["a", "html", "readability"],
      ["sub/b", "html", "readability"],
      ["sub/c", "html", "readability"],
    ]);
  });

  it("uses an explicit --pipeline for HTML too", () => {
    const dir = tmp();
    writeFileSync(join(dir, "a.html"), readFileSync(join(root, "test/fixtures/html/blocks.html")));
    const run = chaff(["clean", join(dir, "a.html"), "--out", join(dir, "out"), "--audit", join(dir, "a.jsonl"), "--pipeline", "news", "--quiet"]);
    expect(run.status).toBe(0);
    expect(readFileSync(join(dir, "a.jsonl"), "utf8")).toContain('"type":"document","doc":"a","source":');
    expect(readFileSync(join(dir, "a.jsonl"), "utf8")).toContain('"pipeline":"news"');
  });
});

describe("a .json file that is not a corpus", () => {
  it("is skipped with a notice inside a directory tree, and is an error when named", () => {
    const dir = tmp();
    mkdirSync(join(dir, "in"));
    writeFileSync(join(dir, "in/labels.json"), JSON.stringify({ about: "gold labels", documents: [] }));
    writeFileSync(join(dir, "in/a.txt"), "Email Print\nText stays.\n");
    const walk = chaff(["clean", join(dir, "in"), "--out", join(dir, "out"), "--quiet"]);
    expect(walk.status).toBe(0);
    expect(walk.stderr).toBe(`chaff: ${join(dir, "in/labels.json")}: skipped, not a corpus: expected a JSON array of records\n`);
    expect(files(join(dir, "out"))).toEqual(["a.txt"]);
    const named = chaff(["clean", join(dir, "in/labels.json"), "--out", join(dir, "out2"), "--quiet"]);
    expect(named.status).toBe(1);
    expect(named.stderr).toBe(`chaff: ${join(dir, "in/labels.json")}: expected a JSON array of records\n`);
  });
});
