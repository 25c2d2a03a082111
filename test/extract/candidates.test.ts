// Two candidates per page (Readability's node and the block classifier), the choice between
// them, comments kept or dropped, and a record for every block extraction leaves out.
// Fixture pages are written for the purpose, one per case the issue names.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cleanDocument } from "../../src/core/stage.js";
import { extractHtmlSync, htmlDocument, LEFT_OUT_RULE } from "../../src/extract/html.js";
import { withKeepComments } from "../../src/core/route-options.js";
import type { TextBlock } from "../../src/extract/blocks.js";
import { chooseCandidate, matchToPage } from "../../src/extract/choose.js";
import type { PageBlock } from "../../src/extract/classify.js";
import { loadPipeline } from "../../src/run/pipeline-file.js";
import { auditLines } from "../../src/write/audit.js";

const NAV = `<header class="site"><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/shop">Shop</a></nav></header>`;
const FOOTER = `<footer><p>© 2026 Example Ltd. All rights reserved. <a href="/privacy">Privacy</a></p></footer>`;
const page = (body: string) => `<html lang="en"><head><title>Example</title></head><body>${NAV}${body}${FOOTER}</body></html>`;

const LEAD = "The council voted on Monday to extend the harbour wall by two hundred metres, ending a dispute that has divided the town for more than ten years and cost the fishermen a season.";
const HEADER_LEAD = page(`<main><article><header><h1>Harbour wall to be extended</h1><p class="lead">${LEAD}</p></header><div class="body">
<p>The work will begin in the spring, when the storms are over, and is expected to take three years. The harbour master said that boats would be moved to the north quay while the builders are there.</p>
<p>Shop owners on the quay had feared the noise of the works, but the council promised that no work would be done at night or at weekends, and that the quay would stay open.</p>
<p>The wall was first built in 1850 and was last repaired after the great storm of 1953, when the sea broke through it in two places and flooded the lower town.</p></div></article></main>`);

const DESCRIPTION = "This solid oak table seats six people in comfort and is finished with a natural oil that brings out the grain of the wood.";
const PRODUCT = page(`<div class="product"><div class="gallery"><img src="a.jpg"><img src="b.jpg"><a href="/zoom">Zoom</a></div><div class="info"><h1>Oak dining table</h1><p class="price">£499</p>
<div class="description"><p>${DESCRIPTION} It is made by hand in our workshop from timber that comes from forests that are managed for the long term.</p>
<p>The legs can be taken off for moving, and each table comes with a care kit so that you can keep the surface looking as good as the day it arrived.</p></div>
<button>Add to basket</button></div></div><div class="more"><h2>You may also like</h2><ul><li><a href="/chair">Oak chair</a></li><li><a href="/bench">Oak bench</a></li></ul></div>`);

const PANEL_1 = "The upper is made of waxed leather that is stitched by hand, and the sole is a rubber compound that was designed for the wet rock of the mountains where we test every pair.";
const PANEL_2 = "Clean the boots with a soft brush after each walk and let them dry slowly, away from a fire or a radiator, so that the leather does not crack; then wax them once a month.";
const TABS = page(`<article><h1>Walking boots</h1><p>Our lightest boots for long days on the hills, with a sole that grips on wet rock and a lining that keeps your feet dry.</p>
<div class="tabs"><ul role="tablist"><li role="tab">Details</li><li role="tab">Care</li></ul>
<div role="tabpanel" class="tab-panel"><p>${PANEL_1}</p></div><div role="tabpanel" class="tab-panel" hidden><p>${PANEL_2}</p></div></div></article>`);

const COOKIE_TEXT = "We use cookies and similar technologies to give you the best experience on our website, to analyse our traffic and to show you personalised content and advertising. By clicking accept you agree to our use of cookies as described in our cookie policy, which you can change at any time.";
const POST = "I went down to the market early this morning, before the crowds, and bought the first strawberries of the year from the old farmer who has the stall by the fountain.";
const SHORT_POST = page(`<div id="cookie-notice" class="notice"><p>${COOKIE_TEXT}</p><button>Accept</button></div>
<div class="post"><h2>A morning at the market</h2><p>${POST}</p><p>They were small and sweet and we ate them all before lunch.</p></div>`);

const COMMENT = "About time too, the old wall has been falling apart for as long as I can remember and the boats have nowhere safe to go in a storm.";
const WITH_COMMENTS = page(`<article><h1>Harbour wall</h1>
<p>The council voted on Monday to extend the harbour wall by two hundred metres, ending a dispute that has divided the town for more than ten years.</p>
<p>The work will begin in the spring, when the storms are over, and is expected to take three years. The harbour master said that boats would be moved to the north quay.</p>
<p>Shop owners on the quay had feared the noise of the works, but the council promised that no work would be done at night or at weekends.</p></article>
<section id="comments" class="comments"><h3>2 Comments</h3><div class="comment"><p class="author">Peter wrote:</p><p>${COMMENT}</p></div>
<div class="comment"><p class="author">Anna wrote:</p><p>I worry about the noise for the shops on the quay, but I am glad that the council finally made up its mind about the wall.</p></div></section>`);

// A thread outside the article whose author lines are permalinks, with reply links and a reply form.
const THREAD = page(`<article><h1>Harbour wall</h1>
<p>The council voted on Monday to extend the harbour wall by two hundred metres, ending a dispute that has divided the town for more than ten years.</p>
<p>The work will begin in the spring, when the storms are over, and is expected to take three years. The harbour master said that boats would be moved to the north quay.</p>
<p>Shop owners on the quay had feared the noise of the works, but the council promised that no work would be done at night or at weekends.</p></article>
<div id="comments"><ol class="commentlist"><li id="comment-1"><p class="meta"><a href="#comment-1">Peter Mills — July 17th, 2012, 6:18 pm</a></p><p>${COMMENT}</p><a class="reply" href="?replyto=1">Reply</a> <a href="?flag=1">flag this comment</a></li>
<li id="comment-2"><p class="meta"><a href="#comment-2">Anna Berg — July 18th, 2012, 8:12 am</a></p><p>I worry about the noise for the shops on the quay, but I am glad that the council finally made up its mind about the wall.</p><a class="reply" href="?replyto=2">Reply</a> <a href="?flag=2">flag this comment</a></li></ol>
<form id="commentform"><p>Your email address will not be published. Required fields are marked with a star.</p><label>Name</label><input name="author"><label>Website</label><input name="url"><button>Post Comment</button></form></div>`);

// Readability takes the blog's long "about me" box in the sidebar; the post is elsewhere on the page.
const POST_BODY = "We walked from the station to the old mill along the river, past the fields where the farmers were cutting hay, and stopped for lunch at the inn by the bridge before the rain came.";
const ABOUT = "I am a teacher, a mother of three and a keen walker, and I have written this blog since 2005 about the walks I take with my family in the hills and valleys of the north. ";
const SIDEBAR_BOX = page(`<div id="main"><div class="post"><h2>A walk to the mill</h2><div class="post-body"><p>${POST_BODY}</p></div></div></div>
<aside class="sidebar"><div class="widget"><h3>About me</h3><div class="widget-content"><p>${ABOUT.repeat(3)}</p><p>${ABOUT.repeat(2)}</p><p>${ABOUT.repeat(2)}</p></div></div></aside>`);

// The same box in a <div> its class calls a sidebar, inside a layout wrapper whose words name the sidebar too.
const SIDEBAR_DIV = page(`<div id="content-sidebar-wrap"><div id="main"><div class="post"><h1>A walk to the mill</h1><div class="post-body"><p>${POST_BODY}</p></div></div></div>
<div id="sidebar-wrapper"><div class="widget"><h3>About me</h3><div class="widget-content"><p>${ABOUT.repeat(3)}</p><p>${ABOUT.repeat(2)}</p><p>${ABOUT.repeat(2)}</p></div></div></div></div>`);

const html = loadPipeline("html");
function clean(source: string, options: { keepComments?: boolean; recordLeftOut?: boolean } = {}) {
  const extracted = extractHtmlSync(source, { recordLeftOut: options.recordLeftOut });
  const result = cleanDocument(htmlDocument(extracted, { id: "page", source: "page.html" }), withKeepComments(html, options.keepComments ?? false));
  return { extracted, result, text: result.text };
}

describe("two candidates and a stated choice", () => {
  it("adds a lead paragraph that sits in the article's <header>, outside Readability's node, and says so in metadata.extraction", () => {
    const { extracted, text } = clean(HEADER_LEAD);
    expect(text).toContain(LEAD);
    expect(text.indexOf(LEAD)).toBeLessThan(text.indexOf("The work will begin"));
    expect(extracted.meta.extraction).toMatchObject({ candidates: ["readability", "classifier"], chosen: "union", addedChars: expect.any(Number) });
    const numbers = extracted.meta.extraction as Record<string, number>;
    expect(numbers.addedChars).toBeGreaterThanOrEqual(LEAD.length);
    expect(numbers.sureShareInReadability).toBeLessThan(1);
    expect(text).not.toContain("All rights reserved");
  });

  it("keeps a product description beside a gallery, without the buttons, price or teasers", () => {
    const { text } = clean(PRODUCT);
    expect(text).toContain(DESCRIPTION);
    expect(text).toContain("each table comes with a care kit");
    expect(text).not.toMatch(/Add to basket|Zoom|Oak chair|Oak bench|You may also like/);
  });

  it("keeps a tab panel that a framework class hides until its tab is clicked (hidden prose), and removes a hidden label", () => {
    const care = PANEL_2 + " Store them in a cool dry place over the summer, stuffed with newspaper so that they keep their shape. New laces and insoles can be ordered from our shop at any time, and we repair soles for the life of the boot.";
    const tabs = TABS.replace('class="tab-panel" hidden><p>' + PANEL_2, 'class="tab-panel hidden"><p>' + care).replace("</article>", `<p>${LEAD}</p><p>${POST_BODY}</p><p>${POST}</p><p class="hidden">Open the care tab</p></article>`);
    const { text, result } = clean(tabs);
    expect(text).toContain(PANEL_1);
    expect(text).toContain(care);
    expect(text).not.toContain("Open the care tab");
    expect(result.removals.find((r) => r.text === "Open the care tab")?.rule).toBe("html/hidden");
  });

  it("keeps the visible tab panel's text and leaves out the tab labels; a hidden panel is not visible text", () => {
    const { text, result } = clean(TABS);
    expect(text).toContain(PANEL_1);
    expect(text).not.toMatch(/^(?:Details|Care)$/m);
    expect(text).not.toContain(PANEL_2);
    expect(result.doc.raw).not.toContain(PANEL_2);
  });

  it("keeps a blog post whose only long block is shorter than the cookie notice, and removes the notice with its rule", () => {
    const { text, result } = clean(SHORT_POST);
    expect(POST.length).toBeLessThan(COOKIE_TEXT.length);
    expect(text).toContain(POST);
    expect(text).toContain("They were small and sweet");
    expect(text).not.toContain("We use cookies");
    expect(result.removals.find((r) => r.text === COOKIE_TEXT)?.rule).toBe("html/cookie");
  });
});

describe("the classifier's candidate when Readability's node misses the content", () => {
  it("replaces a node whose text is all flagged (a box of linked teasers), though no sure content is near it", () => {
    const block = (text: string, extra: Partial<PageBlock> = {}): PageBlock => ({ text, kind: "text", linkDensity: 0, index: 0, label: "good", sure: false, signals: {}, ...extra });
    const teaser = "Story number 1, which many people read this week";
    const readability: TextBlock[] = [{ text: "Most viewed", kind: "heading", linkDensity: 0 }, { text: teaser, kind: "text", linkDensity: 1, mark: { rule: "html/link-block", reason: "" } }];
    const page = [block("Most viewed", { label: "short" }), block(teaser, { linkDensity: 1, label: "bad" }), block("A walk to the mill", { kind: "heading", label: "short" }), block(POST_BODY, { sure: true })].map((b, index) => ({ ...b, index }));
    const chosen = chooseCandidate(readability, matchToPage(readability, page), page);
    expect(chosen.choice).toBe("classifier");
    expect(chosen.added.map((b) => b.text)).toEqual(["A walk to the mill", POST_BODY]);
    expect(chosen.numbers).toMatchObject({ readabilityChars: 11, sureCharsInReadability: 0, sureCharsNearReadability: 0 });
  });

  it("replaces a long box in the page's <aside>, though it holds more text than the post", () => {
    const { extracted, text } = clean(SIDEBAR_BOX);
    expect(text).toContain(POST_BODY);
    expect(text).not.toContain("I am a teacher");
    expect(extracted.meta.extraction).toMatchObject({ chosen: "classifier", readabilityFurnitureShare: 1 });
  });

  it("reads a <div> whose class or id says sidebar as a landmark, but not a layout wrapper around both columns", () => {
    const { extracted, text } = clean(SIDEBAR_DIV);
    expect(text).toContain(POST_BODY);
    expect(text).not.toContain("I am a teacher");
    expect(extracted.meta.extraction).toMatchObject({ chosen: "classifier", readabilityFurnitureShare: 1 });
    const about = extracted.leftOut.find((f) => extracted.raw.slice(f.start, f.end).startsWith("I am a teacher"));
    expect(about?.features).toMatchObject({ landmark: "sidebar" });
  });

  it("keeps Readability's node when it holds the content (a short article beside the same sidebar is not replaced)", () => {
    const { extracted, text } = clean(WITH_COMMENTS);
    expect(text).toContain("The harbour master said");
    expect(extracted.meta.extraction).toMatchObject({ chosen: "readability", readabilityFurnitureShare: 0 });
  });
});

describe("--keep-comments", () => {
  it("drops the readers' comments by default, each with an html/comments record", () => {
    const { text, result } = clean(WITH_COMMENTS);
    expect(text).not.toContain(COMMENT);
    expect(text).toContain("The harbour master said");
    const comments = result.removals.filter((r) => r.rule === "html/comments").map((r) => r.text);
    expect(comments).toEqual(["2 Comments", "Peter wrote:", COMMENT, "Anna wrote:", expect.stringContaining("I worry about the noise")]);
  });

  it("keeps them as text with the option, still labelled in the metadata", () => {
    const { text, result } = clean(WITH_COMMENTS, { keepComments: true });
    expect(text).toContain(`Peter wrote:\n\n${COMMENT}`);
    expect(text.indexOf(COMMENT)).toBeGreaterThan(text.indexOf("The harbour master said"));
    expect(result.removals.filter((r) => r.rule === "html/comments")).toEqual([]);
    const labelled = (result.doc.meta.markup as Array<{ rule: string; start: number; end: number }>).filter((f) => f.rule === "html/comments");
    expect(labelled.map((f) => result.doc.raw.slice(f.start, f.end))).toContain(COMMENT);
  });
});

describe("comment threads outside the article", () => {
  it("with --keep-comments keep the linked author and date lines, without the reply links and the reply form", () => {
    const { text, result } = clean(THREAD, { keepComments: true });
    expect(text).toContain(`Peter Mills — July 17th, 2012, 6:18 pm\n\n${COMMENT}`);
    expect(text).toContain("Anna Berg — July 18th, 2012, 8:12 am");
    expect(text).not.toMatch(/^Reply|flag this comment/m);
    expect(text).not.toMatch(/email address will not be published|^Name$|^Website$|Post Comment/m);
    // Outside Readability's node, so left out by extraction, with the form's markup as the signal.
    const form = result.removals.filter((r) => r.rule === LEFT_OUT_RULE && r.features?.markup === "html/nav").map((r) => r.text);
    expect(form).toEqual(expect.arrayContaining(["Name", "Website", "Post Comment"]));
    expect(result.removals.filter((r) => r.text === "Reply flag this comment").map((r) => r.rule)).toEqual([LEFT_OUT_RULE, LEFT_OUT_RULE]);
  });

  it("by default go whole, each block with its record", () => {
    const { text, result } = clean(THREAD);
    expect(text).not.toContain(COMMENT);
    expect(text).not.toContain("Peter Mills");
    expect(result.removals.filter((r) => r.rule === "html/comments").map((r) => r.text)).toEqual(expect.arrayContaining([COMMENT, "Peter Mills — July 17th, 2012, 6:18 pm"]));
  });

  it("a reply form inside the article's own comment section is removed with --keep-comments too", () => {
    const inside = THREAD.replace("</article>\n<div id=\"comments\">", "<div id=\"comments\">").replace("</form></div>", "</form></div></article>");
    expect(inside).not.toBe(THREAD);
    const { text } = clean(inside, { keepComments: true });
    expect(text).toContain(COMMENT);
    expect(text).not.toMatch(/email address will not be published|^Name$|Post Comment/m);
  });
});

describe("a comment's own date line", () => {
  // The article's date line and each comment's, alone on their lines.
  const DATED = WITH_COMMENTS.replace("<h1>Harbour wall</h1>", "<h1>Harbour wall</h1><p class=\"when\">July 16, 2012</p>")
    .replace("<p class=\"author\">Peter wrote:</p>", "<p class=\"author\">Peter wrote:</p><p class=\"when\">July 17, 2012 at 6:18 pm</p>")
    .replace("<p class=\"author\">Anna wrote:</p>", "<p class=\"author\">Anna wrote:</p><p class=\"when\">July 18, 2012 at 8:12 am</p>");

  it("stays with its comment under --keep-comments, and is not taken for the article's timestamp", () => {
    const { text, result } = clean(DATED, { keepComments: true });
    expect(text).toContain(`Peter wrote:\n\nJuly 17, 2012 at 6:18 pm\n\n${COMMENT}`);
    expect(text).toContain("Anna wrote:\n\nJuly 18, 2012 at 8:12 am");
    // The article's own date line is still metadata.
    expect(text).not.toContain("July 16, 2012");
    expect(result.removals.filter((r) => r.rule === "meta/timestamp").map((r) => r.text)).toEqual(["July 16, 2012"]);
    expect(result.doc.meta.timestamp).toEqual(["July 16, 2012"]);
  });

  it("a bare clock time in a comment section (a video's length in a list) is still a timestamp", () => {
    const withDuration = DATED.replace("<p class=\"when\">July 18, 2012 at 8:12 am</p>", "<p class=\"when\">July 18, 2012 at 8:12 am</p><p class=\"duration\">3:06</p>");
    const { text, result } = clean(withDuration, { keepComments: true });
    expect(text).toContain("July 18, 2012 at 8:12 am");
    expect(text).not.toMatch(/^3:06$/m);
    expect(result.removals.filter((r) => r.text === "3:06").map((r) => r.rule)).toEqual(["meta/timestamp"]);
  });

  it("goes with its comment by default, recorded as html/comments", () => {
    const { text, result } = clean(DATED);
    expect(text).not.toContain("July 17, 2012");
    expect(result.removals.filter((r) => r.text === "July 17, 2012 at 6:18 pm").map((r) => r.rule)).toEqual(["html/comments"]);
    expect(result.doc.meta.timestamp).toEqual(["July 16, 2012"]);
  });
});

describe("a record for every block extraction leaves out", () => {
  it("puts each left-out visible block in the audit as an extraction record: its text, its place and the signals", () => {
    const { result, extracted } = clean(PRODUCT);
    const leftOut = result.removals.filter((r) => r.rule === LEFT_OUT_RULE);
    expect(leftOut.map((r) => r.text)).toEqual(["Home News Shop", "Zoom", "Oak dining table", "£499", "Add to basket", "You may also like", "Oak chair", "Oak bench", "© 2026 Example Ltd. All rights reserved. Privacy"]);
    const chair = leftOut.find((r) => r.text === "Oak chair")!;
    expect(chair).toMatchObject({ stage: "html-blocks", reason: expect.stringContaining("outside the extracted text") });
    expect(chair.features).toMatchObject({ pageBlock: 8, linkDensity: 1, label: "bad", path: expect.stringContaining("li") });
    expect(leftOut.find((r) => r.text.startsWith("©"))!.features).toMatchObject({ landmark: "footer" });
    expect((extracted.meta.extraction as Record<string, number>).leftOutBlocks).toBe(leftOut.length);
    const audit = auditLines(result, "out/page.txt", "html").trim().split("\n").map((line) => JSON.parse(line));
    expect(audit.filter((r) => r.rule === LEFT_OUT_RULE).map((r) => r.text)).toEqual(leftOut.map((r) => r.text));
  });

  it("every visible block of the page is either in the text or in a removal record", () => {
    for (const source of [HEADER_LEAD, PRODUCT, TABS, SHORT_POST, WITH_COMMENTS]) {
      const { result } = clean(source);
      const removed = result.removals.map((r) => r.text).join("\n");
      for (const block of ["Home News Shop", "© 2026 Example Ltd. All rights reserved. Privacy"]) expect(result.text.includes(block) || removed.includes(block)).toBe(true);
      expect(result.doc.raw.length).toBeGreaterThan(result.text.replace(/\n+/g, "\n").length);
    }
  });

  it("can be turned off: raw then holds only the extracted blocks and there are no extraction records", () => {
    const on = clean(PRODUCT);
    const off = clean(PRODUCT, { recordLeftOut: false });
    expect(off.text).toBe(on.text);
    expect(off.result.removals.filter((r) => r.rule === LEFT_OUT_RULE)).toEqual([]);
    expect(off.result.doc.raw).not.toContain("Oak chair");
    expect(on.result.doc.raw).toContain("Oak chair");
  });
});

describe("chaff clean --keep-comments and --no-extraction-records", () => {
  const CLI = join(import.meta.dirname, "../../dist/cli.js");
  const run = (flags: string[], jobs: number) => {
    const dir = mkdtempSync(join(tmpdir(), "chaff-comments-"));
    try {
      mkdirSync(join(dir, "in"));
      writeFileSync(join(dir, "in", "page.html"), WITH_COMMENTS);
      const result = spawnSync(process.execPath, [CLI, "clean", "in", "--out", "out", "-q", "--jobs", String(jobs), ...flags], { cwd: dir, encoding: "utf8" });
      expect(result.stderr).toBe("");
      expect(result.status).toBe(0);
      const audit = readFileSync(join(dir, "out.audit.jsonl"), "utf8").trim().split("\n").map((line) => JSON.parse(line));
      return { text: readFileSync(join(dir, "out", "page.txt"), "utf8"), rules: audit.filter((r) => r.type !== "document").map((r) => r.rule as string) };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };

  it("drops comments by default and keeps them with the flag; --no-extraction-records drops the left-out records only", () => {
    const dropped = run([], 1);
    expect(dropped.text).not.toContain(COMMENT);
    expect(dropped.rules).toContain("html/comments");
    expect(dropped.rules).toContain(LEFT_OUT_RULE);
    const kept = run(["--keep-comments"], 1);
    expect(kept.text).toContain(COMMENT);
    expect(kept.rules).not.toContain("html/comments");
    const quiet = run(["--no-extraction-records"], 1);
    expect(quiet.text).toBe(dropped.text);
    expect(quiet.rules).not.toContain(LEFT_OUT_RULE);
    expect(quiet.rules).toContain("html/comments");
  }, 180_000); // three CLI runs: seconds each, more on a loaded machine

  it("pool workers get the switches too", () => {
    const kept = run(["--keep-comments", "--no-extraction-records"], 2);
    expect(kept.text).toContain(COMMENT);
    expect(kept.rules).not.toContain("html/comments");
    expect(kept.rules).not.toContain(LEFT_OUT_RULE);
  }, 120_000);
});

describe("html/link-block spares linked content of the story", () => {
  const story = `<p>The council published its sources for the harbour report on Monday, and the harbour master said that every reader could check them before the vote.</p>`.repeat(3);
  const removedBy = (list: string) => {
    const extracted = extractHtmlSync(page(`<article>${story}<ul>${list}</ul>${story}</article>`), { recordLeftOut: false });
    return cleanDocument(htmlDocument(extracted, { id: "p", source: "p.html" }), html).removals.map((r) => [r.rule, r.text]);
  };
  it("keeps a list of written-out addresses and of linked whole sentences", () => {
    expect(removedBy(`<li><a href="http://www.bbc.co.uk/programmes/b01k9npg">http://www.bbc.co.uk/programmes/b01k9npg</a></li><li>Mari <a href="https://example.org/mari">https://example.org/mari</a></li>`)).toEqual([]);
    expect(removedBy(`<li><a href="/news/1">We added Ruby support and VPC integration to the service, and lowered the price of the small instances.</a></li>`)).toEqual([]);
  });
  it("still removes teaser headlines: a run of linked lines, or one under a short label", () => {
    expect(removedBy(`<li><a href="/news/1">Storm damages the old pier</a></li><li><a href="/news/2">Ferry timetable changes</a></li>`)).toEqual([
      ["html/link-block", "Storm damages the old pier"],
      ["html/link-block", "Ferry timetable changes"],
    ]);
    const extracted = extractHtmlSync(page(`<article>${story}<p>ON THE COAST</p><ul><li><a href="/news/1">Storm damages the old pier</a></li></ul>${story}</article>`), { recordLeftOut: false });
    const removals = cleanDocument(htmlDocument(extracted, { id: "p", source: "p.html" }), html).removals;
    expect(removals.filter((r) => r.rule === "html/link-block").map((r) => r.text)).toEqual(["Storm damages the old pier"]);
  });

  it("keeps a single linked heading or list item between paragraphs of the story (what the story names and links)", () => {
    const review = (item: string) =>
      `<p>The charger in my car gave up in the summer, and the one I bought instead has been on every trip since then without a fault.</p>${item}<p>It charges a laptop and a phone at once, and it is small enough that it never gets in the way of the gear stick.</p>`;
    const extracted = extractHtmlSync(page(`<article>${story}${review(`<h3><a href="/go/satechi">Satechi 72W USB-C Car Charger</a></h3>`)}${review(`<ul><li><a href="/go/amazon">Get it on Amazon for $39.99</a></li></ul>`)}${story}</article>`), { recordLeftOut: false });
    const { text, removals } = cleanDocument(htmlDocument(extracted, { id: "p", source: "p.html" }), html);
    expect(removals.filter((r) => r.rule === "html/link-block")).toEqual([]);
    expect(text).toContain("Satechi 72W USB-C Car Charger\n\nIt charges a laptop");
    expect(text).toContain("Get it on Amazon for $39.99");
  });

  it("keeps a linked heading that is the page's own title (a blog post's title linking to itself)", () => {
    const title = "Announcing the winners of the harbour photo prize";
    const source = page(`<article><h3 class="post-title"><a href="/2012/10/winners.html">${title}</a></h3>${story}</article>`).replace("<title>Example</title>", `<title>${title}</title>`);
    const { text, removals } = cleanDocument(htmlDocument(extractHtmlSync(source, { recordLeftOut: false }), { id: "p", source: "p.html" }), html);
    expect(removals.filter((r) => r.rule === "html/link-block")).toEqual([]);
    expect(text.startsWith(title)).toBe(true);
    // Another page's headline in the same place is a teaser still.
    const other = source.replace(`<title>${title}</title>`, "<title>Harbour news</title>");
    const removed = cleanDocument(htmlDocument(extractHtmlSync(other, { recordLeftOut: false }), { id: "p", source: "p.html" }), html).removals;
    expect(removed.filter((r) => r.rule === "html/link-block").map((r) => r.text)).toEqual([title]);
  });
});

describe("the story's end inside Readability's node", () => {
  const STORY = [
    "The council voted on Monday to extend the harbour wall by two hundred metres, ending a dispute that has divided the town for more than ten years and cost the fishermen a season.",
    "The work will begin in the spring, when the storms are over, and is expected to take three years. The harbour master said that boats would be moved to the north quay while the builders are there.",
    "Shop owners on the quay had feared the noise of the works, but the council promised that no work would be done at night or at weekends, and that the quay would stay open.",
  ];
  const TEASER = "Prices at the fish market rose again this week";
  const TAIL = page(`<div class="page"><h1>Harbour wall</h1>${STORY.map((p) => `<p>${p}</p>`).join("")}
<div class="related-stories"><h2>More from the coast</h2><ul><li><a href="/a">Lifeboat crew honoured</a></li><li><a href="/b">Ferry timetable changes</a></li></ul></div>
<p>${TEASER}</p><p>RSS</p></div>`);

  it("leaves out the node's unflagged blocks after a related section that follows the last sure block, each with a record", () => {
    const { extracted, text, result } = clean(TAIL);
    for (const p of STORY) expect(text).toContain(p);
    expect(text).not.toContain(TEASER);
    expect(text).not.toMatch(/^RSS$/m);
    const record = result.removals.find((r) => r.text === TEASER);
    expect(record?.rule).toBe(LEFT_OUT_RULE);
    expect(record?.reason).toMatch(/below the story/);
    expect(extracted.meta.extraction).toMatchObject({ tailCutBlocks: 2 });
  });

  it("keeps what the classifier is sure of after the section, and cuts nothing without a section", () => {
    const sure = "The harbour master added later that the fishermen would be paid for the weeks they lose while the wall is built, and that the council has set aside money for it in next year's budget.";
    const { text } = clean(TAIL.replace(`<p>${TEASER}</p>`, `<p>${sure}</p><p>${TEASER}</p>`));
    expect(text).toContain(sure);
    const { text: plain, extracted } = clean(TAIL.replace(/<div class="related-stories">.*?<\/div>/s, ""));
    expect(plain).toContain(TEASER);
    expect(extracted.meta.extraction).toMatchObject({ tailCutBlocks: 0 });
  });
});

describe("html/related narrowed: a related class word on prose", () => {
  const REST = [
    "The Bill would require telecommunications companies to store the metadata of their customers for two years, and the agencies could read it without a warrant.",
    "And that should ring warning bells for anyone who is genuinely concerned with the health of our democracy and with the freedom of the press to report on it.",
  ];
  const story = (more: string) => page(`<div class="story"><h1>Media will not buckle</h1>
<p>A high-powered government team has been doing the rounds of media organisations in the past week, trying to calm the anger over the new surveillance laws.</p>
<p>The roadshow featured the national security adviser and officials from the attorney-general's department, who met editors and lawyers in three cities.</p>${more}</div>`);

  it("keeps a 'read more' expander that holds the rest of the story (unlinked paragraphs)", () => {
    const { text, result } = clean(story(`<div id="read-more"><div class="read-more-content">${REST.map((p) => `<p>${p}</p>`).join("")}</div></div>`));
    for (const p of REST) expect(text).toContain(p);
    expect(result.removals.filter((r) => r.rule === "html/related")).toEqual([]);
  });

  it("still removes a related list whose headlines are links", () => {
    const { text, result } = clean(story(`<div class="related-stories"><p><a href="/a">Press council warns on metadata</a> The council says the law would crush investigative journalism.</p><p><a href="/b">Union wants journalists exempted</a> Its secretary wrote to the minister.</p></div>`));
    expect(text).not.toContain("Press council warns on metadata");
    expect(result.removals.some((r) => r.rule === "html/related" && r.text.startsWith("Press council warns"))).toBe(true);
  });
});
