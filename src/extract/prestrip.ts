// Removes, before the DOM parser sees them, the parts of a page that can never be text:
// scripts, styles, SVG drawings, noscript fallbacks, templates, embeds and comments.
// Parsing them is most of jsdom's work on a modern page, so this is the main speed win;
// it also means no script body can ever reach a DOM. JSON-LD scripts are kept: they are
// data (publication date, author) that Readability reads for the metadata.
import { charsetOf, chooseCharset, isDecoded, textOf, type Charset } from "./decode.js";

/** Elements dropped with their content; `keep` spares an element whose opening tag matches. */
const NEVER_TEXT: ReadonlyArray<{ tag: string; keep?: RegExp; example: string }> = [
  { tag: "script", keep: /type\s*=\s*["']?application\/ld\+json/i, example: "<script>track()</script>" },
  { tag: "style", example: "<style>p{color:red}</style>" },
  { tag: "svg", example: '<svg viewBox="0 0 1 1"><path d="M0 0"/></svg>' },
  { tag: "noscript", example: "<noscript>Please enable JavaScript</noscript>" },
  { tag: "template", example: "<template><p>later</p></template>" },
  { tag: "iframe", example: '<iframe src="ad.html">fallback</iframe>' },
  { tag: "object", example: '<object data="x.swf">Flash</object>' },
  { tag: "canvas", example: "<canvas>chart</canvas>" },
];

/**
 * Where a never-text element (its name: group 1, ending a word) or a comment may start. Each is cut
 * to its end as the pattern `<(name)\b([^>]*)>[\s\S]*?</\1\s*>|<!--[\s\S]*?-->` would match it,
 * searched by parts (`neverTextCuts`) so that a page of many unclosed elements is read once, not
 * once per element.
 */
const NEVER_TEXT_START: LiteralThenPattern = { literal: "<", rest: new RegExp(`(${NEVER_TEXT.map((e) => e.tag).join("|")})\\b|!--`, "iy") };
/** Each never-text element's end tag, by name: `</name`, white space, `>`. */
const END_TAGS = new Map(NEVER_TEXT.map((e) => [e.tag, { literal: "</", rest: new RegExp(`${e.tag}\\s*>`, "iy") }]));

/**
 * A pattern that starts with a fixed `literal`: `literal` and then `rest` (sticky, the pattern's
 * groups). The literal is found by `indexOf` and `rest` tried where it is: the same first match as
 * the whole pattern searched with a regex, several times sooner (an irregexp search for a
 * case-insensitive alternation tries every position).
 */
interface LiteralThenPattern {
  literal: string;
  rest: RegExp;
}

/** The first match of `search` at or after `from`: `rest`'s match (its `index` where `rest` starts, its `lastIndex` at the end), or null. */
function findFrom(text: string, search: LiteralThenPattern, from: number): RegExpExecArray | null {
  const { literal, rest } = search;
  for (let at = text.indexOf(literal, from); at !== -1; at = text.indexOf(literal, at + 1)) {
    rest.lastIndex = at + literal.length;
    const match = rest.exec(text);
    if (match !== null) return match;
  }
  return null;
}

/** What `neverTextCuts` asks of a page: a string's answers (`TextSearch`), or valid UTF-8 bytes' (`Utf8Search`). */
interface NeverTextSearch {
  /** Where the first never-text start (NEVER_TEXT_START) at or after `from` is, or -1; then `name` (lower-cased; undefined for a comment) and `nameEnd`. */
  start(from: number): number;
  name: string | undefined;
  nameEnd: number;
  indexOf(literal: ">" | "-->", from: number): number;
  /** Where the first end tag of `tag` (END_TAGS) at or after `from` ends, or -1; undefined for one `stripNeverTextUtf8` cannot read. */
  endTag(tag: string, from: number): number | undefined;
}

class TextSearch implements NeverTextSearch {
  name: string | undefined;
  nameEnd = 0;
  constructor(private readonly text: string) {}

  start(from: number): number {
    const match = findFrom(this.text, NEVER_TEXT_START, from);
    if (match === null) return -1;
    this.name = match[1]?.toLowerCase();
    this.nameEnd = NEVER_TEXT_START.rest.lastIndex;
    return match.index - 1;
  }

  indexOf(literal: string, from: number): number {
    return this.text.indexOf(literal, from);
  }

  endTag(tag: string, from: number): number {
    const endTag = END_TAGS.get(tag)!;
    return findFrom(this.text, endTag, from) === null ? -1 : endTag.rest.lastIndex;
  }
}

const KEEP_BY_TAG = new Map(NEVER_TEXT.filter((e) => e.keep).map((e) => [e.tag, e.keep!]));

export interface PrestripResult {
  html: string;
  /**
   * The same page with its unseen elements (navigation, hidden) still in: when Readability finds
   * no article, the fallback reads this, so a page of only navigation still gives its text.
   */
  withUnseen: string;
  /** Characters dropped, for the metadata and the speed notes. */
  removedChars: number;
}

export interface PrestripOptions {
  /**
   * <nav> stays in `html` (hidden elements still go). The HTML route keeps it when it records
   * every block it leaves out: navigation is visible text, so it gets a record.
   */
  keepNavigation?: boolean;
}

export function prestripHtml(html: string, options: PrestripOptions = {}): PrestripResult {
  const { html: reduced, withUnseen } = prestripRest(stripNeverText(html), options);
  return { html: reduced, withUnseen, removedChars: html.length - reduced.length };
}

/**
 * A page's bytes decoded (decode.ts) and prestripped: `prestripHtml(decodeHtml(input).text)`'s
 * `html` and `withUnseen`, and the charset. A page of valid UTF-8 (nearly all) loses its never-text
 * elements before it is decoded (`stripNeverTextUtf8`): about 60% of a page's characters on the AEB
 * pages, which are then neither decoded nor searched as a string of two-byte characters.
 */
export function decodeAndPrestrip(input: Uint8Array | string, contentType: string | undefined, options: PrestripOptions = {}): Omit<PrestripResult, "removedChars"> & { decoded: Charset } {
  const choice = chooseCharset(input, contentType);
  const stripped = (isDecoded(choice) ? undefined : stripNeverTextUtf8(choice.bytes)) ?? stripNeverText(textOf(choice));
  return { ...prestripRest(stripped, options), decoded: charsetOf(choice) };
}

/** Drops the never-text elements and comments, sparing what `keep` spares. */
export function stripNeverText(html: string): string {
  const cuts = neverTextCuts(new TextSearch(html), (tag, from, to) => keptByTag(tag, html.slice(from, to)))!;
  return cuts.length === 0 ? html : keptBetween(cuts, html.length, (from, to) => html.slice(from, to));
}

/** What is left of a text of `length` units without its `cuts` (start and end offsets, in order), each piece read by `piece`. */
function keptBetween(cuts: readonly number[], length: number, piece: (from: number, to: number) => string): string {
  const kept: string[] = [];
  for (let i = 0, from = 0; i <= cuts.length; i += 2) {
    kept.push(piece(from, i < cuts.length ? cuts[i] : length));
    from = cuts[i + 1];
  }
  return kept.join("");
}

function keptByTag(tag: string, attrs: string): boolean {
  const keep = KEEP_BY_TAG.get(tag);
  return keep !== undefined && keep.test(attrs);
}

/**
 * The never-text elements and comments of `text` to cut, as start and end offsets, in order: each
 * where the pattern of NEVER_TEXT_START would match it, searching the page from its start, and not
 * spared by `kept` (given the lower-cased name and where its start tag's attributes lie). An
 * element's start tag ends at the first `>`, the element at the first end tag of its name after it
 * (END_TAGS); one with none is no match, and the search goes on from the next character. What is
 * not found from one offset is not found from any later one either: each is searched for until it
 * is not found once. Undefined when `text` cannot read an end tag (see `stripNeverTextUtf8`).
 */
function neverTextCuts(text: NeverTextSearch, kept: (tag: string, from: number, to: number) => boolean): number[] | undefined {
  const cuts: number[] = [];
  const unclosed = new Set<string>();
  let commentsUnclosed = false;
  // The first `>` at or after `greaterThanFrom`, kept for the next start tag before it.
  let greaterThanFrom = 0;
  let greaterThan = -2;
  for (let at = text.start(0); at !== -1; ) {
    let end = -1;
    const tag = text.name;
    if (tag === undefined) {
      const close = commentsUnclosed ? -1 : text.indexOf("-->", at + 4);
      if (close === -1) commentsUnclosed = true;
      else {
        end = close + 3;
        cuts.push(at, end);
      }
    } else {
      const attrsFrom = text.nameEnd;
      if (greaterThan === -2 || attrsFrom < greaterThanFrom || (greaterThan !== -1 && attrsFrom > greaterThan)) {
        greaterThanFrom = attrsFrom;
        greaterThan = text.indexOf(">", attrsFrom);
      }
      if (greaterThan !== -1 && !unclosed.has(tag)) {
        const close = text.endTag(tag, greaterThan + 1);
        if (close === undefined) return undefined;
        if (close === -1) unclosed.add(tag);
        else {
          end = close;
          if (!kept(tag, attrsFrom, greaterThan)) cuts.push(at, end);
        }
      }
    }
    at = text.start(end === -1 ? at + 1 : end);
  }
  return cuts;
}

/**
 * `stripNeverText` of valid UTF-8 bytes decoded, decoding only what it keeps; undefined when the
 * bytes hold what it cannot cut the same way. The search runs on the bytes (`Utf8Search`), as the
 * plain search would on the bytes read as Latin-1, one character a byte: ASCII bytes are the same
 * characters, and every byte of a multi-byte character is a character above U+007F, which the
 * search treats as it treats the decoded character (not `>`, not a letter of a name, not an ASCII
 * word character for `\b`), but for one place: `\s*` in an end tag also matches U+00A0, U+3000 and
 * other non-ASCII white space. So an end tag here also ends at a non-ASCII byte after the name (and
 * any ASCII white space), and an element ending so sends the page the plain way; an element ending
 * at `>` ends where the plain search ends it (an earlier end tag with non-ASCII white space would
 * have ended it first). Offsets are byte offsets and every cut falls on an ASCII byte, so each kept
 * piece decodes as it reads in the whole page's decoding.
 */
export function stripNeverTextUtf8(bytes: Uint8Array): string | undefined {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The attributes decoded for the test, as the plain way tests them.
  const cuts = neverTextCuts(new Utf8Search(buffer), (tag, from, to) => keptByTag(tag, buffer.toString("utf8", from, to)));
  if (cuts === undefined) return undefined;
  return keptBetween(cuts, buffer.length, (from, to) => buffer.toString("utf8", from, to));
}

/**
 * NEVER_TEXT_START and END_TAGS on valid UTF-8 bytes, without a string of them: each `<` found by
 * the bytes' `indexOf` and the name after it compared byte by byte, as the patterns read the bytes as
 * Latin-1 (`/i` folds no byte above 0x7F to ASCII, `\b`'s word bytes are ASCII), the end tag also
 * ended by a non-ASCII byte after its white space: `</name\s*(?:>|([\x80-\xff]))`, group 1 answered
 * as undefined. `\s` also matches byte 0xA0 (U+00A0) read as Latin-1, but in valid UTF-8 that byte
 * only follows a non-ASCII one: never after a name or ASCII white space.
 */
class Utf8Search implements NeverTextSearch {
  name: string | undefined;
  nameEnd = 0;
  constructor(private readonly bytes: Buffer) {}

  start(from: number): number {
    const bytes = this.bytes;
    for (let at = bytes.indexOf(LESS_THAN, from); at !== -1; at = bytes.indexOf(LESS_THAN, at + 1)) {
      if (bytes[at + 1] === 0x21 && bytes[at + 2] === 0x2d && bytes[at + 3] === 0x2d) {
        this.name = undefined;
        this.nameEnd = at + 4;
        return at;
      }
      const name = neverTextNameAt(bytes, at + 1);
      if (name !== undefined && !isAsciiWordByte(bytes[at + 1 + name.length])) {
        this.name = name;
        this.nameEnd = at + 1 + name.length;
        return at;
      }
    }
    return -1;
  }

  indexOf(literal: string, from: number): number {
    return literal === ">" ? this.bytes.indexOf(GREATER_THAN, from) : this.bytes.indexOf(literal, from, "latin1");
  }

  endTag(tag: string, from: number): number | undefined {
    const bytes = this.bytes;
    for (let at = bytes.indexOf(LESS_THAN, from); at !== -1; at = bytes.indexOf(LESS_THAN, at + 1)) {
      if (bytes[at + 1] !== 0x2f || !namedAt(bytes, at + 2, tag)) continue;
      let next = at + 2 + tag.length;
      while (isAsciiSpaceByte(bytes[next])) next++;
      const byte = bytes[next];
      if (byte === GREATER_THAN) return next + 1;
      if (byte >= 0x80) return undefined; // group 1
    }
    return -1;
  }
}
const LESS_THAN = 0x3c;
const GREATER_THAN = 0x3e;
/** The never-text names by their first letter's code (NEVER_TEXT_START's alternatives, in order). */
const NEVER_TEXT_NAMES_BY_FIRST = new Map<number, string[]>();
for (const { tag } of NEVER_TEXT) {
  const names = NEVER_TEXT_NAMES_BY_FIRST.get(tag.charCodeAt(0));
  if (names) names.push(tag);
  else NEVER_TEXT_NAMES_BY_FIRST.set(tag.charCodeAt(0), [tag]);
}

/** The never-text name (none is a prefix of another) the bytes at `at` spell in any ASCII case. */
function neverTextNameAt(bytes: Uint8Array, at: number): string | undefined {
  const names = NEVER_TEXT_NAMES_BY_FIRST.get(bytes[at] | 0x20);
  if (names !== undefined) for (const name of names) if (namedAt(bytes, at, name)) return name;
  return undefined;
}

/** Whether the bytes at `at` spell `name` (lower-case ASCII letters) in any ASCII case. */
function namedAt(bytes: Uint8Array, at: number, name: string): boolean {
  if (at + name.length > bytes.length) return false;
  for (let i = 0; i < name.length; i++) if ((bytes[at + i] | 0x20) !== name.charCodeAt(i)) return false;
  return true;
}

/** `\w` of a byte read as Latin-1 (undefined past the end: none). */
function isAsciiWordByte(byte: number | undefined): boolean {
  return byte !== undefined && ((byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7a) || byte === 0x5f);
}

/** `\s` of an ASCII byte: tab, line feed, vertical tab, form feed, carriage return, space. */
function isAsciiSpaceByte(byte: number | undefined): boolean {
  return byte !== undefined && ((byte >= 0x09 && byte <= 0x0d) || byte === 0x20);
}

/** What prestrip does after the never-text elements are gone. */
function prestripRest(stripped: string, options: PrestripOptions): { html: string; withUnseen: string } {
  const withUnseen = dropUnreadAttributes(reduceStyleAttributes(stripped));
  const html = dropUnseenElements(withUnseen, options.keepNavigation ? SEEN_NAVIGATION : UNSEEN);
  return { html, withUnseen };
}

export const NEVER_TEXT_TAGS = NEVER_TEXT;

/** Declarations of a style attribute that decide visibility, the only ones Readability reads. */
const VISIBILITY_DECLARATION = /(?:^|;)\s*(display\s*:\s*none|visibility\s*:\s*hidden)\b/i;
const STYLE_ATTRIBUTE = /\sstyle\s*=\s*(?:"([^"]*)"|'([^']*)')/gi;

/**
 * Reduces every style attribute to `display:none` / `visibility:hidden` or nothing. jsdom
 * parses a style attribute with a full CSS parser when Readability asks an element for its
 * visibility; that was a large share of Readability's time, and the parser throws on some
 * pre-processor syntax (`calc(($a - $b) / 2)`).
 */
export function reduceStyleAttributes(html: string): string {
  return replaceMatches(html, STYLE_ATTRIBUTE, reducedStyle);
}

function reducedStyle(match: RegExpExecArray): string {
  const hidden = VISIBILITY_DECLARATION.exec(match[1] ?? match[2] ?? "");
  return hidden ? ` style="${hidden[1].replace(/\s+/g, "")}"` : "";
}

/**
 * `html.replace(pattern, …)` for a global pattern that matches no empty string, with `replacement`
 * given each match and returning it as it is where it changes nothing: the page is copied once,
 * in slices, and not at all when nothing changes (a replace with a function copies every match
 * through an array of its groups and a call).
 */
export function replaceMatches(html: string, pattern: RegExp, replacement: (match: RegExpExecArray) => string): string {
  let pieces: string[] | undefined;
  let from = 0;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(html); m; m = pattern.exec(html)) {
    const replaced = replacement(m);
    if (replaced === m[0]) continue;
    (pieces ??= []).push(html.slice(from, m.index), replaced);
    from = pattern.lastIndex;
  }
  if (pieces === undefined) return html;
  pieces.push(html.slice(from));
  return pieces.join("");
}

/** Attributes that extraction reads; all others (data-*, srcset, event handlers...) are dropped. */
export const KEPT_ATTRIBUTES: ReadonlySet<string> = new Set([
  "class", "id", "role", "aria-label", "aria-hidden", "hidden", "style", "href", "lang", "dir", "rel", "name",
  "property", "content", "charset", "http-equiv", "itemprop", "itemtype", "itemscope", "type", "colspan", "rowspan",
  "src", "alt", "title", "datetime",
]);
export const START_TAG = /<([a-zA-Z][\w:-]*)((?:\s+[^\s"'=<>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)+)\s*(\/?)>/g;
export const ATTRIBUTE = /([^\s"'=<>/]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+))?/g;

/** Drops attributes nothing downstream reads: fewer attribute nodes for jsdom to build. */
export function dropUnreadAttributes(html: string): string {
  return replaceMatches(html, START_TAG, keptAttributesOnly);
}

/** A start tag with only its KEPT_ATTRIBUTES (the tag as it is when it has no other). */
function keptAttributesOnly(match: RegExpExecArray): string {
  const attrs = match[2];
  // Half the start tags with attributes on the AEB pages drop none: a test that builds no match.
  if (!MAY_HOLD_UNREAD_ATTRIBUTE.test(attrs)) return match[0];
  let kept = "";
  let dropped = false;
  ATTRIBUTE.lastIndex = 0;
  for (let m = ATTRIBUTE.exec(attrs); m; m = ATTRIBUTE.exec(attrs)) {
    const name = m[1];
    // Most names are written in lower case: only the others are lower-cased to look them up.
    if (KEPT_ATTRIBUTES.has(name) || (HAS_ASCII_UPPER_CASE.test(name) && KEPT_ATTRIBUTES.has(name.toLowerCase()))) kept += " " + m[0];
    else dropped = true;
  }
  return dropped ? `<${match[1]}${kept}${match[3] ? " /" : ""}>` : match[0];
}
const HAS_ASCII_UPPER_CASE = /[A-Z]/;

/**
 * `name.toLowerCase()`, without the call for a name of ASCII characters and no upper-case letter
 * (nearly every name): one cut from a page of two-byte characters is lower-cased by ICU, not by V8's
 * fast path.
 */
function asciiLowerCase(name: string): string {
  return MAY_LOWER_CASE.test(name) ? name.toLowerCase() : name;
}
const MAY_LOWER_CASE = /[A-Z\u0080-\uffff]/;
/**
 * White space, then the start of a name that is not a KEPT_ATTRIBUTES name (ASCII case aside, as
 * the Set's lower-cased lookup). Every attribute of a start tag follows white space, so an attribute
 * to drop always matches; text inside a quoted value may match too, and the full check then keeps all.
 */
const MAY_HOLD_UNREAD_ATTRIBUTE = new RegExp(`\\s(?!(?:${[...KEPT_ATTRIBUTES].join("|")})(?:[\\s=]|$))[^\\s"'=<>/]`, "i");

/**
 * Elements dropped with their content because no reader sees them (Readability removes hidden
 * elements on its first walk anyway) or because they only hold site navigation (the `html/nav`
 * mark would drop a <nav> inside the article). Dropping them before parsing saves building
 * them and every whole-page query Readability runs over them. Attribute tests see the start
 * tag after `reduceStyleAttributes`, so a hiding style reads exactly `display:none`.
 */
const UNSEEN: ReadonlyArray<{ name: string; test: (tag: string, attributes: Map<string, string>) => boolean; example: string }> = [
  { name: "navigation", test: (tag) => tag === "nav", example: '<nav><a href="/">Home</a> <a href="/world">World</a></nav>' },
  { name: "hidden attribute", test: (_tag, a) => a.has("hidden"), example: "<div hidden><p>Sign in to continue</p></div>" },
  {
    name: "aria-hidden",
    // Readability keeps aria-hidden math images of this class (Wikipedia formulas).
    test: (_tag, a) => a.get("aria-hidden")?.trim().toLowerCase() === "true" && !(a.get("class") ?? "").includes("fallback-image"),
    example: '<span aria-hidden="true">Close menu</span>',
  },
  { name: "hiding style", test: (_tag, a) => /^(?:display:none|visibility:hidden)$/i.test(a.get("style") ?? ""), example: '<div style="display: none"><p>Popup</p></div>' },
];
export const UNSEEN_ELEMENTS = UNSEEN;
const SEEN_NAVIGATION = UNSEEN.filter((rule) => rule.name !== "navigation");

/** Tags that need an explicit end tag, so that counting same-name tags finds where they end. */
const UNSEEN_START_TAG = /<(nav|div|section|aside|ul|ol|span|form|header|footer|figure|table|button|a|i)\b([^>]*)>/gi;
/** What an attribute list needs for any UNSEEN rule other than the <nav> one to match it. */
const MAY_HIDE = /hidden|style/i;
/** Stylesheet, preload and icon links: never read (the canonical link is). */
const UNREAD_LINK = /<link\b[^>]*>/gi;

export function dropUnseenElements(page: string, rules: typeof UNSEEN = UNSEEN): string {
  // Every tag these patterns match ends at a `>`. Past the page's last `>` none can match, and each
  // start tag there would be read to the page's end and given up (`<div` after `<div`, unclosed):
  // quadratic in that tail (20,000 of them: 1.4 s). The tail is kept as it is, unsearched.
  const end = page.lastIndexOf(">") + 1;
  const html = page.slice(0, end);
  // The hidden elements cut, as start and end offsets in `html`, in order.
  const cuts: number[] = [];
  let ends: ElementEnds | undefined;
  let read = 0;
  UNSEEN_START_TAG.lastIndex = 0;
  for (let m = UNSEEN_START_TAG.exec(html); m; m = UNSEEN_START_TAG.exec(html)) {
    const tag = asciiLowerCase(m[1]);
    // Every rule but the tag one reads a `hidden`, `aria-hidden` or `style` attribute: most start tags have none.
    if (tag !== "nav" && !MAY_HIDE.test(m[2])) continue;
    const attributes = new Map<string, string>();
    for (const [, name, value] of m[2].matchAll(ATTRIBUTE)) attributes.set(asciiLowerCase(name), unquote(value ?? ""));
    if (!rules.some((rule) => rule.test(tag, attributes))) continue;
    const opened = UNSEEN_START_TAG.lastIndex;
    // Most pages hide a few elements that end soon after they start: each counted from its start tag.
    // Once that has read the page four times over (unclosed hidden elements, each read to the end),
    // the rest are looked up in one pass per tag name (ElementEnds): linear either way.
    const end = ends ? ends.after(tag, opened) : matchingEnd(html, tag, opened);
    read += (end === -1 ? html.length : end) - opened;
    if (!ends && read > 4 * html.length) ends = new ElementEnds(html);
    if (end === -1) continue; // unbalanced markup: leave it to the parser
    cuts.push(m.index, end);
    UNSEEN_START_TAG.lastIndex = end;
  }
  return withoutUnreadLinks(page, html, cuts) ?? replaceMatches(keptBetween(cuts, html.length, (from, to) => html.slice(from, to)), UNREAD_LINK, canonicalLinkOnly) + page.slice(end);
}

/**
 * `replaceMatches(kept, UNREAD_LINK, canonicalLinkOnly) + tail` for `kept`, `html` (the `page` up to
 * its last `>`, then its `tail`) without its `cuts`, joined once; undefined when a link tag of `html`
 * is not whole in one kept piece. Every `<link\b` of `html` (which ends at a `>`) matches up to its
 * first `>`: one in a kept piece that ends in the same piece matches the same in `kept`. A link tag
 * found in a cut goes with the cut. One that runs into a cut (its start tag's `<` is where a cut
 * starts, so `\b` holds at a piece's end too) could match differently in `kept`: the plain way, then.
 */
function withoutUnreadLinks(page: string, html: string, cuts: readonly number[]): string | undefined {
  const pieces: string[] = [];
  let from = 0;
  let cut = 0;
  UNREAD_LINK.lastIndex = 0;
  for (let m = UNREAD_LINK.exec(html); m; m = UNREAD_LINK.exec(html)) {
    const start = m.index;
    const end = UNREAD_LINK.lastIndex;
    while (cut < cuts.length && cuts[cut + 1] <= start) {
      pieces.push(html.slice(from, cuts[cut]));
      from = cuts[cut + 1];
      cut += 2;
    }
    if (cut < cuts.length && end > cuts[cut]) {
      if (start >= cuts[cut]) continue; // inside the cut: goes with it
      return undefined;
    }
    if (canonicalLinkOnly(m) === "") {
      pieces.push(html.slice(from, start));
      from = end;
    }
  }
  for (; cut < cuts.length; cut += 2) {
    pieces.push(html.slice(from, cuts[cut]));
    from = cuts[cut + 1];
  }
  if (pieces.length === 0) return page;
  pieces.push(html.slice(from), page.slice(html.length));
  return pieces.join("");
}

function canonicalLinkOnly(link: RegExpExecArray): string {
  return isCanonicalLink(link[0]) ? link[0] : "";
}

/**
 * Whether a `rel=` value of the tag holds the word `canonical`: what `/\brel\s*=\s*["']?[^"'>]*\bcanonical\b/i`
 * says, in linear time. That pattern reads from every `rel=` to the value's end again, quadratic in a tag
 * of many (`<link rel= rel= ...>`, 100 kB: 3 s); each value read here ends where the next `rel=` inside it
 * would, so a word one of those holds, this one holds too.
 */
export function isCanonicalLink(tag: string): boolean {
  for (const value of tag.matchAll(REL_VALUE)) if (CANONICAL_WORD.test(value[1])) return true;
  return false;
}
const REL_VALUE = /\brel\s*=\s*["']?([^"'>]*)/gi;
const CANONICAL_WORD = /\bcanonical\b/i;

const SAME_NAME_TAG = new Map<string, RegExp>();

function unquote(value: string): string {
  return value.startsWith('"') || value.startsWith("'") ? value.slice(1, -1) : value;
}

/** The end of the element whose start tag ends at `from`, counting nested same-name tags; -1 if unbalanced. */
export function matchingEnd(html: string, tag: string, from: number): number {
  const pattern = sameNameTag(tag);
  pattern.lastIndex = from;
  let depth = 1;
  for (let m = pattern.exec(html); m; m = pattern.exec(html)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) return pattern.lastIndex;
  }
  return -1;
}

function sameNameTag(tag: string): RegExp {
  // One pattern per tag name (UNSEEN_START_TAG's few), compiled once: a new RegExp is compiled anew.
  let pattern = SAME_NAME_TAG.get(tag);
  if (!pattern) SAME_NAME_TAG.set(tag, (pattern = new RegExp(`<(/?)${tag}\\b[^>]*>`, "gi")));
  return pattern;
}

/**
 * `matchingEnd` for every start tag of a page, from one pass over its same-name tags per tag name:
 * counting from each unclosed hidden element to the page's end read the page once per element
 * (20,000 unclosed `<div hidden>`: ~7 s). With the tags of a name found from the page's start, the
 * depth after the k-th is 1 + D(k) - D(i) for the count D(k) of start tags less end tags among the
 * first k, so an element whose start tag is the i-th ends at the first k after i where D(k) < D(i)
 * (D moves by one): the next smaller value, found for all at once with a stack. A tag of the name
 * found after `from` when searching from there is one found searching from the start (no such tag
 * that starts before `from` ends after it: `from` is a start tag's `>`), and one of them ends at `from`.
 */
export class ElementEnds {
  readonly #byTag = new Map<string, { tagEnds: Map<number, number>; ends: number[]; nextLower: Int32Array }>();
  constructor(readonly html: string) {}

  after(tag: string, from: number): number {
    let tags = this.#byTag.get(tag);
    if (!tags) this.#byTag.set(tag, (tags = this.#pairs(tag)));
    const i = tags.tagEnds.get(from);
    if (i === undefined) return matchingEnd(this.html, tag, from);
    const k = tags.nextLower[i];
    return k === -1 ? -1 : tags.ends[k];
  }

  #pairs(tag: string) {
    const pattern = sameNameTag(tag);
    const ends: number[] = [];
    const depths: number[] = [];
    let depth = 0;
    pattern.lastIndex = 0;
    for (let m = pattern.exec(this.html); m; m = pattern.exec(this.html)) {
      depth += m[1] ? -1 : 1;
      ends.push(pattern.lastIndex);
      depths.push(depth);
    }
    const nextLower = new Int32Array(ends.length).fill(-1);
    const waiting: number[] = [];
    for (let k = 0; k < ends.length; k++) {
      while (waiting.length > 0 && depths[waiting[waiting.length - 1]] > depths[k]) nextLower[waiting.pop()!] = k;
      waiting.push(k);
    }
    return { tagEnds: new Map(ends.map((end, k) => [end, k])), ends, nextLower };
  }
}
