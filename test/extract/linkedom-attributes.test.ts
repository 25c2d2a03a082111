// The parse5 adapter links a new element's attributes itself (src/extract/linkedom-tree.ts,
// setNewAttributes) instead of calling linkedom's setAttribute for each: the attributes, their
// order, the class attribute's value and the class list must be what setAttribute leaves.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { parse, type DefaultTreeAdapterMap } from "parse5";
import { describe, expect, it } from "vitest";
import { parseHtml } from "../../src/extract/dom.js";
import { classListValue } from "../../src/extract/linkedom-tree.js";

type Parse5Element = DefaultTreeAdapterMap["element"];

/** parse5's own elements in document order, with the attribute lists the adapter is given. */
function parse5Elements(html: string): Parse5Element[] {
  const out: Parse5Element[] = [];
  const walk = (node: DefaultTreeAdapterMap["parentNode"]) => {
    for (const child of node.childNodes) {
      if ("tagName" in child) {
        out.push(child);
        walk(child.tagName === "template" ? (child as DefaultTreeAdapterMap["template"]).content : child);
      }
    }
  };
  walk(parse(html, { scriptingEnabled: false }));
  return out;
}

const attributesOf = (element: Element) => Array.from(element.attributes, (a) => [a.name, a.value]);

/** Each element of `html` parsed on linkedom against a twin made by linkedom's setAttribute, attributes set in reverse (the old adapter). */
function expectSetAttributesEquivalent(html: string): number {
  const document = parseHtml(html, "linkedom");
  const built: Element[] = [];
  const walk = (parent: Element) => {
    for (let child = parent.firstElementChild; child; child = child.nextElementSibling) built.push(child), walk(child);
  };
  built.push(document.documentElement);
  walk(document.documentElement);
  const expected = parse5Elements(html);
  expect(built.map((e) => e.localName)).toEqual(expected.map((e) => e.tagName));
  built.forEach((element, i) => {
    const attrs = expected[i].attrs;
    const twin = expected[i].namespaceURI === "http://www.w3.org/1999/xhtml" ? document.createElement(expected[i].tagName) : document.createElementNS(expected[i].namespaceURI, expected[i].tagName);
    for (let a = attrs.length - 1; a >= 0; a--) twin.setAttribute(attrs[a].prefix ? `${attrs[a].prefix}:${attrs[a].name}` : attrs[a].name, attrs[a].value);
    expect(attributesOf(element), element.outerHTML.slice(0, 80)).toEqual(attributesOf(twin));
    expect([...element.classList]).toEqual([...twin.classList]);
    expect(element.className).toBe(twin.className);
    expect(element.outerHTML).toBe(twin.outerHTML.replace("></", `>${element.innerHTML}</`));
  });
  return built.length;
}

describe("attributes of the elements parse5 builds on linkedom", () => {
  it("are what linkedom's setAttribute leaves: order, values, a class as its class list, the list itself", () => {
    const html =
      '<html lang="en"><body class="  page  home page\u00a0wide " data-x="1">' +
      '<div id="a" class="one" style="display:none" hidden><p class="">empty class</p><p CLASS="B b\tB">case kept</p></div>' +
      '<a href="/x" rel="tag" title="t">link</a><img src="x.png" alt=""><math><mi class="m  m">x</mi></math>' +
      "<table><tr><td colspan=2 class=cell>c</td></tr></table></body></html>";
    expect(expectSetAttributesEquivalent(html)).toBeGreaterThan(10);
    const body = parseHtml(html, "linkedom").body;
    // The cases that matter, spelled out: white space collapsed, a repeated word once, an empty class kept.
    expect(body.getAttribute("class")).toBe("page home wide");
    expect([...body.classList]).toEqual(["page", "home", "wide"]);
    expect(body.querySelector("p")!.getAttribute("class")).toBe("");
    expect(body.getElementsByTagName("p")[1].getAttribute("class")).toBe("B b");
  });

  it("are the same on a real page (the blocks fixture)", () => {
    const html = readFileSync(join(import.meta.dirname, "../fixtures/html", "blocks.html"), "utf8");
    expect(expectSetAttributesEquivalent(html)).toBeGreaterThan(20);
  });

  it("classListValue is the class attribute linkedom's class list writes, for any value", () => {
    const document = parseHtml("<p>x</p>", "linkedom");
    const word = fc.constantFrom("a", "b", "nav", "wp-caption", "é", "", "ab", "ba");
    // Single spaces most of the time: lists already written as the class list writes them (kept as they are) come up often.
    const space = fc.constantFrom(" ", " ", " ", " ", "  ", "\t", "\n", "\u00a0", "\u2003", "");
    const value = fc.array(fc.tuple(word, space), { maxLength: 20 }).map((parts) => parts.map(([w, s]) => w + s).join(""));
    fc.assert(
      fc.property(value, (v) => {
        const element = document.createElement("div");
        element.setAttribute("class", v);
        expect(classListValue(v)).toBe(element.getAttribute("class"));
      }),
      { numRuns: 3000 },
    );
  });
});
