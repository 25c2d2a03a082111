// HTML page -> article text blocks and metadata. Readability finds the article; we walk
// its element into blocks that keep their kind, and flag blocks whose markup says junk
// (the `html-blocks` stage turns those flags into audited findings).
//
// DOM: pages parse on linkedom, and on jsdom (the reference DOM) when linkedom throws or
// finds no text where jsdom may (see `JSDOM_WHEN`); src/extract/dom.ts says why both are safe
// (no script runs, nothing is fetched).
import { Readability } from "@mozilla/readability";
import type { Block, BlockKind, Document, Features, MarkupFlag } from "../core/document.js";
import { createDocument } from "../core/document.js";
import type { Charset, CharsetSource } from "./decode.js";
import { CAPTION_CLASS, classAndId, structureFields, structureOf, walkBlocks, type TextBlock } from "./blocks.js";
import { copyCarriedMark, findMarks, premarked, premarkTree, type MarkCarrier } from "./mark.js";
import { readAttributes, type ElementAttributes } from "./linkedom-reads.js";
import { BLOCK_CLASSIFIER, classifyBlocks, type PageBlock } from "./classify.js";
import { chooseCandidate, MARKS_OVER_SHARE_GUARD, matchToPage } from "./choose.js";
import { COMMENTS_RULE, htmlRouteOptions, LEFT_OUT_META_KEY, LEFT_OUT_RULE } from "../core/route-options.js";
export { LEFT_OUT_META_KEY, LEFT_OUT_RULE };
import { LINK_BLOCK_RULE, SHARE_LINK_RULE, TAG_LINK_RULE } from "../rules/html-junk.js";
import { decodeAndPrestrip } from "./prestrip.js";
import { forgetTextLengths, innerTextLength, linkTextLength, WEIGHTED_LINK } from "./text-lengths.js";
import { firstElementWith, linkedomMarkupSnapshot, parseHtml, releaseDocument, type DomName } from "./dom.js";
export { loadDom, type DomName } from "./dom.js";

export interface ExtractOptions {
  /** The page's URL: resolves the canonical link and is recorded in the metadata. */
  url?: string;
  /** The HTTP Content-Type header, when known: its charset wins over the page's own. */
  contentType?: string;
  /** Put the article's title first in the text as a `title` block (default: only in the metadata). */
  includeTitle?: boolean;
  /** Readability's minimum article length in characters (its default is 500). */
  charThreshold?: number;
  /** Parse on this DOM only (tests and comparisons); by default linkedom, and jsdom when `JSDOM_WHEN` says. */
  dom?: DomName;
  /**
   * Carry premarked marks as attributes on linkedom too, as on jsdom (tests compare the two; see
   * MarkCarrier in src/extract/mark.ts). By default linkedom's elements carry them on themselves.
   */
  marksOnAttributes?: boolean;
  /**
   * Put the page's visible text that extraction leaves out into `raw` too, each block flagged
   * `extraction/left-out` with the signals that decided (the `html-blocks` stage reports them,
   * so the audit has a record per block). Default true; false for very large runs: `raw`
   * then holds only the extracted blocks and the audit is smaller.
   */
  recordLeftOut?: boolean;
}


export interface HtmlMeta {
  title?: string;
  /** A list, like the bylines the text stages move into the metadata. */
  byline?: string[];
  siteName?: string;
  publishedTime?: string;
  lang?: string;
  url?: string;
  canonicalUrl?: string;
  charset: string;
  charsetSource: CharsetSource;
  /** The charset the page or server declared when the bytes overruled it (see src/read/decode.ts). */
  charsetDeclared?: string;
  /** "readability": Readability found the article; "fallback": the page's visible text. */
  route: "readability" | "fallback";
  /** Which candidate(s) made the text and why, in numbers (see src/extract/choose.ts). */
  extraction?: Record<string, unknown>;
  /** Blocks whose markup says junk (share bars, related lists...), reported by the `html-blocks` stage. */
  markup: MarkupFlag[];
  [key: string]: unknown;
}

export interface ExtractedHtml {
  /** Blocks joined with "\n": one block per line. */
  raw: string;
  blocks: Block[];
  meta: HtmlMeta;
  /** The blocks extraction left out (in `raw` with `recordLeftOut`), flagged LEFT_OUT_RULE with their signals. */
  leftOut: MarkupFlag[];
}

/** The meta key under which the markup flags travel in a Document (read by the `html-blocks` stage). */
export const MARKUP_META_KEY = "markup";

/** Readability's default minimum article length; a shorter article sends us to the fallback. */
const DEFAULT_CHAR_THRESHOLD = 500;

/**
 * Extracts the article of one HTML page. Synchronous; the parsed document is dropped before
 * it returns. In a loop over many pages, `await yieldToEventLoop()` between pages (or use
 * `extractHtml`, which does) so the heap can settle.
 */
export function extractHtmlSync(input: Uint8Array | string, options: ExtractOptions = {}): ExtractedHtml {
  const recordLeftOut = options.recordLeftOut ?? htmlRouteOptions().recordLeftOut ?? true;
  const page: PreparedPage = {
    ...decodeAndPrestrip(input, options.contentType, { keepNavigation: recordLeftOut }),
    recordLeftOut,
    url: options.url && URL.canParse(options.url) ? options.url : undefined,
  };
  if (options.dom) return extractOn(options.dom, page, options);
  let light: ExtractedHtml;
  try {
    light = extractOn("linkedom", page, options);
  } catch (error) {
    return onReference(page, options, `linkedom failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  const why = JSDOM_WHEN.find((rule) => rule.test(light, page));
  return why ? onReference(page, options, why.reason) : light;
}

/** A page decoded and prestripped, ready to parse on either DOM. */
interface PreparedPage {
  html: string;
  withUnseen: string;
  decoded: Charset;
  recordLeftOut: boolean;
  url: string | undefined;
}

/**
 * When a page extracted on linkedom is extracted again on jsdom, the reference DOM. The tree is
 * the same on both (parse5 builds it, see linkedom-tree.ts) and so was every output on the five
 * benchmark sets (923 pages), but linkedom covers less of the DOM standard than jsdom: a page that
 * makes it throw goes to jsdom, and so does a light result with no text at all, which must never
 * stand for a page jsdom could read. Each rule with an example.
 */
export const JSDOM_WHEN: ReadonlyArray<{ reason: string; test: (light: ExtractedHtml, page: PreparedPage) => boolean; example: string }> = [
  {
    reason: "linkedom found no text",
    // A page with no text between the tags of its body is empty on any DOM: no second parse.
    test: (light, page) => light.raw.trim() === "" && TEXT_BETWEEN_TAGS.test(bodyOf(page.withUnseen)),
    example: "<body><p>text</p></body> extracted as '' on linkedom: jsdom gets the chance to find the text",
  },
];
/** Something other than white space outside the tags (entities count: the check only spares a second parse). */
const TEXT_BETWEEN_TAGS = /(?:^|>)[^<]*[^\s<]/;
/** From the <body> tag on (the head's title and JSON-LD are not text of the page), or all of a page without one. */
function bodyOf(html: string): string {
  const at = html.search(BODY_TAG);
  return at < 0 ? html : html.slice(at);
}
const BODY_TAG = /<body[\s>]/i;

/** The page on jsdom, with why in `meta.extraction`. */
function onReference(page: PreparedPage, options: ExtractOptions, reason: string): ExtractedHtml {
  const extracted = extractOn("jsdom", page, options);
  extracted.meta.extraction = { ...extracted.meta.extraction, domFallback: reason };
  return extracted;
}

function extractOn(dom: DomName, page: PreparedPage, options: ExtractOptions): ExtractedHtml {
  const { decoded, recordLeftOut, url } = page;
  const document = parseHtml(page.html, dom);
  try {
    const lang = document.documentElement.getAttribute("lang")?.trim() || undefined;
    const canonicalUrl = canonicalOf(document, url, page.html);
    const pageTitle = document.title?.trim() || undefined;

    if (document.body) premarkTree(document.body, captionOrSelf, markCarrier(dom, options));
    // The whole page's blocks, classified, before Readability takes the document apart.
    const pageBlocks = document.body ? classifyBlocks(walkBlocks(document.body, pageMark, true)) : [];
    // Readability edits the document it reads, so anything we need from the page is read first.
    const reader = readerOf(document, options, dom);
    const article = reader.parse();

    let route: HtmlMeta["route"] = "readability";
    let textBlocks = article?.content ? blocksOf(article.content, [clean(article.title), pageTitle]) : [];
    if (unmarkedChars(textBlocks) === 0) {
      // Readability found no article (or only junk): take the visible text of the whole page,
      // freshly parsed because Readability has already taken the document apart. The text
      // stages clean it. (Falling back whenever Readability's guess is short was tried: on
      // AEB it swaps short real articles for whole pages, F1 0.971 -> 0.966.)
      route = "fallback";
      textBlocks = fallbackBlocks(page.withUnseen, dom);
    }
    let extraction: HtmlMeta["extraction"];
    if (route === "readability" && pageBlocks.length) {
      const merged = mergeCandidates(textBlocks, pageBlocks, recordLeftOut);
      textBlocks = merged.blocks;
      extraction = merged.extraction;
    } else extraction = { candidates: route === "fallback" ? "page text (Readability found no article)" : "readability", chosen: route };
    extraction.dom = dom;
    const title = clean(article?.title) ?? pageTitle;
    if (options.includeTitle && title) textBlocks.unshift({ text: title.replace(/\s+/g, " "), kind: "title", linkDensity: 0 });

    const meta: HtmlMeta = {
      charset: decoded.charset,
      charsetSource: decoded.charsetSource,
      route,
      markup: [],
    };
    if (extraction) meta.extraction = extraction;
    if (decoded.charsetDeclared) meta.charsetDeclared = decoded.charsetDeclared;
    setIf(meta, "title", title);
    const byline = clean(article?.byline);
    if (byline) meta.byline = [byline];
    setIf(meta, "siteName", clean(article?.siteName));
    setIf(meta, "publishedTime", clean(article?.publishedTime));
    setIf(meta, "lang", clean(article?.lang) ?? lang);
    setIf(meta, "url", url);
    setIf(meta, "canonicalUrl", canonicalUrl);
    return assemble(textBlocks, meta);
  } finally {
    releaseDocument(document, dom);
  }
}

/** How premarked marks travel on `dom`: jsdom's retry writes the body out and parses it again, so only attributes survive it there. */
function markCarrier(dom: DomName, options: ExtractOptions): MarkCarrier {
  return dom === "linkedom" && !options.marksOnAttributes ? "elements" : "attributes";
}

/** Readability on `document` with chaff's options and its steps adapted (same choices, less work); `dom` is the DOM that parsed it. */
export function readerOf(document: globalThis.Document, options: ExtractOptions = {}, dom?: DomName): Readability<Element> {
  const reader = new Readability<Element>(document, {
    keepClasses: true,
    serializer: (node) => node as Element,
    charThreshold: options.charThreshold ?? DEFAULT_CHAR_THRESHOLD,
  });
  withTagLookups(reader);
  withoutLogSerialisation(reader);
  withTextTestsThatStopEarly(reader);
  if (dom === "linkedom") {
    withRetryFromSnapshot(reader);
    withVisibilityFromStyleAttribute(reader);
    withTextKeptPerWeighing(reader);
    withLengthsKeptWhileScoring(reader);
    if (markCarrier(dom, options) === "elements") carryMarkThroughReadability(reader);
  }
  return reader;
}

/**
 * Readability copies an element's attributes onto another in two places: `_setNodeTag` (a <div>
 * made a <p>, a <font> a <span>: the new element gets all of them) and `_simplifyNestedElements`
 * (a <div> or <section> whose only child is one of those gives the child its attributes, then
 * takes its place). A mark carried on the element (MarkCarrier "elements") is copied there as its
 * attributes would be; everywhere else Readability moves elements, and the mark moves with them.
 * (A retry's snapshot keeps marks itself: linkedom-snapshot.ts.)
 */
function carryMarkThroughReadability(reader: Readability<Element>): void {
  const steps = reader as unknown as CopyingSteps;
  steps._setNodeTag = setNodeTagCarryingMark;
  steps._simplifyNestedElements = simplifyNestedElementsCarryingMarks;
  steps._hasSingleTagInsideElement = hasSingleTagInsideElementCarryingMark;
}
type CopyingSteps = {
  _setNodeTag(node: Element, tag: string): Element;
  _simplifyNestedElements(articleContent: Element): void;
  _hasSingleTagInsideElement(element: Element, tag: string): boolean;
};
const COPYING_STEPS = Readability.prototype as unknown as CopyingSteps;
function setNodeTagCarryingMark(this: CopyingSteps, node: Element, tag: string): Element {
  const replacement = COPYING_STEPS._setNodeTag.call(this, node, tag);
  copyCarriedMark(node, replacement);
  return replacement;
}
/** Whether `_simplifyNestedElements` runs: there, a single <div> or <section> found inside an element is about to take its attributes. */
let simplifying = false;
function simplifyNestedElementsCarryingMarks(this: CopyingSteps, articleContent: Element): void {
  simplifying = true;
  try {
    COPYING_STEPS._simplifyNestedElements.call(this, articleContent);
  } finally {
    simplifying = false;
  }
}
function hasSingleTagInsideElementCarryingMark(this: CopyingSteps, element: Element, tag: string): boolean {
  const single = COPYING_STEPS._hasSingleTagInsideElement.call(this, element, tag);
  if (single && simplifying) copyCarriedMark(element, element.children[0]);
  return single;
}

/**
 * `_cleanConditionally` weighs each <div>, <table>, <ul>... of the article: it asks `_getInnerText`
 * of the node up to six times (its list share, its commas, its words, its link and text densities),
 * and the densities the text length of every link or element of some tags below it, each built anew
 * from the text nodes, so the text of a deep nest was gathered once per level below every level
 * (forty 500-deep nests: ~10 s). Here, for one call of `_cleanConditionally`, each element's text
 * is kept and asked again, and the densities take their lengths from text-lengths.ts (each
 * element's from its children's: the same numbers). Kept values stay true through the call: it
 * changes the tree only by removing a node it has weighed, and it weighs the nodes in reverse
 * document order, so every node inside one is weighed (and removed, or not) before it, and any node
 * whose text a removal changes (one holding the removed node) is weighed after it and has nothing
 * kept yet. All is dropped when the call returns. Readability's own steps do everything else.
 */
function withTextKeptPerWeighing(reader: Readability<Element>): void {
  const steps = reader as unknown as WeighingSteps;
  steps._cleanConditionally = cleanConditionallyKeepingText;
  steps._getInnerText = innerTextKept;
  steps._getLinkDensity = linkDensityKept;
  steps._getTextDensity = textDensityKept;
}
type WeighingSteps = {
  REGEXPS: { hashUrl: RegExp };
  _getAllNodesWithTag(node: Element, tags: string[]): ArrayLike<Element>;
  _getLinkDensity(element: Element): number;
  _getTextDensity(element: Element, tags: string[]): number;
  _cleanConditionally(e: Element, tag: string): void;
  _getInnerText(e: Node, normalizeSpaces?: boolean): string;
};
const READABILITY_STEPS = Readability.prototype as unknown as WeighingSteps;
/** Whether a `_cleanConditionally` runs, and the texts kept while it does. */
const weighing = { active: false, normalized: new Map<Node, string>(), asIs: new Map<Node, string>() };
function cleanConditionallyKeepingText(this: WeighingSteps, e: Element, tag: string): void {
  weighing.active = true;
  try {
    READABILITY_STEPS._cleanConditionally.call(this, e, tag);
  } finally {
    weighing.active = false;
    weighing.normalized.clear();
    weighing.asIs.clear();
    forgetTextLengths();
  }
}
function innerTextKept(this: WeighingSteps, e: Node, normalizeSpaces?: boolean): string {
  if (!weighing.active) return READABILITY_STEPS._getInnerText.call(this, e, normalizeSpaces);
  // As Readability reads its argument: absent means normalised.
  const kept = (normalizeSpaces === undefined ? true : normalizeSpaces) ? weighing.normalized : weighing.asIs;
  let text = kept.get(e);
  if (text === undefined) kept.set(e, (text = READABILITY_STEPS._getInnerText.call(this, e, normalizeSpaces)));
  return text;
}
/**
 * `_grabArticle` scores the ancestors of every paragraph (up to five levels) as candidates, then
 * scales each candidate's score by its `_getLinkDensity`: the text of the candidate and of each link
 * in it built anew, for wrappers that hold most of the page (~2% of the HTML route on AEB). From the
 * first candidate it initialises (`_initializeNode`, after the walk that asks `_isProbablyVisible` of
 * each element) to the next element it creates (the article's <div>, or the <div> it moves the body
 * into), it only reads the tree: the densities there take their lengths from text-lengths.ts, as while
 * `_cleanConditionally` weighs. The lengths are dropped when an element is created; a retry walks again.
 */
function withLengthsKeptWhileScoring(reader: Readability<Element>): void {
  const steps = reader as unknown as ScoringSteps;
  steps._isProbablyVisible = isProbablyVisibleWhileWalking;
  steps._initializeNode = initializeNodeWhileScoring;
  const grab = steps._grabArticle;
  steps._grabArticle = function (this: ScoringSteps, page?: Element | null) {
    const document = this._doc;
    scoring.createElement = document.createElement;
    document.createElement = createElementEndingScoring;
    try {
      return grab.call(this, page);
    } finally {
      endScoring();
      delete (document as { createElement?: unknown }).createElement;
    }
  };
}
type ScoringSteps = ReadabilitySteps & { _isProbablyVisible(node: Element): boolean; _initializeNode(node: Element): void };
/** Where `_grabArticle` is: walking the page, scoring (the tree unchanged, lengths kept), or neither. */
const NEITHER = 0;
const WALKING = 1;
const SCORING = 2;
const scoring = { phase: NEITHER, createElement: undefined as unknown as globalThis.Document["createElement"] };
function isProbablyVisibleWhileWalking(node: Element): boolean {
  scoring.phase = WALKING;
  return isProbablyVisible(node);
}
function initializeNodeWhileScoring(this: ScoringSteps, node: Element): void {
  if (scoring.phase === WALKING) scoring.phase = SCORING;
  (READABILITY_STEPS as unknown as ScoringSteps)._initializeNode.call(this, node);
}
function createElementEndingScoring(this: globalThis.Document, ...args: Parameters<globalThis.Document["createElement"]>): HTMLElement {
  // The walk creates elements too (a <p> for a <div> of text): only the scoring ends here.
  if (scoring.phase === SCORING) endScoring();
  return scoring.createElement.apply(this, args);
}
/** The tree may change now: the lengths kept while scoring are dropped, and only a new walk starts scoring again. */
function endScoring(): void {
  if (scoring.phase === SCORING) forgetTextLengths();
  scoring.phase = NEITHER;
}

/** Readability 0.6's `_getLinkDensity`, its lengths from the kept ones while `_cleanConditionally` runs or `_grabArticle` scores: the links' from their sum kept per element, or, when one is weighted, added as Readability adds them. */
function linkDensityKept(this: WeighingSteps, element: Element): number {
  if (!weighing.active && scoring.phase !== SCORING) return READABILITY_STEPS._getLinkDensity.call(this, element);
  const textLength = innerTextLength(element);
  if (textLength === 0) return 0;
  const unweighted = linkTextLength(element, this.REGEXPS.hashUrl);
  if (unweighted !== WEIGHTED_LINK) return unweighted / textLength;
  let linkLength = 0;
  const links = element.getElementsByTagName("a");
  for (let i = 0; i < links.length; i++) {
    const href = links[i].getAttribute("href");
    const coefficient = href && this.REGEXPS.hashUrl.test(href) ? 0.3 : 1;
    linkLength += innerTextLength(links[i]) * coefficient;
  }
  return linkLength / textLength;
}
/** Readability 0.6's `_getTextDensity`, its lengths from the kept ones while `_cleanConditionally` runs. */
function textDensityKept(this: WeighingSteps, element: Element, tags: string[]): number {
  if (!weighing.active) return READABILITY_STEPS._getTextDensity.call(this, element, tags);
  const textLength = innerTextLength(element);
  if (textLength === 0) return 0;
  let childrenLength = 0;
  const children = this._getAllNodesWithTag(element, tags);
  for (let i = 0; i < children.length; i++) childrenLength += innerTextLength(children[i]);
  return childrenLength / textLength;
}

/** The private steps of Readability 0.6.0 that chaff calls or replaces (test/extract/readability-steps.test.ts holds them to it). */
interface ReadabilitySteps {
  _doc: globalThis.Document;
  _debug: boolean;
  _grabArticle(page?: Element | null): Element | null;
  _postProcessContent(article: Element): void;
}

/**
 * Readability 0.6's `_grabArticle` starts with `pageCacheHtml = page.innerHTML` (the whole body,
 * serialised) so that a retry with looser flags can restore the body (`page.innerHTML =
 * pageCacheHtml`); ~9% of extraction on the five benchmark sets, where 95 of 923 pages retry.
 * On linkedom that first read takes a snapshot instead (linkedom-snapshot.ts: a walk that serialises
 * nothing) and gives a token; a retry that sets the token gets the nodes linkedom would parse from
 * the snapshot's markup (the string Readability would have cached), built from the snapshot without
 * writing or parsing it (`rebuild`), or, where that declines, that markup, parsed. Any other read or
 * write of `innerHTML` is the DOM's own. (jsdom, the reference and rare fallback, runs Readability's
 * own way.)
 */
function withRetryFromSnapshot(reader: Readability<Element>): void {
  const steps = reader as unknown as ReadabilitySteps;
  const grab = steps._grabArticle;
  steps._grabArticle = function (this: ReadabilitySteps, page?: Element | null) {
    const body = page ?? this._doc.body;
    if (!body) return grab.call(this, page);
    const own = innerHtmlOf(body);
    let snapshot: ReturnType<typeof linkedomMarkupSnapshot> | undefined;
    let markup: string | undefined;
    Object.defineProperty(body, "innerHTML", {
      configurable: true,
      get(this: Element) {
        if (snapshot) return own.get!.call(this);
        snapshot = linkedomMarkupSnapshot(this);
        return BODY_BEFORE_GRAB;
      },
      set(this: Element, html: string) {
        if (snapshot && html === BODY_BEFORE_GRAB) {
          if (!snapshot.rebuild(this)) own.set!.call(this, (markup ??= snapshot.markup()));
        } else own.set!.call(this, html);
      },
    });
    try {
      return grab.call(this, page);
    } finally {
      delete (body as { innerHTML?: string }).innerHTML;
    }
  };
}
/** Stands for the body's markup when `_grabArticle` starts (no page's markup is this string). */
const BODY_BEFORE_GRAB = "\u0000chaff: the body as _grabArticle found it";

/** The DOM's own `innerHTML` accessors for `element` (on its prototype chain). */
function innerHtmlOf(element: Element): PropertyDescriptor {
  for (let proto = Object.getPrototypeOf(element); proto; proto = Object.getPrototypeOf(proto)) {
    const descriptor = Object.getOwnPropertyDescriptor(proto, "innerHTML");
    if (descriptor) return descriptor;
  }
  throw new Error("this DOM's elements have no innerHTML");
}

/**
 * Two of Readability's tests read an element's whole `textContent` (a string of all the text below
 * it) for every element `_grabArticle` walks, ~2% of extraction: `_isElementWithoutContent` only to
 * see whether any of it is not white space, `_isValidByline` before the cheap tests that decide most
 * elements. The same answers: the first stops at the first text that is not white space (`\S` is
 * the white space `trim` removes), the second reads the text only for an element its attribute or
 * class test let through. Both read the document and change nothing, as Readability's.
 */
function withTextTestsThatStopEarly(reader: Readability<Element>): void {
  const steps = reader as unknown as TextTests;
  // The same two functions for every reader: a function made anew per page is optimised anew per page.
  steps._isElementWithoutContent = isElementWithoutContent;
  steps._isValidByline = isValidByline;
}
type TextTests = {
  _isElementWithoutContent(node: Element): boolean;
  _isValidByline(node: Element, matchString: string): boolean;
  REGEXPS: { byline: RegExp };
};
function isElementWithoutContent(node: Element): boolean {
  return (
    node.nodeType === ELEMENT_NODE &&
    !hasVisibleText(node) &&
    (!node.children.length || node.children.length == node.getElementsByTagName("br").length + node.getElementsByTagName("hr").length)
  );
}
function isValidByline(this: TextTests, node: Element, matchString: string): boolean {
  const rel = node.getAttribute("rel");
  const itemprop = node.getAttribute("itemprop");
  if (!(rel === "author" || (itemprop && itemprop.includes("author")) || this.REGEXPS.byline.test(matchString))) return false;
  const bylineLength = (node.textContent ?? "").trim().length;
  return !!bylineLength && bylineLength < 100;
}

/**
 * Readability's `_isProbablyVisible` reads `node.style.display` and `.visibility` of every element
 * `_grabArticle` walks. On linkedom each first `style` read builds a CSSStyleDeclaration (a Map
 * behind a Proxy, and an entry in a WeakMap that the garbage collector must trace), and each
 * property read goes through the Proxy and hyphenates the name: ~2% of the worker's time. The same
 * answer read from the `style` attribute, parsed as linkedom's CSSStyleDeclaration parses it
 * (`styleDeclaration`); prestrip has left only `display:none`/`visibility:hidden` there anyway.
 * Every linkedom element has a `style`, so Readability's null checks always pass. Linkedom only:
 * jsdom, the reference, answers with its own CSS parser.
 */
function withVisibilityFromStyleAttribute(reader: Readability<Element>): void {
  (reader as unknown as { _isProbablyVisible: typeof isProbablyVisible })._isProbablyVisible = isProbablyVisible;
}
function isProbablyVisible(node: Element): boolean {
  const style = node.getAttribute("style");
  return (
    (style === null || (styleDeclaration(style, "display") != "none" && styleDeclaration(style, "visibility") != "hidden")) &&
    !node.hasAttribute("hidden") &&
    // Wikimedia's math images (class fallback-image) count as visible, as in Readability.
    (!node.hasAttribute("aria-hidden") ||
      node.getAttribute("aria-hidden") != "true" ||
      !!(node.className && node.className.includes && node.className.includes("fallback-image")))
  );
}

/**
 * A property of a style attribute as linkedom's CSSStyleDeclaration reads it (its `updateKeys`):
 * declarations split at `;` (linkedom splits at `\s*;\s*`, a pattern that is not linear; the
 * trims below take the same white space away), each at its first `:`, name and value trimmed,
 * empty ones skipped, the last of a name winning; "" when absent. Names are compared as written
 * (`Display:none` is no `display`), as linkedom does.
 */
export function styleDeclaration(style: string, property: string): string {
  let value = "";
  for (const declaration of style.split(";")) {
    const colon = declaration.indexOf(":");
    if (colon === -1 || declaration.slice(0, colon).trim() !== property) continue;
    const found = declaration.slice(colon + 1).trim();
    if (found) value = found;
  }
  return value;
}

/** Whether any text below `node` (text and CDATA nodes, as `textContent` reads) has a character that is not white space. */
function hasVisibleText(node: Node): boolean {
  for (let child = node.firstChild; child; child = child.nextSibling) {
    const type = child.nodeType;
    if (type === TEXT_NODE || type === CDATA_SECTION_NODE) {
      if (NOT_WHITE_SPACE.test((child as CharacterData).data)) return true;
    } else if (type === ELEMENT_NODE && hasVisibleText(child)) return true;
  }
  return false;
}
const NOT_WHITE_SPACE = /\S/;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;

/**
 * Readability finds elements by tag with `querySelectorAll("p")` / `("h1,h2")`: jsdom runs each
 * through its full selector engine, ~15% of extraction on AEB. Tag lookups give the same
 * elements in the same order, so the article does not change. A static array, as
 * `querySelectorAll`'s NodeList is static: Readability removes nodes while it iterates.
 */
function withTagLookups(reader: Readability<Element>): void {
  (reader as unknown as { _getAllNodesWithTag: typeof elementsWithTags })._getAllNodesWithTag = elementsWithTags;
}

/**
 * Readability 0.6's parse() serialises the whole article for a log line, debug or not
 * (`this.log("Grabbed: " + articleContent.innerHTML)`, right before `_postProcessContent`), and
 * drops the string: ~1.5% of extraction on AEB. For that one line the article's markup reads as
 * "" (an own property over the DOM's getter); `_postProcessContent` removes it before it runs, so
 * Readability and everything after it see the element as it is.
 */
function withoutLogSerialisation(reader: Readability<Element>): void {
  type Steps = ReadabilitySteps;
  const steps = reader as unknown as Steps;
  const grab = steps._grabArticle;
  const postProcess = steps._postProcessContent;
  steps._grabArticle = function (this: Steps, page?: Element | null) {
    const article = grab.call(this, page);
    if (article && !this._debug) Object.defineProperty(article, "innerHTML", { value: "", configurable: true });
    return article;
  };
  steps._postProcessContent = function (this: Steps, article: Element) {
    delete (article as { innerHTML?: string }).innerHTML;
    return postProcess.call(this, article);
  };
}

/**
 * Same elements, same order as jsdom's `querySelectorAll` of the tags joined by commas. One tag,
 * or below the document: document order, by tag lookups. Several tags below an element: jsdom's
 * selector engine (@asamuzakjp/dom-selector 7) sometimes gives document order and sometimes
 * each tag's elements in turn ("span,li": every span, then every li), and Readability's choices
 * depend on it, so that case still goes through `querySelectorAll`.
 */
export function elementsWithTags(root: globalThis.Document | Element, tags: readonly string[]): ArrayLike<Element> {
  if (tags.length === 1) return Array.from(root.getElementsByTagName(tags[0]));
  if (root.nodeType === ELEMENT_NODE) return root.querySelectorAll(tags.join(","));
  // One walk. (Filtering getElementsByTagName("*") is ~100x slower on jsdom: each indexed read
  // of that collection goes through a proxy.) Readability names some tags in capitals ("DIV");
  // tag selectors match HTML elements in any case.
  const wanted = new Set(tags.map((tag) => tag.toLowerCase()));
  const found: Element[] = [];
  const walker = (root as globalThis.Document).createTreeWalker(root, SHOW_ELEMENT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) if (wanted.has((node as Element).localName)) found.push(node as Element);
  return found;
}
/** Node.ELEMENT_NODE and NodeFilter.SHOW_ELEMENT (jsdom's constants live on its window, not on this global). */
const ELEMENT_NODE = 1;
const SHOW_ELEMENT = 1;

/** `extractHtmlSync`, then a turn of the event loop so a loop over pages keeps the heap flat. */
export async function extractHtml(input: Uint8Array | string, options: ExtractOptions = {}): Promise<ExtractedHtml> {
  const extracted = extractHtmlSync(input, options);
  await yieldToEventLoop();
  return extracted;
}

export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** A chaff Document from an extracted page, ready for a pipeline. */
export function htmlDocument(extracted: ExtractedHtml, init: { id: string; source: string }): Document {
  const doc = createDocument({ id: init.id, source: init.source, raw: extracted.raw, blocks: extracted.blocks, meta: { ...extracted.meta } });
  // Not enumerable: the flags reach the `html-blocks` stage, which turns each into a removal
  // record, but are not written again with the document's metadata (that doubled the audit).
  Object.defineProperty(doc.meta, LEFT_OUT_META_KEY, { value: extracted.leftOut, enumerable: false });
  return doc;
}


/** Marks for the page walk: junk markup (premarked), and hidden elements, whose text is not visible. */
function pageMark(element: Element, inherited: TextBlock["mark"], attributes: ElementAttributes): TextBlock["mark"] | undefined {
  if (inherited === HIDDEN_MARK) return undefined;
  if (attributes.hidden || attributes.ariaHidden === "true") return HIDDEN_MARK;
  // premarkTree already settled nested marks (a reply form inside comments keeps its own).
  return premarked(element, attributes.chaffMark !== null);
}
const HIDDEN_MARK = { rule: "hidden", reason: "not visible" };


/**
 * Readability's blocks, plus what the choice adds, in page order; with `recordLeftOut`, every
 * other visible block of the page too, flagged LEFT_OUT_RULE with its signals. Comment
 * sections the page has outside Readability's node come in flagged html/comments, so that
 * `--keep-comments` can keep them and the default removes them with a record.
 */
function mergeCandidates(readability: TextBlock[], page: PageBlock[], recordLeftOut: boolean): { blocks: TextBlock[]; extraction: Record<string, unknown> } {
  // The page's blocks are the caller's to give up: each visible one takes its place among the visible as its index (no copies).
  const visible: PageBlock[] = [];
  for (const block of page) {
    if (block.mark === HIDDEN_MARK) continue;
    block.index = visible.length;
    visible.push(block);
  }
  const matched = matchToPage(readability, visible);
  flagPageJunk(readability, matched, visible);
  const chosen = chooseCandidate(readability, matched, visible);
  const tailCut = chosen.choice === "classifier" ? 0 : cutTail(readability, matched, visible);
  const added = new Set(chosen.added.map((b) => b.index));
  const keepReadability = chosen.choice !== "classifier";
  const matchedBy = new Map<number, number>();
  matched.forEach((pageIndex, r) => {
    if (pageIndex !== undefined) matchedBy.set(pageIndex, r);
  });
  const inThread = commentBlocks(visible);
  const out: TextBlock[] = [];
  let next = 0; // the next Readability block to place
  let addedChars = 0;
  let leftOut = 0;
  const placeReadabilityUpTo = (r: number) => {
    for (; next <= r; next++) if (recordLeftOut || readability[next].mark?.rule !== LEFT_OUT_RULE) out.push(readability[next]);
  };
  for (let i = 0; i < visible.length; i++) {
    const block = visible[i];
    const r = matchedBy.get(i);
    if (keepReadability && r !== undefined) {
      placeReadabilityUpTo(r);
      continue;
    }
    if (added.has(i)) {
      out.push(plain(block));
      addedChars += block.text.length;
    } else if (inThread.has(i)) {
      out.push({ ...plain(block), mark: block.mark });
    } else if (recordLeftOut) {
      out.push({ ...plain(block), mark: { rule: LEFT_OUT_RULE, reason: leftOutReason(block, chosen.choice), features: block.signals } });
      leftOut++;
    }
  }
  if (keepReadability)   placeReadabilityUpTo(readability.length - 1);
  return {
    blocks: out,
    extraction: { candidates: ["readability", "classifier"], chosen: chosen.choice, ...chosen.numbers, addedChars, tailCutBlocks: tailCut, leftOutBlocks: leftOut, pageBlocks: visible.length },
  };
}

/**
 * Comment sections outside Readability's node, as a run of html/comments blocks: a thread (mostly
 * unlinked text) keeps every block but link-only controls (short, or repeated under each comment),
 * since a comment's author and date line is usually a link (its permalink); in a run of links (a "Recent comments" widget) only blocks
 * with few links are comments. Each threshold with an example.
 */
export const COMMENT_THREAD = {
  /** A run is a thread when at least this share of its characters is outside links. */
  minUnlinkedShare: { value: 0.5, example: "'Anna — July 18th, 2012, 4:09 pm' (a linked date) above two unlinked paragraphs of comment" },
  /** In a thread, a block all of link text is a control, not a comment, when it has at most this many words or recurs in the thread. */
  maxControlWords: { value: 3, example: "'Reply', 'Report abuse'; 'reply to this comment' under every comment" },
} as const;

function commentBlocks(page: PageBlock[]): Set<number> {
  const kept = new Set<number>();
  const isComment = (b: PageBlock) => b.mark?.rule === COMMENTS_RULE && !b.signals.landmark;
  for (let start = 0; start < page.length; start++) {
    if (!isComment(page[start])) continue;
    let end = start;
    let chars = 0;
    let unlinked = 0;
    for (; end < page.length && isComment(page[end]); end++) {
      chars += page[end].text.length;
      unlinked += page[end].text.length * (1 - page[end].linkDensity);
    }
    const thread = unlinked >= COMMENT_THREAD.minUnlinkedShare.value * chars;
    const seen = new Map<string, number>();
    for (let i = start; i < end; i++) seen.set(page[i].text, (seen.get(page[i].text) ?? 0) + 1);
    for (let i = start; i < end; i++) {
      const block = page[i];
      const control = block.linkDensity >= 1 && (block.text.split(" ").length <= COMMENT_THREAD.maxControlWords.value || seen.get(block.text)! > 1);
      if (thread ? !control : block.linkDensity <= BLOCK_CLASSIFIER.maxLinkDensity.value) kept.add(i);
    }
    start = end - 1;
  }
  return kept;
}

/**
 * Where Readability's node runs on past the story into the page's tail (teasers, most-read lists,
 * "Elsewhere on the site"): after the last sure block of the node, the first related box (markup
 * `html/related`: class words, <aside>, role=complementary; on a block that is not good prose) ends the story. The node's unflagged
 * blocks after it are left out unless the classifier is sure of them or they are comments.
 */
export const TAIL_CUT = {
  // Not html/related-section: a "Read also" label inside the story is followed by more story.
  rules: new Set(["html/related"]),
  example: "<div class=story>…last paragraph</div><div class=more-stories><h2>More</h2>…</div><p>The Chinese have become the biggest source of tourism income</p> (a teaser): left out",
} as const;

function cutTail(readability: TextBlock[], matched: Array<number | undefined>, page: PageBlock[]): number {
  let lastSure = -1;
  for (const pageIndex of matched) if (pageIndex !== undefined && page[pageIndex].sure) lastSure = Math.max(lastSure, pageIndex);
  if (lastSure < 0) return 0;
  // On the page, not in the node: Readability's cleaning often drops the related list itself.
  let start = -1;
  for (let i = lastSure + 1; i < page.length && start < 0; i++) if (page[i].mark && TAIL_CUT.rules.has(page[i].mark!.rule) && page[i].label !== "good") start = i;
  if (start < 0) return 0;
  let cut = 0;
  readability.forEach((block, r) => {
    const pageIndex = matched[r];
    if (block.mark || pageIndex === undefined || pageIndex <= start || page[pageIndex].sure) return;
    block.mark = { rule: LEFT_OUT_RULE, reason: "below the story: after a related section that follows the last block the classifier is sure of", features: page[pageIndex].signals };
    cut++;
  });
  return cut;
}

/** Readability blocks the page marks as consent notices (MARKS_OVER_SHARE_GUARD) are flagged, while enough text is left. */
function flagPageJunk(readability: TextBlock[], matched: Array<number | undefined>, page: PageBlock[]): void {
  let left = 0;
  const flagged: Array<[TextBlock, NonNullable<TextBlock["mark"]>]> = [];
  readability.forEach((block, r) => {
    if (block.mark) return;
    const pageIndex = matched[r];
    const mark = pageIndex === undefined ? undefined : page[pageIndex].mark;
    if (mark && MARKS_OVER_SHARE_GUARD.rules.has(mark.rule)) flagged.push([block, mark]);
    else left += block.text.length;
  });
  if (left < MARKS_OVER_SHARE_GUARD.minCharsLeft) return;
  for (const [block, mark] of flagged) block.mark = mark;
}

function plain(block: PageBlock): TextBlock {
  return { text: block.text, kind: block.kind, linkDensity: block.linkDensity, ...structureFields(block) };
}

function leftOutReason(block: PageBlock, choice: string): string {
  const why = block.mark ? `markup says ${block.mark.rule}` : block.signals.landmark ? `in the page's ${block.signals.landmark}` : `classified ${block.label}`;
  return `outside the extracted text (${choice}): ${why}`;
}

/** Walks `root` into blocks with their marks; `titles` (the article's and the page's) spare a linked heading that is the page's own title. */
function blocksOf(root: Element, titles: Array<string | undefined> = []): TextBlock[] {
  const marks = findMarks(root);
  const blocks = walkBlocks(root, marks.size ? markFrom.bind(marks) : undefined);
  const linkBlocks: TextBlock[] = [];
  for (const block of blocks) {
    if (block.mark) continue;
    if ((block.shareLinkDensity ?? 0) >= SHARE_LINK_RULE.minShareLinkDensity && (block.wordsPerShareLink ?? 0) <= SHARE_LINK_RULE.maxWordsPerShareLink) {
      block.mark = { rule: SHARE_LINK_RULE.rule, reason: SHARE_LINK_RULE.reason, features: { shareLinkDensity: block.shareLinkDensity!, wordsPerShareLink: block.wordsPerShareLink! } };
    } else if ((block.tagLinkDensity ?? 0) >= TAG_LINK_RULE.minTagLinkDensity) {
      block.mark = { rule: TAG_LINK_RULE.rule, reason: TAG_LINK_RULE.reason, features: { tagLinkDensity: block.tagLinkDensity! } };
    } else if (block.linkDensity >= LINK_BLOCK_RULE.minLinkDensity && LINK_BLOCK_RULE.kinds.includes(block.kind) && !isLinkedContent(block.text)) {
      linkBlocks.push(block);
    }
  }
  // Marked after the others: whether a linked line is the story's own depends on its neighbours being prose.
  const linked = new Set(linkBlocks);
  const isProse = (block: TextBlock | undefined) =>
    block?.kind === "paragraph" && !block.mark && !linked.has(block) && block.text.length >= LINKED_CONTENT.betweenParagraphs.minNeighbourChars && PROSE_END.test(block.text);
  const title = new Set(titles.filter((t): t is string => Boolean(t)).map(titleKey));
  blocks.forEach((block, i) => {
    if (!linked.has(block)) return;
    if (LINKED_CONTENT.betweenParagraphs.kinds.includes(block.kind) && isProse(blocks[i - 1]) && isProse(blocks[i + 1])) return;
    if (block.kind === "heading" && title.has(titleKey(block.text))) return;
    block.mark = { rule: LINK_BLOCK_RULE.rule, reason: LINK_BLOCK_RULE.reason, features: { linkDensity: block.linkDensity } };
  });
  return blocks;
}

/** The mark `findMarks` found for an element, unless it is inside another mark (a comment section's own marks aside). A module function bound to each page's marks: a closure made per page is optimised anew per page. */
function markFrom(this: Map<Element, NonNullable<TextBlock["mark"]>>, element: Element, inherited: TextBlock["mark"]): TextBlock["mark"] | undefined {
  return inherited && inherited.rule !== COMMENTS_RULE ? undefined : this.get(element);
}

/**
 * Linked blocks that are the story's own content, not a teaser or a menu: `html/link-block` spares
 * them (a list of sources or announcements inside an article). Each with an example.
 */
export const LINKED_CONTENT = {
  /** The link's text is the address itself, maybe after a name: a reference, which menus and teasers never show. */
  writtenAddress: { pattern: /^(?:[^\s]+ )?(?:https?:\/\/|www\.)[^\s]+$/i, example: "<li><a href='http://www.bbc.co.uk/programmes/b01k9npg'>http://www.bbc.co.uk/programmes/b01k9npg</a></li>" },
  /** A whole sentence: at least this many words and a closing stop; teaser headlines have no stop. */
  sentenceWords: { value: 12, example: "<li><a href='/x'>We added Ruby support and VPC integration to AWS Elastic Beanstalk, and lowered its prices.</a></li>" },
  /**
   * A single linked heading or list item with a paragraph of prose (a <p>, unflagged, at least this
   * many characters, ending like a sentence or an introduction) right before and right after it: the
   * story names what it links (a product it reviews, an offer, a source). Teaser lists come in runs
   * of linked lines, after a label, or in a box of list items. On the five benchmark sets these lines
   * were 88% wanted text.
   */
  betweenParagraphs: {
    minNeighbourChars: 80,
    kinds: ["heading", "list-item"] as readonly string[],
    example: "<p>…neither matches the 60W of the Satechi.</p><h3><a href='/go/mophie'>Mophie 3-in-1 Wireless Charging Pad</a></h3><p>Until this year I had a single charger…</p>",
  },
  /** A linked heading whose text is the page's title (the article's or `<title>`'s) is the post's own title, linked to itself. */
  pageTitle: { example: "<h3 class='post-title'><a href='/2012/10/winners.html'>Announcing the winners of 2012 Google Earth Outreach Developer Grants</a></h3>" },
} as const;
const SENTENCE_END = /[.!?…。！？]["'”’»)]?$/u;
/** A paragraph's end: a sentence's, or a colon introducing what follows. */
const PROSE_END = /[.!?…。！？:：]["'”’»)]?$/u;

function isLinkedContent(text: string): boolean {
  if (LINKED_CONTENT.writtenAddress.pattern.test(text)) return true;
  return SENTENCE_END.test(text) && text.split(" ").length >= LINKED_CONTENT.sentenceWords.value;
}

/** Titles compared without case and spacing. */
function titleKey(text: string): string {
  return text.replace(/\s+/g, " ").trim().toLowerCase();
}

/** Longest text (characters) a caption-classed element may hold; longer ones are not captions. */
const MAX_CAPTION_CHARS = 400;

/** Class or id words that may make an element a caption (CAPTION_CLASS decides). */
const CAPTION_CLASS_HINT = /caption|credit/i;
const CAPTION_ID_HINT = /caption/i;

/**
 * Readability rebuilds the elements it keeps and may lose their classes, so an element whose
 * class says caption or credit becomes a <figcaption> before it runs: the walker then knows.
 * Called on each element of the body in document order; returns the element to go on with.
 */
function captionOrSelf(element: Element): Element {
  if (element.tagName === "FIGCAPTION" || element.tagName === "A") return element;
  const { class: cls, id } = readAttributes(element);
  const hinted = (cls !== null && CAPTION_CLASS_HINT.test(cls)) || CAPTION_ID_HINT.test(id ?? "");
  if (!hinted || !CAPTION_CLASS.test(classAndId(element))) return element;
  if ((element.textContent ?? "").length > MAX_CAPTION_CHARS || element.querySelector("p, div, figure, li, h1, h2, h3")) return element;
  const caption = element.ownerDocument.createElement("figcaption");
  for (const attribute of [...element.attributes]) caption.setAttribute(attribute.name, attribute.value);
  while (element.firstChild) caption.appendChild(element.firstChild);
  element.replaceWith(caption);
  return caption;
}

function unmarkedChars(blocks: TextBlock[]): number {
  let total = 0;
  for (const block of blocks) if (!block.mark) total += block.text.length;
  return total;
}

function fallbackBlocks(html: string, dom: DomName): TextBlock[] {
  const document = parseHtml(html, dom);
  const body = document.body;
  try {
    if (!body) return [];
    for (const hidden of body.querySelectorAll("[hidden], [aria-hidden=true]")) hidden.remove();
    const marked = blocksOf(body);
    // Markup flags are a guess; on a page with no article, a page of only flagged text is
    // still better handed to the text stages than emptied.
    return marked.some((b) => !b.mark) ? marked : marked.map((b) => ({ text: b.text, kind: b.kind, linkDensity: b.linkDensity, ...structureFields(b) }));
  } finally {
    releaseDocument(document, dom);
  }
}

function assemble(textBlocks: TextBlock[], meta: HtmlMeta): ExtractedHtml {
  const blocks: Block[] = [];
  const leftOut: MarkupFlag[] = [];
  const parts: string[] = [];
  let offset = 0;
  for (const block of textBlocks) {
    const start = offset;
    const end = start + block.text.length;
    blocks.push({ start, end, kind: block.kind, ...structureOf(block, start) });
    if (block.mark?.rule === LEFT_OUT_RULE) leftOut.push({ start, end, ...block.mark });
    else if (block.mark) meta.markup.push({ start, end, ...block.mark });
    parts.push(block.text);
    offset = end + 1; // the "\n" between blocks
  }
  return { raw: parts.join("\n"), blocks, meta, leftOut };
}

/**
 * The canonical link, resolved as a browser would: against the page's <base>, itself resolved
 * against the page URL. `html` is the markup `document` was parsed from (and nothing has made a
 * <link> or <base> since): an element of a tag comes only from a start tag of that name, so a page
 * whose markup has none (no `<link` or `<base`, in any case) is not walked for one.
 */
function canonicalOf(document: globalThis.Document, url: string | undefined, html: string): string | undefined {
  // Walks that stop at the first match (in the head): jsdom's selector engine took ~3 ms a page for
  // these two queries, and two whole-page tag lookups on linkedom ~1.3% of the route. Prestrip
  // leaves no <link> but canonical ones: without one, the walk went through the whole page (~1.5%).
  if (!LINK_START_TAG.test(html)) return undefined;
  const link = firstElementWith(document, "link", (el) => el.hasAttribute("href") && /(?:^|\s)canonical(?:\s|$)/i.test(el.getAttribute("rel") ?? ""));
  const href = link?.getAttribute("href")?.trim();
  if (!href) return undefined;
  const baseHref = BASE_START_TAG.test(html) ? firstElementWith(document, "base", (el) => el.hasAttribute("href"))?.getAttribute("href")?.trim() : undefined;
  const base = baseHref ? (URL.parse(baseHref, url)?.href ?? url) : url;
  return URL.parse(href, base)?.href ?? href;
}

const LINK_START_TAG = /<link/i;
const BASE_START_TAG = /<base/i;

function clean(value: string | null | undefined): string | undefined {
  const trimmed = value?.replace(/\s+/g, " ").trim();
  return trimmed ? trimmed : undefined;
}

function setIf(meta: HtmlMeta, key: keyof HtmlMeta, value: string | undefined): void {
  if (value !== undefined) (meta as Record<string, unknown>)[key] = value;
}

export type { BlockKind };
