import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extractHtml, extractHtmlSync, htmlDocument } from "../../src/extract/html.js";
import { cleanDocument } from "../../src/core/stage.js";
import { loadPipeline } from "../../src/run/pipeline-file.js";
import { RELATED_SECTION_RULE, SHARE_LINK_RULE, TAG_LINK_RULE } from "../../src/rules/html-junk.js";

const fixture = (name: string) => readFileSync(new URL(`../fixtures/html/${name}`, import.meta.url));
const blockTexts = (r: { raw: string; blocks: { start: number; end: number; kind: string }[] }) =>
  r.blocks.map((b) => [b.kind, r.raw.slice(b.start, b.end)]);

describe("extractHtml: blocks and kinds", () => {
  // Without the left-out blocks, `raw` is exactly what extraction kept (they have their own tests).
  const result = extractHtmlSync(fixture("blocks.html"), { url: "https://example.org/news/harbour-wall?ref=x", recordLeftOut: false });

  it("walks the article into one block per line, each with its kind", () => {
    const kinds = blockTexts(result);
    expect(kinds).toContainEqual(["heading", "Years of debate"]);
    expect(kinds).toContainEqual(["caption", "The old harbour wall at low tide."]);
    expect(kinds).toContainEqual(["caption", "A crane on the quay, waiting for the work to begin."]);
    expect(kinds).toContainEqual(["list-item", "Two hundred metres of new wall"]);
    expect(kinds).toContainEqual(["quote", "This is the best news the harbour has had in years, said the harbour master."]);
    expect(kinds).toContainEqual(["table-cell", "Cost | 4 million pounds"]);
    expect(kinds[0][0]).toBe("paragraph");
    expect(result.raw.split("\n")).toHaveLength(result.blocks.length);
  });

  it("splits a paragraph at <br> and never runs blocks together", () => {
    expect(result.raw).toContain("The work is expected to take three years.\nResidents can see");
    expect(result.raw).not.toMatch(/years\.Residents|low tide\.Years/);
  });

  it("leaves out navigation, share bars, related lists and the footer", () => {
    expect(result.raw).not.toMatch(/Share on Facebook|Storm damages|Copyright Example Gazette|^Home/m);
  });

  it("fills the metadata from Readability and the page", () => {
    expect(result.meta).toMatchObject({
      title: "Harbour wall to be extended",
      siteName: "Example Gazette",
      publishedTime: "2019-11-18T10:00:00Z",
      lang: "en",
      canonicalUrl: "https://example.org/news/harbour-wall",
      charset: "utf-8",
      charsetSource: "meta",
      route: "readability",
    });
  });

  it("puts the title first as a title block only when asked", () => {
    expect(result.raw.startsWith("Harbour wall")).toBe(false);
    const titled = extractHtmlSync(fixture("blocks.html"), { includeTitle: true, recordLeftOut: false });
    expect(blockTexts(titled)[0]).toEqual(["title", "Harbour wall to be extended"]);
  });
});

describe("extractHtml: canonical link", () => {
  const page = (head: string) =>
    `<html><head>${head}<title>t</title></head><body><article><p>${"Words of the story. ".repeat(40)}</p></article></body></html>`;

  it("resolves a relative canonical link against the page URL", () => {
    const r = extractHtmlSync(page('<link rel="canonical" href="/story/7">'), { url: "https://example.org/a/b?x=1" });
    expect(r.meta.canonicalUrl).toBe("https://example.org/story/7");
  });

  it("resolves it against the page's <base> first, as a browser does", () => {
    const r = extractHtmlSync(page('<base href="/mirror/"><link rel="canonical" href="story/7">'), { url: "https://example.org/a/b" });
    expect(r.meta.canonicalUrl).toBe("https://example.org/mirror/story/7");
  });

  it("keeps a relative canonical link as written when the page URL is unknown", () => {
    expect(extractHtmlSync(page('<link rel="canonical" href="/story/7">')).meta.canonicalUrl).toBe("/story/7");
  });
});

describe("extractHtml: charsets", () => {
  it("detects windows-1251 on a page that declares no charset", () => {
    const r = extractHtmlSync(fixture("windows-1251-undeclared.html"));
    expect(r.meta).toMatchObject({ charset: "windows-1251", charsetSource: "detected" });
    expect(r.raw).toContain("Городской совет во вторник проголосовал");
    expect(r.raw).not.toMatch(/[ÐÑ�]/);
  });

  it("decodes a Shift_JIS page by its <meta charset>", () => {
    const r = extractHtmlSync(fixture("shift_jis-declared.html"));
    expect(r.meta).toMatchObject({ charset: "shift_jis", charsetSource: "meta", title: "防波堤の延長" });
    expect(r.raw).toContain("町議会は火曜日、港の防波堤を二百メートル延長することを決めた。");
  });

  it("lets the HTTP content type win over the page", () => {
    const bytes = Buffer.from('<html><head><meta charset="windows-1252"></head><body><p>caf\u00e9</p></body></html>', "utf8");
    expect(extractHtmlSync(bytes, { contentType: "text/html; charset=UTF-8" }).raw).toBe("café");
  });
});

describe("extractHtml: fallback", () => {
  it("takes the page's visible text when Readability finds no article", () => {
    const r = extractHtmlSync(fixture("no-article.html"));
    expect(r.meta.route).toBe("fallback");
    expect(blockTexts(r)).toEqual([
      ["heading", "Library opening hours"],
      ["text", "Home"],
    ]);
    expect(r.raw).not.toContain("Secret hidden text");
    // The navigation link is flagged for the html-blocks stage, not dropped unrecorded.
    expect(r.meta.markup).toEqual([expect.objectContaining({ rule: "html/nav", start: 22, end: 26 })]);
  });

  it("never gives empty output for a page with text", () => {
    expect(extractHtmlSync("<html><body>Just one line of text.</body></html>").raw).toBe("Just one line of text.");
    expect(extractHtmlSync("<html><body><nav><a href='/'>Home</a></nav></body></html>").raw).toBe("Home");
  });
});

describe("extractHtml: safety", () => {
  let server: Server;
  let requests = 0;
  let port = 0;
  beforeAll(async () => {
    server = createServer((_req, res) => {
      requests++;
      res.end("x");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it.each(["linkedom", "jsdom"] as const)("runs no script and fetches no remote image on %s", async (dom) => {
    const html = fixture("script-and-remote-image.html").toString("utf8").replace("PORT", String(port));
    expect(html).toContain(`http://127.0.0.1:${port}/remote.png`);
    const r = await extractHtml(html, { url: "https://example.org/quiet-news", dom });
    expect(r.meta.extraction?.dom).toBe(dom);
    // Give a fetch or a script timer every chance to happen.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(requests).toBe(0);
    expect(r.raw).not.toContain("WRITTEN BY SCRIPT");
    expect(r.raw).not.toContain("enable JavaScript");
    expect(r.meta.title).toBe("Scripted page");
    expect((globalThis as Record<string, unknown>).chaffScriptRan).toBeUndefined();
    expect((globalThis as Record<string, unknown>).chaffHandlerRan).toBeUndefined();
    expect(r.raw).toContain("The council voted on Wednesday");
  });

  it("a test server request would have been counted (the check can fail)", async () => {
    await fetch(`http://127.0.0.1:${port}/probe`);
    expect(requests).toBe(1);
    requests = 0;
  });
});

describe("html pipeline on an extracted page", () => {
  it("removes flagged blocks and captions with rule ids, and keeps the story", () => {
    const html = `<html><head><title>T</title></head><body><article>
      <p>The harbour wall will be extended by two hundred metres after a long dispute in the town. Fishermen welcomed
      the vote, saying the longer wall would shelter their boats from the winter storms that have wrecked three
      trawlers since 2015. Shop owners on the seafront were less pleased: they fear years of lorries and noise.</p>
      <div class="newsletter-signup"><p>Get the morning briefing in your inbox every day.</p></div>
      <figure><img src="a.jpg"><figcaption>The quay at dawn.</figcaption></figure>
      <p>(Reporting by Jane Roe; Editing by John Doe)</p>
      <p>Work will start in the spring. The council expects it to take three years and to cost four million pounds,
      most of it from a national fund for coastal defences. Residents can see the plans at the town hall until the
      end of the month, and comments can be sent in writing, the council said.</p>
    </article></body></html>`;
    const extracted = extractHtmlSync(html);
    const result = cleanDocument(htmlDocument(extracted, { id: "p1", source: "p1.html" }), loadPipeline("html"));
    // Readability unwraps the newsletter <div> to its <p>; the mark copied onto the <p> survives.
    expect(result.removals.map((r) => [r.rule, r.text])).toEqual([
      ["html/newsletter", "Get the morning briefing in your inbox every day."],
      ["caption/figure", "The quay at dawn."],
      ["credit/reporting", "(Reporting by Jane Roe; Editing by John Doe)"],
    ]);
    expect(result.text).toMatch(/^The harbour wall will be extended/);
    expect(result.text).toMatch(/the council said\.\n$/);
  });
});

describe("link targets and related headings", () => {
  const story = (n: number) =>
    Array.from({ length: n }, (_, i) => `<p>Paragraph ${i + 1} of the story about the harbour wall, which the council voted to extend after a long dispute. Fishermen welcomed the vote and shop owners feared the noise.</p>`).join("\n");
  const clean = (body: string) => {
    const extracted = extractHtmlSync(`<html><head><title>T</title></head><body><article>${body}</article></body></html>`);
    return cleanDocument(htmlDocument(extracted, { id: "p", source: "p.html" }), loadPipeline("html"));
  };
  // Blocks Readability leaves out have their own records (extraction/left-out, tested in candidates.test.ts).
  const removals = (body: string) => clean(body).removals.filter((r) => r.rule !== "extraction/left-out").map((r) => [r.rule, r.text, r.features]);

  it.each([SHARE_LINK_RULE, TAG_LINK_RULE, RELATED_SECTION_RULE].map((r) => [r.rule, r.example]))("%s catches its example %s", (rule, example) => {
    expect(removals(`${story(3)}${example}`).map(([r]) => r)).toContain(rule);
  });

  it("removes a row of share links whatever its words; keeps a linked 'click to tweet' quote and prose with a share link", () => {
    const body = `${story(3)}
      <p><a href="whatsapp://send?text=x">WhatsApp</a> <a href="https://www.facebook.com/sharer/sharer.php?u=x">Facebook</a> Pin <a href="/img.jpg" download>Baixar</a></p>
      <p><a href="https://twitter.com/intent/tweet?text=x">Every harbour needs a wall that outlasts the storms of a century.</a></p>
      <p>Readers can see the plans or <a href="mailto:?subject=Harbour">email</a> them to a friend; the council takes comments in writing until the end of the month.</p>`;
    const result = clean(body);
    expect(result.removals.map((r) => [r.rule, r.text, r.features])).toEqual([
      ["html/share", "WhatsApp Facebook Pin Baixar", { shareLinkDensity: 0.64, wordsPerShareLink: 1 }],
    ]);
    expect(result.text).toContain("Every harbour needs a wall that outlasts the storms of a century.");
    expect(result.text).toContain("Readers can see the plans or email them to a friend");
  });

  it("removes a line of tag and category links (rel=tag or a tag path); keeps prose that links one tag", () => {
    const body = `${story(3)}
      <p><a href="/category/local" rel="category tag">Local news</a>, <a href="/news/coast" rel="tag">Coast</a></p>
      <p>Filed under <a href="/tag/harbours/">Harbours</a> <a href="/tag/councils/">Councils</a></p>
      <p>The wall, first built in 1820, is one of the <a href="/topics/listed-buildings">listed structures</a> of the county and needs the consent of the heritage board.</p>`;
    expect(removals(body)).toEqual([
      ["html/tags", "Local news, Coast", { tagLinkDensity: 0.93 }],
      ["html/tags", "Filed under Harbours Councils", { tagLinkDensity: 0.62 }],
    ]);
  });

  it("removes the teasers under a related-articles heading, up to the first plain paragraph", () => {
    const teaser = (n: number) => `<article class="card"><a href="/story-${n}"><img src="${n}.jpg"></a><p>Teaser ${n}: another town voted on its sea wall last week, and the result surprised everyone who had followed the long campaign …</p></article>`;
    const body = `${story(3)}
      <div class="more"><h3>You may also like…</h3>${teaser(1)}${teaser(2)}${teaser(3)}</div>
      <h2>Lesen Sie auch</h2><ul><li><a href="/a">Ein anderer Hafen</a></li></ul>
      <p>The council will meet again in March, when the contracts are signed and the first lorries arrive at the quay.</p>`;
    const result = clean(body);
    expect(result.removals.map((r) => [r.rule, r.text.slice(0, 9), r.features?.heading])).toEqual([
      ["html/related-section", "You may a", "You may also like…"],
      ["html/related-section", "Teaser 1:", "You may also like…"],
      ["html/related-section", "Teaser 2:", "You may also like…"],
      ["html/related-section", "Teaser 3:", "You may also like…"],
      ["html/related-section", "Lesen Sie", "Lesen Sie auch"],
      ["html/related-section", "Ein ander", "Lesen Sie auch"],
    ]);
    expect(result.text).toContain("The council will meet again in March");
  });

  it("reads a paragraph standing in for a heading as a label, and stops at a plain paragraph", () => {
    const body = `${story(3)}
      <p><strong>Related:</strong></p><p><a href="/a">Another town votes on its sea wall</a></p><p><a href="/b">The storm of 2015, ten years on</a></p>
      <p>Work will start in the spring, the council said, and the road to the quay will close for six weeks.</p>`;
    const result = clean(body);
    expect(result.removals.map((r) => [r.rule, r.text])).toEqual([
      ["html/related-section", "Related:"],
      ["html/related-section", "Another town votes on its sea wall"],
      ["html/related-section", "The storm of 2015, ten years on"],
    ]);
    expect(result.text).toContain("Work will start in the spring");
  });

  it("never takes the story's body for a teaser card: an element with several paragraphs ends the section", () => {
    const body = `${story(2)}<p><a href="/full">Read more</a></p>
      <div class="body">${story(4).replace("the harbour wall", '<a href="/wall">the harbour wall</a>')}</div>
      <h3>See also</h3><ul><li>Plans at the town hall</li><li>Comments in writing</li></ul>`;
    const result = clean(body);
    expect(result.removals.filter((r) => r.rule === "html/related-section" && !/^(?:Read more|See also)$/.test(r.text))).toEqual([]);
    for (const n of [1, 2, 3, 4]) expect(result.text).toContain(`Paragraph ${n} of the story about`);
  });

  it("removes the readers' comments from their heading on; keeps a story subheading that starts like one", () => {
    const comments = `<h3>3 Kommentare</h3><div class="c"><p><b>Peter M.</b> schrieb am 3. März 2021:</p><p>Eine Schande für unsere Stadt.</p></div>`;
    const result = clean(`${story(3)}${comments}`);
    expect(result.removals.map((r) => [r.rule, r.text, r.features?.heading])).toEqual([
      ["html/comments", "3 Kommentare", "3 Kommentare"],
      ["html/comments", "Peter M. schrieb am 3. März 2021:", "3 Kommentare"],
      ["html/comments", "Eine Schande für unsere Stadt.", "3 Kommentare"],
    ]);
    const subheading = `${story(2)}<h2>Thoughts on the final vote of the council</h2>${story(2)}`;
    expect(clean(subheading).removals).toEqual([]);
  });

  it("keeps a section whose heading is not a label, and never lets a related heading empty the article", () => {
    const cards = `<div><a href="/x">Go</a><p>The harbour master said the wall would be finished before the winter storms, and the fishermen agreed to move their boats while the work goes on.</p></div>`;
    expect(removals(`<h2>What the harbour master said</h2>${cards}`)).toEqual([]);
    expect(removals(`<h2>Related</h2>${cards}`)).toEqual([]);
  });
});
