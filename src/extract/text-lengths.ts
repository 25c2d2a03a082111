// The lengths Readability weighs an element by, worked out once for every element below it while
// nothing changes the tree. `_getTextDensity` and `_getLinkDensity` take the length of
// `_getInnerText` (the text trimmed, each run of two or more white space characters made one
// space) of an element and of each element of some tags, or each link, below it: built anew for
// each, the text of a deep nest is gathered once per level below every level (forty 500-deep nests,
// 220 kB, took ~10 s of `_cleanConditionally`). Here an element's length comes from its
// children's, each kept until `forgetTextLengths`: html.ts keeps them for one call of
// `_cleanConditionally` (it says why they stay true through it).
import { isWhiteSpaceCode } from "./blocks.js";

const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;
const ELEMENT_NODE = 1;

/**
 * What the length needs of a node's text (its `textContent`): characters that are not white space
 * (`\s`, what `trim` removes), runs of white space between two of them, and whether it starts or
 * ends with white space (or is empty, or all white space: no characters).
 */
interface TextShape {
  chars: number;
  innerRuns: number;
  leads: boolean;
  trails: boolean;
}

const kept = new Map<Node, TextShape>();

/** The length of Readability's `_getInnerText(node)` (normalised), from the kept shapes. */
export function innerTextLength(node: Node): number {
  const shape = shapeOf(node);
  return shape.chars + shape.innerRuns;
}

/** Drops the kept shapes and link lengths: the tree may change now. */
export function forgetTextLengths(): void {
  kept.clear();
  keptLinks.clear();
}

const keptLinks = new Map<Node, number>();
/** What `linkTextLength` gives when a link below the node is weighted. */
export const WEIGHTED_LINK = -1;

/**
 * The sum of `innerTextLength` of the links below `node` (the <a> elements `getElementsByTagName("a")`
 * finds, links inside links too), from its children's sums; WEIGHTED_LINK when the href of one of
 * them matches `weighted`: Readability counts those at 0.3 of their length, and a sum of such
 * products can differ in its last bit with the order of adding, a sum of whole lengths cannot.
 */
export function linkTextLength(node: Node, weighted: RegExp): number {
  let total = keptLinks.get(node);
  if (total === undefined) {
    total = 0;
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType !== ELEMENT_NODE) continue;
      const below = linkTextLength(child, weighted);
      if (below === WEIGHTED_LINK || ((child as Element).localName === "a" && isWeighted(child as Element, weighted))) {
        total = WEIGHTED_LINK;
        break;
      }
      total += below + ((child as Element).localName === "a" ? innerTextLength(child) : 0);
    }
    keptLinks.set(node, total);
  }
  return total;
}

function isWeighted(link: Element, weighted: RegExp): boolean {
  const href = link.getAttribute("href");
  return Boolean(href) && weighted.test(href!);
}

function shapeOf(node: Node): TextShape {
  let shape = kept.get(node);
  if (shape === undefined) {
    shape = { chars: 0, innerRuns: 0, leads: false, trails: false };
    for (let child = node.firstChild; child; child = child.nextSibling) {
      const type = child.nodeType;
      if (type === TEXT_NODE || type === CDATA_SECTION_NODE) append(shape, textShape((child as CharacterData).data));
      else if (type === ELEMENT_NODE) append(shape, shapeOf(child));
    }
    kept.set(node, shape);
  }
  return shape;
}

/** `next`'s text after `shape`'s. */
function append(shape: TextShape, next: TextShape): void {
  if (next.chars === 0) {
    // All white space (or nothing): it ends what comes before with white space, if it has any.
    if (shape.chars === 0) shape.leads ||= next.leads;
    else shape.trails ||= next.leads;
    return;
  }
  if (shape.chars === 0) shape.leads ||= next.leads;
  // The white space between the two is one run once there is text on both sides of it.
  else if (shape.trails || next.leads) shape.innerRuns++;
  shape.chars += next.chars;
  shape.innerRuns += next.innerRuns;
  shape.trails = next.trails;
}

function textShape(data: string): TextShape {
  let chars = 0;
  let innerRuns = 0;
  let inRun = false;
  for (let i = 0; i < data.length; i++) {
    const c = data.charCodeAt(i);
    if ((c > 0x20 && c < 0xa0) || !isWhiteSpaceCode(c)) {
      if (inRun && chars > 0) innerRuns++;
      inRun = false;
      chars++;
    } else inRun = true;
  }
  return { chars, innerRuns, leads: data.length > 0 && isWhiteSpaceCode(data.charCodeAt(0)), trails: inRun };
}
