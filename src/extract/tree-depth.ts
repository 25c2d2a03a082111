// A cap on the depth of the trees pages parse into, as browsers have. A page of unclosed (or
// merely nested) <div>s nests as deep as it has tags, and Readability's cost grows with the cube of
// the depth (`_getTextDensity` reads the text below each descendant of each element it cleans): a
// 1000-deep page took seconds, a 5000-deep one ran past the time limit. Blink caps its parser's
// tree at `kMaximumHTMLParserDOMTreeDepth` = 512 (HTMLConstructionSite::AttachLater): while more
// than 512 elements are open, a new element or comment is attached to its intended parent's
// parent, so deeper tags become siblings at the cap instead of nesting further. The stack of open
// elements is unchanged (end tags close what they closed); text goes where it went (Blink caps
// only nodes it attaches that way), and so do foster-parented nodes. Same rule here, at the same
// depth: no page of the five benchmark sets comes near it.
type Parse5 = typeof import("parse5");
type ParserPrototype = Parse5["Parser"]["prototype"];

/** More open elements than this (<html> included), and new nodes stop nesting deeper: Blink's figure. */
export const MAX_OPEN_ELEMENT_DEPTH = 512;

const capped = new WeakSet<object>();

/**
 * Caps the trees every parse by this parse5 builds. Set once per parse5 module: the bundle's own
 * copy builds linkedom trees (linkedom-tree.ts), the package's copy jsdom's (dom.ts).
 */
export function capTreeDepth(parse5: Pick<Parse5, "Parser">): void {
  const prototype = parse5.Parser.prototype as ParserPrototype;
  if (capped.has(prototype)) return;
  capped.add(prototype);
  const attachElement = prototype._attachElementToTree;
  const appendComment = prototype._appendCommentNode;
  // One comparison per node below the cap: ordinary pages pay nothing more.
  prototype._attachElementToTree = function (this: ParserPrototype, element, location, insertionLocation) {
    if (this.openElements.depth > MAX_OPEN_ELEMENT_DEPTH && !this._shouldFosterParentOnInsertion())
      insertionLocation = { parent: parentAtCap(this, insertionLocation.parent), beforeElement: null };
    attachElement.call(this, element, location, insertionLocation);
  };
  prototype._appendCommentNode = function (this: ParserPrototype, token, parent) {
    appendComment.call(this, token, this.openElements.depth > MAX_OPEN_ELEMENT_DEPTH ? parentAtCap(this, parent) : parent);
  };
}

/** Where a node meant for `parent` goes past the cap: `parent`'s parent, when it has one (a template's content has none). */
function parentAtCap(parser: ParserPrototype, parent: ParentOf<ParserPrototype>): ParentOf<ParserPrototype> {
  return parser.treeAdapter.getParentNode(parent) ?? parent;
}
type ParentOf<P extends ParserPrototype> = Parameters<P["_appendCommentNode"]>[1];
