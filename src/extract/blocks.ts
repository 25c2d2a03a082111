// Walks an element into text blocks that keep their kind. Readability's `textContent` runs
// paragraphs together ("...end.Next paragraph"); walking the tree keeps one block per line.
import type { Block, BlockKind, Features, ListPlace } from "../core/document.js";
import { SHARE_LINK_RULE, TAG_LINK_RULE } from "../rules/html-junk.js";
import { firstChildOf, nextSiblingOf, readAttributes, type ElementAttributes } from "./linkedom-reads.js";

/** A block before it is placed in `raw`: its text (one line) and what the walker knew. */
export interface TextBlock {
  text: string;
  kind: BlockKind;
  /** Share of the block's characters (white space aside) inside links. */
  linkDensity: number;
  /** Share of the block's characters inside links to share endpoints (set when above 0). */
  shareLinkDensity?: number;
  /** Words per share link in the block (set with shareLinkDensity). */
  wordsPerShareLink?: number;
  /** Share of the block's characters inside links to tag or category pages (set when above 0). */
  tagLinkDensity?: number;
  /** Set when an ancestor element matched a junk pattern: the rule and why. */
  mark?: { rule: string; reason: string; features?: Features };
  /** The innermost block-level element the text started in (set when the walk is asked to track it). */
  container?: Element;
  /** Structure the renderers use (see Block in core/document.ts). */
  level?: number;
  list?: ListPlace;
  /** A table row: header or not, and the length of each cell's text (cells joined by CELL_SEPARATOR). */
  row?: { header: boolean; cells: number[] };
  code?: number;
}

/** A walked block's structure as Block fields, once the block is placed at `start` in `raw`. */
export function structureOf(block: TextBlock, start: number): Partial<Block> {
  const out: Partial<Block> = {};
  if (block.level !== undefined) out.level = block.level;
  if (block.list) out.list = block.list;
  if (block.code !== undefined) out.code = block.code;
  if (block.row) {
    let at = start;
    out.row = {
      header: block.row.header,
      cells: block.row.cells.map((length) => {
        const cell: [number, number] = [at, at + length];
        at += length + CELL_SEPARATOR.length;
        return cell;
      }),
    };
  }
  return out;
}

/** The structure fields of a walked block, for a copy of it. */
export function structureFields(block: TextBlock): Pick<TextBlock, "level" | "list" | "row" | "code"> {
  const out: Pick<TextBlock, "level" | "list" | "row" | "code"> = {};
  if (block.level !== undefined) out.level = block.level;
  if (block.list) out.list = block.list;
  if (block.row) out.row = block.row;
  if (block.code !== undefined) out.code = block.code;
  return out;
}

/** Elements that start a new block. Everything else is inline and joins the current block. */
const BLOCK_TAGS = new Set([
  "ADDRESS", "ARTICLE", "ASIDE", "BLOCKQUOTE", "BODY", "CAPTION", "CENTER", "DD", "DETAILS", "DIALOG", "DIV", "DL",
  "DT", "FIELDSET", "FIGCAPTION", "FIGURE", "FOOTER", "FORM", "H1", "H2", "H3", "H4", "H5", "H6", "HEADER", "HGROUP",
  "HR", "LI", "MAIN", "MENU", "NAV", "OL", "P", "PRE", "SECTION", "SUMMARY", "TABLE", "TBODY", "TD", "TFOOT", "TH",
  "THEAD", "TR", "UL", "BR", "LEGEND", "OPTION", "SELECT", "TEXTAREA", "BUTTON", "LABEL",
]);

/** Elements whose text is never article text even if present in the DOM. */
const SKIP_TAGS = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "SVG", "IFRAME", "OBJECT", "CANVAS", "HEAD", "TITLE", "META", "LINK"]);

/** Kind given by an element's own tag; the nearest such ancestor decides a block's kind. */
const KIND_BY_TAG: Record<string, BlockKind> = {
  H1: "heading", H2: "heading", H3: "heading", H4: "heading", H5: "heading", H6: "heading",
  FIGCAPTION: "caption", CAPTION: "caption",
  BLOCKQUOTE: "quote", Q: "quote",
  LI: "list-item", DT: "list-item", DD: "list-item",
  TD: "table-cell", TH: "table-cell",
  P: "paragraph", PRE: "paragraph",
};

/**
 * When kinds nest, the stronger one wins: a paragraph inside a figcaption is a caption,
 * a paragraph inside a blockquote is a quote, a heading inside a list item is a heading.
 */
const KIND_STRENGTH: Record<BlockKind, number> = {
  caption: 6, heading: 5, title: 5, quote: 4, "list-item": 3, "table-cell": 2, paragraph: 1, text: 0,
};

/** Class or id tokens that make an element a caption even when it is a plain div or span. */
export const CAPTION_CLASS = /(?:^|[\s_-])(?:caption|figcaption|wp-caption-text|image-credit|photo-credit|img-credit|credit)(?:$|[\s_-])/i;

/** An element's own mark; asked inside a marked element too (`inherited`), where returning nothing keeps the inherited mark. `attributes` are the element's (read for the walk). */
export type MarkFn = (element: Element, inherited: TextBlock["mark"], attributes: ElementAttributes) => TextBlock["mark"] | undefined;

interface WalkState {
  blocks: TextBlock[];
  buffer: string[];
  /** Non-space characters of the buffer that are inside links. */
  linkChars: number;
  /** ...inside links to share endpoints. */
  shareLinkChars: number;
  /** Share links opened in the buffer, and the words of their text. */
  shareLinks: number;
  shareLinkWords: number;
  /** ...inside links to tag and category pages. */
  tagLinkChars: number;
  kind: BlockKind;
  /** Structure of the block being buffered, taken from the context its first text had. */
  structure: Structure;
  mark: TextBlock["mark"];
  /** Lists open around the walk, innermost last. */
  lists: boolean[];
  /** <pre> elements seen, numbering their lines' `code` group. */
  preCount: number;
  /** Track containers (page walks for the block classifier); the innermost open block element, and the one the buffer started in. */
  track: boolean;
  open: Element | undefined;
  container: Element | undefined;
}

/** What a block's context says about its structure (heading level, list place); the walk passes it down. */
interface Structure {
  level?: number;
  list?: ListPlace;
}
const NO_STRUCTURE: Structure = {};

const HEADING_LEVEL: Record<string, number> = { H1: 1, H2: 2, H3: 3, H4: 4, H5: 5, H6: 6 };
const LIST_TAGS: Record<string, boolean> = { OL: true, UL: false, MENU: false };

/**
 * A table row is kept as one block, its cells joined by CELL_SEPARATOR, when it holds data, not
 * layout: no table inside it and at most this many block elements per cell. Layout tables (a
 * whole article in one cell) keep being walked block by block.
 * Example: `<tr><td>Paris</td><td><p>2.1 M</p></td></tr>` is a row "Paris | 2.1 M";
 * `<tr><td><p>First paragraph</p><p>Second</p>...</td></tr>` is walked as paragraphs.
 */
export const TABLE_ROW = { maxBlocksPerCell: 1, example: "<tr><td>Paris</td><td>2.1 M</td></tr> -> 'Paris | 2.1 M'" } as const;
/** Between the cells of a row in the text: ` | `, as trafilatura's text output does. */
export const CELL_SEPARATOR = " | ";

const WORDS = /[^\s\u00a0]+/g;
const SPACE_RUN = /[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+/g;

/** One line of text: inner white space and breaks collapsed to single spaces. */
export function collapseBlockText(text: string): string {
  return text.replace(SPACE_RUN, " ").trim();
}

/** Walks `root` into blocks. `markElement` flags elements whose text is junk (their blocks carry the mark). */
export function walkBlocks(root: Element, markElement?: MarkFn, trackContainers = false): TextBlock[] {
  const state: WalkState = { blocks: [], buffer: [], linkChars: 0, shareLinkChars: 0, shareLinks: 0, shareLinkWords: 0, tagLinkChars: 0, kind: "text", structure: NO_STRUCTURE, mark: undefined, lists: [], preCount: 0, track: trackContainers, open: root, container: undefined };
  visit(root, state, "text", NO_STRUCTURE, undefined, markElement, NO_LINK);
  flush(state);
  return state.blocks;
}

function flush(state: WalkState): void {
  if (state.buffer.length === 0) return;
  const text = collapseBlockText(state.buffer.join(""));
  const { linkChars, shareLinkChars, shareLinks, shareLinkWords, tagLinkChars } = state;
  state.buffer = [];
  state.linkChars = 0;
  state.shareLinkChars = 0;
  state.shareLinks = 0;
  state.shareLinkWords = 0;
  state.tagLinkChars = 0;
  if (!text) return;
  const length = Math.max(1, nonSpaceLength(text));
  const block: TextBlock = { text, kind: state.kind, linkDensity: round(linkChars / length) };
  if (shareLinkChars > 0) {
    block.shareLinkDensity = round(shareLinkChars / length);
    block.wordsPerShareLink = round(shareLinkWords / Math.max(1, shareLinks));
  }
  if (tagLinkChars > 0) block.tagLinkDensity = round(tagLinkChars / length);
  if (state.mark) block.mark = state.mark;
  if (state.track && state.container) block.container = state.container;
  if (state.structure.level && block.kind === "heading") block.level = state.structure.level;
  if (state.structure.list && block.kind === "list-item") block.list = state.structure.list;
  state.blocks.push(block);
}

function visit(
  node: Element,
  state: WalkState,
  kind: BlockKind,
  structure: Structure,
  mark: TextBlock["mark"],
  markElement: MarkFn | undefined,
  link: LinkState,
): void {
  for (let child = firstChildOf(node); child; child = nextSiblingOf(child)) {
    if (child.nodeType === 3 /* text */) {
      const value = child.nodeValue ?? "";
      if (state.buffer.length === 0) {
        if (!value.trim()) continue;
        state.kind = kind;
        state.structure = structure;
        state.mark = mark;
        state.container = state.open;
      }
      state.buffer.push(value);
      if (link !== NO_LINK) {
        const chars = nonSpaceLength(value);
        state.linkChars += chars;
        if (link === SHARE_LINK) {
          state.shareLinkChars += chars;
          state.shareLinkWords += value.match(WORDS)?.length ?? 0;
        }
        else if (link === TAG_LINK) state.tagLinkChars += chars;
      }
      continue;
    }
    if (child.nodeType !== 1 /* element */) continue;
    const element = child as Element;
    const tag = element.tagName.toUpperCase();
    if (SKIP_TAGS.has(tag)) continue;
    // Read once for all the walk's questions, and before `markElement`, which may read others.
    const attributes = readAttributes(element);
    const { class: cls, id, href, rel } = attributes;
    if (tag === "PRE") {
      // Code and verse keep their lines verbatim (indentation too): one block per line, the
      // lines of one <pre> sharing a `code` number so that renderers can fence them together.
      flush(state);
      const group = state.preCount++;
      const preMark = markElement?.(element, mark, attributes) ?? mark;
      for (const line of (element.textContent ?? "").split(LINE_BREAK)) {
        // trimEnd, not /\s+$/ (the same white space): the pattern tries every start in a run of spaces, quadratic on a <pre> line of them.
        const text = line.trimEnd();
        if (!text.trim()) continue;
        const block = withMark({ text, kind: strongest(kind, "paragraph"), linkDensity: 0, code: group }, preMark);
        if (state.track) block.container = element;
        state.blocks.push(block);
      }
      continue;
    }
    const childMark = markElement?.(element, mark, attributes) ?? mark;
    const childLink = link === NO_LINK && tag === "A" ? linkState(href, rel) : link;
    if (tag === "TR" && isDataRow(element)) {
      flush(state);
      const row = rowBlock(element, state, strongest(kind, "table-cell"), childMark, markElement, childLink);
      if (row) state.blocks.push(row);
      continue;
    }
    const isBlock = BLOCK_TAGS.has(tag);
    let childKind = kind;
    // A caption class wins over the tag: Readability turns a caption <div> into a <p>.
    const own = (tag !== "A" && CAPTION_CLASS.test(classAndIdOf(cls, id)) ? "caption" : undefined) ?? KIND_BY_TAG[tag];
    if (own) childKind = strongest(kind, own);
    if (childLink === SHARE_LINK && link !== SHARE_LINK) state.shareLinks++;
    const childStructure = structureFor(tag, structure, state.lists);
    const ordered = LIST_TAGS[tag];
    if (ordered !== undefined) state.lists.push(ordered);
    if (isBlock) {
      flush(state);
      if (tag === "BR" || tag === "HR") continue;
      const outer = state.open;
      state.open = element;
      visit(element, state, childKind, childStructure, childMark, markElement, childLink);
      flush(state);
      state.open = outer;
    } else {
      // An inline element with its own kind or mark (a <q>, a caption span) still joins the
      // running text; when it opens a block, the block takes its kind.
      if (state.buffer.length === 0 && own) state.kind = childKind;
      visit(element, state, childKind, childStructure, childMark, markElement, childLink);
    }
    if (ordered !== undefined) state.lists.pop();
  }
}

const LINE_BREAK = /\r\n?|\n/;

/** The structure an element's text inherits: a heading's level, a list item's list kind and depth. */
function structureFor(tag: string, outer: Structure, lists: readonly boolean[]): Structure {
  const level = HEADING_LEVEL[tag];
  if (level) return { ...outer, level };
  if (tag === "LI") return { ...outer, list: { ordered: lists.at(-1) ?? false, depth: Math.max(0, lists.length - 1) } };
  return outer;
}

/** Tags that make a cell hold layout rather than a value when there are more than TABLE_ROW allows. */
const CELL_BLOCK_TAGS = new Set(["P", "DIV", "UL", "OL", "DL", "LI", "H1", "H2", "H3", "H4", "H5", "H6", "BLOCKQUOTE", "PRE", "SECTION", "ARTICLE", "TABLE", "FIGURE"]);

function isDataRow(row: Element): boolean {
  let cells = 0;
  for (let cell = row.firstElementChild; cell; cell = cell.nextElementSibling) {
    if (cell.tagName !== "TD" && cell.tagName !== "TH") continue;
    cells++;
    if (cell.getElementsByTagName("table").length || blockCount(cell, TABLE_ROW.maxBlocksPerCell + 1) > TABLE_ROW.maxBlocksPerCell) return false;
  }
  return cells > 0;
}

/** Block elements under `element`, counted up to `stop`. */
function blockCount(element: Element, stop: number): number {
  let count = 0;
  for (let child = element.firstElementChild; child && count < stop; child = child.nextElementSibling) {
    if (CELL_BLOCK_TAGS.has(child.tagName)) count++;
    count += blockCount(child, stop - count);
  }
  return count;
}

/** One block for a data row: its cells' text joined by CELL_SEPARATOR, densities over the whole row. */
function rowBlock(row: Element, state: WalkState, kind: BlockKind, mark: TextBlock["mark"], markElement: MarkFn | undefined, link: LinkState): TextBlock | undefined {
  const cells: string[] = [];
  let header = row.parentElement?.tagName === "THEAD";
  let allTh = true;
  const inner: TextBlock[] = [];
  for (let cell = row.firstElementChild; cell; cell = cell.nextElementSibling) {
    if (cell.tagName !== "TD" && cell.tagName !== "TH") continue;
    if (cell.tagName !== "TH") allTh = false;
    const sub = walkBlocks(cell, markElement);
    inner.push(...sub);
    cells.push(sub.map((b) => b.text).join(" "));
  }
  header ||= allTh;
  if (cells.every((cell) => !cell)) return undefined;
  const text = cells.join(CELL_SEPARATOR);
  const length = Math.max(1, nonSpaceLength(text));
  let linkChars = 0;
  let shareChars = 0;
  let tagChars = 0;
  for (const b of inner) {
    const chars = nonSpaceLength(b.text);
    linkChars += b.linkDensity * chars;
    shareChars += (b.shareLinkDensity ?? 0) * chars;
    tagChars += (b.tagLinkDensity ?? 0) * chars;
  }
  // A row inside a link (rare) is all link text.
  if (link !== NO_LINK) linkChars = length;
  const block: TextBlock = { text, kind, linkDensity: round(Math.min(1, linkChars / length)), row: { header, cells: cells.map((c) => c.length) } };
  if (shareChars > 0) {
    block.shareLinkDensity = round(shareChars / length);
    block.wordsPerShareLink = Math.min(...inner.filter((b) => b.wordsPerShareLink !== undefined).map((b) => b.wordsPerShareLink!));
  }
  if (tagChars > 0) block.tagLinkDensity = round(tagChars / length);
  const cellMark = mark ?? inner.find((b) => b.mark)?.mark;
  if (cellMark) block.mark = cellMark;
  if (state.track) block.container = row;
  return block;
}

/** Whether text is inside a link, and what the link points at. */
type LinkState = 0 | 1 | 2 | 3;
const NO_LINK = 0;
const LINK = 1;
const SHARE_LINK = 2;
const TAG_LINK = 3;

/** What a link's `href` and `rel` attributes (null when absent) say it points at. */
function linkState(hrefAttribute: string | null, rel: string | null): LinkState {
  if (hrefAttribute === null) return NO_LINK;
  const href = hrefAttribute.trim();
  if (SHARE_LINK_RULE.href.test(href)) return SHARE_LINK;
  if (TAG_LINK_RULE.rel.test(rel ?? "") || TAG_LINK_RULE.href.test(href)) return TAG_LINK;
  return LINK;
}

/** Characters of `text` outside SPACE_RUN (white space and the zero-width space), counted without a copy of it. */
export function nonSpaceLength(text: string): number {
  return nonWhiteSpaceLength(text, true);
}

/**
 * Characters of `text` that are not `\s` (and, with `zeroWidthSpace`, not U+200B): what
 * `text.replace(/\s+/g, "").length` counts, without making the string. `\s` is ECMAScript's white
 * space and line terminators: tab to carriage return, space, U+00A0, U+1680, U+2000-U+200A,
 * U+2028, U+2029, U+202F, U+205F, U+3000, U+FEFF.
 */
export function nonWhiteSpaceLength(text: string, zeroWidthSpace = false): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x20 && c < 0xa0) count++;
    else if (!(c === 0x20 || (c >= 0x09 && c <= 0x0d) || (c >= 0xa0 && isWideWhiteSpace(c, zeroWidthSpace)))) count++;
  }
  return count;
}

/** Whether the UTF-16 unit `c` is `\s` (the white space `trim` removes). */
export function isWhiteSpaceCode(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d) || (c >= 0xa0 && isWideWhiteSpace(c, false));
}

function isWideWhiteSpace(c: number, zeroWidthSpace: boolean): boolean {
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || (zeroWidthSpace && c === 0x200b) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

function strongest(a: BlockKind, b: BlockKind): BlockKind {
  return KIND_STRENGTH[b] > KIND_STRENGTH[a] ? b : a;
}

function withMark(block: TextBlock, mark: TextBlock["mark"]): TextBlock {
  if (mark) block.mark = mark;
  return block;
}

export function classAndId(element: Element): string {
  return classAndIdOf(element.getAttribute("class"), element.getAttribute("id"));
}

/** `classAndId` of an element with this class and id attribute (null when absent). */
function classAndIdOf(cls: string | null, id: string | null): string {
  return id ? `${cls ?? ""} ${id}` : (cls ?? "");
}
