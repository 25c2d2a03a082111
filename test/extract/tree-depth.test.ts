// The cap on tree depth (src/extract/tree-depth.ts): a page nested past it parses as a browser
// builds it (Blink's rule: deeper tags become siblings at the cap), on both DOMs, and keeps its
// text; a page within it parses as before.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { defaultTreeAdapter, parse, type DefaultTreeAdapterMap } from "parse5";
import { describe, expect, it } from "vitest";
import { parseHtml, releaseDocument, type DomName } from "../../src/extract/dom.js";
import { cleanDocument } from "../../src/core/stage.js";
import { extractHtmlSync, htmlDocument } from "../../src/extract/html.js";
import { loadPipeline } from "../../src/run/pipeline-file.js";
import { MAX_OPEN_ELEMENT_DEPTH } from "../../src/extract/tree-depth.js";

const FIXTURES = join(import.meta.dirname, "../fixtures/html");
// Sentences that differ: one sentence repeated reads as doubled text to the html pipeline, at any depth.
const STORY = Array.from({ length: 8 }, (_, i) => `Sentence number ${i} of the story tells of the harbour, the vote and the wall the town will build.`).join(" ");
/** Slow on jsdom (Readability's cost grows with the cube of the depth, up to the cap): a limit no machine should reach, not a speed claim. */
const SLOW = { timeout: 300_000 };

/** `<div>` nested `depth` times around a paragraph, with a comment in the innermost div. */
function nestedPage(depth: number): string {
  return `<html><body>${"<div>".repeat(depth)}<!--innermost--><p>${STORY}</p>${"</div>".repeat(depth)}</body></html>`;
}

/** Each node as one line, indented by its depth below <html>: `div`, `#"text"`, `#comment`. */
function shapeOf(document: globalThis.Document): string[] {
  const lines: string[] = [];
  const stack: [Node, number][] = [[document.documentElement!, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    lines.push(" ".repeat(depth) + nodeLine(node));
    const children = Array.from(node.childNodes);
    for (let i = children.length - 1; i >= 0; i--) stack.push([children[i], depth + 1]);
  }
  return lines;
}
function nodeLine(node: Node): string {
  if (node.nodeType === 3) return `#${JSON.stringify((node as Text).data)}`;
  if (node.nodeType === 8) return "#comment";
  return (node as Element).localName;
}

function shape(html: string, dom: DomName): string[] {
  const document = parseHtml(html, dom);
  try {
    return shapeOf(document);
  } finally {
    releaseDocument(document, dom);
  }
}

/** parse5's own tree (its default adapter), in the same lines. */
function parse5Shape(html: string): string[] {
  type Node = DefaultTreeAdapterMap["node"];
  const document = parse(html, { scriptingEnabled: false });
  const html5 = defaultTreeAdapter.getChildNodes(document).find((node) => defaultTreeAdapter.isElementNode(node))!;
  const lines: string[] = [];
  const stack: [Node, number][] = [[html5, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    const line = defaultTreeAdapter.isTextNode(node)
      ? `#${JSON.stringify(node.value)}`
      : defaultTreeAdapter.isCommentNode(node)
        ? "#comment"
        : (node as DefaultTreeAdapterMap["element"]).tagName;
    lines.push(" ".repeat(depth) + line);
    const children = "childNodes" in node ? node.childNodes : [];
    for (let i = children.length - 1; i >= 0; i--) stack.push([children[i], depth + 1]);
  }
  return lines;
}

const depthOf = (line: string) => line.length - line.trimStart().length;
const deepestElement = (lines: string[]) => Math.max(...lines.filter((line) => !line.trimStart().startsWith("#")).map(depthOf));

describe("the tree depth cap", () => {
  it("is Blink's: 512 open elements", () => {
    expect(MAX_OPEN_ELEMENT_DEPTH).toBe(512);
  });

  it("nests a page within the cap as parse5 does: 510 divs in <body>, their paragraph the 512th level", () => {
    const html = nestedPage(510);
    const lines = shape(html, "linkedom");
    expect(lines).toEqual(parse5Shape(html));
    // body, 510 divs, the comment and p: every level to 512 nested, nothing beside.
    expect(deepestElement(lines)).toBe(512);
    expect(lines.filter((line) => depthOf(line) === 512).map((line) => line.trim())).toEqual(["#comment", "p"]);
  });

  it.each(["linkedom", "jsdom"] as const)(
    "builds a 600-deep page on %s at most 512 deep, the tags past the cap side by side at it, as Blink does",
    (dom) => {
      const lines = shape(nestedPage(600), dom);
      expect(deepestElement(lines)).toBe(512);
      // Levels 2 to 511 hold one div each (body is level 1). While 512 elements are open the
      // 511th div still nests (level 512); from then on each new node goes to its parent's parent:
      // the other 89 divs, the comment and the paragraph sit beside it, the story in the paragraph.
      for (let level = 2; level < 512; level++) expect(lines.filter((line) => depthOf(line) === level).map((line) => line.trim())).toEqual(["div"]);
      const atCap = lines.filter((line) => depthOf(line) === 512).map((line) => line.trim());
      expect(atCap).toEqual([...Array(90).fill("div"), "#comment", "p"]);
      expect(lines.filter((line) => depthOf(line) > 512)).toEqual([" ".repeat(513) + `#${JSON.stringify(STORY)}`]);
    },
    SLOW.timeout,
  );

  it("gives a 600-deep page the same tree and the same extraction on both DOMs, with its story", () => {
    const html = nestedPage(600);
    expect(shape(html, "linkedom")).toEqual(shape(html, "jsdom"));
    const onLinkedom = extractHtmlSync(html, { dom: "linkedom" });
    const onJsdom = extractHtmlSync(html, { dom: "jsdom" });
    expect(onLinkedom.raw).toContain(STORY);
    expect(onLinkedom.raw).toBe(onJsdom.raw);
    expect(onLinkedom.blocks).toEqual(onJsdom.blocks);
  }, SLOW.timeout);

  it("cleans a 5000-deep page to its story with the html pipeline (the CLI failed on it before the cap)", () => {
    const html = nestedPage(5000);
    expect(deepestElement(shape(html, "linkedom"))).toBe(512);
    const extracted = extractHtmlSync(html);
    expect(extracted.meta.extraction?.dom).toBe("linkedom");
    expect(cleanDocument(htmlDocument(extracted, { id: "deep", source: "deep.html" }), loadPipeline("html")).text.trim()).toBe(STORY);
  }, SLOW.timeout);

  it.each(readdirSync(FIXTURES).filter((name) => name.endsWith(".html")))("leaves the tree of the fixture %s as parse5 builds it", (name) => {
    const html = readFileSync(join(FIXTURES, name), "utf8");
    const lines = shape(html, "linkedom");
    expect(deepestElement(lines)).toBeLessThan(MAX_OPEN_ELEMENT_DEPTH);
    expect(lines).toEqual(parse5Shape(html));
  });
});
