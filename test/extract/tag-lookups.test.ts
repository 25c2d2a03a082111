// Readability's tag queries answered by tag lookups (src/extract/html.ts, elementsWithTags) must give
// jsdom's querySelectorAll elements in jsdom's order, or Readability's choices (and chaff's bytes) change.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { JSDOM, VirtualConsole } from "jsdom";
import { describe, expect, it } from "vitest";
import { elementsWithTags } from "../../src/extract/html.js";
import { firstElementWith, parseHtml } from "../../src/extract/dom.js";

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

describe("getElementsByTagName on linkedom (names upper-cased once, src/extract/linkedom-tree.ts)", () => {
  const html = readFileSync(join(import.meta.dirname, "../fixtures/html", "blocks.html"), "utf8");

  it("finds jsdom's elements in jsdom's order, for names in either case, below the document and below an element", () => {
    const light = parseHtml(html, "linkedom");
    const reference = parser.parseFromString(html, "text/html");
    const path = (e: Element) => {
      const steps: number[] = [];
      for (let node: Element | null = e; node?.parentElement; node = node.parentElement) steps.unshift(Array.prototype.indexOf.call(node.parentElement.children, node));
      return `${e.tagName}@${steps.join(".")}`;
    };
    let compared = 0;
    for (const name of ["p", "P", "div", "DIV", "h2", "a", "A", "li", "title", "body", "nosuchtag"]) {
      for (const [lightRoot, referenceRoot] of [[light, reference], [light.body, reference.body]] as const) {
        const found = lightRoot.getElementsByTagName(name);
        expect(Array.from(found, path), name).toEqual(Array.from(referenceRoot.getElementsByTagName(name), path));
        expect(found.constructor.name, name).toBe("NodeList");
        compared += found.length;
      }
    }
    expect(compared).toBeGreaterThan(20);
  });

  it("matches an element linkedom's own lookup matches: its name as given, or upper-cased in an HTML document", () => {
    const document = parseHtml("<body><div><section>a</section><x-Widget>b</x-Widget></div><p>c</p></body>", "linkedom");
    // Readability's createElement("DIV") and getElementsByTagName("DIV") and ("div") meet.
    const made = document.createElement("DIV");
    document.body.appendChild(made);
    expect(Array.from(document.getElementsByTagName("DIV"), (e) => e.localName)).toEqual(["div", "div"]);
    expect(Array.from(document.getElementsByTagName("SECTION"), (e) => e.localName)).toEqual(["section"]);
    expect(Array.from(document.getElementsByTagName("X-WIDGET"), (e) => e.localName)).toEqual(["x-widget"]);
    expect(document.getElementsByTagName("Div")).toHaveLength(0);
    // A name with a lower-case letter matches only as given (no upper-cased name has one).
    expect(Array.from(document.getElementsByTagName("x-Widget"), (e) => e.localName)).toEqual([]);
    expect(Array.from(document.getElementsByTagName("x-widget"), (e) => e.localName)).toEqual(["x-widget"]);
    expect(Array.from(document.getElementsByTagName("section"), (e) => e.localName)).toEqual(["section"]);
    expect(document.body.getElementsByTagName("body")).toHaveLength(0);
    // chaff's lookup, not linkedom's own, answered.
    expect(document.body.getElementsByTagName.name).toBe("elementsByTagName");
  });

  it("gives each element's tagName and nodeName as jsdom does, upper-cased, and the same string on every read", () => {
    const light = parseHtml(html, "linkedom");
    const reference = parser.parseFromString(html, "text/html");
    const names = (document: Document) => Array.from(document.querySelectorAll("*"), (e) => `${e.tagName} ${e.nodeName}`);
    expect(names(light)).toEqual(names(reference));
    expect(names(light).length).toBeGreaterThan(20);
    const made = light.createElement("section");
    expect([made.tagName, made.nodeName]).toEqual(["SECTION", "SECTION"]);
    // chaff's getter ("tagName"), not linkedom's own ("get tagName").
    let proto = Object.getPrototypeOf(made);
    while (!Object.hasOwn(proto, "tagName")) proto = Object.getPrototypeOf(proto);
    expect(Object.getOwnPropertyDescriptor(proto, "tagName")!.get!.name).toBe("tagName");
  });
});

describe("querySelectorAll and querySelector of tag lists on linkedom (no selector compiled, src/extract/linkedom-tree.ts)", () => {
  const html = readFileSync(join(import.meta.dirname, "../fixtures/html", "blocks.html"), "utf8").replace(
    "</body>",
    "<div><template><p>in a template</p></template><svg><foreignObject><p>in svg</p></foreignObject></svg><x-Card><P>made</P></x-Card></div></body>",
  );
  const SELECTORS = ["p", "h1,h2", "h1, h2, h3", "img,embed,object,iframe", "p, div, figure, li, h1, h2, h3", "DIV", "SPAN,LI,TD", "ul , ol", "x-card", "foreignobject", "template", "p,p", "nosuchtag"];

  it("finds the elements linkedom's css-select finds, in its order, below the document and below an element", () => {
    const light = parseHtml(html, "linkedom");
    let proto = Object.getPrototypeOf(light.body);
    while (!Object.hasOwn(proto, "querySelectorAll")) proto = Object.getPrototypeOf(proto);
    expect([proto.querySelectorAll.name, proto.querySelector.name]).toEqual(["querySelectorAllTags", "querySelectorTags"]);
    let compared = 0;
    for (const selectors of SELECTORS) {
      for (const root of [light, light.body, light.body.lastElementChild!] as ParentNode[]) {
        const found = Array.from(root.querySelectorAll(selectors));
        const first = root.querySelector(selectors);
        // The same query through css-select: a selector that is not a tag list (":is(...)") takes linkedom's own route.
        const viaCssSelect = Array.from(root.querySelectorAll(`:is(${selectors})`));
        expect(found, `${selectors} below ${(root as Element).localName ?? "document"}`).toEqual(viaCssSelect);
        expect(first, selectors).toBe(viaCssSelect[0] ?? null);
        compared += found.length;
      }
    }
    expect(compared).toBeGreaterThan(50);
    // The template's content is not walked; svg's and custom elements' names match lower-cased.
    expect(Array.from(light.querySelectorAll("p"), (p) => p.textContent)).not.toContain("in a template");
    expect(light.querySelectorAll("foreignObject")).toHaveLength(1);
    expect(light.querySelectorAll("X-CARD")).toHaveLength(1);
  });

  it("leaves any other selector to linkedom", () => {
    const light = parseHtml("<body><p class=a>one</p><p>two <a href=x>x</a></p></body>", "linkedom");
    expect(Array.from(light.querySelectorAll("p.a"), (p) => p.textContent)).toEqual(["one"]);
    expect(light.querySelector("a[href]")?.textContent).toBe("x");
    expect(light.querySelectorAll("*").length).toBeGreaterThan(4);
  });
});

describe("firstElementWith (a walk that stops at the first match, src/extract/dom.ts)", () => {
  const html = readFileSync(join(import.meta.dirname, "../fixtures/html", "blocks.html"), "utf8");
  // A canonical link in the body after one in the head, a title in the body, a deep first match.
  const extra = html.replace("</body>", '<div><link rel="canonical" href="/second"><title>second</title><ul><li><p><a href="/deep">deep</a></p></li></ul></div></body>');

  it("finds the first element getElementsByTagName finds that passes the test, on both DOMs", () => {
    const tests: Record<string, (element: Element) => boolean> = {
      any: () => true,
      "with href": (element) => element.hasAttribute("href"),
      canonical: (element) => /(?:^|\s)canonical(?:\s|$)/i.test(element.getAttribute("rel") ?? ""),
      never: () => false,
    };
    let found = 0;
    for (const dom of ["linkedom", "jsdom"] as const) {
      for (const page of [html, extra, '<p>no head written</p><link rel="canonical" href="/body-only">']) {
        const document = parseHtml(page, dom);
        for (const tag of ["title", "link", "base", "meta", "a", "p", "li", "h2", "table"]) {
          for (const [name, test] of Object.entries(tests)) {
            const expected = Array.from(document.getElementsByTagName(tag)).find(test);
            const first = firstElementWith(document, tag, test);
            expect(first === expected, `${dom} ${tag} ${name}`).toBe(true);
            if (first) found++;
          }
        }
      }
    }
    expect(found).toBeGreaterThan(40);
  });
});
