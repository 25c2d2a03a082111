// linkedom's textContent read without an array or a copy for elements with one text node
// (src/extract/linkedom-tree.ts, textContentWithoutCopies): every element's text must be jsdom's,
// the reference DOM, on the same page, including after Readability-like edits.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseHtml } from "../../src/extract/dom.js";

function elementsOf(document: Document): Element[] {
  const out: Element[] = [];
  const walk = (parent: Element) => {
    for (let child = parent.firstElementChild; child; child = child.nextElementSibling) out.push(child), walk(child);
  };
  out.push(document.documentElement);
  walk(document.documentElement);
  return out;
}

describe("textContent on linkedom", () => {
  const fixture = readFileSync(join(import.meta.dirname, "../fixtures/html", "blocks.html"), "utf8");
  const small = `<html><body><p></p><p>one</p><p>two <a href="/x">links</a> and <b>bold <i>italic</i></b> end</p><div><br><span> </span></div><math><mi>x</mi>y</math></body></html>`;

  it("is jsdom's for every element: none, one and many text nodes", () => {
    let checked = 0;
    let single = 0;
    for (const html of [fixture, small]) {
      const light = elementsOf(parseHtml(html, "linkedom"));
      const reference = elementsOf(parseHtml(html, "jsdom"));
      expect(light.length).toBe(reference.length);
      light.forEach((element, i) => {
        expect(element.textContent, element.outerHTML.slice(0, 60)).toBe(reference[i].textContent);
        if (element.childNodes.length === 1) single++;
        checked++;
      });
    }
    expect(checked).toBeGreaterThan(40);
    expect(single).toBeGreaterThan(10);
  });

  it("follows edits: text added, split, removed and moved", () => {
    for (const dom of ["linkedom", "jsdom"] as const) {
      const document = parseHtml("<html><body><p id=p>a</p><div id=d></div></body></html>", dom);
      const p = document.getElementById("p")!;
      p.appendChild(document.createTextNode("b"));
      p.insertBefore(document.createTextNode("0"), p.firstChild);
      expect(p.textContent).toBe("0ab");
      p.firstChild!.remove();
      document.getElementById("d")!.appendChild(p.lastChild!);
      expect([p.textContent, document.getElementById("d")!.textContent, document.body.textContent]).toEqual(["a", "b", "ab"]);
    }
  });
});
