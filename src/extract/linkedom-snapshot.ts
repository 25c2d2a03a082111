// An element's markup (linkedom's `innerHTML`) taken now and written out later, only if asked.
//
// Why: Readability 0.6's `_grabArticle` serialises the whole body when it starts, to restore it
// if it has to retry with looser flags; ~9% of extraction on the five benchmark sets, where only
// 95 of 923 pages retry. Taking the snapshot is a walk that keeps each node with the values its
// markup depends on (attribute values, text data); writing it out is linkedom's own
// serialisation (Element.prototype.toString's loop, each node's own toString) over those values,
// so the string is the one `innerHTML` would have given at the time of the snapshot, whatever
// happened to the nodes since. test/extract/linkedom-snapshot.test.ts holds it to `innerHTML`.
import { linkedomPart } from "./linkedom-package.js";

const ELEMENT_NODE = 1;
const ATTRIBUTE_NODE = 2;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;
const COMMENT_NODE = 8;
/** linkedom's own node type for an element's end marker in its linked list. */
const NODE_END = -1;

interface LinkedNode {
  nodeType: number;
  localName: string;
  name: string;
  ownerDocument: Record<symbol, { ignoreCase: boolean; voidElements: RegExp }>;
  toString(): string;
  [link: symbol]: LinkedNode;
}

interface Internals {
  NEXT: symbol;
  END: symbol;
  START: symbol;
  VALUE: symbol;
  MIME: symbol;
  elementToString: () => string;
}
let internals: Internals | undefined;

function internalsOf(linkedom: typeof import("linkedom")): Internals {
  if (!internals) {
    const symbols = linkedomPart("shared/symbols.js") as Record<string, symbol>;
    internals = {
      NEXT: symbols.NEXT,
      END: symbols.END,
      START: symbols.START,
      VALUE: symbols.VALUE,
      MIME: symbols.MIME,
      elementToString: linkedom.Element.prototype.toString,
    };
  }
  return internals;
}

/** Steps of a snapshot: an element opens (its node), an attribute (node, value), data (node, value), an element ends (its start node), markup written already. */
const OPEN = 0;
const ATTRIBUTE = 1;
const DATA = 2;
const CLOSE = 3;
const WRITTEN = 4;

/**
 * Takes `element`'s children as they are now (a walk, nothing serialised) and returns a function
 * that gives the markup `element.innerHTML` had at this moment.
 */
export function snapshotInnerHtml(linkedom: typeof import("linkedom"), element: Element): () => string {
  const { NEXT, END, VALUE, elementToString } = internalsOf(linkedom);
  const tape: unknown[] = [];
  const self = element as unknown as LinkedNode;
  const end = self[END];
  let next = self[NEXT];
  while (next.nodeType === ATTRIBUTE_NODE) next = next[NEXT];
  for (; next !== end; next = next[NEXT]) {
    switch (next.nodeType) {
      case ELEMENT_NODE:
        // As linkedom: an element with its own serialisation (<textarea>, <title>...) writes itself whole.
        if (next.toString !== elementToString) {
          tape.push(WRITTEN, next.toString());
          next = next[END];
        } else tape.push(OPEN, next);
        break;
      case ATTRIBUTE_NODE:
        tape.push(ATTRIBUTE, next, next[VALUE]);
        break;
      case NODE_END:
        tape.push(CLOSE, next);
        break;
      case TEXT_NODE:
      case COMMENT_NODE:
      case CDATA_SECTION_NODE:
        tape.push(DATA, next, next[VALUE]);
        break;
    }
  }
  return () => writeTape(tape);
}

/** linkedom's Element.prototype.toString loop over a snapshot, each node written with its value at snapshot time. */
function writeTape(tape: unknown[]): string {
  const { VALUE, START, MIME } = internals!;
  const out: string[] = [];
  let isOpened = false;
  for (let i = 0; i < tape.length; ) {
    switch (tape[i++] as number) {
      case OPEN: {
        const element = tape[i++] as LinkedNode;
        if (isOpened) out.push(">");
        out.push(`<${element.localName}`);
        isOpened = true;
        break;
      }
      case ATTRIBUTE: {
        const attribute = tape[i++] as LinkedNode;
        const value = tape[i++];
        const written = " " + withValue(attribute, VALUE, value);
        if (written !== " id" && written !== " class" && written !== " style") out.push(written);
        break;
      }
      case CLOSE: {
        const start = (tape[i++] as LinkedNode)[START];
        if (isOpened) {
          const mime = start.ownerDocument[MIME];
          if ("ownerSVGElement" in start) out.push(" />");
          else if (mime.voidElements.test(start.localName)) out.push(mime.ignoreCase ? ">" : " />");
          else out.push(`></${start.localName}>`);
          isOpened = false;
        } else out.push(`</${start.localName}>`);
        break;
      }
      case DATA: {
        const node = tape[i++] as LinkedNode;
        const value = tape[i++];
        out.push((isOpened ? ">" : "") + withValue(node, VALUE, value));
        isOpened = false;
        break;
      }
      case WRITTEN:
        if (isOpened) out.push(">");
        out.push(tape[i++] as string);
        isOpened = false;
        break;
    }
  }
  return out.join("");
}

/** The node's own toString, reading `value` as its value (a node whose value changed since is not touched). */
function withValue(node: LinkedNode, VALUE: symbol, value: unknown): string {
  if (node[VALUE] === value) return node.toString();
  const stand = Object.create(node) as LinkedNode;
  Object.defineProperty(stand, VALUE, { value });
  return stand.toString();
}
