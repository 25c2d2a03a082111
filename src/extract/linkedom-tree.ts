// parse5 (the HTML standard's tree construction, the parser jsdom uses) building linkedom nodes.
// linkedom's own parser is htmlparser2, which does not rebuild markup as a browser does: content
// before <html> (CleanEval's `<text id=...>` wrapper), misnested tags, stray text in tables and
// elements after </body> end up elsewhere, and Readability then chooses differently. Through
// this adapter a page has jsdom's tree, on linkedom's far lighter nodes.
import { linkedomPart } from "./linkedom-package.js";
import { capTreeDepth } from "./tree-depth.js";
import { parse, Parser, type DefaultTreeAdapterMap, type Token, type TreeAdapter, type TreeAdapterTypeMap } from "parse5";

type Html = globalThis.Document;
type DomNode = globalThis.Node;
type DomParent = globalThis.ParentNode & DomNode;
export type LinkedomTreeMap = TreeAdapterTypeMap<DomNode, DomParent, globalThis.ChildNode, Html, DocumentFragment, Element, Comment, Text, HTMLTemplateElement, DocumentType>;
type DocumentMode = ReturnType<TreeAdapter<DefaultTreeAdapterMap>["getDocumentMode"]>;

const HTML_NAMESPACE = "http://www.w3.org/1999/xhtml";
const TEXT_NODE = 3;
const COMMENT_NODE = 8;
const ELEMENT_NODE = 1;
const DOCUMENT_TYPE_NODE = 10;

/**
 * Parses `html` as a browser would into `document`, an empty linkedom HTML document.
 * `scriptingEnabled: false` as jsdom's DOMParser documents: <noscript> content is parsed as markup.
 * `adapter` is for tests: LINKEDOM_ADAPTER with some of its calls replaced by linkedom's own.
 */
export function parseInto(document: Html, html: string, adapter: TreeAdapter<LinkedomTreeMap> = LINKEDOM_ADAPTER): Html {
  if (!linked) {
    linked = linkedParts();
    capTreeDepth({ Parser });
  }
  building = { document, mode: NO_QUIRKS };
  try {
    return parse(html, { treeAdapter: adapter, scriptingEnabled: false });
  } finally {
    settleText();
    building = undefined;
  }
}

/** The document parse5 is building (parsing is synchronous and not re-entered: one at a time). */
let building: { document: Html; mode: DocumentMode } | undefined;
const NO_QUIRKS = "no-quirks" as DocumentMode;
const templates = new WeakMap<object, DocumentFragment>();

function target(): Html {
  if (!building) throw new Error("linkedom adapter used outside parseInto");
  return building.document;
}

/**
 * One adapter for every page, reading the page being built from `building`: an adapter made per
 * page was a new set of closures that V8 optimised anew for each page.
 */
export const LINKEDOM_ADAPTER: TreeAdapter<LinkedomTreeMap> = {
  createDocument: () => target(),
  createDocumentFragment: () => target().createDocumentFragment(),
  createElement(tagName, namespaceURI, attrs) {
    const document = target();
    if (namespaceURI !== HTML_NAMESPACE) {
      const element = document.createElementNS(namespaceURI, tagName);
      setAttributes(element, attrs);
      return element;
    }
    const element = document.createElement(tagName);
    setNewAttributes(document, element, attrs);
    return element;
  },
  createCommentNode: (data) => target().createComment(data),
  createTextNode: (value) => target().createTextNode(value),
  appendChild: (parent, node) => linkBefore(parent, node, null),
  insertBefore: (parent, node, reference) => linkBefore(parent, node, reference),
  setTemplateContent: (template, content) => void templates.set(template, content),
  getTemplateContent: (template) => templates.get(template) ?? target().createDocumentFragment(),
  // No doctype node: nothing downstream reads it.
  setDocumentType: () => {},
  setDocumentMode: (_doc, mode) => void (building!.mode = mode),
  getDocumentMode: () => building?.mode ?? NO_QUIRKS,
  detachNode: (node) => node.parentNode?.removeChild(node),
  insertText(parent, text) {
    const last = (parent as unknown as Linked)[linked!.END][linked!.PREV];
    if (last.nodeType === TEXT_NODE) appendText(last, text);
    else linkBefore(parent, target().createTextNode(text), null);
  },
  insertTextBefore(parent, text, reference) {
    const previous = (reference as unknown as Linked)[linked!.PREV];
    if (previous.nodeType === TEXT_NODE) appendText(previous, text);
    else linkBefore(parent, target().createTextNode(text), reference);
  },
  // As jsdom's adapter: a repeated <html> or <body> tag's attributes are set on the element.
  adoptAttributes: (element, attrs) => setAttributes(element, attrs),
  getFirstChild: (node) => node.firstChild as globalThis.ChildNode | null,
  getChildNodes: (node) => Array.from(node.childNodes) as globalThis.ChildNode[],
  getParentNode: (node) => node.parentNode as DomParent | null,
  getAttrList: (element) => Array.from(element.attributes, (a): Token.Attribute => ({ name: a.name, value: a.value })),
  getTagName: (element) => element.localName,
  getNamespaceURI: (element) => (element.namespaceURI ?? HTML_NAMESPACE) as ReturnType<TreeAdapter["getNamespaceURI"]>,
  getTextNodeContent: (node) => node.data,
  getCommentNodeContent: (node) => node.data,
  getDocumentTypeNodeName: (node) => node.name,
  getDocumentTypeNodePublicId: (node) => node.publicId,
  getDocumentTypeNodeSystemId: (node) => node.systemId,
  isTextNode: (node): node is Text => node.nodeType === TEXT_NODE,
  isCommentNode: (node): node is Comment => node.nodeType === COMMENT_NODE,
  isDocumentTypeNode: (node): node is DocumentType => node.nodeType === DOCUMENT_TYPE_NODE,
  isElementNode: (node): node is Element => node.nodeType === ELEMENT_NODE,
  setNodeSourceCodeLocation: () => {},
  getNodeSourceCodeLocation: () => undefined,
  updateNodeSourceCodeLocation: () => {},
};

/** linkedom's `setAttribute` puts a new attribute first: set in reverse, the source order stands (as in jsdom). */
function setAttributes(element: Element, attrs: Token.Attribute[]): void {
  for (let i = attrs.length - 1; i >= 0; i--) {
    const attr = attrs[i];
    element.setAttribute(attr.prefix ? `${attr.prefix}:${attr.name}` : attr.name, attr.value);
  }
}

/** A linkedom node as its linked list sees it: each node, and each parent's end marker ([END]), links the next and the previous by symbol. */
interface Linked {
  nodeType: number;
  parentNode: unknown;
  [link: symbol]: Linked;
}

/**
 * `parent.insertBefore(node, reference ?? end)` as linkedom does it, for a node parse5 has just
 * made or detached (no parent, no links): link the node (an element with its subtree, up to its
 * end marker) between the reference's previous node and the reference. linkedom's `insertBefore`
 * would first remove the node from where it is (nowhere), then call its mutation observer and
 * custom element callbacks, which do nothing in a parsed document (none is registered). Any other
 * node (a fragment, one still linked) goes through linkedom.
 */
function linkBefore(parent: DomParent, node: DomNode, reference: DomNode | null): void {
  const { NEXT, PREV, END } = linked!;
  const child = node as unknown as Linked;
  const type = child.nodeType;
  if (child.parentNode !== null || child[PREV] !== null || (type !== ELEMENT_NODE && type !== TEXT_NODE && type !== COMMENT_NODE)) {
    parent.insertBefore(node, reference);
    return;
  }
  const next = reference === null ? (parent as unknown as Linked)[END] : (reference as unknown as Linked);
  const previous = next[PREV];
  const last = type === ELEMENT_NODE ? child[END] : child;
  child.parentNode = parent;
  previous[NEXT] = child;
  child[PREV] = previous;
  last[NEXT] = next;
  next[PREV] = last;
}

/**
 * `text.data += more`, the pieces joined once: parse5 gives a paragraph's text a word or a space at
 * a time, and each `+=` is a string of its own (a rope cell the collector moves, flattened on first
 * read). The pieces of the one text node being extended wait here until another text node is
 * extended or the page is built (`settleText`); nothing reads a text node's data while parse5
 * builds. The data is set without linkedom's `data` setter (its `String()` and mutation observer
 * call, for a string and no observer).
 */
function appendText(text: Linked, more: string): void {
  if (text !== pendingText) {
    settleText();
    pendingText = text;
    pendingPieces = [(text as unknown as Record<symbol, string>)[linked!.VALUE], more];
  } else pendingPieces.push(more);
}

/** Gives the text node `appendText` is extending its data. */
function settleText(): void {
  if (pendingText === null) return;
  (pendingText as unknown as Record<symbol, string>)[linked!.VALUE] = pendingPieces.join("");
  pendingText = null;
  pendingPieces = [];
}
let pendingText: Linked | null = null;
let pendingPieces: string[] = [];

interface LinkedAttr {
  ownerElement: unknown;
  [link: symbol]: unknown;
}

/** What `setNewAttributes` and `linkBefore` take from the linkedom that builds the nodes (linkedom-package.ts says why by name). */
function linkedParts() {
  const { NEXT, PREV, END, VALUE } = linkedomPart("shared/symbols.js") as Record<"NEXT" | "PREV" | "END" | "VALUE", symbol>;
  const { Attr } = linkedomPart("interface/attr.js") as { Attr: new (ownerDocument: Html, name: string, value: string) => LinkedAttr };
  return { NEXT, PREV, END, VALUE, Attr };
}
let linked: ReturnType<typeof linkedParts> | undefined;

/**
 * The attributes of a new HTML element, as `setAttributes` leaves them, without its work: linkedom's
 * `setAttribute("class", …)` builds a DOMTokenList (a Set) for the element, joins it, and sets the
 * attribute through it twice (~2% of the HTML route, and a Set per element with a class for the
 * collector). Here each attribute is made as linkedom's Attr and linked in source order right after
 * the element; a class attribute holds what linkedom's class list would write (`classListValue`),
 * and the list itself is made from it on first use by linkedom's own `classList` getter. A new
 * element has no attribute to replace (parse5 drops a start tag's repeated attributes), and its
 * document no mutation observer or custom element: the callbacks linkedom would make do nothing.
 * linkedom's own parser (its `innerHTML` setter) leaves a new element's attributes the same way:
 * linked in order, a class set through the class list (linkedom-snapshot.ts builds with this).
 */
export function setNewAttributes(document: Html, element: Element, attrs: ReadonlyArray<{ name: string; value: string }>): void {
  if (attrs.length === 0) return;
  const { NEXT, PREV, Attr } = (linked ??= linkedParts());
  const owner = element as unknown as LinkedAttr;
  const next = owner[NEXT] as LinkedAttr;
  let previous = owner;
  for (let i = 0; i < attrs.length; i++) {
    const { name, value } = attrs[i];
    const attribute = new Attr(document, name, name === "class" ? classListValue(value) : value);
    attribute.ownerElement = element;
    previous[NEXT] = attribute;
    attribute[PREV] = previous;
    previous = attribute;
  }
  previous[NEXT] = next;
  next[PREV] = previous;
}

/** A class attribute as linkedom's class list writes it: its words (split at `\s`), each once, in order, joined by one space. */
export function classListValue(value: string): string {
  // One word (or none) is its own list; so is a list already written so (most on the AEB pages: 83%),
  // which is then not split into words, a Set and a new string for every element.
  if (!WHITE_SPACE.test(value) || (SINGLE_SPACED_WORDS.test(value) && !repeatsAWord(value))) return value;
  return [...new Set(value.split(/\s+/).filter((word) => word !== ""))].join(" ");
}
const WHITE_SPACE = /\s/;
const SINGLE_SPACED_WORDS = /^\S+(?: \S+)+$/;
/** Past this many words a list is left to the Set rather than compared word by word. */
const WORDS_COMPARED = 16;

/** Whether a list of words, each followed by one space but the last, holds a word twice (or more than WORDS_COMPARED words). */
function repeatsAWord(list: string): boolean {
  const starts = [0];
  for (let space = list.indexOf(" "); space !== -1; space = list.indexOf(" ", space + 1)) {
    if (starts.length === WORDS_COMPARED) return true;
    starts.push(space + 1);
  }
  starts.push(list.length + 1);
  for (let i = 0; i + 2 < starts.length; i++) {
    const length = starts[i + 1] - starts[i] - 1;
    for (let j = i + 1; j + 1 < starts.length; j++) {
      if (starts[j + 1] - starts[j] - 1 === length && sameChars(list, starts[i], starts[j], length)) return true;
    }
  }
  return false;
}

function sameChars(text: string, a: number, b: number, length: number): boolean {
  for (let k = 0; k < length; k++) if (text.charCodeAt(a + k) !== text.charCodeAt(b + k)) return false;
  return true;
}

/**
 * linkedom's `className` (and so `getAttribute("class")`, which reads it) joins the element's
 * class list anew on every read: ~2% of the HTML route, where Readability reads it for every
 * node. linkedom keeps the class attribute equal to that list (it rewrites the attribute on each
 * change to the list, and drops the list when the attribute is removed), so reading the
 * attribute gives the same string without building one. Set once, on linkedom's Element.
 */
export function readClassFromAttribute(linkedom: typeof import("linkedom")): void {
  const prototype = linkedom.Element.prototype as Element;
  const descriptor = Object.getOwnPropertyDescriptor(prototype, "className");
  if (!descriptor?.set || descriptor.get === classNameFromAttribute) return;
  Object.defineProperty(prototype, "className", { ...descriptor, get: classNameFromAttribute });
}

function classNameFromAttribute(this: Element): string {
  return this.getAttributeNode("class")?.value ?? "";
}

/**
 * linkedom's `getElementsByTagName` compares each element's name as given and then upper-cased,
 * building a new upper-case string for every element that does not match (`localCase`): ~3% of
 * the HTML route, mostly garbage. The same test with each name upper-cased once (a small table):
 * same elements, same order, same NodeList class. Set once, on linkedom's ParentNode.
 */
export function matchTagsWithoutUpperCasing(linkedom: typeof import("linkedom")): void {
  const { NEXT, END, MIME } = linkedomPart("shared/symbols.js") as Record<"NEXT" | "END" | "MIME", symbol>;
  const { NodeList } = linkedomPart("interface/node-list.js") as { NodeList: new () => Element[] };
  let parentNode = linkedom.Element.prototype as object | null;
  while (parentNode && !Object.hasOwn(parentNode, "getElementsByTagName")) parentNode = Object.getPrototypeOf(parentNode);
  if (!parentNode || (parentNode as { getElementsByTagName: unknown }).getElementsByTagName === elementsByTagName) return;
  interface Linked {
    nodeType: number;
    localName: string;
    ownerDocument: Record<symbol, { ignoreCase: boolean }>;
    [link: symbol]: Linked;
  }
  function elementsByTagName(this: Linked, tagName: string): Element[] {
    const elements = new NodeList();
    const end = this[END];
    // As linkedom: the name as given, or upper-cased in a document that ignores case (HTML). No
    // upper-cased name has a lower-case ASCII letter, so for "p" or "a" (Readability's usual
    // questions) only the name as given can match, and no element's name is looked up.
    if (HAS_ASCII_LOWER_CASE.test(tagName)) {
      for (let next = this[NEXT]; next !== end; next = next[NEXT]) if (next.localName === tagName && next.nodeType === ELEMENT_NODE) elements.push(next as unknown as Element);
      return elements;
    }
    for (let next = this[NEXT]; next !== end; next = next[NEXT]) {
      if (next.nodeType === ELEMENT_NODE && (next.localName === tagName || (next.ownerDocument[MIME].ignoreCase && upperCase(next.localName) === tagName)))
        elements.push(next as unknown as Element);
    }
    return elements;
  }
  Object.defineProperty(parentNode, "getElementsByTagName", { value: elementsByTagName, writable: true, configurable: true });
}

/**
 * linkedom's `tagName` and `nodeName` upper-case the element's name anew on every read (in a
 * document that ignores case, HTML): Readability and the block walk read them for nearly every
 * element they visit. The same string from the table of upper-cased names. Set once, on linkedom's Element.
 */
export function tagNamesUpperCasedOnce(linkedom: typeof import("linkedom")): void {
  const { MIME } = linkedomPart("shared/symbols.js") as Record<"MIME", symbol>;
  const prototype = linkedom.Element.prototype as object;
  type Named = { localName: string; ownerDocument: Record<symbol, { ignoreCase: boolean }> };
  function tagName(this: Named): string {
    return this.ownerDocument[MIME].ignoreCase ? upperCase(this.localName) : this.localName;
  }
  for (const name of ["tagName", "nodeName"]) {
    const descriptor = Object.getOwnPropertyDescriptor(prototype, name);
    if (!descriptor?.get || descriptor.get.name === "tagName") continue;
    Object.defineProperty(prototype, name, { ...descriptor, get: tagName });
  }
}

const HAS_ASCII_LOWER_CASE = /[a-z]/;

/** Upper-cased tag names, each made once; unbounded names (custom elements) stop being added past the cap. */
const UPPER_CASE = new Map<string, string>();
const UPPER_CASE_CAP = 4096;
function upperCase(name: string): string {
  let upper = UPPER_CASE.get(name);
  if (upper === undefined) {
    upper = name.toUpperCase();
    if (UPPER_CASE.size < UPPER_CASE_CAP) UPPER_CASE.set(name, upper);
  }
  return upper;
}

/**
 * linkedom's `querySelectorAll` and `querySelector` compile their selector with css-select on
 * every call (a parse, a tree of closures that V8 then optimises anew for each query): Readability
 * asks for lists of tags below an element (`"img,embed,object,iframe"`) for many elements, and the
 * caption test asks `"p, div, figure, li, h1, h2, h3"`; ~2% of the HTML route's time and ~4% of its
 * allocation. A selector that is only a list of tag names is matched here the way css-select
 * matches it in an HTML document (the element's name and the tag lower-cased), in linkedom's own
 * walk (document order, a <template>'s content skipped): the same elements in the same order.
 * Any other selector, or a document that does not ignore case (XML), goes to linkedom's own.
 * Set once, on linkedom's ParentNode.
 */
export function queryTagListsWithoutCompiling(linkedom: typeof import("linkedom")): void {
  const { NEXT, END, MIME } = linkedomPart("shared/symbols.js") as Record<"NEXT" | "END" | "MIME", symbol>;
  const { NodeList } = linkedomPart("interface/node-list.js") as { NodeList: new () => Element[] };
  let parentNode = linkedom.Element.prototype as object | null;
  while (parentNode && !Object.hasOwn(parentNode, "querySelectorAll")) parentNode = Object.getPrototypeOf(parentNode);
  if (!parentNode || !Object.hasOwn(parentNode, "querySelector")) return;
  type Query = (this: Linked, selectors: string) => unknown;
  const own = parentNode as { querySelectorAll: Query; querySelector: Query };
  if (own.querySelectorAll.name === "querySelectorAllTags") return;
  const { querySelectorAll, querySelector } = own;
  interface Linked {
    nodeType: number;
    localName: string;
    ownerDocument: Record<symbol, { ignoreCase: boolean }>;
    [link: symbol]: Linked;
  }
  /** Calls `found` with each element below `root` whose name is in `tags`, in document order, until it returns true. */
  function walk(root: Linked, tags: ReadonlySet<string>, found: (element: Linked) => boolean): void {
    const end = root[END];
    for (let next = root[NEXT]; next !== end; ) {
      if (next.nodeType === ELEMENT_NODE) {
        if (tags.has(next.localName.toLowerCase()) && found(next)) return;
        next = next.localName === "template" ? next[END] : next[NEXT];
      } else next = next[NEXT];
    }
  }
  function querySelectorAllTags(this: Linked, selectors: string): unknown {
    const tags = this.ownerDocument[MIME].ignoreCase ? tagList(selectors) : undefined;
    if (!tags) return querySelectorAll.call(this, selectors);
    const elements = new NodeList();
    walk(this, tags, (element) => {
      elements.push(element as unknown as Element);
      return false;
    });
    return elements;
  }
  function querySelectorTags(this: Linked, selectors: string): unknown {
    const tags = this.ownerDocument[MIME].ignoreCase ? tagList(selectors) : undefined;
    if (!tags) return querySelector.call(this, selectors);
    let first: Linked | null = null;
    walk(this, tags, (element) => ((first = element), true));
    return first;
  }
  Object.defineProperty(parentNode, "querySelectorAll", { value: querySelectorAllTags, writable: true, configurable: true });
  Object.defineProperty(parentNode, "querySelector", { value: querySelectorTags, writable: true, configurable: true });
}

/** The tag names of a selector that is only a comma-separated list of them (`"h1, h2"`), lower-cased; undefined for any other selector. */
export function tagList(selectors: string): ReadonlySet<string> | undefined {
  let tags = TAG_LISTS.get(selectors);
  if (tags === undefined) {
    const names = selectors.split(",").map((name) => name.trim());
    tags = names.every((name) => TAG_NAME.test(name)) ? new Set(names.map((name) => name.toLowerCase())) : null;
    if (TAG_LISTS.size < TAG_LISTS_CAP) TAG_LISTS.set(selectors, tags);
  }
  return tags ?? undefined;
}
/** A type selector css-select reads as a plain tag name (no namespace, escape or universal `*`). */
const TAG_NAME = /^[a-zA-Z][a-zA-Z0-9-]*$/;
const TAG_LISTS = new Map<string, ReadonlySet<string> | null>();
const TAG_LISTS_CAP = 1024;

/**
 * linkedom's `textContent` of an element pushes the data of each text node below it into an array
 * and joins it: for an element with one text node (a link, a short paragraph) that is an array and a
 * copy of a string that exists already. Readability reads it for nearly every element it weighs
 * (`_getInnerText`, `_getLinkDensity`): ~12% of the route's allocation. The same string: no text node
 * gives "", one gives its data as it is, more are joined as linkedom joins them. Set once, on
 * linkedom's Element.
 */
export function textContentWithoutCopies(linkedom: typeof import("linkedom")): void {
  const { NEXT, END } = linkedomPart("shared/symbols.js") as Record<"NEXT" | "END", symbol>;
  const prototype = linkedom.Element.prototype as object;
  const descriptor = Object.getOwnPropertyDescriptor(prototype, "textContent");
  if (!descriptor?.get || descriptor.get.name === "textContentOf") return;
  interface Linked {
    nodeType: number;
    data: string;
    [link: symbol]: Linked;
  }
  function textContentOf(this: Linked): string {
    const end = this[END];
    let first: string | undefined;
    let parts: string[] | undefined;
    for (let next = this[NEXT]; next !== end; next = next[NEXT]) {
      const type = next.nodeType;
      if (type !== TEXT_NODE && type !== CDATA_SECTION_NODE) continue;
      const data = next.data;
      if (first === undefined) first = data;
      else if (parts === undefined) parts = [first, data];
      else parts.push(data);
    }
    return parts ? parts.join("") : (first ?? "");
  }
  Object.defineProperty(prototype, "textContent", { ...descriptor, get: textContentOf });
}
const CDATA_SECTION_NODE = 4;
