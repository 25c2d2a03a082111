// `chaff explain`: the plain output exactly, colour rules, and the CLI on a seed.
import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { cleanDocument, createDocument } from "../../src/core/index.js";
import { formatExplanation, useColour } from "../../src/run/explain.js";
import { loadPipeline } from "../../src/run/pipeline-file.js";

const root = join(import.meta.dirname, "../..");
const run = promisify(execFile);
/** Runs the CLI from source (no build needed), with colour decided by the test. */
function chaff(args: string[], env: NodeJS.ProcessEnv = {}) {
  return run(process.execPath, ["--import", "tsx", join(root, "src/cli.ts"), ...args], { cwd: root, env: { ...process.env, ...env } });
}

const SMALL = [
  "NATO and Russia to meet again",
  "7 Apr, 2016 05:27",
  "",
  "NATO and Russia to meet again",
  "",
  "The alliance said on Thursday that talks would resume next week in Brussels.",
  "Email Print",
  "Tags: NATO  Russia",
  "",
].join("\n");

describe("explain: plain output", () => {
  it("marks each removal in place, then lists line:column, rule and reason, then the metadata", () => {
    const result = cleanDocument(createDocument({ id: "small", source: "small.txt", raw: SMALL }), loadPipeline("news"));
    expect(formatExplanation(result, false)).toBe(
      [
        "NATO and Russia to meet again",
        "[-meta/timestamp -> timestamp: 7 Apr, 2016 05:27-]",
        "",
        "[-dup/title: NATO and Russia to meet again-]",
        "",
        "The alliance said on Thursday that talks would resume next week in Brussels.",
        "[-widget/share: Email Print-]",
        "[-meta/tags -> tags: Tags: NATO  Russia-]",
        "─".repeat(40),
        "small.txt: 4 removals, 75 of 188 characters",
        "2:1 meta/timestamp a line holding only a date or time (moved to timestamp)",
        "4:1 dup/title the title repeated",
        "7:1 widget/share a short line made only of share, print and email words",
        "8:1 meta/tags tag line: tags move into metadata (moved to tags)",
        "meta.tags: NATO | Russia",
        "meta.timestamp: 7 Apr, 2016 05:27",
        "",
      ].join("\n"),
    );
  });

  it("prints a text with nothing removed as is, with a count of zero", () => {
    const raw = "The alliance said on Thursday that talks would resume next week.";
    const result = cleanDocument(createDocument({ id: "k", source: "k.txt", raw }), loadPipeline("news"));
    expect(formatExplanation(result, false)).toBe(`${raw}\n${"─".repeat(40)}\nk.txt: 0 removals, 0 of ${raw.length} characters\n`);
  });
});

describe("explain: colour", () => {
  it.each([
    ["auto", true, {}, true],
    ["auto", false, {}, false],
    ["auto", true, { NO_COLOR: "1" }, false],
    ["auto", true, { NO_COLOR: "" }, true],
    ["auto", true, { TERM: "dumb" }, false],
    ["always", false, { NO_COLOR: "1" }, true],
    ["never", true, {}, false],
  ] as const)("--color %s, TTY %s, env %j -> colour %s", (choice, isTTY, env, expected) => {
    expect(useColour(choice, { isTTY }, env)).toBe(expected);
  });

  it("colours with ANSI codes and no plain markers", () => {
    const result = cleanDocument(createDocument({ id: "small", source: "small.txt", raw: SMALL }), loadPipeline("news"));
    const out = formatExplanation(result, true);
    expect(out).toContain("\u001b[9m\u001b[31mEmail Print"); // struck through, red
    expect(out).toContain(" widget/share ");
    expect(out).not.toContain("[-");
  });
});

describe("chaff explain (CLI)", () => {
  it("shows the seed's icon string, timestamp and duplicated title with their rule ids", async () => {
    const { stdout } = await chaff(["explain", "raw/004_989369bf34c36e15.txt"]);
    const lines = stdout.split("\n");
    expect(lines[0]).toMatch(/^\[-icons\/font-names: icon bookmark-bicon bookmarkicon .* wticon fm-\]$/);
    expect(lines[1]).toBe("[-meta/timestamp -> timestamp: 7 Apr, 2016 05:27-]");
    expect(lines[5]).toBe("[-dup/title: We need to talk… Stoltenberg says NATO seeking Russia meeting-]");
    expect(stdout).toContain(
      [
        "raw/004_989369bf34c36e15.txt: 3 removals, 629 of 4306 characters",
        "1:1 icons/font-names a line of icon-font glyph names",
        "2:1 meta/timestamp a line holding only a date or time (moved to timestamp)",
        "6:1 dup/title the title repeated",
        "meta.timestamp: 7 Apr, 2016 05:27",
      ].join("\n"),
    );
  });

  it("explains an HTML page with the html pipeline, as `clean` cleans it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "chaff-explain-"));
    const page = join(dir, "page.html");
    const story = "The town council voted on Tuesday to close the old library on Market Street, which has served readers since 1905. ".repeat(4);
    writeFileSync(page, `<html><body><article><p>${story}</p><p>${story}</p><section><h2>More from Town Gazette</h2><article><a href="/a">Parking changes</a></article></section></article></body></html>`);
    const { stdout } = await chaff(["explain", page]);
    expect(stdout).toContain("[-html/related-section: More from Town Gazette-]");
    expect(stdout).toContain("[-html/related-section: Parking changes-]");
  });

  it("names the file and the reason when it cannot read it", async () => {
    await expect(chaff(["explain", "no/such.txt"])).rejects.toMatchObject({ code: 2, stderr: "chaff: no/such.txt: no such file\n" });
    await expect(chaff(["explain", "raw"])).rejects.toMatchObject({ stderr: "chaff: raw: is a directory (explain takes one file)\n" });
  });

  it("prints the page's markup flags one per line with their place, rule and reason, never [object Object]", async () => {
    const { stdout } = await chaff(["explain", "test/fixtures/format/news.html"]);
    expect(stdout).not.toContain("[object Object]");
    expect(stdout).toMatch(/^meta\.markup: 3:1 html\/byline byline or date line in the markup$/m);
  });

  it("takes clean's reading options: --text-field html explains a JSONL file's HTML records; records set aside are named", async () => {
    const dir = mkdtempSync(join(tmpdir(), "chaff-explain-"));
    const { readFileSync } = await import("node:fs");
    const page = readFileSync(join(root, "test/fixtures/format/news.html"), "utf8");
    writeFileSync(join(dir, "pages.jsonl"), [JSON.stringify({ id: "p1", html: page }), JSON.stringify({ id: "p2", body: "x" })].join("\n") + "\n");
    const { stdout, stderr } = await chaff(["explain", join(dir, "pages.jsonl"), "--text-field", "html"]);
    expect(stdout).toContain(`${join(dir, "pages.jsonl")}#1: `);
    expect(stdout).toContain("The first readings");
    expect(stderr).toBe(`chaff: ${join(dir, "pages.jsonl")}#2: no "html" field\n`);
    // Without the option every record is set aside: said, not a silent empty output.
    await expect(chaff(["explain", join(dir, "pages.jsonl")])).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining(`no document to explain: every record was set aside (is --text-field right?)`) });
  }, 120_000);

  it("its help says it takes pages and record files, and lists the reading options", async () => {
    const stdout = (await chaff(["explain", "--help"])).stdout.replace(/\s+/g, " ");
    expect(stdout).toContain("one input file: text, an HTML page, or a record file (JSON, JSONL, WARC");
    for (const option of ["--text-field", "--id-field", "--html", "--text", "--keep-comments", "--no-extraction-records", "--max-document-mb"]) expect(stdout).toContain(option);
    expect(stdout).not.toContain("a text file");
  });
});
