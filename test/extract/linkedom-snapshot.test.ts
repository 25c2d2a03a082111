// A snapshot of an element's markup (src/extract/linkedom-snapshot.ts), written out after the tree
// changed, gives the string innerHTML gave when the snapshot was taken.
import { describe, expect, it } from "vitest";
import { parseHtml } from "../../src/extract/dom.js";
import { requireLinkedom } from "../../src/extract/linkedom-events.js";
import { snapshotInnerHtml } from "../../src/extract/linkedom-snapshot.js";

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
    expect(snapshot()).toBe(before);
    // Every special case is in the page, so the comparison covers them.
    for (const part of ['<img src="a.png" alt="">', "<br>", '<path d="M0 0" />', "<textarea>raw <b>text</b></textarea>", "<!-- a comment -->", "<input disabled>", "&lt;tag&gt; &amp; an&#160;nbsp", '"say &quot;hi&quot; & go"', "<div>empty id"]) {
      expect(before).toContain(part);
    }
  });

  it("writes the same string again when asked twice, and an empty element as ''", () => {
    const document = parseHtml("<body><p>one</p></body>", "linkedom");
    const snapshot = snapshotInnerHtml(linkedom, document.body);
    document.body.replaceChildren();
    expect(snapshot()).toBe("<p>one</p>");
    expect(snapshot()).toBe("<p>one</p>");
    expect(snapshotInnerHtml(linkedom, document.body)()).toBe("");
  });
});
