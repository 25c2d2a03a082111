import fc from "fast-check";
import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import { walkBlocks } from "../../src/extract/blocks.js";
import { findMarks, firstMarkupRule, isHiddenByClass, markupMark, premarkTree } from "../../src/extract/mark.js";
import { ARIA_LABEL_RULES, ELEMENT_RULES, HIDDEN_CLASS_RULE, MARKUP_RULES, ROLE_RULES, SIDEBAR_RULE } from "../../src/rules/html-junk.js";
import { markupWords } from "../../src/match/markup-words.js";
import { NEVER_TEXT_TAGS, UNSEEN_ELEMENTS, prestripHtml, reduceStyleAttributes } from "../../src/extract/prestrip.js";
import { createDocument } from "../../src/core/document.js";
import { cleanDocument } from "../../src/core/stage.js";
import { buildPipeline, loadPipeline } from "../../src/run/pipeline-file.js";
import { extractHtmlSync, htmlDocument } from "../../src/extract/html.js";

const body = (html: string) => new JSDOM(`<body>${html}</body>`).window.document.body;
const element = (html: string) => body(html).firstElementChild!;

describe("markup rules: every example is caught by its own rule", () => {
  it.each(MARKUP_RULES.map((r) => [r.rule, r.example]))("%s catches class %s", (rule, example) => {
    expect(markupMark(element(`<div class="${example}">x</div>`))?.rule).toBe(rule);
  });
  it.each(ROLE_RULES.map((r) => [r.rule, r.example]))("%s catches %s", (rule, example) => {
    expect(markupMark(element(`${example}x</div>`))?.rule).toBe(rule);
  });
  it.each(ARIA_LABEL_RULES.map((r) => [r.rule, r.example]))("%s catches aria-label %s", (rule, example) => {
    expect(markupMark(element(`<div aria-label="${example}">x</div>`))?.rule).toBe(rule);
  });
  it.each(ELEMENT_RULES.map((r) => [r.rule, r.example]))("%s catches %s", (rule, example) => {
    expect(markupMark(element(example))?.rule).toBe(rule);
  });
});

describe("markup rules: words, not substrings", () => {
  it.each([
    ["relatedPosts__item", "related posts item"],
    ["article-share_bar", "article share bar"],
  ])("%s reads as %s", (value, words) => expect(markupWords(value)).toBe(words));

  it.each(["story-body", "shareable-content", "header-image", "loaded", "bad-news", "entry-content", "advance"])(
    "does not flag class %s",
    (cls) => expect(markupMark(element(`<div class="${cls}">x</div>`))).toBeUndefined(),
  );
});

describe("html/hidden: classes that CSS frameworks hide", () => {
  it("catches its example", () => {
    expect(markupMark(element(HIDDEN_CLASS_RULE.example))?.rule).toBe("html/hidden");
  });
  it.each(["hidden", "btn hide", "is-hidden", "d-none", "Hidden"])("flags class %s", (cls) => {
    expect(markupMark(element(`<div class="${cls}">x</div>`))?.rule).toBe("html/hidden");
  });
  // Hidden at one width only, or shown again at a wider one: on a desktop the text is there.
  it.each(["hidden-xs", "hidden md:block", "d-none d-lg-flex", "hide visible-md", "hidden-print", "hideOnMobile"])("does not flag class %s", (cls) => {
    expect(markupMark(element(`<div class="${cls}">x</div>`))?.rule).not.toBe("html/hidden");
  });
  it("spares hidden prose: a tab or accordion panel is content a click shows", () => {
    expect(markupMark(element(HIDDEN_CLASS_RULE.spared.replace("…", " and the sole is a rubber compound that was designed for the wet rock of the mountains where we test every pair, in rain and in snow, for a whole year before it goes on sale.".repeat(2))))).toBeUndefined();
    expect(markupMark(element(`<div class="tab-panel hidden"><p>Short label</p></div>`))?.rule).toBe("html/hidden");
  });
  it("removes a hidden skip link inside the story with its rule, and keeps the story", () => {
    const para = (n: number) => `<p>Paragraph ${n} of the story about the harbour wall, which the council voted to extend after a long dispute. Fishermen welcomed the vote and shop owners feared the noise.</p>`;
    const html = `<html><body><article>${para(1)}${para(2)}<div class="story-feature"><a class="hidden" href="#continues">Continue reading the main story</a><h2>Harbour facts</h2></div><p id="continues"></p>${para(3)}</article></body></html>`;
    const result = cleanDocument(htmlDocument(extractHtmlSync(html), { id: "p", source: "p.html" }), loadPipeline("html"));
    expect(result.removals.filter((r) => r.rule === "html/hidden").map((r) => r.text)).toEqual(["Continue reading the main story"]);
    expect(result.text).toContain("Harbour facts");
    expect(result.text).toContain("Paragraph 3 of the story");
  });
});

describe("sidebars by their class or id words", () => {
  it("catches its example", () => {
    expect(markupMark(element(SIDEBAR_RULE.example))?.rule).toBe("html/related");
  });
  it.each(["sidebar", "right-sidebar", "sidebarWidget", "article-sidebar"])("flags class %s", (cls) => {
    expect(markupMark(element(`<div class="${cls}"><p>x</p></div>`))?.rule).toBe("html/related");
  });
  // Layout wrappers around the content and the sidebar, and a box that holds the page's main heading.
  it.each([`<div id="content-sidebar-wrap"><p>x</p></div>`, `<div class="has-sidebar"><p>x</p></div>`, `<div class="sidebar-left"><h1>Title</h1><p>x</p></div>`, `<div class="inside"><p>x</p></div>`])("does not flag %s", (html) => {
    expect(markupMark(element(html))).toBeUndefined();
  });
  it("removes a sidebar box nested in the article, and keeps the story", () => {
    const para = (n: number) => `<p>Paragraph ${n} of the story about the harbour wall, which the council voted to extend after a long dispute. Fishermen welcomed the vote and shop owners feared the noise.</p>`;
    const html = `<html><body><article>${para(1)}${para(2)}<div class="story-sidebar"><h3>Most read</h3><p>The mayor said on Friday that the town's swimming pool will close for the winter to save money on heating.</p></div>${para(3)}</article></body></html>`;
    const result = cleanDocument(htmlDocument(extractHtmlSync(html), { id: "p", source: "p.html" }), loadPipeline("html"));
    expect(result.removals.filter((r) => r.rule === "html/related").map((r) => r.text)).toEqual(["Most read", "The mayor said on Friday that the town's swimming pool will close for the winter to save money on heating."]);
    expect(result.text).toContain("Paragraph 3 of the story");
  });
});

describe("findMarks guards", () => {
  const story = "<p>" + "Words of the real story go here and run on. ".repeat(20) + "</p>";
  it("marks a small share bar inside the article", () => {
    const root = body(`<div>${story}<div class="share-tools">Share Tweet</div></div>`);
    const marks = [...findMarks(root).values()];
    expect(marks.map((m) => m.rule)).toEqual(["html/share"]);
  });
  it("does not mark an element that holds most of the article", () => {
    const root = body(`<div class="post has-comments">${story}</div><p>Short tail.</p>`);
    expect(findMarks(root).size).toBe(0);
  });
  it("ignores a rule whose marks would take most of the article", () => {
    const root = body(Array.from({ length: 5 }, (_, i) => `<p class="promo">Paragraph ${i} of the story, long enough to count for something.</p>`).join(""));
    expect(findMarks(root).size).toBe(0);
  });
});

describe("walkBlocks", () => {
  it("gives kinds, link density and marks, one block per line", () => {
    const root = body(`<h2>Title</h2><p>Text with <a href="/x">a link</a> inside.</p>
      <ul><li><a href="/y">Other story</a></li></ul><blockquote><p>Said.</p></blockquote>
      <div class="credit">Photo: Jane Roe</div><aside><p>Aside text</p></aside>`);
    const marks = findMarks(root);
    const blocks = walkBlocks(root, (e) => marks.get(e));
    expect(blocks.map((b) => [b.kind, b.text, b.linkDensity, b.mark?.rule])).toEqual([
      ["heading", "Title", 0, undefined],
      ["paragraph", "Text with a link inside.", 0.25, undefined],
      ["list-item", "Other story", 1, undefined],
      ["quote", "Said.", 0, undefined],
      ["caption", "Photo: Jane Roe", 0, "caption/credit"],
      ["paragraph", "Aside text", 0, "html/related"],
    ]);
  });
});

describe("prestripHtml", () => {
  it.each(NEVER_TEXT_TAGS.map((t) => [t.tag, t.example]))("drops <%s>: %s", (_tag, example) => {
    expect(prestripHtml(`<p>a</p>${example}<p>b</p>`).html).toBe("<p>a</p><p>b</p>");
  });
  it("keeps JSON-LD, comments go, styles shrink to visibility, unread attributes go", () => {
    const { html } = prestripHtml(
      `<!-- c --><script type="application/ld+json">{"a":1}</script><div style="color:red" data-x="1" class="k" onclick="x()">t</div><p style="margin:0">u</p>`,
    );
    expect(html).toBe(`<script type="application/ld+json">{"a":1}</script><div class="k">t</div><p>u</p>`);
    expect(reduceStyleAttributes(`<div style="color:red; display: none">t</div>`)).toBe(`<div style="display:none">t</div>`);
  });

  it.each(UNSEEN_ELEMENTS.map((u) => [u.name, u.example]))("drops an unseen element (%s): %s", (_name, example) => {
    expect(prestripHtml(`<p>a</p>${example}<p>b</p>`).html).toBe("<p>a</p><p>b</p>");
  });

  it.each([
    ["nested same-name elements", `<div hidden><div>x</div><div>y</div></div>`, ""],
    ["only the hidden one", `<div><div aria-hidden="true">x</div>keep</div>`, "<div>keep</div>"],
    ["tag and attribute names in capitals", `<DIV HIDDEN><p>x</p></DIV><SPAN ARIA-HIDDEN="true">y</SPAN>keep`, "keep"],
    ["a class word 'hidden' is not the attribute", `<div class="a hidden b">keep</div>`, `<div class="a hidden b">keep</div>`],
    ["aria-hidden=false stays", `<span aria-hidden="false">keep</span>`, `<span aria-hidden="false">keep</span>`],
    ["Readability's fallback-image exception", `<span class="fallback-image" aria-hidden="true">x</span>`, `<span class="fallback-image" aria-hidden="true">x</span>`],
    ["unbalanced markup is left to the parser", `<div hidden><div>x</div>`, `<div hidden><div>x</div>`],
    ["stylesheet links go, the canonical link stays", `<link rel="stylesheet" href="a.css"><link rel="canonical" href="/c">`, `<link rel="canonical" href="/c">`],
  ])("unseen elements: %s", (_case, input, expected) => {
    expect(prestripHtml(input).html).toBe(expected);
  });
});

describe("html-blocks stage", () => {
  const pipeline = buildPipeline({ name: "t", stages: [{ use: "html-blocks", options: { disable: ["html/byline"] } }] }, "test");
  it("reports each flagged block as a finding with its rule, and honours disable", () => {
    const raw = "Story text.\nShare Tweet\nBy Jane Roe\nMore story.";
    const doc = createDocument({
      id: "d", source: "d.html", raw,
      meta: { markup: [
        { start: 12, end: 23, rule: "html/share", reason: "share", features: { markup: "share-bar" } },
        { start: 24, end: 35, rule: "html/byline", reason: "byline" },
      ] },
    });
    const result = cleanDocument(doc, pipeline);
    expect(result.removals.map((r) => [r.rule, r.text, r.features])).toEqual([["html/share", "Share Tweet", { markup: "share-bar" }]]);
    expect(result.text).toBe("Story text.\n\nBy Jane Roe\n\nMore story.\n");
  });
});

describe("premarkTree: related sections", () => {
  const marked = (html: string) => {
    const root = body(html);
    premarkTree(root);
    return [...root.querySelectorAll("[data-chaff-mark]")].map((e) => `${e.tagName.toLowerCase()}:${e.getAttribute("data-chaff-mark")}`);
  };
  it("marks the label and the linked list after it", () => {
    expect(marked(`<h3>Related stories</h3><ul><li><a href="/a">A</a></li></ul><p>Story goes on.</p>`)).toEqual([
      "h3:html/related-section", "ul:html/related-section", "li:html/related-section", "a:html/related-section",
    ]);
  });
  it("stops at a list without links, and at a label inside a longer heading", () => {
    expect(marked(`<h3>See also</h3><ul><li>Plans at the town hall</li></ul>`)).toEqual(["h3:html/related-section"]);
    expect(marked(`<h3>See also the plans at the town hall</h3><ul><li><a href="/a">A</a></li></ul>`)).toEqual([]);
  });
  it("lets a heading alone in a wrapper speak for the wrapper's next siblings", () => {
    expect(marked(`<div class="t"><h2>Lesen Sie auch</h2></div><div><a href="/a">Ein anderer Hafen</a></div><p>Weiter.</p>`)).toEqual([
      "div:html/related-section", "h2:html/related-section", "div:html/related-section", "a:html/related-section",
    ]);
  });
});

describe("firstMarkupRule: each class-and-id string's first rule, kept once found", () => {
  const plainFirstRule = (names: string) => MARKUP_RULES.find((entry) => entry.words.test(markupWords(names)));
  it("is the first of MARKUP_RULES whose words the string holds, asked once or again (the comparison can fail)", () => {
    const ruleWord = fc.constantFrom(...MARKUP_RULES.map((r) => r.example));
    const otherWord = fc.constantFrom("main", "story", "article-body", "col-md-8", "wp-block", "Share", "navBar", "");
    const names = fc.array(fc.oneof(ruleWord, otherWord), { maxLength: 4 }).map((words) => words.join(" "));
    fc.assert(
      fc.property(names, (value) => {
        expect(firstMarkupRule(value)).toBe(plainFirstRule(value));
        expect(firstMarkupRule(value)).toBe(plainFirstRule(value));
      }),
      { numRuns: 1000 },
    );
    expect(firstMarkupRule(MARKUP_RULES[1].example)).not.toBe(MARKUP_RULES[0]);
  });
});

describe("isHiddenByClass: each class string's answer, kept once found", () => {
  const plainHidden = (cls: string) => {
    const tokens = cls.toLowerCase().split(/\s+/);
    return tokens.some((token) => HIDDEN_CLASS_RULE.tokens.has(token)) && !HIDDEN_CLASS_RULE.shownAt.test(cls.toLowerCase());
  };
  it("is the rule's answer, asked once or again (the comparison can fail)", () => {
    const word = fc.constantFrom(...HIDDEN_CLASS_RULE.tokens, "HIDDEN", "md:block", "d-md-flex", "visible-lg", "hiddenness", "col-4", "", "\t");
    const cls = fc.array(word, { maxLength: 4 }).map((words) => words.join(" "));
    fc.assert(
      fc.property(cls, (value) => {
        expect(isHiddenByClass(value)).toBe(plainHidden(value));
        expect(isHiddenByClass(value)).toBe(plainHidden(value));
      }),
      { numRuns: 1000 },
    );
    expect(isHiddenByClass("hidden")).toBe(true);
    expect(isHiddenByClass("hidden md:block")).toBe(false);
  });
});
