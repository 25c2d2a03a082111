// The second candidate: every visible block of the page's body classified as content or
// boilerplate from signals that hold in any language and layout (as jusText, boilerpipe and
// trafilatura do in their ways): block length, link density, stopword density in the page's
// language, closing punctuation, the landmark the block sits in (nav, footer, aside, a site
// header), the junk words of its markup, and its neighbours' labels.
import type { Features } from "../core/document.js";
import { lineFeatures, stopwordLanguage, stopwordsFor } from "../match/line-features.js";
import type { TextBlock } from "./blocks.js";
import { isSidebar } from "./mark.js";
import { readAttributes } from "./linkedom-reads.js";

export type BlockLabel = "good" | "near-good" | "short" | "bad";

/** A block of the whole page, with the signals that labelled it. */
export interface PageBlock extends TextBlock {
  /** Position among the page's visible blocks. */
  index: number;
  label: BlockLabel;
  /** Content the classifier is sure of: long prose, outside landmarks and junk markup. */
  sure: boolean;
  /** The signals, for `metadata.extraction` and the audit. */
  signals: Features;
}

/**
 * Thresholds of the block classifier, each with an example. Lengths are characters of the
 * block's collapsed text; densities are shares of its words (stopwords) or characters (links).
 */
export const BLOCK_CLASSIFIER = {
  /** A block with more of its text in links is boilerplate (menus, teaser lists). */
  maxLinkDensity: { value: 0.25, example: "'Home | News | Sport' (all links) is bad" },
  /** Shorter blocks are `short`: labels, bylines, buttons; their neighbours decide. */
  shortChars: { value: 70, example: "'Share this article' is short" },
  /** Longer blocks with enough stopwords are `good`. */
  longChars: { value: 150, example: "a 180-character sentence of prose is good" },
  /** Stopword share of prose: `good` at or above `highStopwords` (when long), `near-good` at or above `lowStopwords`. */
  highStopwords: { value: 0.3, example: "'The council said on Monday that it would...' (0.4)" },
  lowStopwords: { value: 0.2, example: "a list of product specifications (0.1) is bad" },
  /** Without a stopword list (or in scripts written without spaces), prose is a long block ending like a sentence. */
  noStopwordsGoodChars: { value: 100, example: "a 120-character Chinese sentence ending in '。'" },
  /** `sure` content: good, at least this long, outside landmarks and junk markup. */
  sureChars: { value: 150, example: "a product description of two sentences" },
} as const;

/** Landmark tags whose text is site furniture, not the page's content. */
const FURNITURE_TAGS = new Set(["NAV", "FOOTER", "ASIDE", "MENU"]);
/** Where a <header> is the article's own (lead, standfirst) rather than the site's. */
const CONTENT_ROOT_TAGS = new Set(["ARTICLE", "MAIN"]);

/** Mark rules that say boilerplate on the page level (comments are content for some users; they are handled apart). */
const CONTENT_MARKS = new Set(["html/standfirst", "html/comments", "caption/credit", "html/byline"]);

const PATH_STEPS = 4;

interface Place {
  depth: number;
  /** The landmark the block sits in: "nav", "footer", "aside", "site-header", or "". */
  landmark: string;
  path: string;
}

/** Where an element sits: depth, the furniture landmark around it, a short path for the audit. */
function placeOf(element: Element | undefined, cache: Map<Element, Place>): Place {
  if (!element) return { depth: 0, landmark: "", path: "" };
  const cached = cache.get(element);
  if (cached) return cached;
  const parent = element.parentElement;
  const up = parent && parent.tagName !== "HTML" ? placeOf(parent, cache) : { depth: 0, landmark: "", path: "" };
  const tag = element.tagName;
  const { id, class: cls } = readAttributes(element);
  let landmark = up.landmark;
  if (!landmark) {
    if (FURNITURE_TAGS.has(tag)) landmark = tag.toLowerCase();
    else if (tag === "HEADER" && !insideContentRoot(element)) landmark = "site-header";
    else if (isSidebar(element, cls, id)) landmark = "sidebar";
  }
  const firstClass = cls ? FIRST_WORD.exec(cls)?.[0] : undefined;
  const step = tag.toLowerCase() + (id ? `#${id.slice(0, 30)}` : firstClass ? `.${firstClass.slice(0, 30)}` : "");
  const path = lastSteps(up.path ? `${up.path}>${step}` : step);
  const place = { depth: up.depth + 1, landmark, path };
  cache.set(element, place);
  return place;
}

const FIRST_WORD = /\S+/;

/**
 * The last PATH_STEPS `>`-separated steps of `path`, after "…>" when there were more: enough to
 * find the block in the page's source, short enough for the audit. (A step's id or class may hold
 * a `>` itself; steps are counted at every `>`.) Found from the end, with no array of steps, by a
 * loop rather than `lastIndexOf` (a call into V8's runtime: a fifth of `placeOf`'s time on AEB).
 */
export function lastSteps(path: string): string {
  let at = path.length;
  for (let i = 0; i < PATH_STEPS; i++) {
    if (at === 0) return path;
    do at--;
    while (at >= 0 && path.charCodeAt(at) !== STEP_BREAK);
    if (at === -1) return path;
  }
  return "…>" + path.slice(at + 1);
}
const STEP_BREAK = 0x3e; // ">"

function insideContentRoot(element: Element): boolean {
  for (let e = element.parentElement; e; e = e.parentElement) if (CONTENT_ROOT_TAGS.has(e.tagName)) return true;
  return false;
}

const round = (x: number) => Math.round(x * 100) / 100;

/**
 * Labels every block of the page (`blocks` in page order, from a tracked walk of the body): the
 * blocks themselves become the PageBlocks (a copy of each, with its many optional fields, cost more
 * than the labelling), so the caller hands over blocks nothing else holds.
 */
export function classifyBlocks(blocks: TextBlock[]): PageBlock[] {
  const sample: string[] = [];
  let size = 0;
  for (const index of longestFirst(blocks, SAMPLE_MIN_CHARS)) {
    if (size > SAMPLE_CHARS) break;
    const text = blocks[index].text;
    sample.push(text);
    size += text.length;
  }
  const stopwords = stopwordsFor(sample.length ? stopwordLanguage(sample.join("\n")) : "");
  const places = new Map<Element, Place>();
  // A loop and module functions, not callbacks made per page: V8 optimises a closure made anew for
  // each page anew for each page.
  const labelled: PageBlock[] = [];
  for (let index = 0; index < blocks.length; index++) labelled.push(labelBlock(blocks[index], index, blocks.length, stopwords, places));
  reviseByNeighbours(labelled);
  return labelled;
}

/** The language sample: the longest blocks, at least SAMPLE_MIN_CHARS each, until it holds more than SAMPLE_CHARS. */
const SAMPLE_CHARS = 4000;
const SAMPLE_MIN_CHARS = 40;

/**
 * The indices of the blocks of at least `minChars` characters, longest first, in page order among
 * equals: the order a stable sort of the blocks by length gives. Each length is read once (the
 * blocks come in many shapes: a comparator reading them made megamorphic loads n log n times).
 */
export function longestFirst(blocks: readonly TextBlock[], minChars: number): number[] {
  const lengths = new Int32Array(blocks.length);
  const long: number[] = [];
  for (let i = 0; i < blocks.length; i++) {
    lengths[i] = blocks[i].text.length;
    if (lengths[i] >= minChars) long.push(i);
  }
  sortedLengths = lengths;
  long.sort(longerFirst);
  sortedLengths = NO_LENGTHS;
  return long;
}
// A module function reading the lengths being sorted, not a closure made per page (V8 optimises each such closure anew).
const NO_LENGTHS = new Int32Array(0);
let sortedLengths = NO_LENGTHS;
const longerFirst = (a: number, b: number) => sortedLengths[b] - sortedLengths[a] || a - b;

function labelBlock(block: TextBlock, index: number, count: number, stopwords: ReturnType<typeof stopwordsFor>, places: Map<Element, Place>): PageBlock {
  const c = BLOCK_CLASSIFIER;
  const features = lineFeatures(block.text, stopwords);
  const place = placeOf(block.container, places);
  const chars = block.text.length;
  const prose = stopwords.size && !features.unspaced;
  let label: BlockLabel;
  if (block.linkDensity > c.maxLinkDensity.value) label = "bad";
  else if (chars < c.shortChars.value) label = "short";
  else if (prose) {
    if (features.stopwordRatio >= c.highStopwords.value) label = chars >= c.longChars.value ? "good" : "near-good";
    else label = features.stopwordRatio >= c.lowStopwords.value ? "near-good" : "bad";
  } else label = chars >= c.noStopwordsGoodChars.value && features.terminal ? "good" : "near-good";
  const junkMark = block.mark !== undefined && !CONTENT_MARKS.has(block.mark.rule);
  const sure = label === "good" && chars >= c.sureChars.value && !place.landmark && !junkMark && block.mark?.rule !== "html/comments";
  const signals: Features = {
    pageBlock: index,
    position: round(index / Math.max(1, count - 1)),
    depth: place.depth,
    chars,
    linkDensity: block.linkDensity,
    stopwordRatio: round(features.stopwordRatio),
    label,
  };
  if (place.landmark) signals.landmark = place.landmark;
  if (block.mark) signals.markup = block.mark.rule;
  if (place.path) signals.path = place.path;
  // The fields in the order a copy `{ ...block, index, label, sure, signals }` would have them.
  const labelled = block as PageBlock;
  labelled.index = index;
  labelled.label = label;
  labelled.sure = sure;
  labelled.signals = signals;
  return labelled;
}

/** Whether the nearest block that is good or bad, going from `i` by `step`, is good. */
function goodAround(blocks: PageBlock[], i: number, step: number): boolean {
  for (let j = i + step; j >= 0 && j < blocks.length; j += step) {
    const label = blocks[j].label;
    if (label === "good") return true;
    if (label === "bad") return false;
  }
  return false;
}

/**
 * jusText's context step: a near-good block between good ones is good, and a good block alone
 * among bad ones in a landmark stays good but is not sure. Labels only move towards their
 * neighbours; `sure` is only ever gained by a long near-good block between two good ones.
 */
function reviseByNeighbours(blocks: PageBlock[]): void {
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i];
    if (block.label !== "near-good" || !goodAround(blocks, i, -1) || !goodAround(blocks, i, 1)) continue;
    block.label = "good";
    block.signals.label = "good";
    block.signals.byNeighbours = true;
    if (block.text.length >= BLOCK_CLASSIFIER.sureChars.value && !block.signals.landmark && (!block.mark || CONTENT_MARKS.has(block.mark.rule)) && block.mark?.rule !== "html/comments") block.sure = true;
  }
}
