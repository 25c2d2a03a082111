// Finds the elements of an article whose markup says they are junk (share bars, related
// lists, newsletter boxes...), with guards so that a junk word on the article itself
// cannot take the article away.
import {
  ARIA_LABEL_RULES,
  COMMENT_SECTION_RULE,
  MARKUP_LIMITS,
  MARKUP_RULES,
  RELATED_SECTION_RULE,
  ROLE_RULES,
  ELEMENT_RULES,
  HIDDEN_CLASS_RULE,
  SIDEBAR_RULE,
} from "../rules/html-junk.js";
import { markupWords } from "../match/markup-words.js";
import { isRelatedLabel } from "../match/related-label.js";
import { COMMENT_SECTION_RULES } from "../rules/comments.js";
import { nonWhiteSpaceLength, type TextBlock } from "./blocks.js";
import { firstElementChildOf, nextElementSiblingOf, readAttributes } from "./linkedom-reads.js";

export type Mark = NonNullable<TextBlock["mark"]>;

const ROLE_TO_RULE = new Map<string, (typeof ROLE_RULES)[number]>();
for (const entry of ROLE_RULES) for (const role of entry.roles) ROLE_TO_RULE.set(role, entry);
const TAG_TO_RULE = new Map<string, (typeof ELEMENT_RULES)[number]>();
for (const entry of ELEMENT_RULES) for (const tag of entry.tags) TAG_TO_RULE.set(tag, entry);

/** Attributes that carry a mark through Readability, which rebuilds or unwraps elements. */
const MARK_ATTRIBUTE = "data-chaff-mark";
const WHY_ATTRIBUTE = "data-chaff-why";
const REASON_BY_RULE = new Map<string, string>();
for (const entry of [...ELEMENT_RULES, ...ROLE_RULES, ...MARKUP_RULES, ...ARIA_LABEL_RULES, RELATED_SECTION_RULE, HIDDEN_CLASS_RULE]) {
  if (!REASON_BY_RULE.has(entry.rule)) REASON_BY_RULE.set(entry.rule, entry.reason);
}

/**
 * Before Readability runs: copies each junk element's mark onto it and every element inside
 * it. Readability replaces a <div class="newsletter"><p>...</p></div> by its <p>, losing the
 * class; the copied mark survives on the <p>. `prepare` runs on each element first, in
 * document order (parents before children). `carrier` says how the copies travel (MarkCarrier).
 */
export function premarkTree(root: Element, prepare?: (element: Element) => Element, carrier: MarkCarrier = "attributes"): void {
  const headings: Element[] = [];
  carryingOnElements = carrier === "elements";
  try {
    premarkChildren(root, undefined, prepare, headings);
    for (const heading of headings) markSection(heading, root);
  } finally {
    carryingOnElements = false;
  }
}

/**
 * How a copied mark travels with an element through Readability. "attributes": two attributes
 * (the rule, and the features as JSON), which Readability copies wherever it copies an element's
 * attributes, and which any DOM's serialisation keeps. "elements": the mark those attributes read
 * back as (`markupMark`), kept on the element itself; nothing is added to the tree (on the AEB
 * pages premarking marked 69% of the body's elements: two attribute nodes each, set, walked past
 * by every later walk of the tree, and parsed back from JSON per element). Readability's two
 * attribute copies (`_setNodeTag`, `_simplifyNestedElements`) then carry it through
 * `carryMarkThroughReadability` in html.ts, and the snapshot of a retry through
 * linkedom-snapshot.ts; a DOM whose retry serialises the body (jsdom) needs "attributes".
 */
export type MarkCarrier = "attributes" | "elements";
let carryingOnElements = false;

/** The property of an element that holds its carried mark ("elements" carrier). */
const CARRIED_MARK = Symbol("chaff: carried mark");
type Carrying = { [CARRIED_MARK]?: Mark };

/** The mark an element carries on itself ("elements" carrier), if any. */
export function carriedMark(element: Element): Mark | undefined {
  return (element as unknown as Carrying)[CARRIED_MARK];
}

/** Puts `mark` (a mark as `markupMark` reads it back) on `element` as its carried mark. */
export function carryMark(element: Element, mark: Mark): void {
  (element as unknown as Carrying)[CARRIED_MARK] = mark;
}

/**
 * What copying `from`'s attributes onto `to` does to the carried marks (Readability's `_setNodeTag`
 * and `_simplifyNestedElements`): `from`'s mark replaces `to`'s; without one, `to` keeps its own.
 */
export function copyCarriedMark(from: Element, to: Element): void {
  const mark = carriedMark(from);
  if (mark !== undefined) carryMark(to, mark);
}

/**
 * A carried mark as the attributes that stand for it, in the order `setMark` leaves them (each new
 * attribute goes first: the features, then the rule): for markup written from a snapshot, which the
 * parse of a retry then reads back as attributes.
 */
export function markAttributes(mark: Mark): Array<[string, string]> {
  return [
    [WHY_ATTRIBUTE, JSON.stringify(mark.features)],
    [MARK_ATTRIBUTE, mark.rule],
  ];
}

// Module functions, not closures made per page: V8 optimises a closure made anew for each page
// anew for each page (premarkTree's were recompiled up to 9 times on the 181 AEB pages).
/** `prepare` may replace an element (with its children moved over); the walk goes on from the replacement. */
function premarkChildren(parent: Element, mark: Mark | undefined, prepare: ((element: Element) => Element) | undefined, headings: Element[]): void {
  for (let child = firstElementChildOf(parent); child; child = nextElementSiblingOf(premarkElement(child, mark, prepare, headings)));
}

function premarkElement(original: Element, inherited: Mark | undefined, prepare: ((element: Element) => Element) | undefined, headings: Element[]): Element {
  const element = prepare ? prepare(original) : original;
  const mark = inherited ? ownMarkInComments(element, inherited) : markupMark(element);
  if (mark) setMark(element, mark);
  else if (LABEL_TAGS.has(element.tagName)) headings.push(element);
  premarkChildren(element, mark, prepare, headings);
  return element;
}

/**
 * Rules whose own markup still counts inside a comment section: a reply form, a share row or an
 * ad in the thread is not a reader's comment, so `--keep-comments` keeps the comments without
 * them. (A comment's own date or author markup, `html/byline`, stays part of the comment.)
 */
export const RULES_INSIDE_COMMENTS = {
  rules: new Set(["html/nav", "html/share", "html/ad", "html/newsletter", "html/cookie"]),
  example: "<div id=comments><p>Great post!</p><form><label>Name</label>…</form></div>: the form is html/nav",
} as const;

function ownMarkInComments(element: Element, inherited: Mark): Mark {
  if (inherited.rule !== COMMENT_SECTION_RULE.rule) return inherited;
  const own = markupMark(element);
  return own && RULES_INSIDE_COMMENTS.rules.has(own.rule) ? own : inherited;
}

function setMark(element: Element, mark: Mark): void {
  // A mark without features leaves a features attribute the page had: only attributes do that.
  if (carryingOnElements && mark.features) {
    carryMark(element, carriedForm(mark));
    return;
  }
  element.setAttribute(MARK_ATTRIBUTE, mark.rule);
  if (mark.features) element.setAttribute(WHY_ATTRIBUTE, featuresJson(mark));
}

/** The mark `markupMark` reads back from the attributes `setMark` writes for `mark`, made once for all the elements it is copied onto. */
function carriedForm(mark: Mark): Mark {
  if (mark !== lastCarried.mark) lastCarried = { mark, carried: { rule: mark.rule, reason: reasonOf(mark.rule), features: JSON.parse(featuresJson(mark)) as Mark["features"] } };
  return lastCarried.carried;
}
let lastCarried: { mark: Mark | undefined; carried: Mark } = { mark: undefined, carried: { rule: "", reason: "" } };

function reasonOf(rule: string): string {
  return REASON_BY_RULE.get(rule) ?? "junk markup";
}

/** Whether the element has a copied mark, carried either way. */
function hasCopiedMark(element: Element): boolean {
  return carriedMark(element) !== undefined || element.hasAttribute(MARK_ATTRIBUTE);
}

/** A mark's features as JSON, written once for all the elements a mark is copied onto (every element inside a marked one gets the same mark). */
function featuresJson(mark: Mark): string {
  if (mark !== lastWritten.mark) lastWritten = { mark, json: JSON.stringify(mark.features) };
  return lastWritten.json;
}
let lastWritten: { mark: Mark | undefined; json: string } = { mark: undefined, json: "" };

/** Elements that can hold a section label: headings, and paragraphs standing in for one (`<p><strong>Related</strong></p>`). */
const LABEL_TAGS = new Set(["H1", "H2", "H3", "H4", "H5", "H6", "P"]);

/**
 * A heading whose text is a related-articles label marks itself and the teaser cards after
 * it (see RELATED_SECTION_RULE); a comment-section heading marks itself and all that follows
 * it (COMMENT_SECTION_RULE). A heading alone in a wrapper (`<div class="title"><h3>`) speaks
 * for the wrapper's next siblings. Section marks carry the heading in `features.heading`.
 */
function markSection(heading: Element, root: Element): void {
  const text = heading.textContent ?? "";
  if (text.length > RELATED_SECTION_RULE.maxHeadingChars) return;
  const related = isRelatedLabel(text);
  if (!related && !isCommentHeading(text)) return;
  const rule = related ? RELATED_SECTION_RULE : COMMENT_SECTION_RULE;
  const mark: Mark = { rule: rule.rule, reason: rule.reason, features: { heading: collapse(text) } };
  let anchor = heading;
  for (let up = 0; up < 2 && !anchor.nextElementSibling && anchor.parentElement && anchor.parentElement !== root; up++) anchor = anchor.parentElement;
  markSubtree(anchor, mark);
  for (let sibling = anchor.nextElementSibling; sibling && (!related || isTeaserCard(sibling)); sibling = sibling.nextElementSibling) markSubtree(sibling, mark);
}

/**
 * "3 Comments", "Leave a Reply", "34 responses to “A match”". Longer headings without a count
 * ("Thoughts on the final") may be the story's own subheadings, so they do not count here.
 */
function isCommentHeading(text: string): boolean {
  const bare = text.replace(/\s+/g, " ").trim();
  if (bare.split(" ").length > 4 && !/^\d/.test(bare)) return false;
  return COMMENT_SECTION_RULES.some((r) => r.pattern.test(bare));
}

/** A mark set by a section heading (related teasers, comments), not by an element's own markup. */
function isSectionMark(mark: Mark): boolean {
  return mark.features?.heading !== undefined;
}

function markSubtree(element: Element, mark: Mark): void {
  if (!hasCopiedMark(element)) setMark(element, mark);
  for (let child = firstElementChildOf(element); child; child = nextElementSiblingOf(child)) markSubtree(child, mark);
}

const TEXT_TAGS = new Set(["P", "H1", "H2", "H3", "H4", "H5", "H6", "BLOCKQUOTE", "PRE", "TABLE", "UL", "OL", "DL"]);

/** A sibling after a related-articles label that is still part of the teaser list. */
function isTeaserCard(element: Element): boolean {
  const length = textLength(element);
  if (length === 0) return true; // an image, an ad slot: the list goes on
  if (TEXT_TAGS.has(element.tagName)) return linkTextLength(element) / length >= RELATED_SECTION_RULE.minTeaserLinkDensity;
  if (length > RELATED_SECTION_RULE.maxTeaserCardChars || element.getElementsByTagName("p").length > RELATED_SECTION_RULE.maxTeaserParagraphs) return false;
  return (element.tagName === "A" && element.hasAttribute("href")) || element.querySelector("a[href]") !== null;
}

function linkTextLength(element: Element): number {
  let total = 0;
  for (const link of element.getElementsByTagName("a")) if (link.hasAttribute("href")) total += textLength(link);
  return total;
}

function collapse(text: string): string {
  return text.replace(/\s+/g, " ").trim().slice(0, 120);
}

/** The mark `premarkTree` left on an element (its own or an ancestor's), if any: read, no matching. `hasMarkAttribute`: whether it has the copied mark's attribute, when known. */
export function premarked(element: Element, hasMarkAttribute = element.hasAttribute(MARK_ATTRIBUTE)): Mark | undefined {
  return carriedMark(element) ?? (hasMarkAttribute ? markupMark(element) : undefined);
}

/** The junk rule an element's own markup matches, if any; a copied mark first (carried, or as attributes). */
export function markupMark(element: Element): Mark | undefined {
  const carried = carriedMark(element);
  if (carried !== undefined) return carried;
  // Each attribute read once (the record is shared: it is read before anything below reads another element's).
  const { chaffMark: copied, role: roleAttribute, class: cls, id, ariaLabel: label } = readAttributes(element);
  if (copied) {
    const why = element.getAttribute(WHY_ATTRIBUTE);
    return { rule: copied, reason: reasonOf(copied), features: why ? (JSON.parse(why) as Mark["features"]) : undefined };
  }
  const tag = element.tagName.toUpperCase();
  const byTag = TAG_TO_RULE.get(tag);
  if (byTag) return { rule: byTag.rule, reason: byTag.reason, features: { tag: tag.toLowerCase() } };
  const role = roleAttribute?.trim().toLowerCase();
  if (role) {
    const byRole = ROLE_TO_RULE.get(role);
    if (byRole) return { rule: byRole.rule, reason: byRole.reason, features: { role } };
  }
  if (cls && isHiddenByClass(cls) && !isHiddenProse(element)) return { rule: HIDDEN_CLASS_RULE.rule, reason: HIDDEN_CLASS_RULE.reason, features: { markup: cls.slice(0, 120) } };
  const names = classAndIdWords(cls, id);
  if (names) {
    const entry = firstMarkupRule(names);
    if (entry !== undefined && !(entry.rule === RELATED_PROSE.rule && isUnlinkedProse(element))) {
      return { rule: entry.rule, reason: entry.reason, features: { markup: names.slice(0, 120) } };
    }
  }
  if (names && isSidebarNamed(element, names)) return { rule: SIDEBAR_RULE.rule, reason: SIDEBAR_RULE.reason, features: { markup: names.slice(0, 120) } };
  if (label) {
    const words = markupWords(label);
    for (const entry of ARIA_LABEL_RULES) {
      if (entry.words.test(words)) return { rule: entry.rule, reason: entry.reason, features: { ariaLabel: label.slice(0, 120) } };
    }
  }
  return undefined;
}

/**
 * The first of MARKUP_RULES whose words a class-and-id string holds (read as `markupWords`), if any:
 * what decides an element's markup mark, its text aside (RELATED_PROSE). The same strings come back
 * on every page and within one (list items, cards, the site's layout classes: about 7,000 different
 * among 24,000 asked on the 181 AEB pages), so each answer is kept, for up to FIRST_RULE_CAP strings.
 */
export function firstMarkupRule(names: string): (typeof MARKUP_RULES)[number] | undefined {
  const index = keptAnswer(FIRST_RULE, names, firstMarkupRuleIndex);
  return index === -1 ? undefined : MARKUP_RULES[index];
}
const FIRST_RULE = new Map<string, number>();

function firstMarkupRuleIndex(names: string): number {
  const words = markupWords(names);
  return MARKUP_RULES.findIndex((entry) => entry.words.test(words));
}

/** `answer(key)`, kept in `kept` for the next time, for up to KEPT_ANSWERS_CAP keys (the pages' class strings are unbounded). */
function keptAnswer<T>(kept: Map<string, T>, key: string, answer: (key: string) => T): T {
  let value = kept.get(key);
  if (value === undefined) {
    value = answer(key);
    if (kept.size < KEPT_ANSWERS_CAP) kept.set(key, value);
  }
  return value;
}
const KEPT_ANSWERS_CAP = 16384;

/** The class and the id, whichever are not empty, joined by a space (asked of every element: no array made). */
function classAndIdWords(cls: string | null, id: string | null): string {
  return cls ? (id ? `${cls} ${id}` : cls) : (id ?? "");
}

/** A hidden tab or accordion panel, or the rest of a story behind "read more": a paragraph, and text enough (HIDDEN_CLASS_RULE.spareProseChars). */
function isHiddenProse(element: Element): boolean {
  return element.getElementsByTagName("p").length > 0 && textLength(element) >= HIDDEN_CLASS_RULE.spareProseChars;
}

/** A box whose class or id (its attributes, when read already) calls it a sidebar, and not a layout wrapper (SIDEBAR_RULE). */
export function isSidebar(element: Element, cls = element.getAttribute("class"), id = element.getAttribute("id")): boolean {
  return isSidebarNamed(element, classAndIdWords(cls, id));
}

/** `isSidebar` of an element whose class and id are `names` (`classAndIdWords`). */
function isSidebarNamed(element: Element, names: string): boolean {
  if (!names || !/side/i.test(names)) return false;
  const words = markupWords(names);
  if (!SIDEBAR_RULE.words.test(words) || SIDEBAR_RULE.layoutWords.test(words)) return false;
  return SIDEBAR_RULE.wrapperTags.every((tag) => element.getElementsByTagName(tag).length === 0);
}

/**
 * A class that hides the element at every width (HIDDEN_CLASS_RULE). Asked of every element with a
 * class; the same class strings come back on every page, so each answer is kept (`keptAnswer`):
 * its words lower-cased and split was ~9% of premarking on the AEB pages.
 */
export function isHiddenByClass(cls: string): boolean {
  return keptAnswer(HIDDEN_BY_CLASS, cls, hiddenByClass);
}
const HIDDEN_BY_CLASS = new Map<string, boolean>();

function hiddenByClass(cls: string): boolean {
  let hidden = false;
  for (const token of cls.toLowerCase().split(/\s+/)) if (HIDDEN_CLASS_RULE.tokens.has(token)) hidden = true;
  return hidden && !HIDDEN_CLASS_RULE.shownAt.test(cls.toLowerCase());
}

/**
 * A related-articles class word on prose is the story going on, not teasers: a "read more"
 * expander holding the rest of the article. Teaser lists link every headline, so their text is
 * never this unlinked.
 */
export const RELATED_PROSE = {
  rule: "html/related",
  /** At least this many paragraphs... */
  minParagraphs: 2,
  /** ...and at most this share of the text in links. */
  maxLinkShare: 0.1,
  example: "<div id='read-more'><p>The Bill would require providers to store metadata…</p><p>And that should ring warning bells…</p></div>",
} as const;

function isUnlinkedProse(element: Element): boolean {
  if (element.getElementsByTagName("p").length < RELATED_PROSE.minParagraphs) return false;
  const length = textLength(element);
  return length > 0 && linkTextLength(element) / length <= RELATED_PROSE.maxLinkShare;
}

function textLength(node: Node): number {
  return nonWhiteSpaceLength(node.textContent ?? "");
}

/**
 * Marks the junk elements under `root`: outermost matches only, skipping any that hold
 * too much of the text, and dropping a rule whose marks together would hold too much.
 */
export function findMarks(root: Element): Map<Element, Mark> {
  const total = Math.max(1, textLength(root));
  const candidates: Array<{ element: Element; mark: Mark; length: number }> = [];
  const walk = (element: Element) => {
    for (let child = element.firstElementChild; child; child = child.nextElementSibling) {
      const mark = markupMark(child);
      if (mark) {
        const length = textLength(child);
        if (length === 0) continue;
        // A related-articles heading is stronger evidence than a class word: its teasers may outweigh the story.
        if (length / total <= MARKUP_LIMITS.maxShareOfArticle || isSectionMark(mark)) {
          candidates.push({ element: child, mark: { ...mark, features: { ...mark.features, share: round(length / total) } }, length });
          continue;
        }
      }
      walk(child);
    }
  };
  walk(root);
  const byRule = new Map<string, number>();
  for (const c of candidates) byRule.set(c.mark.rule, (byRule.get(c.mark.rule) ?? 0) + c.length);
  let sectionChars = 0;
  for (const c of candidates) if (isSectionMark(c.mark)) sectionChars += c.length;
  const keepSections = total - sectionChars >= RELATED_SECTION_RULE.minArticleCharsLeft;
  const marks = new Map<Element, Mark>();
  for (const c of candidates) {
    if (isSectionMark(c.mark) ? !keepSections : (byRule.get(c.mark.rule) ?? 0) / total > MARKUP_LIMITS.maxRuleShareOfArticle) continue;
    marks.set(c.element, c.mark);
    if (c.mark.rule === COMMENT_SECTION_RULE.rule) markInsideComments(c.element, marks);
  }
  return marks;
}

/** Elements inside a comment section whose own mark counts there (RULES_INSIDE_COMMENTS): outermost ones. */
function markInsideComments(section: Element, marks: Map<Element, Mark>): void {
  for (let child = section.firstElementChild; child; child = child.nextElementSibling) {
    const mark = markupMark(child);
    if (mark && RULES_INSIDE_COMMENTS.rules.has(mark.rule)) marks.set(child, mark);
    else markInsideComments(child, marks);
  }
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
