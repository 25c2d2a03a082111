// Two candidates per page, one output: Readability's article node (walked into blocks) and the
// block classifier's content (src/extract/classify.ts). The choice is a rule on numbers that
// `metadata.extraction` records, so a reader can check why a page came out as it did.
import type { Features } from "../core/document.js";
import type { TextBlock } from "./blocks.js";
import type { PageBlock } from "./classify.js";

/** Thresholds of the choice, each with an example. Characters are those of block texts. */
export const CANDIDATE_CHOICE = {
  /**
   * Readability alone (but for sure blocks in its node's gaps, always added) unless at least this
   * many characters of sure content are missing from its node...
   */
  minMissingChars: { value: 150, example: "a 180-character lead paragraph in the article's <header>" },
  /** ...and they are at least this share of all the sure content on the page. */
  minMissingShare: { value: 0.15, example: "a product description beside a gallery, 30% of the page's prose" },
  /**
   * How far above Readability's first block a missing block may sit (page blocks; the blocks
   * between may only be short and unlinked: a title, a byline, a date). Below the node and away
   * from it, long prose is mostly teasers and comments (on AEB, 94% of such text was not in the
   * gold), so only the lead above the node and the gaps inside it are added.
   */
  maxBlocksAbove: { value: 4, example: "<header><h1>Title</h1><p>Lead…</p></header><div class=body>(Readability's node)" },
  /**
   * The classifier alone when Readability's node holds less than this share of the sure content
   * and either is next to empty (under `minMissingChars` of text its markup does not flag: a box of
   * linked teasers), has its text mostly (`furnitureShare`) in the page's landmarks, or has less
   * text than the sure content while sure content lies near it.
   */
  replaceBelowShare: { value: 0.25, example: "Readability picks a 600-character cookie notice over a 400-character post" },
  furnitureShare: { value: 0.5, example: "Readability picks a blog's 1600-character 'About me' box in the <aside> over a 230-character post" },
} as const;

/**
 * Page-level junk marks that hold inside Readability's node even when the block is a large share
 * of it (where src/extract/mark.ts's share guard lifts class-word marks): a consent notice is
 * never the page's content, however long. Held only while the node keeps `minCharsLeft` of text.
 */
export const MARKS_OVER_SHARE_GUARD = {
  rules: new Set(["html/cookie"]),
  minCharsLeft: 100,
  example: "a 300-character cookie notice beside a 230-character blog post: the notice goes, the post stays",
} as const;

export type Choice = "readability" | "union" | "classifier";

export interface Chosen {
  choice: Choice;
  /** Page blocks to add to (union) or to put instead of (classifier) Readability's blocks. */
  added: PageBlock[];
  /** For `metadata.extraction`. */
  numbers: Features;
}

/** Keys page blocks by their text so Readability's blocks (same text nodes, rebuilt elements) find theirs. */
export function matchToPage(readability: TextBlock[], page: PageBlock[]): Array<number | undefined> {
  const byText = new Map<string, number[]>();
  for (const block of page) {
    const list = byText.get(block.text);
    if (list) list.push(block.index);
    else byText.set(block.text, [block.index]);
  }
  // Monotone: each Readability block takes the first page block with its text after the last match.
  let last = -1;
  return readability.map((block) => {
    const list = byText.get(block.text);
    const next = list?.find((i) => i > last);
    if (next === undefined) return undefined;
    last = next;
    return next;
  });
}

export function chooseCandidate(readability: TextBlock[], matched: Array<number | undefined>, page: PageBlock[]): Chosen {
  const inReadability = new Set(matched.filter((i): i is number => i !== undefined));
  let sureChars = 0;
  let coveredChars = 0;
  for (const block of page) {
    if (!block.sure) continue;
    sureChars += block.text.length;
    if (inReadability.has(block.index)) coveredChars += block.text.length;
  }
  const missing = nearReadability(page, inReadability);
  let readabilityChars = 0;
  let furnitureChars = 0;
  readability.forEach((block, r) => {
    if (block.mark) return;
    readabilityChars += block.text.length;
    const pageIndex = matched[r];
    if (pageIndex !== undefined && isFurniture(page[pageIndex])) furnitureChars += block.text.length;
  });
  let missingChars = 0;
  for (const block of missing) missingChars += block.text.length;
  const c = CANDIDATE_CHOICE;
  const numbers: Features = {
    readabilityChars,
    classifierSureChars: sureChars,
    sureCharsInReadability: coveredChars,
    sureShareInReadability: sureChars ? Math.round((coveredChars / sureChars) * 100) / 100 : 1,
    sureCharsNearReadability: missingChars,
    readabilityFurnitureShare: readabilityChars ? Math.round((furnitureChars / readabilityChars) * 100) / 100 : 0,
  };
  const replaceable = sureChars >= c.minMissingChars.value && coveredChars < c.replaceBelowShare.value * sureChars;
  // Readability's node missed the content altogether (a teaser box, a sidebar): whatever lies near it does not matter.
  const offContent = readabilityChars < c.minMissingChars.value || furnitureChars >= c.furnitureShare.value * readabilityChars;
  if (replaceable && offContent) return { choice: "classifier", added: classifierContent(page), numbers };
  if (missingChars < c.minMissingChars.value || missingChars < c.minMissingShare.value * sureChars) {
    // Too little to take the lead above the node; sure blocks in its gaps are prose Readability's own cleaning dropped.
    const first = Math.min(...inReadability);
    const gaps = missing.filter((b) => b.index > first);
    return gaps.length ? { choice: "union", added: gaps, numbers } : { choice: "readability", added: [], numbers };
  }
  if (replaceable && readabilityChars < sureChars) return { choice: "classifier", added: classifierContent(page), numbers };
  return { choice: "union", added: withHeadings(missing, page), numbers };
}

/**
 * Site furniture: a block in a landmark (<aside>, <nav>, <footer>, a site <header>). (Link density
 * is no sign here: a week's review made of linked news items is a page's content.)
 */
function isFurniture(block: PageBlock): boolean {
  return Boolean(block.signals.landmark);
}

/**
 * Sure blocks Readability left out that sit in its node's gaps (between its first and last
 * block) or just above it (CANDIDATE_CHOICE.maxBlocksAbove, over short unlinked blocks only).
 */
function nearReadability(page: PageBlock[], inReadability: Set<number>): PageBlock[] {
  if (!inReadability.size) return [];
  const first = Math.min(...inReadability);
  const last = Math.max(...inReadability);
  const near: PageBlock[] = [];
  let gap = 0;
  for (let i = first - 1; i >= 0 && gap <= CANDIDATE_CHOICE.maxBlocksAbove.value; i--) {
    const block = page[i];
    if (block.sure) {
      near.push(block);
      gap = 0;
    } else if (block.label === "bad" || block.signals.landmark || (block.mark && block.mark.rule !== "html/standfirst" && block.mark.rule !== "html/byline")) break;
    else gap++;
  }
  for (let i = first + 1; i < last; i++) if (page[i].sure && !inReadability.has(i)) near.push(page[i]);
  return near.sort((a, b) => a.index - b.index);
}

/** The classifier's own candidate: sure blocks, the good ones between them, and the heading above each run. */
function classifierContent(page: PageBlock[]): PageBlock[] {
  const sure = page.filter((b) => b.sure);
  if (!sure.length) return [];
  const first = sure[0].index;
  const last = sure[sure.length - 1].index;
  const between = page.filter((b) => b.index > first && b.index < last && !b.sure && b.label === "good" && !b.signals.landmark && !b.mark);
  return withHeadings([...sure, ...between].sort((a, b) => a.index - b.index), page);
}

/** Adds the heading right above an added block (a section's title), when it is plain and unlinked. */
function withHeadings(added: PageBlock[], page: PageBlock[]): PageBlock[] {
  const chosen = new Set(added.map((b) => b.index));
  for (const block of added) {
    const above = page[block.index - 1];
    if (above && (above.kind === "heading" || above.kind === "title") && !above.mark && above.linkDensity === 0 && !above.signals.landmark) chosen.add(above.index);
  }
  return page.filter((b) => chosen.has(b.index));
}
