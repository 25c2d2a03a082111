// --format txt|md|json end to end on a fixture news page (golden Markdown), and the renderers'
// pieces: block structure from the walker, verbatim code through the normaliser, Markdown escaping.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import { cleanDocument, createDocument } from "../../src/core/index.js";
import { walkBlocks } from "../../src/extract/blocks.js";
import { extractHtmlSync, htmlDocument } from "../../src/extract/html.js";
import { loadPipeline } from "../../src/run/pipeline-file.js";
import { createNormaliser } from "../../src/stages/normalise.js";
import { renderMarkdown } from "../../src/write/render/markdown.js";

const root = join(import.meta.dirname, "../..");
const cli = join(root, "dist/cli.js");
const fixture = join(root, "test/fixtures/format/news.html");
const golden = readFileSync(join(root, "test/fixtures/format/news.md"), "utf8");
const chaff = (args: string[], input?: string | Buffer) => spawnSync(process.execPath, [cli, ...args], { cwd: root, input, encoding: "utf8" });
const tmp = () => mkdtempSync(join(tmpdir(), "chaff-format-"));

describe("--format on a news page", { timeout: 180_000 }, () => {
  it("md: headings, a bullet and a numbered list, a table with its header row, fenced code and a quote, exactly as the golden file", () => {
    const dir = tmp();
    const run = chaff(["clean", fixture, "--out", join(dir, "out"), "--format", "md", "--quiet", "--jobs", "1"]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(readdirSync(join(dir, "out"))).toEqual(["news.md"]);
    expect(readFileSync(join(dir, "out/news.md"), "utf8")).toBe(golden);
  });

  it("md on stdin gives the same Markdown", () => {
    const run = chaff(["clean", "-", "--format", "md"], readFileSync(fixture));
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(golden);
  });

  it("json: {id, text, metadata} with the title, language, url, date and author at the top of metadata", () => {
    const dir = tmp();
    expect(chaff(["clean", fixture, "--out", join(dir, "out"), "--format", "json", "--quiet", "--jobs", "1"]).status).toBe(0);
    expect(readdirSync(join(dir, "out"))).toEqual(["news.json"]);
    const record = JSON.parse(readFileSync(join(dir, "out/news.json"), "utf8"));
    expect(record.id).toBe("news");
    expect(record.metadata).toMatchObject({
      title: "Harbour town opens its new tide gauge",
      language: "en",
      url: "https://courier.example/news/tide-gauge",
      date: "2026-11-28T09:30:00Z",
      author: "Mara Jensen",
    });
    expect(record.metadata.chaff.removals).toMatchObject({ "html/byline": 1 });
    expect(record.text).toContain("Day | High tide | Height\n\nFriday | 06:12 | 4.31 m\n");
  });

  it("txt (the default): no tag and no Markdown reaches the output; a table row is one line, cells split by ' | '; code keeps its indentation", () => {
    const dir = tmp();
    expect(chaff(["clean", fixture, "--out", join(dir, "out"), "--quiet", "--jobs", "1"]).status).toBe(0);
    const text = readFileSync(join(dir, "out/news.txt"), "utf8");
    expect(text).not.toMatch(/<\/?[a-z!]/i);
    expect(text).not.toMatch(/^(?:#|- |> |```|\| -)/m);
    expect(text).toContain("\n\nWhat the gauge measures\n\n");
    expect(text).toContain("\n\nSaturday | 06:58 | 4.40 m\n\n");
    expect(text).toContain("\n\ndef latest(gauge):\n    reading = gauge.fetch()\n    return reading.level_m\n\n");
  });

  it("refuses an unknown format", () => {
    const run = chaff(["clean", fixture, "--out", join(tmp(), "out"), "--format", "xml"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('chaff: clean: --format must be txt, md or json, got "xml"\n');
  });

  it("md makes the text of record outputs Markdown; the records stay records", () => {
    const dir = tmp();
    const page = readFileSync(fixture, "utf8");
    writeFileSync(join(dir, "pages.jsonl"), JSON.stringify({ id: "p1", html: page, url: "https://courier.example/x" }) + "\n");
    expect(chaff(["clean", join(dir, "pages.jsonl"), "--out", join(dir, "out"), "--text-field", "html", "--format", "md", "--quiet", "--jobs", "1"]).status).toBe(0);
    const [record] = readFileSync(join(dir, "out/pages.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l));
    expect(record.text).toBe(golden);
    // The record's own url stays; chaff's canonical link is under chaff.found.
    expect(record.metadata.url).toBe("https://courier.example/x");
    expect(record.metadata.chaff.found.canonicalUrl).toBe("https://courier.example/news/tide-gauge");
  });
});

function blocksOf(html: string) {
  const { document } = new JSDOM(`<body>${html}</body>`).window;
  return walkBlocks(document.body).map(({ text, kind, level, list, row, code }) => JSON.parse(JSON.stringify({ text, kind, level, list, row, code })));
}

describe("the block walker keeps structure", () => {
  it("headings keep their level; list items their list kind and nesting depth", () => {
    expect(blocksOf("<h3>Sub</h3><ol><li>One<ul><li>Inner</li></ul></li><li>Two</li></ol><ul><li>Dot</li></ul>")).toEqual([
      { text: "Sub", kind: "heading", level: 3 },
      { text: "One", kind: "list-item", list: { ordered: true, depth: 0 } },
      { text: "Inner", kind: "list-item", list: { ordered: false, depth: 1 } },
      { text: "Two", kind: "list-item", list: { ordered: true, depth: 0 } },
      { text: "Dot", kind: "list-item", list: { ordered: false, depth: 0 } },
    ]);
  });

  it("a data row is one block, cells joined by ' | ' (empty cells kept); <th> or <thead> rows are header rows", () => {
    expect(blocksOf("<table><thead><tr><td>A</td><td>B</td></tr></thead><tr><th>C</th><th>D</th></tr><tr><td><p>1</p></td><td></td></tr></table>")).toEqual([
      { text: "A | B", kind: "table-cell", row: { header: true, cells: [1, 1] } },
      { text: "C | D", kind: "table-cell", row: { header: true, cells: [1, 1] } },
      { text: "1 | ", kind: "table-cell", row: { header: false, cells: [1, 0] } },
    ]);
  });

  it("a layout row (paragraphs or a table inside a cell) is walked block by block", () => {
    expect(blocksOf("<table><tr><td><p>First paragraph.</p><p>Second paragraph.</p></td><td>Side</td></tr></table>")).toEqual([
      { text: "First paragraph.", kind: "table-cell" },
      { text: "Second paragraph.", kind: "table-cell" },
      { text: "Side", kind: "table-cell" },
    ]);
  });

  it("<pre> lines are kept verbatim, indentation and inner spaces too, numbered by their <pre>", () => {
    expect(blocksOf("<pre>if x:\n    y  =  1\n\n</pre><pre>z</pre>")).toEqual([
      { text: "if x:", kind: "paragraph", code: 0 },
      { text: "    y  =  1", kind: "paragraph", code: 0 },
      { text: "z", kind: "paragraph", code: 1 },
    ]);
  });
});

describe("rendering after apply", () => {
  const pipeline = { name: "t", stages: [], finisher: createNormaliser() };

  it("the normaliser leaves code lines' spaces alone and keeps them together; other lines are normalised as before", () => {
    const raw = "Intro  text \n  a = 1\n    b  = 2\nAfter";
    const doc = createDocument({ id: "d", source: "d", raw, blocks: [
      { start: 0, end: 12, kind: "paragraph" },
      { start: 13, end: 20, kind: "paragraph", code: 0 },
      { start: 21, end: 31, kind: "paragraph", code: 0 },
      { start: 32, end: 37, kind: "paragraph" },
    ] });
    expect(cleanDocument(doc, pipeline).text).toBe("Intro text\n\n  a = 1\n    b  = 2\n\nAfter\n");
    // Without blocks the same text is normalised throughout.
    expect(cleanDocument(createDocument({ id: "d", source: "d", raw }), pipeline).text).toBe("Intro text\n\na = 1\n\nb = 2\n\nAfter\n");
  });

  it("Markdown escapes what it would misread, and a removed cell leaves an empty cell", () => {
    const raw = "1. not a list\nName | Share\nA|B | 3\n# not a heading";
    const doc = createDocument({ id: "d", source: "d", raw, blocks: [
      { start: 0, end: 13, kind: "paragraph" },
      { start: 14, end: 26, kind: "table-cell", row: { header: true, cells: [[14, 18], [21, 26]] } },
      { start: 27, end: 34, kind: "table-cell", row: { header: false, cells: [[27, 30], [33, 34]] } },
      { start: 35, end: 50, kind: "paragraph" },
    ] });
    doc.findings.push({ rule: "test/x", stage: "t", start: 33, end: 34, reason: "test" });
    const result = cleanDocument(doc, pipeline);
    expect(renderMarkdown(result, pipeline.finisher)).toBe("1\\. not a list\n\n| Name | Share |\n| - | - |\n| A\\|B | |\n\n\\# not a heading\n");
  });

  it("a page's blocks render the same from extractHtmlSync as through the CLI (library use)", () => {
    const extracted = extractHtmlSync(readFileSync(fixture));
    const result = cleanDocument(htmlDocument(extracted, { id: "news", source: fixture }), loadPipeline("html"));
    expect(renderMarkdown(result, loadPipeline("html").finisher)).toBe(golden);
  });
});
