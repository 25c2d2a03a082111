// prestrip's passes, rewritten for speed (src/extract/prestrip.ts), must cut exactly what the plain
// versions below cut: a page's bytes depend on it. The plain versions are the code they replaced.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
// The attribute list and the tag grammar are the module's own: only the passes differ.
import { ATTRIBUTE, decodeAndPrestrip, dropUnreadAttributes, dropUnseenElements, isCanonicalLink, KEPT_ATTRIBUTES as KEPT, ElementEnds, matchingEnd, NEVER_TEXT_TAGS, prestripHtml, replaceMatches, START_TAG, stripNeverText, stripNeverTextUtf8 } from "../../src/extract/prestrip.js";
import { decodeHtml } from "../../src/extract/decode.js";
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { benchPagePaths } from "../helpers/bench-pages.js";

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

/** A pass and the plain version it replaced give the same page for `numRuns` generated ones. */
function expectSameOutputs(pages: fc.Arbitrary<string>, pass: (html: string) => string, plain: (html: string) => string, numRuns: number): void {
  fc.assert(fc.property(pages, (html) => {
      expect(pass(html)).toBe(plain(html));
    }), { numRuns });
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
    expectSameOutputs(tagSoup, dropUnreadAttributes, plainDropUnreadAttributes, 2000);
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

  it("leaves what follows the page's last `>` as it is, and cuts before it as on the whole page", () => {
    fc.assert(
      fc.property(unseenSoup, unseenSoup, (page, tail) => {
        const unclosed = tail.replaceAll(">", "");
        // Nothing after the last `>` can be a tag: the cut of the page with it is the cut of the page without it, plus it.
        expect(dropUnseenElements(page + ">" + unclosed)).toBe(dropUnseenElements(page + ">") + unclosed);
      }),
      { numRuns: 500 },
    );
  });

  // Each start tag after the last `>` was read to the page's end and given up: 200,000 of them (2.4 MB)
  // took minutes. Linear now: well within the time limit on any machine.
  it("reads a page that ends in many unclosed start tags once (no hang)", { timeout: 60_000 }, () => {
    const page = "<p>kept</p><div hidden>x</div>" + "<div hidden <link rel=x ".repeat(100_000);
    expect(dropUnseenElements(page)).toBe("<p>kept</p>" + "<div hidden <link rel=x ".repeat(100_000));
  });
});

describe("dropUnseenElements' element ends", () => {
  /** `dropUnseenElements` as it was: each hidden element's end found by `matchingEnd`, counting from its start tag. */
  function plainDropUnseen(page: string): string {
    const end = page.lastIndexOf(">") + 1;
    const html = page.slice(0, end);
    const start = /<(nav|div|section|aside|ul|ol|span|form|header|footer|figure|table|button|a|i)\b([^>]*)>/gi;
    const hides = (tag: string, attrs: string) => tag === "nav" || /\bhidden\b|aria-hidden="true"|style="display:none"/i.test(attrs);
    let out = "";
    let from = 0;
    for (let m = start.exec(html); m; m = start.exec(html)) {
      const tag = m[1].toLowerCase();
      if (!hides(tag, m[2])) continue;
      const close = matchingEnd(html, tag, start.lastIndex);
      if (close === -1) continue;
      out += html.slice(from, m.index);
      from = close;
      start.lastIndex = close;
    }
    return out + html.slice(from) + page.slice(end);
  }
  /** Hidden and plain elements of a few names, their end tags, tags inside another tag's attributes, some unclosed. */
  const nests = fc
    .array(fc.constantFrom("<div hidden>", "<DIV hidden>", "<div>", "</div>", "</DIV >", "<nav>", "</nav>", "<section hidden>", "<section>", "</section>", "</div <div hidden>", "<span <div hidden>", "<div-x hidden>", "text", "<", ">"), { maxLength: 24 })
    .map((parts) => parts.join(""));

  it("are where counting from each start tag puts them (one pass per tag name instead)", () => {
    fc.assert(
      fc.property(nests, (page) => {
        expect(dropUnseenElements(page, [{ name: "test", test: (tag, a) => tag === "nav" || a.has("hidden"), example: "" }])).toBe(plainDropUnseen(page));
      }),
      { numRuns: 3000 },
    );
  });

  it("ElementEnds: each start tag's end where counting from it puts it", () => {
    fc.assert(
      fc.property(nests, (page) => {
        const ends = new ElementEnds(page);
        for (const tag of ["div", "nav", "section"]) {
          for (const m of page.matchAll(new RegExp(`<${tag}\\b[^>]*>`, "gi"))) {
            const from = m.index + m[0].length;
            expect(ends.after(tag, from)).toBe(matchingEnd(page, tag, from));
          }
        }
      }),
      { numRuns: 3000 },
    );
  });

  // Counting from each unclosed hidden element read the page to its end each time: 200,000 of them took minutes.
  it("reads a page of many unclosed hidden elements once per tag name (no hang)", { timeout: 60_000 }, () => {
    const page = "<p>kept</p>" + "<div hidden>x".repeat(200_000) + "<nav>y".repeat(100_000);
    expect(dropUnseenElements(page)).toBe(page);
  });
});

describe("dropUnseenElements' link tags", () => {
  /** `dropUnseenElements` as it was: the hidden elements cut, then the unread link tags of what is left, then the tail. */
  function plainDropUnseen(page: string): string {
    const end = page.lastIndexOf(">") + 1;
    const html = page.slice(0, end);
    const start = /<(nav|div|section|aside|ul|ol|span|form|header|footer|figure|table|button|a|i)\b([^>]*)>/gi;
    let out = "";
    let from = 0;
    for (let m = start.exec(html); m; m = start.exec(html)) {
      const tag = m[1].toLowerCase();
      if (tag !== "nav" && !/\bhidden\b/i.test(m[2])) continue;
      const close = matchingEnd(html, tag, start.lastIndex);
      if (close === -1) continue;
      out += html.slice(from, m.index);
      from = close;
      start.lastIndex = close;
    }
    out += html.slice(from);
    return out.replace(/<link\b[^>]*>/gi, (link) => (isCanonicalLink(link) ? link : "")) + page.slice(end);
  }
  /** Link tags (read and unread, in any case, unclosed, inside hidden elements and running into them) among hidden and plain elements. */
  const linkSoup = fc
    .array(fc.constantFrom("<link rel=stylesheet>", '<LINK rel="canonical" href=x>', "<link rel=icon ", "<link", "<linked>", "<div hidden>", "<DIV HIDDEN>", "</div>", "<div>", "<nav>", "</nav>", "text", "<", ">", "\n"), { maxLength: 20 })
    .map((parts) => parts.join(""));

  it("are dropped from what the hidden elements leave as they were, the page joined once", () => {
    const rules = [{ name: "test", test: (tag: string, a: Map<string, string>) => tag === "nav" || a.has("hidden"), example: "" }];
    fc.assert(fc.property(linkSoup, (page) => {
        expect(dropUnseenElements(page, rules)).toBe(plainDropUnseen(page));
      }), { numRuns: 5000 });
    // A link tag that runs into a hidden element (the plain way) and one inside it (cut with it).
    expect(dropUnseenElements("<p><link rel=x <div hidden>a</div>>b</p>", rules)).toBe("<p>b</p>");
    expect(dropUnseenElements("<p><div hidden><link rel=x>a</div><link rel=canonical>\n", rules)).toBe("<p><link rel=canonical>\n");
  });
});

/** Start tags of the unseen rules' names, end tags, links and text, some unclosed. */
const unseenSoup = fc
  .array(fc.constantFrom("<div hidden>", "<div>", "</div>", "<nav>", "</nav>", '<span aria-hidden="true">', "</span>", '<section style="display:none">', "</section>", '<link rel="stylesheet">', '<link rel="canonical" href="x">', "<div hidden ", "<link ", "text", ">", "<"), { maxLength: 16 })
  .map((parts) => parts.join(""));

/** The never-text elements and comments as one pattern: what `stripNeverText` replaced (its search is linear; this pattern is not). */
function plainStripNeverText(html: string): string {
  const pattern = new RegExp(`<(${NEVER_TEXT_TAGS.map((e) => e.tag).join("|")})\\b([^>]*)>[\\s\\S]*?</\\1\\s*>|<!--[\\s\\S]*?-->`, "gi");
  const keep = new Map(NEVER_TEXT_TAGS.filter((e) => e.keep).map((e) => [e.tag, e.keep!]));
  return html.replace(pattern, (match: string, tag: string | undefined, attrs: string | undefined) => {
    if (tag) {
      const spare = keep.get(tag.toLowerCase());
      if (spare && attrs && spare.test(attrs)) return match;
    }
    return "";
  });
}

/** Never-text elements and comments around text of one-, two-, three- and four-byte characters, end tags with ASCII and non-ASCII white space, JSON-LD with either. */
const neverTextSoup = (() => {
  const space = fc.constantFrom("", " ", "\n", "\u00a0", "\u3000", "\u2028", "\ufeff", " \u00a0", "\u00e0");
  const tag = fc.constantFrom("script", "SCRIPT", "style", "svg", "noscript", "iframe", "canvas", "scripts", "p");
  const attrs = fc.constantFrom("", ' type="application/ld+json"', " type =\u00a0application/ld+json", ' type="text/javascript"', " é='>'", ' data-x="ü"');
  const open = fc.tuple(tag, attrs).map(([t, a]) => `<${t}${a}>`);
  const close = fc.tuple(tag, space).map(([t, s]) => `</${t}${s}>`);
  const text = fc.constantFrom("text", "Grüße", "Привет", "日本語", "😀", "\ufeff", "<!-- c -->", "<!--", "-->", "<!-->", "--", "<", ">", "</", "\u00a0", "<svg", "<STYLE ", "</script");
  return fc.array(fc.oneof(open, close, text), { maxLength: 14 }).map((parts) => parts.join(""));
})();

describe("stripNeverText", () => {
  it("cuts what the plain pattern cuts, unclosed elements and comments, `>` and end tags in odd places included", () => {
    expectSameOutputs(neverTextSoup, stripNeverText, plainStripNeverText, 5000);
  });

  it("keeps a page of many unclosed elements and comments as it is", () => {
    const html = "<svg <style <script>".repeat(2000) + "<!--".repeat(2000) + "<p>end</p>";
    expect(stripNeverText(html)).toBe(html);
    expect(stripNeverTextUtf8(Buffer.from(html))).toBe(html);
  });
});

describe("stripNeverTextUtf8", () => {
  it("keeps what stripNeverText keeps of the decoded page, or declines", () => {
    let declined = 0;
    fc.assert(fc.property(neverTextSoup, (html) => {
        const fast = stripNeverTextUtf8(Buffer.from(html, "utf8"));
        if (fast === undefined) declined++;
        else expect(fast).toBe(stripNeverText(html));
      }), { numRuns: 3000 });
    // End tags before non-ASCII white space come up: the decline is exercised, and so is the rest.
    expect(declined).toBeGreaterThan(0);
    expect(declined).toBeLessThan(2000);
  });

  it("declines an end tag the decoded page closes with non-ASCII white space, reads one it does not close", () => {
    expect(stripNeverTextUtf8(Buffer.from("a<script>x</script\u00a0>b", "utf8"))).toBeUndefined();
    expect(stripNeverText("a<script>x</script\u00a0>b")).toBe("ab");
    expect(stripNeverTextUtf8(Buffer.from("a<script>x</script>\u00a0<style>é</style >b", "utf8"))).toBe("a\u00a0b");
    expect(stripNeverTextUtf8(Buffer.from('<script type="application/ld+json">{"é":1}</script>\ufeffz', "utf8"))).toBe('<script type="application/ld+json">{"é":1}</script>\ufeffz');
  });
});

describe("decodeAndPrestrip", () => {
  it("is prestripHtml of decodeHtml's text, with decodeHtml's charset, on benchmark pages and other charsets", () => {
    const pages = benchPagePaths(4).map((path) => gunzipSync(readFileSync(path)));
    pages.push(
      Buffer.from('<meta charset="windows-1251"><p>\xcf\xf0\xe8</p><script>x</script>', "latin1"),
      Buffer.from("\ufeff<p>bom</p><script>x</script>", "utf8"),
      Buffer.from("<p>ascii</p><style>x</style>"),
      Buffer.from("<p>Grüße</p><script>x</script\u3000><p>y</p></script>", "utf8"),
    );
    for (const bytes of pages) {
      for (const keepNavigation of [true, false]) {
        const { text, ...charset } = decodeHtml(bytes, "text/html");
        const { html, withUnseen } = prestripHtml(text, { keepNavigation });
        expect(decodeAndPrestrip(bytes, "text/html", { keepNavigation })).toEqual({ html, withUnseen, decoded: charset });
      }
    }
  });
});

describe("replaceMatches", () => {
  it("is String.prototype.replace with the same function, for any text and global pattern that matches no empty string", () => {
    const patterns = [/\sstyle\s*=\s*(?:"([^"]*)"|'([^']*)')/gi, /<link\b[^>]*>/gi, /ab|b/g];
    // Keeps some matches as they are, rewrites others (to "", or to themselves in another string and their first group).
    const replacement = (match: string, ...rest: unknown[]) => (match.length % 3 === 0 ? match : match.length % 3 === 1 ? "" : `[${match}]`.slice(1, -1) + (typeof rest[0] === "string" ? rest[0] : ""));
    const text = fc.array(fc.constantFrom("a", "b", " style='x'", ' STYLE = "display:none"', "<link rel=x>", "<link>", "ab", " ", "é"), { maxLength: 10 }).map((p) => p.join(""));
    fc.assert(fc.property(text, fc.constantFrom(...patterns), (html, pattern) => {
        expect(replaceMatches(html, pattern, (m) => replacement(m[0], ...m.slice(1)))).toBe(html.replace(pattern, replacement));
      }), { numRuns: 2000 });
  });
});
