// How chaff's walks of a page (premarking, the page walk, the block classifier) read the tree: on linkedom, from its
// linked list of nodes rather than through its getters. A linkedom node's children are the nodes
// between it and its end marker, after its attribute nodes; `firstChild`, `nextSibling`,
// `firstElementChild` and `getAttribute` each find their answer by walking that list, through
// getters reached by megamorphic loads (the page has nodes of a few dozen classes). Read here
// with the same walks over the list's own links, and every attribute a walk asks of an element in
// one pass over its attribute nodes (all of one class: monomorphic loads). Any other DOM (jsdom) is
// read through its own getters. The answers are linkedom's: test/extract/linkedom-reads.test.ts.
import { linkedomPart } from "./linkedom-package.js";

/** What `getAttribute` gives for each (null when absent; the class too, which linkedom gives as ""). */
export interface ElementAttributes {
  class: string | null;
  id: string | null;
  href: string | null;
  rel: string | null;
  role: string | null;
  ariaLabel: string | null;
  ariaHidden: string | null;
  /** Whether the element has a `hidden` attribute. */
  hidden: boolean;
  /** `data-chaff-mark`: a copied mark (mark.ts), or the page's own. */
  chaffMark: string | null;
}

/**
 * The attributes of `element`, in a record shared by every call: read what is needed from it before
 * the next call (a walk reads its element's, then its children's).
 */
export function readAttributes(element: Element): ElementAttributes {
  const read = shared;
  read.class = read.id = read.href = read.rel = read.role = read.ariaLabel = read.ariaHidden = read.chaffMark = null;
  read.hidden = false;
  const { NEXT, VALUE, MIME } = symbolsOf();
  let next = (element as unknown as Linked)[NEXT];
  // A linkedom element in an HTML document (where `getAttribute` gives an attribute's value as it is): its attribute nodes follow it in the list.
  if (next === undefined || !(element as unknown as Linked).ownerDocument[MIME].ignoreCase) return readByName(element, read);
  // The first attribute of a name is the one `getAttribute` gives.
  for (; next.nodeType === ATTRIBUTE_NODE; next = next[NEXT]) {
    const name = next.name;
    if (name === "class") read.class ??= next[VALUE];
    else if (name === "id") read.id ??= next[VALUE];
    else if (name === "href") read.href ??= next[VALUE];
    else if (name === "rel") read.rel ??= next[VALUE];
    else if (name === "role") read.role ??= next[VALUE];
    else if (name === "aria-label") read.ariaLabel ??= next[VALUE];
    else if (name === "aria-hidden") read.ariaHidden ??= next[VALUE];
    else if (name === "hidden") read.hidden = true;
    else if (name === "data-chaff-mark") read.chaffMark ??= next[VALUE];
  }
  return read;
}

function readByName(element: Element, read: ElementAttributes): ElementAttributes {
  read.class = element.getAttribute("class");
  read.id = element.getAttribute("id");
  read.href = element.getAttribute("href");
  read.rel = element.getAttribute("rel");
  read.role = element.getAttribute("role");
  read.ariaLabel = element.getAttribute("aria-label");
  read.ariaHidden = element.getAttribute("aria-hidden");
  read.hidden = element.hasAttribute("hidden");
  read.chaffMark = element.getAttribute("data-chaff-mark");
  return read;
}

const shared: ElementAttributes = { class: null, id: null, href: null, rel: null, role: null, ariaLabel: null, ariaHidden: null, hidden: false, chaffMark: null };

/** `element.firstChild`. */
export function firstChildOf(element: Element): ChildNode | null {
  const { NEXT, END } = symbolsOf();
  let next = (element as unknown as Linked)[NEXT];
  if (next === undefined) return element.firstChild;
  const end = (element as unknown as Linked)[END];
  while (next.nodeType === ATTRIBUTE_NODE) next = next[NEXT];
  return next === end ? null : (next as unknown as ChildNode);
}

/** `node.nextSibling`. */
export function nextSiblingOf(node: Node): ChildNode | null {
  const { NEXT, END } = symbolsOf();
  // An element's siblings follow its end marker; another node's follow it.
  const last = node.nodeType === ELEMENT_NODE ? (node as unknown as Linked)[END] : (node as unknown as Linked);
  const next = last === undefined ? undefined : last[NEXT];
  if (next === undefined) return node.nextSibling;
  return next === null || next.nodeType === NODE_END ? null : (next as unknown as ChildNode);
}

/** `element.firstElementChild`. */
export function firstElementChildOf(element: Element): Element | null {
  let child = firstChildOf(element);
  while (child && child.nodeType !== ELEMENT_NODE) child = nextSiblingOf(child);
  return child as Element | null;
}

/** `element.nextElementSibling`. */
export function nextElementSiblingOf(element: Element): Element | null {
  let sibling = nextSiblingOf(element);
  while (sibling && sibling.nodeType !== ELEMENT_NODE) sibling = nextSiblingOf(sibling);
  return sibling as Element | null;
}

export const ELEMENT_NODE = 1;
export const ATTRIBUTE_NODE = 2;
/** linkedom's own node type for an element's end marker in its linked list. */
export const NODE_END = -1;

interface LinkedSymbols {
  NEXT: symbol;
  END: symbol;
  VALUE: symbol;
  MIME: symbol;
}
let linkedSymbols: LinkedSymbols | undefined;
/** linkedom's symbols, read on first use (a run on jsdom alone reads only this file of linkedom's). */
function symbolsOf(): LinkedSymbols {
  return (linkedSymbols ??= linkedomPart("shared/symbols.js") as LinkedSymbols);
}

/** A node of linkedom's list as these walks read it. */
interface Linked {
  nodeType: number;
  name: string;
  ownerDocument: Record<symbol, { ignoreCase: boolean }>;
  [link: symbol]: Linked & string;
}
