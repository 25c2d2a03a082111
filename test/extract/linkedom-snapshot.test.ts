// A snapshot of an element's markup (src/extract/linkedom-snapshot.ts), written out after the tree
// changed, gives the string innerHTML gave when the snapshot was taken.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseHtml } from "../../src/extract/dom.js";
import { requireLinkedom } from "../../src/extract/linkedom-events.js";
import { snapshotInnerHtml } from "../../src/extract/linkedom-snapshot.js";
import { prestripHtml } from "../../src/extract/prestrip.js";
import { benchPageHtml, benchPagePaths } from "../helpers/bench-pages.js";

/** Markup whose serialisation has special cases: void, SVG and self-serialising elements, escaping, empty id/class/style, comments. */
const PAGE = `<body class="page" id="top"><div class="" id="" style="">empty id, class and style</div>
<p title='say "hi" &amp; go'>a &lt;tag&gt; &amp; an&nbsp;nbsp</p><img src="a.png" alt=""><br><hr>
<svg viewBox="0 0 1 1"><path d="M0 0"/><circle r="1"></circle></svg><math><mi>x</mi></math>
<textarea>raw <b>text</b></textarea><title>a title in the body</title><!-- a comment --><input disabled>
<ul><li>one<li>two</ul><table><tr><td>cell</table>text at the end</body>`;

describe("snapshotInnerHtml", () => {
  const { linkedom } = requireLinkedom();

  it("writes what innerHTML gave at the snapshot, after attributes, text, and the tree changed", () => {
    const document = parseHtml(PAGE, "linkedom");
    const body = document.body;
    const before = body.innerHTML;
    const snapshot = snapshotInnerHtml(linkedom, body);
    // What Readability does to a page: attributes set and removed, text changed, nodes removed, moved, added, renamed.
    const p = body.querySelector("p")!;
    p.setAttribute("title", "changed");
    p.setAttribute("class", "new");
    body.querySelector("div")!.removeAttribute("id");
    (p.firstChild as Text).data = "other text";
    body.querySelector("ul")!.remove();
    body.appendChild(body.querySelector("svg")!);
    const span = document.createElement("span");
    span.textContent = "added";
    body.insertBefore(span, body.firstChild);
    body.querySelector("textarea")!.textContent = "rewritten";
    const after = body.innerHTML;
    expect(after).not.toBe(before);
    expect(snapshot.markup()).toBe(before);
    // Every special case is in the page, so the comparison covers them.
    for (const part of ['<img src="a.png" alt="">', "<br>", '<path d="M0 0" />', "<textarea>raw <b>text</b></textarea>", "<!-- a comment -->", "<input disabled>", "&lt;tag&gt; &amp; an&#160;nbsp", '"say &quot;hi&quot; & go"', "<div>empty id"]) {
      expect(before).toContain(part);
    }
  });

  it("writes the same string again when asked twice, and an empty element as ''", () => {
    const document = parseHtml("<body><p>one</p></body>", "linkedom");
    const snapshot = snapshotInnerHtml(linkedom, document.body);
    document.body.replaceChildren();
    expect(snapshot.markup()).toBe("<p>one</p>");
    expect(snapshot.markup()).toBe("<p>one</p>");
    expect(snapshotInnerHtml(linkedom, document.body).markup()).toBe("");
  });
});

/** A node's children as a comparable tree: each node's class, name, attributes in order, data. */
function tree(node: Node): unknown[] {
  return Array.from(node.childNodes, (child) => {
    if (child.nodeType !== 1) return [child.nodeType, (child as CharacterData).data];
    const element = child as Element;
    return [element.constructor.name, element.localName, Array.from(element.attributes, (a) => [a.name, a.value]), tree(element)];
  });
}

/**
 * Restores `body` from a snapshot taken before `change` both ways: `rebuild`, then linkedom's own
 * parse of the snapshot's markup (what a retry did before). Where `rebuild` declines, the body
 * must be as `change` left it.
 */
function restoredBothWays(body: Element, change: (body: Element) => void): { rebuilt: boolean; built: unknown[]; parsed: unknown[] } {
  const { linkedom } = requireLinkedom();
  const snapshot = snapshotInnerHtml(linkedom, body);
  change(body);
  const changed = tree(body);
  const rebuilt = snapshot.rebuild(body);
  const built = tree(body);
  if (!rebuilt) expect(built).toEqual(changed);
  body.innerHTML = snapshot.markup();
  return { rebuilt, built, parsed: tree(body) };
}

/** What Readability does to a body before it retries: nodes removed, text changed, attributes set and removed, elements renamed. */
function readabilityLike(body: Element): void {
  const elements = Array.from(body.getElementsByTagName("*"));
  elements.forEach((element, i) => {
    if (i % 7 === 3) element.remove();
    else if (i % 5 === 1) element.setAttribute("class", "changed");
    else if (i % 11 === 2) element.removeAttribute("id");
    else if (i % 13 === 4 && element.firstChild?.nodeType === 3) (element.firstChild as Text).data = "changed text";
  });
  body.appendChild(body.ownerDocument.createElement("div")).textContent = "added";
}

describe("MarkupSnapshot.rebuild", () => {
  it("builds the nodes linkedom parses from the markup, on benchmark pages after Readability-like changes", () => {
    // Every 8th page of each set.
    const pages = benchPagePaths(8);
    let rebuilt = 0;
    for (const path of pages) {
      const html = prestripHtml(benchPageHtml(path), { keepNavigation: true }).html;
      const body = parseHtml(html, "linkedom").body;
      if (!body) continue;
      const restored = restoredBothWays(body, readabilityLike);
      if (!restored.rebuilt) continue;
      rebuilt++;
      expect(restored.built, path).toEqual(restored.parsed);
    }
    // Most pages are built here, not parsed (else the comparison above proves little).
    if (pages.length) expect(rebuilt).toBeGreaterThan(pages.length * 0.7);
  });

  /** Markup pieces whose parse differs from a copy of the tree: escaped text, references in attributes, implied ends, voids, raw text, foreign content. */
  const piece = fc.oneof(
    fc.constantFrom("plain words", "a & b", "x < y > z", "no\u00a0break", "&amp;lt;", " ", "it's \"quoted\"", "&copy; 2024", "\r\n"),
    fc.constantFrom(
      '<a href="/x?a=1&b=2&copy=3&amp;lt;&#39;">',
      '<a href="/y" title="say &quot;hi&quot;">',
      '<span class=" a  a b " id="" style="">',
      '<div data-x="1" 1="one" __proto__="p">',
      "<p>", "<div>", "<table>", "<tr>", "<td>", "<li>", "<ul>", "<button>", "<input>", "<select>", "<option>", "<dd>", "<dt>",
      "<hr>", "<br>", "<img src=a.png>", "<menuitem>", "<command>", "<svg><path d='M0'/></svg>", "<math><mi>x</mi></math>",
      "<textarea>raw <b>t</b></textarea>", "<title>t</title>", '<textarea name="c" class="" id="t&amp;amp;">line\nbreak</textarea>', "<title>a &amp; b</title>", "<o:p>office</o:p>", "<h2>", "<figure>", "<pre>", "<!-- c -->", "<!---->", "<?bogus?>",
      "</p>", "</div>", "</a>", "</span>", "</li>", "</table>", "</button>",
    ),
  );
  /** DOM changes no parser makes: adjacent text nodes, a block inside a paragraph, a paragraph inside one, an element named in capitals. */
  const domChange = fc.constantFrom("none", "adjacent text", "div in p", "p in p", "li in li", "void with child", "comment with dashes");

  it("builds what the parse builds, or declines, on generated markup and DOM changes", () => {
    let rebuilt = 0;
    let declined = 0;
    fc.assert(
      fc.property(fc.boolean(), fc.array(piece, { maxLength: 40 }), domChange, (standards, pieces, change) => {
        const document = parseHtml(`${standards ? "<!DOCTYPE html>" : ""}<body>${pieces.join("")}</body>`, "linkedom");
        const body = document.body;
        const target = body.querySelector("p, li, img, div") ?? body;
        if (change === "adjacent text") target.append(document.createTextNode("one & "), document.createTextNode("two\u00a0"), document.createTextNode(""));
        else if (change === "div in p") target.appendChild(document.createElement("p")).appendChild(document.createElement("div"));
        else if (change === "p in p") target.appendChild(document.createElement("p")).appendChild(document.createElement("p"));
        else if (change === "li in li") target.appendChild(document.createElement("li")).appendChild(document.createElement("li"));
        else if (change === "void with child") target.appendChild(document.createElement("img")).appendChild(document.createTextNode("inside"));
        else if (change === "comment with dashes") target.appendChild(document.createComment("a--b->"));
        const restored = restoredBothWays(body, (b) => b.querySelector("b, em")?.remove());
        if (restored.rebuilt) rebuilt++;
        else declined++;
        if (restored.rebuilt) expect(restored.built).toEqual(restored.parsed);
      }),
      { numRuns: 1500, seed: 20261203 },
    );
    // Both ways were taken.
    expect(rebuilt).toBeGreaterThan(100);
    expect(declined).toBeGreaterThan(100);
  });
});
