// An element's markup (linkedom's `innerHTML`) taken now and written out later, only if asked.
//
// Why: Readability 0.6's `_grabArticle` serialises the whole body when it starts, to restore it
// if it has to retry with looser flags; ~9% of extraction on the five benchmark sets, where only
// 95 of 923 pages retry. Taking the snapshot is a walk that keeps each node with the values its
// markup depends on (attribute values, text data); writing it out is linkedom's own
// serialisation (Element.prototype.toString's loop, each node's own toString) over those values,
// so the string is the one `innerHTML` would have given at the time of the snapshot, whatever
// happened to the nodes since. test/extract/linkedom-snapshot.test.ts holds it to `innerHTML`.
//
// A retry restores the body by setting `innerHTML` to that string: linkedom parses it with
// htmlparser2, ~6% of the whole HTML route on AEB's 181 pages (21 retries, large bodies, in code
// that runs too rarely to be optimised). `rebuild` builds the same nodes straight from the snapshot
// (see `rebuildFromTape` for what htmlparser2 does to the markup that the build copies), and
// declines, leaving the parse to linkedom, where the markup holds what it does not copy.
//
// An element may carry its chaff mark on itself rather than as attributes (mark.ts, MarkCarrier):
// the snapshot keeps it with the element, the markup writes it as the attributes it stands for,
// and `rebuild` puts it on the element it builds, or declines where the parse of those attributes
// might read them otherwise.
import { linkedomPart } from "./linkedom-package.js";
import { setNewAttributes } from "./linkedom-tree.js";
import { carriedMark, carryMark, markAttributes, type Mark } from "./mark.js";
import { ATTRIBUTE_NODE, ELEMENT_NODE, NODE_END } from "./linkedom-reads.js";

const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;
const COMMENT_NODE = 8;

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
  setInnerHtml: (this: Element, html: string) => void;
  Attr: new (ownerDocument: unknown, name: string, value: string) => { toString(): string };
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
      setInnerHtml: Object.getOwnPropertyDescriptor(linkedom.Element.prototype, "innerHTML")!.set!,
      Attr: (linkedomPart("interface/attr.js") as { Attr: Internals["Attr"] }).Attr,
    };
  }
  return internals;
}

/** Steps of a snapshot: an element opens (its node, and its carried mark or undefined), an attribute (node, value), data (node, value), an element ends (its end node), markup written already (the markup, and the parts `rebuild` builds it from or null). */
const OPEN = 0;
const ATTRIBUTE = 1;
const DATA = 2;
const CLOSE = 3;
const WRITTEN = 4;

/** An element's children as they were when the snapshot was taken. */
export interface MarkupSnapshot {
  /** The markup `element.innerHTML` had then. */
  markup(): string;
  /**
   * Makes `target`'s children what `target.innerHTML = markup()` makes them (linkedom's own parse of
   * that markup), without writing or parsing it; false, and `target` untouched, when the snapshot
   * holds something this does not build as the parse would.
   */
  rebuild(target: Element): boolean;
}

/** Takes `element`'s children as they are now (a walk, nothing serialised). */
export function snapshotInnerHtml(linkedom: typeof import("linkedom"), element: Element): MarkupSnapshot {
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
          const mark = carriedMark(next as unknown as Element);
          tape.push(WRITTEN, mark ? withMarkWritten(next, mark) : next.toString(), writtenParts(next, mark));
          next = next[END];
        } else tape.push(OPEN, next, carriedMark(next as unknown as Element));
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
  let decoded: Map<string, string> | undefined;
  return {
    markup: () => writeTape(tape),
    rebuild: (target) => rebuildFromTape(tape, target, (decoded ??= decodedAttributeValues(tape, target))),
  };
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
        const mark = tape[i++] as Mark | undefined;
        if (isOpened) out.push(">");
        out.push(`<${element.localName}`);
        if (mark) out.push(markWritten(element, mark));
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
        i++;
        isOpened = false;
        break;
    }
  }
  return out.join("");
}

/** The markup of an element that writes itself, with its carried mark written first among its attributes, as `setMark`'s attributes are. */
function withMarkWritten(element: LinkedNode, mark: Mark): string {
  const own = element.toString();
  const at = element.localName.length + 1;
  return own.slice(0, at) + markWritten(element, mark) + own.slice(at);
}

/** A carried mark written as the attributes it stands for (linkedom's serialisation of each), each after a space. */
function markWritten(element: LinkedNode, mark: Mark): string {
  let written = "";
  for (const [name, value] of markAttributes(mark)) written += " " + new internals!.Attr(element.ownerDocument, name, value).toString();
  return written;
}

/** Whether the parse of a carried mark's attributes might read them otherwise than written (a character reference in a value). */
function markMayReadOtherwise(mark: Mark): boolean {
  return markAttributes(mark).some(([, value]) => value.includes("&"));
}

/** The node's own toString, reading `value` as its value (a node whose value changed since is not touched). */
function withValue(node: LinkedNode, VALUE: symbol, value: unknown): string {
  if (node[VALUE] === value) return node.toString();
  const stand = Object.create(node) as LinkedNode;
  Object.defineProperty(stand, VALUE, { value });
  return stand.toString();
}

/**
 * Builds `target`'s new children from a snapshot's tape as linkedom's `innerHTML` setter builds
 * them from the markup `writeTape` writes, which htmlparser2 parses (its Parser.js, in HTML mode):
 * - text is written escaped (`&`, `<`, `>`, U+00A0 as references) and each decoded reference comes
 *   back as a text node of its own, the text between them as one node: adjacent text nodes merge,
 *   then split there (`TEXT_PIECES`);
 * - attributes come back in order, their values decoded once more (`decodedAttributeValues`), an
 *   empty id, class or style not at all (the serialisation leaves them out);
 * - elements nest as written, except where htmlparser2 closes or never opens one: an element
 *   whose opening closes its parent (`IMPLIED_CLOSE`, its `openImpliesClose`), void elements
 *   (which take no children), elements whose content it reads as raw text, and foreign (SVG,
 *   MathML) content. A snapshot with any of these, a comment that might not come back whole, or an
 *   attribute name it might read otherwise is not built here (false): linkedom parses the markup.
 */
function rebuildFromTape(tape: readonly unknown[], target: Element, decoded: ReadonlyMap<string, string>): boolean {
  const document = target.ownerDocument;
  const top: Node[] = [];
  const open: Element[] = [];
  let text = "";
  const flushText = () => {
    if (text === "") return;
    for (const piece of text.match(TEXT_PIECES)!) append(document.createTextNode(piece));
    text = "";
  };
  const append = (node: Node) => {
    if (open.length) open[open.length - 1].appendChild(node);
    else top.push(node);
  };
  for (let i = 0; i < tape.length; ) {
    switch (tape[i++] as number) {
      case OPEN: {
        flushText();
        const original = tape[i++] as LinkedNode;
        const mark = tape[i++] as Mark | undefined;
        const name = original.localName;
        if (mark && markMayReadOtherwise(mark)) return false;
        if (!PLAIN_TAG.test(name) || NOT_REBUILT.has(name) || "ownerSVGElement" in original) return false;
        if (open.length && IMPLIED_CLOSE.get(name)?.has(open[open.length - 1].localName)) return false;
        const element = document.createElement(name);
        if (element.constructor !== original.constructor) return false;
        const written: Array<[string, string]> = [];
        for (; tape[i] === ATTRIBUTE; i += 3) written.push([(tape[i + 1] as LinkedNode).name, tape[i + 2] as string]);
        const attributes = parsedAttributes(written, decoded);
        if (!attributes) return false;
        setNewAttributes(document, element, attributes);
        if (mark) carryMark(element, mark);
        // A void element is closed as soon as it opens: it must have no children to be built here.
        if (VOID.has(name) && !(tape[i] === CLOSE && tape[i + 1] === original[internals!.END])) return false;
        append(element);
        open.push(element);
        break;
      }
      case DATA: {
        const node = tape[i++] as LinkedNode;
        const value = tape[i++] as string;
        if (node.nodeType === TEXT_NODE) text += value;
        else if (node.nodeType === COMMENT_NODE && !COMMENT_RISK.test(value)) {
          flushText();
          append(document.createComment(value));
        } else return false;
        break;
      }
      case CLOSE:
        flushText();
        i++;
        open.pop();
        break;
      case WRITTEN: {
        flushText();
        const parts = tape[i + 1] as WrittenParts | null;
        i += 2;
        if (!parts || (open.length && IMPLIED_CLOSE.get(parts.name)?.has(open[open.length - 1].localName))) return false;
        if (parts.mark && markMayReadOtherwise(parts.mark)) return false;
        const element = document.createElement(parts.name);
        if (element.constructor !== parts.element.constructor) return false;
        const attributes = parsedAttributes(parts.attributes, decoded);
        if (!attributes) return false;
        setNewAttributes(document, element, attributes);
        if (parts.mark) carryMark(element, parts.mark);
        if (parts.text) element.appendChild(document.createTextNode(parts.text));
        append(element);
        break;
      }
      default:
        // An attribute outside an element's opening.
        return false;
    }
  }
  flushText();
  target.replaceChildren(...top);
  return true;
}

/** Attributes (name, value at the snapshot) as htmlparser2 reads them back from the markup; undefined where it might read them otherwise. */
function parsedAttributes(written: ReadonlyArray<readonly [string, string]>, decoded: ReadonlyMap<string, string>): Array<{ name: string; value: string }> | undefined {
  const attributes: Array<{ name: string; value: string }> = [];
  for (const [name, value] of written) {
    if (value === "" && DROPPED_WHEN_EMPTY.has(name)) continue;
    if (!PLAIN_ATTRIBUTE.test(name) || attributes.some((a) => a.name === name)) return undefined;
    const parsed = value.includes("&") ? decoded.get(value) : value;
    if (parsed === undefined) return undefined;
    attributes.push({ name, value: parsed });
  }
  return attributes;
}

/** A <title> or <textarea> (which write themselves: their text unescaped) as `rebuild` builds it. */
interface WrittenParts {
  element: LinkedNode;
  name: string;
  attributes: Array<[string, string]>;
  text: string;
  mark: Mark | undefined;
}

/**
 * What `rebuild` needs of an element that wrote itself, taken at the snapshot: a <title> or
 * <textarea> whose text htmlparser2 reads back as one text node as it is (no `&`, which it decodes
 * in a title, and no `<`, which might end it); null for any other.
 */
function writtenParts(element: LinkedNode, mark: Mark | undefined): WrittenParts | null {
  const name = element.localName;
  if (name !== "title" && name !== "textarea") return null;
  const text = (element as unknown as Element).textContent ?? "";
  if (text.includes("&") || text.includes("<")) return null;
  const attributes = Array.from((element as unknown as Element).attributes, (a): [string, string] => [a.name, a.value]);
  return { element, name, attributes, text, mark };
}

/** Text as htmlparser2 gives it back: each escaped character (a reference in the markup) alone, the runs between them whole. */
const TEXT_PIECES = /[&<>\u00a0]|[^&<>\u00a0]+/g;
/** Tag and attribute names htmlparser2 reads back as written (no white space, `/`, `=` or `>`; an attribute name not a number, which an object would reorder). */
const PLAIN_TAG = /^[a-z][a-z0-9:._-]*$/;
const PLAIN_ATTRIBUTE = /^(?!__proto__$)[a-zA-Z_:][a-zA-Z0-9:._-]*$/;
/** Written as a bare name when empty, which linkedom's serialisation then leaves out. */
const DROPPED_WHEN_EMPTY = new Set(["id", "class", "style"]);
/** A comment's data that htmlparser2 might end early or read otherwise. */
const COMMENT_RISK = /[->]/;
/**
 * Elements not built here: raw text to htmlparser2 (script, style, title, textarea, xmp), content
 * held apart (template), foreign content (svg, math), and menuitem, which linkedom writes as void
 * (no end tag) and htmlparser2 keeps open.
 */
const NOT_REBUILT = new Set(["script", "style", "title", "textarea", "xmp", "template", "svg", "math", "menuitem"]);
/** htmlparser2's void elements (and linkedom's): closed where they open, so built only without children. */
const VOID = new Set(["area", "base", "basefont", "br", "col", "command", "embed", "frame", "hr", "img", "input", "isindex", "keygen", "link", "meta", "param", "source", "track", "wbr"]);
/** htmlparser2's `openImpliesClose`: opening the key closes an open element (the innermost) of these names. */
const P_TAG = ["p"];
const FORM_TAGS = ["input", "option", "optgroup", "select", "button", "datalist", "textarea"];
const IMPLIED_CLOSE = new Map<string, ReadonlySet<string>>(
  (
    [
      ["tr", ["tr", "th", "td"]], ["th", ["th"]], ["td", ["thead", "th", "td"]], ["body", ["head", "link", "script"]], ["li", ["li"]],
      ["p", P_TAG], ["h1", P_TAG], ["h2", P_TAG], ["h3", P_TAG], ["h4", P_TAG], ["h5", P_TAG], ["h6", P_TAG],
      ["select", FORM_TAGS], ["input", FORM_TAGS], ["output", FORM_TAGS], ["button", FORM_TAGS], ["datalist", FORM_TAGS], ["textarea", FORM_TAGS],
      ["option", ["option"]], ["optgroup", ["optgroup", "option"]], ["dd", ["dd", "dt"]], ["dt", ["dd", "dt"]],
      ["address", P_TAG], ["article", P_TAG], ["aside", P_TAG], ["blockquote", P_TAG], ["details", P_TAG], ["div", P_TAG], ["dl", P_TAG],
      ["fieldset", P_TAG], ["figcaption", P_TAG], ["figure", P_TAG], ["footer", P_TAG], ["form", P_TAG], ["header", P_TAG], ["hr", P_TAG],
      ["main", P_TAG], ["nav", P_TAG], ["ol", P_TAG], ["pre", P_TAG], ["section", P_TAG], ["table", P_TAG], ["ul", P_TAG],
      ["rt", ["rt", "rp"]], ["rp", ["rt", "rp"]], ["tbody", ["thead", "tbody"]], ["tfoot", ["thead", "tbody"]],
    ] as Array<[string, string[]]>
  ).map(([tag, closes]) => [tag, new Set(closes)]),
);

/**
 * Each attribute value of the tape that holds `&`, as htmlparser2 reads it back from the markup
 * (where it is written as it is, `"` as `&quot;`): parsed by linkedom in one scratch element.
 */
function decodedAttributeValues(tape: readonly unknown[], target: Element): Map<string, string> {
  const values = new Set<string>();
  for (let i = 0; i < tape.length; i++) {
    // Only the steps are numbers on the tape.
    if (tape[i] === ATTRIBUTE && (tape[i + 2] as string).includes("&")) values.add(tape[i + 2] as string);
    else if (tape[i] === WRITTEN && tape[i + 2]) for (const [, value] of (tape[i + 2] as WrittenParts).attributes) if (value.includes("&")) values.add(value);
  }
  const decoded = new Map<string, string>();
  if (values.size === 0) return decoded;
  const listed = [...values];
  const scratch = target.ownerDocument.createElement("div");
  internals!.setInnerHtml.call(scratch, listed.map((value) => `<i a="${value.replace(QUOTE, "&quot;")}"></i>`).join(""));
  const read = scratch.children;
  if (read.length !== listed.length) return decoded;
  listed.forEach((value, k) => {
    const back = read[k].getAttribute("a");
    if (back !== null) decoded.set(value, back);
  });
  return decoded;
}
const QUOTE = /"/g;
