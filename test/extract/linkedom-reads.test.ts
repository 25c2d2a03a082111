// The walks' reads of linkedom's list (src/extract/linkedom-reads.ts) against linkedom's own getters
// and `getAttribute`, node by node: on generated markup with edits no parser makes (attributes set,
// removed and set again, nodes moved, text added beside text), on jsdom (read through its getters),
// and on every 8th benchmark page.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseHtml } from "../../src/extract/dom.js";
import { prestripHtml } from "../../src/extract/prestrip.js";
import { firstChildOf, firstElementChildOf, nextElementSiblingOf, nextSiblingOf, readAttributes } from "../../src/extract/linkedom-reads.js";
import { benchPageHtml, benchPagePaths } from "../helpers/bench-pages.js";

/** Every node below `root` (itself too), by the DOM's own getters. */
function nodesOf(root: Node): Node[] {
  const out: Node[] = [root];
  for (let child = root.firstChild; child; child = child.nextSibling) out.push(...nodesOf(child));
  return out;
}

/** The mismatches of the reads against the getters on every node below `root` (empty when none), and the number of elements read. */
function mismatches(root: Node): { wrong: string[]; elements: number } {
  const wrong: string[] = [];
  let elements = 0;
  for (const node of nodesOf(root)) {
    const where = node.nodeType === 1 ? (node as Element).outerHTML.slice(0, 80) : String(node.nodeValue).slice(0, 40);
    if (nextSiblingOf(node) !== node.nextSibling) wrong.push(`nextSibling ${where}`);
    if (node.nodeType !== 1) continue;
    elements++;
    const element = node as Element;
    if (firstChildOf(element) !== element.firstChild) wrong.push(`firstChild ${where}`);
    if (firstElementChildOf(element) !== element.firstElementChild) wrong.push(`firstElementChild ${where}`);
    if (nextElementSiblingOf(element) !== element.nextElementSibling) wrong.push(`nextElementSibling ${where}`);
    const read = { ...readAttributes(element) };
    const asked = {
      // linkedom gives an absent class as "": the reads give null, which every caller reads as "".
      class: element.getAttribute("class") || (read.class === "" ? "" : null),
      id: element.getAttribute("id"),
      href: element.getAttribute("href"),
      rel: element.getAttribute("rel"),
      role: element.getAttribute("role"),
      ariaLabel: element.getAttribute("aria-label"),
      ariaHidden: element.getAttribute("aria-hidden"),
      hidden: element.hasAttribute("hidden"),
      chaffMark: element.getAttribute("data-chaff-mark"),
    };
    if (JSON.stringify(read) !== JSON.stringify(asked)) wrong.push(`attributes ${where}: ${JSON.stringify(read)} against ${JSON.stringify(asked)}`);
  }
  return { wrong, elements };
}

describe("reads of linkedom's list", () => {
  const attribute = fc.constantFrom(
    'class="a b"', "class", 'class=""', 'id="x"', "id", 'href="/p"', 'href=""', 'rel="tag"', 'role="navigation"', 'aria-label="Share"',
    'aria-hidden="true"', 'aria-hidden="false"', "hidden", 'data-chaff-mark="html/nav"', 'data-chaff-mark=""', 'title="t"', 'style="display:none"', 'CLASS="upper"',
  );
  const tag = fc.constantFrom("div", "p", "a", "span", "li", "ul", "td", "tr", "table", "svg", "math", "img", "br", "template", "pre", "h2");
  const piece = fc.oneof(
    fc.tuple(tag, fc.array(attribute, { maxLength: 4 })).map(([name, attributes]) => `<${name} ${attributes.join(" ")}>`),
    tag.map((name) => `</${name}>`),
    fc.constantFrom("text", " ", "<!-- c -->", "a &amp; b", "\n"),
  );
  const edit = fc.constantFrom("none", "set attributes", "remove attributes", "adjacent text", "move", "empty element");

  it("gives what linkedom's getters and getAttribute give, node by node, on generated markup and edits", () => {
    let elements = 0;
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), edit, (pieces, change) => {
        const document = parseHtml(`<body>${pieces.join("")}</body>`, "linkedom");
        const body = document.body;
        const target = body.querySelector("div, p, a, span, li") ?? body;
        if (change === "set attributes") {
          target.setAttribute("class", "set later");
          target.setAttribute("data-chaff-mark", "html/share");
          target.setAttribute("hidden", "");
        } else if (change === "remove attributes") {
          target.removeAttribute("class");
          target.removeAttribute("id");
          target.setAttribute("id", "again");
        } else if (change === "adjacent text") target.append(document.createTextNode("one"), document.createTextNode(""), document.createTextNode("two"));
        else if (change === "move" && target !== body) body.appendChild(target);
        else if (change === "empty element") target.appendChild(document.createElement("section"));
        const checked = mismatches(document.documentElement);
        expect(checked.wrong).toEqual([]);
        elements += checked.elements;
      }),
      { numRuns: 1500, seed: 20261203 },
    );
    expect(elements).toBeGreaterThan(5000);
  });

  it("reads jsdom's elements through its getters", () => {
    const document = parseHtml(`<body><div class="a" id="b" hidden aria-hidden="true"><a href="/x" rel="tag">t</a> text</div></body>`, "jsdom");
    expect(mismatches(document.documentElement).wrong).toEqual([]);
  });

  it("gives what linkedom gives on every 8th benchmark page", () => {
    for (const path of benchPagePaths(8)) {
      const html = prestripHtml(benchPageHtml(path), { keepNavigation: true }).html;
      const document = parseHtml(html, "linkedom");
      const checked = mismatches(document.documentElement);
      expect(checked.wrong.slice(0, 3), path).toEqual([]);
    }
  });
});
