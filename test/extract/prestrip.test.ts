// prestrip's passes, rewritten for speed (src/extract/prestrip.ts), must cut exactly what the plain
// versions below cut: a page's bytes depend on it. The plain versions are the code they replaced.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
// The attribute list and the tag grammar are the module's own: only the passes differ.
import { ATTRIBUTE, dropUnreadAttributes, dropUnseenElements, KEPT_ATTRIBUTES as KEPT, START_TAG } from "../../src/extract/prestrip.js";

function plainDropUnreadAttributes(html: string): string {
  return html.replace(START_TAG, (match, tag: string, attrs: string, selfClosing: string) => {
    let kept = "";
    let dropped = false;
    for (const [whole, name] of attrs.matchAll(ATTRIBUTE)) {
      if (KEPT.has(name.toLowerCase())) kept += " " + whole;
      else dropped = true;
    }
    return dropped ? `<${tag}${kept}${selfClosing ? " /" : ""}>` : match;
  });
}

/** Start tags and text made of the pieces that decide: kept and dropped names in any case, values that look like attributes. */
const tagSoup = (() => {
  const name = fc.constantFrom("class", "CLASS", "Id", "href", "data-x", "onclick", "classic", "ids", "aria-label", "http-equiv", "itemscope", "x:y", "\u212Aey", "title");
  const value = fc.constantFrom("", '="a"', "='b c'", "=plain", ' = "d onclick=e"', "=a/b", '="x data-y=1"', "=");
  const space = fc.constantFrom(" ", "  ", "\n", "\t", "\u00a0");
  const attribute = fc.tuple(space, name, value).map(([s, n, v]) => s + n + v);
  const tag = fc.tuple(fc.constantFrom("div", "A", "p", "img"), fc.array(attribute, { maxLength: 5 }), fc.constantFrom("", " ", "/", " /")).map(([t, attrs, end]) => `<${t}${attrs.join("")}${end}>`);
  const text = fc.constantFrom("text", " style='x' ", "a onclick=b", "</div>", "<", ">");
  return fc.array(fc.oneof(tag, text), { maxLength: 12 }).map((parts) => parts.join(""));
})();

describe("dropUnreadAttributes", () => {
  it("drops what the plain version drops, for any tags", () => {
    fc.assert(fc.property(tagSoup, (html) => {
        expect(dropUnreadAttributes(html)).toBe(plainDropUnreadAttributes(html));
      }), { numRuns: 2000 });
  });

  it("keeps a tag whose attributes are all read as it is written, and rebuilds one that loses some", () => {
    const html = `<div CLASS="a"  id=b>t</div><p class="x" title="y onclick=z">u</p><a href=x target=_blank rel="tag">v</a>`;
    expect(dropUnreadAttributes(html)).toBe(`<div CLASS="a"  id=b>t</div><p class="x" title="y onclick=z">u</p><a href=x rel="tag">v</a>`);
  });
});

describe("dropUnseenElements", () => {
  it("cuts each hidden element to its matching end tag, the same tag name met again and again", () => {
    const html = `<div hidden><div>a</div></div><p>keep</p><section style="display:none"><section>b</section></section><div hidden>c</div><span aria-hidden="true">d</span>end`;
    expect(dropUnseenElements(html)).toBe("<p>keep</p>end");
    expect(dropUnseenElements(html)).toBe("<p>keep</p>end");
  });
});
