// The canonical link (src/extract/html.ts, canonicalOf): a page whose markup has no `<link` (or no
// `<base`) is not walked for one. Held to a plain search of the whole tree (jsdom, every element)
// on generated pages and the fixtures.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { extractHtmlSync } from "../../src/extract/html.js";
import { parseHtml } from "../../src/extract/dom.js";
import { prestripHtml } from "../../src/extract/prestrip.js";

const URL_OF_PAGE = "https://example.org/a/b";

/** The first <link> with an href and a canonical rel, anywhere, resolved against the first <base> with an href: every element looked at. */
function plainCanonical(html: string): string | undefined {
  const elements = [...parseHtml(prestripHtml(html, { keepNavigation: true }).html, "jsdom").getElementsByTagName("*")];
  const link = elements.find((e) => e.localName === "link" && !e.prefix && e.hasAttribute("href") && /(?:^|\s)canonical(?:\s|$)/i.test(e.getAttribute("rel") ?? ""));
  const href = link?.getAttribute("href")?.trim();
  if (!href) return undefined;
  const baseHref = elements.find((e) => e.localName === "base" && !e.prefix && e.hasAttribute("href"))?.getAttribute("href")?.trim();
  const base = baseHref ? (URL.parse(baseHref, URL_OF_PAGE)?.href ?? URL_OF_PAGE) : URL_OF_PAGE;
  return URL.parse(href, base)?.href ?? href;
}

const story = `<p>${"A paragraph of the story, long enough to be the article. ".repeat(12)}</p>`;

describe("canonicalOf", () => {
  const piece = fc.constantFrom(
    '<link rel="canonical" href="/c">', '<LINK REL=Canonical HREF=" /upper ">', "<link\nrel=canonical\nhref=x>", '<link rel="stylesheet" href="s.css">',
    '<link rel="canonical">', '<base href="/base/">', "<BASE HREF=https://other.example/>", "<base>", "<p>text with &lt;link rel=canonical href=/no&gt;</p>",
    "<div>", "</div>", story, "<svg><link rel=canonical href=/svg></svg>", '<template><link rel="canonical" href="/t"></template>',
  );
  it("is the plain search's on generated pages, in head, body and after the end", () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), fc.array(piece, { maxLength: 8 }), fc.array(piece, { maxLength: 3 }), (head, body, after) => {
        const html = `<html><head>${head.join("")}</head><body>${story}${body.join("")}</body></html>${after.join("")}`;
        for (const dom of ["linkedom", "jsdom"] as const) expect(extractHtmlSync(html, { url: URL_OF_PAGE, dom }).meta.canonicalUrl).toBe(plainCanonical(html));
      }),
      { numRuns: 200, seed: 1203 },
    );
  });

  it("is the plain search's on the fixtures", () => {
    const fixtures = join(import.meta.dirname, "../fixtures/html");
    for (const name of readdirSync(fixtures).filter((n) => n.endsWith(".html"))) {
      const html = readFileSync(join(fixtures, name), "utf8");
      expect(extractHtmlSync(html, { url: URL_OF_PAGE }).meta.canonicalUrl, name).toBe(plainCanonical(html));
    }
  });
});
