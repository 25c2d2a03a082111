// Readability's lengths while `_cleanConditionally` weighs a node (src/extract/text-lengths.ts, and
// the kept texts of html.ts `withTextKeptPerWeighing`): each element's length is Readability's own
// `_getInnerText(e).length`, and Readability with them chooses what it chooses without them.
import { Readability } from "@mozilla/readability";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseHtml, type DomName } from "../../src/extract/dom.js";
import { readerOf } from "../../src/extract/html.js";
import { prestripHtml } from "../../src/extract/prestrip.js";
import { forgetTextLengths, innerTextLength } from "../../src/extract/text-lengths.js";
import { benchPageHtml, benchPagePaths } from "../helpers/bench-pages.js";

type InnerText = { _getInnerText(e: Node, normalizeSpaces?: boolean): string };
const readabilityText = (Readability.prototype as unknown as InnerText)._getInnerText;

/** White space of every kind `\s` knows, and characters it does not (U+200B, U+180E). */
const text = fc.stringMatching(/^[a, \t\n\u00a0\u2028\u3000\ufeff\u200b\u180e]{0,8}$/);
const markup = fc.array(fc.oneof(text, fc.constantFrom("<b>", "</b>", "<div>", "</div>", "<p>", "<!-- c -->", "<span> </span>", "<br>", "<a href='#x'>")), { maxLength: 20 });

describe("innerTextLength", () => {
  it("is the length of Readability's _getInnerText for every element, on both DOMs", () => {
    fc.assert(
      fc.property(markup, (pieces) => {
        for (const dom of ["linkedom", "jsdom"] as DomName[]) {
          const body = parseHtml(`<body>${pieces.join("")}</body>`, dom).body;
          // Text nodes side by side and empty ones, as the DOM (not the parser) makes them.
          body.append(body.ownerDocument.createTextNode(" \u00a0"), body.ownerDocument.createTextNode(""), body.ownerDocument.createTextNode("end "));
          for (const element of [body, ...body.querySelectorAll("*")]) expect(innerTextLength(element)).toBe(readabilityText.call(Readability.prototype, element).length);
          forgetTextLengths();
        }
      }),
      { numRuns: 400, seed: 12031 },
    );
  });
});

/** Readability's article on linkedom with chaff's steps, with or without the kept texts and lengths (with them, each density checked as it is given). */
function article(html: string, keep: boolean): string {
  const document = parseHtml(prestripHtml(html, { keepNavigation: true }).html, "linkedom");
  const reader = readerOf(document, {}, "linkedom");
  if (!keep) for (const step of ["_cleanConditionally", "_getInnerText", "_getLinkDensity", "_getTextDensity", "_initializeNode"]) delete (reader as unknown as Record<string, unknown>)[step];
  else checkDensities(reader as unknown as Densities);
  const parsed = reader.parse();
  return JSON.stringify({ ...parsed, content: (parsed?.content as unknown as Element | undefined)?.outerHTML });
}

type Densities = { _getLinkDensity(e: Element): number; _getTextDensity(e: Element, tags: string[]): number };
/** Every density the reader gives must be the one Readability works out from scratch on the tree as it is then (kept lengths must not outlive a change). */
function checkDensities(reader: Densities): void {
  const plain = Object.create(Readability.prototype) as Densities;
  const { _getLinkDensity: link, _getTextDensity: text } = reader;
  reader._getLinkDensity = function (e) {
    const density = link.call(this, e);
    expect(density).toBe(plain._getLinkDensity(e));
    return density;
  };
  reader._getTextDensity = function (e, tags) {
    const density = text.call(this, e, tags);
    expect(density).toBe(plain._getTextDensity(e, tags));
    return density;
  };
}

describe("Readability with the kept texts and lengths", () => {
  it("cleans conditionally as Readability does, on generated trees where removals change the weights of what holds them", () => {
    const piece = fc.constantFrom("<div>", "<div class=comment>", "</div>", "<a href='/x'>link text</a>", "<a href='#h'>to a heading</a>", "short", "text, with, commas, ", "<p>a paragraph of text</p>", "<ul><li>item</li><li>item</li></ul>", "<img src=a.png>", "<h2>heading</h2>", "<span>span text</span>", "<input>", "<ul>", "<li>", "</ul>", "<table>", "<td>", "</table>");
    type Cleaning = { _cleanConditionally(e: Element, tag: string): void };
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const html = `<body>${pieces.join("")}</body>`;
        const cleaned = (keep: boolean) => {
          const document = parseHtml(html, "linkedom");
          const reader = readerOf(document, {}, "linkedom") as unknown as Cleaning;
          if (!keep) for (const step of ["_cleanConditionally", "_getInnerText", "_getLinkDensity", "_getTextDensity"]) delete (reader as unknown as Record<string, unknown>)[step];
          else checkDensities(reader as unknown as Densities);
          // As _prepArticle asks, one tag after another.
          for (const tag of ["table", "ul", "div", "p"]) reader._cleanConditionally(document.body, tag);
          return document.body.innerHTML;
        };
        expect(cleaned(true)).toBe(cleaned(false));
      }),
      { numRuns: 1500, seed: 12032 },
    );
  });

  it("scores candidates with the lengths kept as Readability does, retries and a body moved into a <div> included", () => {
    // Elements the walk before the scoring removes (hidden, unlikely, a byline) change the lengths of what holds them.
    const piece = fc.constantFrom("<div>", "<div class=story>", "</div>", "<a href='/x'>link text</a>", "<a href='#h'>to a heading</a>", "<p>a paragraph, of text, long enough to score a point or two</p>", "<p>", "</p>", "short, text", "<section>", "</section>", "<ul><li>item</li></ul>", "<br>", " ", "<div class=sidebar>unlikely, text</div>", "<span hidden>hidden text</span>", "<p class=byline>By Anna Berg</p>");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const html = `<body>${pieces.join("")}</body>`;
        expect(article(html, true)).toBe(article(html, false));
      }),
      { numRuns: 800, seed: 12033 },
    );
  });

  it("keeps the lengths from the first candidate after a walk to the next element created, and not after it", () => {
    type Steps = Densities & { _doc: Document; _isProbablyVisible(e: Element): boolean; _initializeNode(e: Element): void; _grabArticle(page?: Element | null): Element | null };
    const prototype = Readability.prototype as unknown as Steps;
    const grab = prototype._grabArticle;
    const densities: Array<[number, number]> = [];
    // A _grabArticle that changes the tree where Readability's would: before the scoring (its walk) and after it.
    prototype._grabArticle = function (this: Steps) {
      const body = this._doc.body;
      const box = body.querySelector("div")!;
      const measure = () => densities.push([this._getLinkDensity(box), Object.create(Readability.prototype)._getLinkDensity(box)]);
      this._isProbablyVisible(box);
      box.querySelector("span")!.remove();
      measure();
      this._initializeNode(box);
      measure();
      const more = this._doc.createElement("p");
      more.textContent = "more text after the scoring";
      box.append(more);
      measure();
      // As in the body's case: a candidate initialised after an element was created opens nothing.
      this._initializeNode(box);
      measure();
      box.querySelector("em")!.remove();
      measure();
      return null;
    };
    try {
      readerOf(parseHtml("<body><div><p>Some text, <a href='/x'>a link</a> <span>and a span</span>, <em>and more</em>.</p></div></body>", "linkedom"), {}, "linkedom").parse();
    } finally {
      prototype._grabArticle = grab;
    }
    expect(densities).toHaveLength(5);
    for (const [kept, plain] of densities) expect(kept).toBe(plain);
  });

  it("finds the same article on benchmark pages and on deep nests", () => {
    const nest = (depth: number) => "<div>".repeat(depth) + "deep text, with a comma" + "</div>".repeat(depth);
    const pages = [
      `<body>${Array.from({ length: 6 }, (_, i) => `<p>${"Paragraph of the story, with words enough to count. ".repeat(3)}${i}</p>${nest(60)}`).join("")}</body>`,
      `<body><div class=story>${"<p>Some text, and more text, and <a href='#x'>a link</a> and <a href='/y'>another</a>.</p>".repeat(30)}</div><ul><li><a href=/a>menu</a></li></ul></body>`,
      ...benchPagePaths(10).map(benchPageHtml),
    ];
    for (const html of pages) expect(article(html, true)).toBe(article(html, false));
  });
});
