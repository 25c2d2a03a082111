// Premarked marks carried on linkedom's elements themselves (MarkCarrier "elements", the default
// there) give the extraction that marks carried as attributes give (the plain way, jsdom's):
// through Readability's element copies (`_setNodeTag`, `_simplifyNestedElements`), its retries
// (the snapshot rebuilt, or written out and parsed where `rebuild` declines) and the page walk.
import { Readability } from "@mozilla/readability";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extractHtmlSync, readerOf } from "../../src/extract/html.js";
import { parseHtml } from "../../src/extract/dom.js";
import { requireLinkedom } from "../../src/extract/linkedom-events.js";
import { snapshotInnerHtml } from "../../src/extract/linkedom-snapshot.js";
import { carriedMark, markupMark, premarkTree, type MarkCarrier } from "../../src/extract/mark.js";
import { benchPageHtml, benchPagePaths } from "../helpers/bench-pages.js";

/** Both ways on linkedom; what each gave. */
function bothWays(html: string): { elements: unknown; attributes: unknown } {
  return {
    elements: extractHtmlSync(html, { dom: "linkedom" }),
    attributes: extractHtmlSync(html, { dom: "linkedom", marksOnAttributes: true }),
  };
}

/** Counts what the pages exercised: Readability's element copies and its retries. */
const seen = { setNodeTag: 0, retries: 0 };
type Steps = { _setNodeTag(node: Element, tag: string): Element; _grabArticle(page?: Element | null): Element | null };
const steps = Readability.prototype as unknown as Steps;
const { _setNodeTag, _grabArticle } = steps;
beforeAll(() => {
  steps._setNodeTag = function (this: Steps, node: Element, tag: string) {
    seen.setNodeTag++;
    return _setNodeTag.call(this, node, tag);
  };
  steps._grabArticle = function (this: Steps & { _attempts: unknown[] }, page?: Element | null) {
    const article = _grabArticle.call(this, page);
    seen.retries += this._attempts.length;
    return article;
  };
});
afterAll(() => {
  steps._setNodeTag = _setNodeTag;
  steps._grabArticle = _grabArticle;
});

const SENTENCE = "The council voted on Tuesday to extend the harbour wall by forty metres, the clerk said.";

/** Every element's mark, premarked, before any copy. */
function marksBefore(html: string): unknown[] {
  const document = parseHtml(html, "linkedom");
  premarkTree(document.body, undefined, "elements");
  return [...document.body.querySelectorAll("*")].map((element) => [element.localName, markupMark(element)]);
}

/** Markup of a page: stories, junk boxes (class words, landmarks, section headings), nesting that Readability rewrites. */
const block: fc.Memo<string> = fc.memo((depth) => {
  const leaf = fc.oneof(
    fc.integer({ min: 1, max: 8 }).map((n) => `<p>${SENTENCE.repeat(n)}</p>`),
    fc.constantFrom("Share", "Sign in", "Read more", "Photo: AP").map((text) => `<p>${text}</p>`),
    fc.constant(`<ul><li><a href="/a">First headline</a></li><li><a href="/b">Second headline</a></li></ul>`),
    fc.constantFrom("Related articles", "3 Comments", "More stories").map((text) => `<h2>${text}</h2>`),
    fc.constant(`<form><label>Name</label><textarea>Your comment</textarea></form>`),
    fc.constant(`<xmp>raw &amp; text</xmp>`),
    fc.constant(`<font>${SENTENCE}</font>`),
    fc.constant(`<span class="caption">A photo caption</span>`),
    // A comment section whose only child has a mark of its own there: Readability's simplification gives the child the section's.
    fc.constantFrom("div", "section").map((tag) => `<div class="comments"><${tag} class="share-bar"><p>${SENTENCE.repeat(3)}</p></${tag}></div>`),
  );
  if (depth <= 1) return leaf;
  const wrapper = fc.tuple(
    fc.constantFrom("div", "section", "aside", "nav", "footer", "header", "article", "font", "span"),
    fc.constantFrom("", "story", "share-bar", "related-posts", "comments", "newsletter", "sidebar", "caption", "ad-slot", "Q&amp;A related", "content body"),
    fc.array(block(depth - 1), { minLength: 1, maxLength: 4 }),
  );
  return fc.oneof(leaf, wrapper.map(([tag, cls, children]) => `<${tag}${cls ? ` class="${cls}"` : ""}>${children.join("")}</${tag}>`));
});
const page = fc.array(block(4), { minLength: 1, maxLength: 6 }).map((blocks) => `<html><head><title>Harbour wall</title></head><body>${blocks.join("")}</body></html>`);

describe("premarked marks carried on the elements", () => {
  it("give the extraction marks as attributes give, on generated pages", () => {
    const before = { ...seen };
    fc.assert(
      fc.property(page, (html) => {
        const { elements, attributes } = bothWays(html);
        expect(elements).toEqual(attributes);
      }),
      { numRuns: 400, seed: 17 },
    );
    // The pages went through the copies and the retries (each counted for both ways).
    expect(seen.setNodeTag - before.setNodeTag).toBeGreaterThan(100);
    expect(seen.retries - before.retries).toBeGreaterThan(100);
  });

  it("read back the same after Readability's element copies: a tag set anew, nested elements simplified", () => {
    type Copies = { _setNodeTag(node: Element, tag: string): Element; _simplifyNestedElements(root: Element): void };
    /** Every element's mark as `markupMark` reads it, after the copies, on a page premarked with `carrier`. */
    const marksAfterCopies = (html: string, carrier: MarkCarrier) => {
      const document = parseHtml(html, "linkedom");
      premarkTree(document.body, undefined, carrier);
      const reader = readerOf(document, { marksOnAttributes: carrier === "attributes" }, "linkedom") as unknown as Copies;
      for (const element of [...document.body.querySelectorAll("section, font")]) reader._setNodeTag(element, element.localName === "font" ? "SPAN" : "DIV");
      reader._simplifyNestedElements(document.body);
      return [...document.body.querySelectorAll("*")].map((element) => [element.localName, markupMark(element)]);
    };
    let changed = 0;
    fc.assert(
      fc.property(page, (html) => {
        const onElements = marksAfterCopies(html, "elements");
        expect(onElements).toEqual(marksAfterCopies(html, "attributes"));
        // The copies moved a mark onto an element that had another (or none): what the comparison is for.
        if (JSON.stringify(onElements) !== JSON.stringify(marksBefore(html))) changed++;
      }),
      { numRuns: 300, seed: 17 },
    );
    expect(changed).toBeGreaterThan(10);
  });

  const pages = benchPagePaths(5);
  it.skipIf(pages.length === 0)("give the extraction marks as attributes give, on every 5th benchmark page", () => {
    let flagged = 0;
    for (const path of pages) {
      const html = benchPageHtml(path);
      const { elements, attributes } = bothWays(html);
      expect(elements, path).toEqual(attributes);
      if ((elements as { meta: { markup: unknown[] } }).meta.markup.length) flagged++;
    }
    expect(flagged).toBeGreaterThan(pages.length / 2);
    // ~180 pages extracted twice: seconds on a quiet machine, a minute on a loaded one.
  }, 300_000);

  it("are written out by a retry's snapshot as the attributes they stand for, and rebuilt on the elements", () => {
    const { linkedom } = requireLinkedom();
    const html = `<body><div class="share-bar"><p>Share <a href="/x">this</a></p><form><textarea>a comment</textarea></form></div><div class="story"><p>${SENTENCE}</p></div><div class="Q&amp;A related"><p>Q</p></div></body>`;
    const onElements = parseHtml(html, "linkedom");
    const onAttributes = parseHtml(html, "linkedom");
    premarkTree(onElements.body, undefined, "elements");
    premarkTree(onAttributes.body, undefined, "attributes");
    expect(onElements.body.querySelector("[data-chaff-mark]")).toBeNull();
    const marked = [...onElements.body.querySelectorAll("p, textarea")].filter((e) => carriedMark(e) !== undefined);
    expect(marked.length).toBeGreaterThan(1);
    // Written out: the same markup.
    expect(snapshotInnerHtml(linkedom, onElements.body).markup()).toBe(onAttributes.body.innerHTML);
    // Rebuilt: declined while a mark's features hold a character reference to decode; without it, each element carries its mark.
    expect(snapshotInnerHtml(linkedom, onElements.body).rebuild(onElements.createElement("div"))).toBe(false);
    const plain = parseHtml(html.replace("Q&amp;A related", "faq related"), "linkedom");
    premarkTree(plain.body, undefined, "elements");
    const target = plain.createElement("div");
    expect(snapshotInnerHtml(linkedom, plain.body).rebuild(target)).toBe(true);
    const rebuilt = [...target.querySelectorAll("*")].map((e) => [e.localName, carriedMark(e)?.rule]);
    expect(rebuilt).toEqual([...plain.body.querySelectorAll("*")].map((e) => [e.localName, carriedMark(e)?.rule]));
    expect(rebuilt.filter(([, rule]) => rule !== undefined).length).toBeGreaterThan(3);
  });
});
