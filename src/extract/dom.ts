// The DOMs a page can be parsed into. linkedom (a small DOM on linked lists; parse5 builds its
// tree, see linkedom-tree.ts) is the fast one and the default; jsdom is the reference: the route for
// pages where linkedom throws or gives nothing (src/extract/html.ts decides), and what the DOM
// comparison tests hold linkedom to. (Readability's retry restores the body through `innerHTML`,
// which linkedom parses with htmlparser2: the markup it parses is a serialised standard tree.)
//
// Safety, both DOMs: no script runs and nothing is fetched. linkedom has no script engine and
// no resource loader at all. jsdom's documents come from the DOMParser of one shared window
// that runs no script (`runScripts` unset; DOMParser documents never run scripts), fetches
// nothing (`resources` unset) and whose console goes nowhere. Script bodies are stripped before
// parsing anyway (prestrip.ts).
//
// Both load on first use, synchronously (extraction is synchronous): a run whose pages all
// parse on linkedom never loads jsdom (~1 s of module loading on this machine, ~4x linkedom's).
import { createRequire } from "node:module";
import { matchTagsWithoutUpperCasing, parseInto, queryTagListsWithoutCompiling, readClassFromAttribute, tagNamesUpperCasedOnce, textContentWithoutCopies } from "./linkedom-tree.js";
import { requireLinkedom } from "./linkedom-events.js";
import { capTreeDepth } from "./tree-depth.js";
import { snapshotInnerHtml, type MarkupSnapshot } from "./linkedom-snapshot.js";

export type DomName = "linkedom" | "jsdom";

const require = createRequire(import.meta.url);

/** Parses a page; call `releaseDocument` when done with it. */
export function parseHtml(html: string, dom: DomName): globalThis.Document {
  return dom === "linkedom" ? parseLinkedom(html) : parseJsdom(html);
}

/**
 * Lets a parsed page go. jsdom's window tracks every attached element with an id or a name (for
 * `window[name]`), DOMParser documents included, and only forgets an element when it is
 * detached (see also `refuseListeners`). A linkedom document is plain objects: nothing to do.
 */
export function releaseDocument(document: globalThis.Document, dom: DomName): void {
  if (dom === "jsdom") document.replaceChildren();
}

/** Loads a DOM's modules now rather than on its first page (before a time limit starts, src/run/time-limit.ts). */
export function loadDom(dom: DomName): void {
  if (dom === "linkedom") linkedomParserOf();
  else jsdomParserOf();
}

/** A linkedom element's children as they are now: their markup written out, or the nodes built again, only when asked (linkedom-snapshot.ts). */
export function linkedomMarkupSnapshot(element: Element): MarkupSnapshot {
  return snapshotInnerHtml((linkedomModule ??= requireLinkedom().linkedom), element);
}

let linkedomParser: DOMParser | undefined;
let linkedomModule: typeof import("linkedom") | undefined;

function linkedomParserOf(): DOMParser {
  if (!linkedomParser) {
    const { linkedom } = requireLinkedom();
    linkedomModule = linkedom;
    readClassFromAttribute(linkedom);
    matchTagsWithoutUpperCasing(linkedom);
    tagNamesUpperCasedOnce(linkedom);
    queryTagListsWithoutCompiling(linkedom);
    textContentWithoutCopies(linkedom);
    linkedomParser = new linkedom.DOMParser() as unknown as DOMParser;
  }
  return linkedomParser;
}

function parseLinkedom(html: string): globalThis.Document {
  // An empty document (no markup: linkedom's own parser does not run), built by parse5.
  const document = parseInto(linkedomParserOf().parseFromString("", "text/html"), html);
  // jsdom's DOMParser documents are at about:blank; linkedom's have no URL (null, undefined).
  // Readability resolves links against `baseURI` (keeping #fragments when it equals `documentURI`),
  // so the same URL here makes the same links.
  Object.defineProperty(document, "baseURI", { value: ABOUT_BLANK });
  Object.defineProperty(document, "documentURI", { value: ABOUT_BLANK });
  // The DOM standard lowercases the name given to an HTML document's createElement; linkedom keeps
  // it as given, so Readability's createElement("DIV") / ("P") made elements that its own
  // getElementsByTagName("div") / ("p") then missed (a paragraph Readability made escaped its cleaning).
  const createElement = document.createElement;
  document.createElement = ((name: string, options?: ElementCreationOptions) => createElement.call(document, name.toLowerCase(), options)) as typeof document.createElement;
  // The standard's title: the first <title> anywhere, white space collapsed. linkedom looks in <head>
  // only, and a title the parser moved into <body> (markup before <html>) went unseen.
  Object.defineProperty(document, "title", { get: () => documentTitle(document) });
  return document;
}
const ABOUT_BLANK = "about:blank";

function documentTitle(document: globalThis.Document): string {
  const title = firstElementWith(document, "title", isAny);
  return title ? (title.textContent ?? "").replace(ASCII_SPACE, " ").replace(EDGE_SPACE, "") : "";
}
const isAny = () => true;
const ASCII_SPACE = /[\t\n\f\r ]+/g;
const EDGE_SPACE = /^ | $/g;

/**
 * The first element named `tag` (no prefix: what `getElementsByTagName(tag)` finds in a parsed HTML
 * page) that passes `test`, in document order, on either DOM: a walk that stops there, where a tag
 * lookup walks the whole page (the title, the canonical link and the base are in the head).
 */
export function firstElementWith(document: globalThis.Document, tag: string, test: (element: Element) => boolean): Element | undefined {
  const root = document.documentElement;
  // Document order without recursion (a page may nest elements very deep).
  for (let element: Element | null = root; element; ) {
    if (element.localName === tag && !element.prefix && test(element)) return element;
    let next: Element | null = element.firstElementChild;
    while (!next && element && element !== root) {
      next = element.nextElementSibling;
      if (!next) element = element.parentElement;
    }
    element = next;
  }
  return undefined;
}

let jsdomParser: DOMParser | undefined;

/**
 * A document of the shared jsdom window. It has no URL of its own (about:blank): the page URL is
 * only needed for the canonical link, which html.ts resolves itself.
 */
function parseJsdom(html: string): globalThis.Document {
  return jsdomParserOf().parseFromString(html, "text/html");
}

function jsdomParserOf(): DOMParser {
  if (!jsdomParser) {
    const { JSDOM, VirtualConsole } = require("jsdom") as typeof import("jsdom");
    // jsdom parses with its own parse5 (the package's; the bundle has a copy for linkedom's trees).
    capTreeDepth(createRequire(require.resolve("jsdom"))("parse5") as typeof import("parse5"));
    const window = new JSDOM("", { virtualConsole: new VirtualConsole() }).window;
    refuseListeners(window);
    jsdomParser = new window.DOMParser();
  }
  return jsdomParser;
}

/**
 * jsdom's selector engine adds focus, key and mouse listeners to the window for every
 * document that runs a selector query (Readability does), and never removes them: each
 * listener keeps its page's whole tree alive. Our window never dispatches an event (no
 * script runs, nothing is focused), so it takes no listeners at all. With this and
 * `releaseDocument`, heap after GC stays at ~42 MB over 180 AEB pages (334 MB before).
 */
function refuseListeners(window: { addEventListener: unknown }): void {
  window.addEventListener = () => {};
}
