// Readability's tag queries answered by tag lookups (src/extract/html.ts, elementsWithTags) must give
// jsdom's querySelectorAll elements in jsdom's order, or Readability's choices (and chaff's bytes) change.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { JSDOM, VirtualConsole } from "jsdom";
import { describe, expect, it } from "vitest";
import { elementsWithTags } from "../../src/extract/html.js";

const parser = new new JSDOM("", { virtualConsole: new VirtualConsole() }).window.DOMParser();
const fixture = (name: string) => parser.parseFromString(readFileSync(join(import.meta.dirname, "../fixtures/html", name), "utf8"), "text/html");

/** Readability's own tag lists (some in capitals), and single tags. */
const TAG_LISTS = [["p"], ["h1", "h2"], ["img", "picture", "figure", "video", "audio", "source"], ["DIV"], ["SPAN", "LI", "TD", "BLOCKQUOTE", "DL", "DIV", "IMG", "OL", "P", "PRE", "TABLE", "UL"], ["ul", "ol"], ["a"]];

const tags = (list: ArrayLike<Element>) => Array.from(list, (e) => e.tagName);

describe("elementsWithTags", () => {
  it("finds, below the document, what querySelectorAll finds, in document order", () => {
    const document = fixture("blocks.html");
    for (const list of TAG_LISTS) {
      const expected = Array.from(document.querySelectorAll(list.join(",")));
      const found = Array.from(elementsWithTags(document, list));
      expect(found.length, list.join(",")).toBe(expected.length);
      expect(found.every((e, i) => e === expected[i]), list.join(",")).toBe(true);
    }
    // Not a vacuous check: headings and paragraphs interleave on the page (grouped by tag would be H1, H2, P).
    expect(tags(elementsWithTags(document, ["h1", "h2", "p"])).slice(0, 3)).toEqual(["H1", "P", "H2"]);
  });

  it("finds, below an element, what querySelectorAll finds, attached or detached, in jsdom's order", () => {
    const document = fixture("blocks.html");
    const body = document.body;
    const detached = document.createElement("div");
    detached.innerHTML = "<p>one <span>a</span></p><ul><li>x</li></ul><p>two <img src=x.png></p>";
    for (const root of [body, detached]) {
      for (const list of TAG_LISTS) {
        const expected = Array.from(root.querySelectorAll(list.join(",")));
        const found = Array.from(elementsWithTags(root, list));
        expect(found.length, list.join(",")).toBe(expected.length);
        expect(found.every((e, i) => e === expected[i]), list.join(",")).toBe(true);
      }
    }
  });

  it("returns a static list: removing elements while iterating visits each one", () => {
    const document = fixture("blocks.html");
    const paragraphs = elementsWithTags(document, ["p"]);
    const count = paragraphs.length;
    expect(count).toBeGreaterThan(2);
    for (let i = 0; i < paragraphs.length; i++) paragraphs[i].remove();
    expect(paragraphs.length).toBe(count);
    expect(document.getElementsByTagName("p").length).toBe(0);
  });
});
