// The table stages (lineRuleStage, src/match/line-rules.ts) read each document's line-scan groups once
// and skip every line whose groups rule out their table and their own steps (`before`, `after`
// behind their `stepGate`). They must find what they find looking at every line, as plain code.
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { cleanDocument, createDocument, type Block, type BlockKind, type Detection, type Stage } from "../../src/core/index.js";
import { LineView } from "../../src/core/lines.js";
import { compileLineRules, matchLine, skipLinesByScan } from "../../src/match/line-rules.js";
import { CAPTION_RULES } from "../../src/rules/captions.js";
import { COMMENT_RULES } from "../../src/rules/comments.js";
import { SOURCE_CREDIT_RULES } from "../../src/rules/credits.js";
import { PROMO_TABLE } from "../../src/rules/promos.js";
import { RELATED_RULES } from "../../src/rules/related.js";
import { TAG_LABEL_LINE, TAG_LINE_RULES } from "../../src/rules/tags.js";
import { WIDGET_RULES } from "../../src/rules/widgets.js";
import { loadPipeline } from "../../src/run/pipeline-file.js";
import "../../src/stages/all.js";
import { stageDefinition } from "../../src/stages/registry.js";
import { wordsUpTo } from "../../src/core/lines.js";
import { isWidgetWordLine } from "../../src/stages/widgets.js";
import { PROSE } from "../helpers.js";
import { realTexts } from "./real-texts.js";

const TABLE_STAGES = ["widgets", "comments", "tags", "captions", "related", "promos"];

function createStage(use: string, options: Record<string, unknown> = {}): Stage {
  const definition = stageDefinition(use)!;
  return definition.create(definition.options.parse(options));
}

/** Lines that every table stage and step finds something on, and lines none does. */
const POOL = [
  ...[...WIDGET_RULES, ...COMMENT_RULES, ...TAG_LINE_RULES, ...RELATED_RULES, ...CAPTION_RULES, ...SOURCE_CREDIT_RULES, ...PROMO_TABLE].map((r) => r.example),
  "Share | Tweet | Email",
  "Email Print",
  "Facebook Twitter WhatsApp 12",
  "» Teilen Drucken «",
  "Whatsapp Facebook Pint Baixar",
  "Tags",
  "Topics:",
  ...TAG_LABEL_LINE.example.split("\n"),
  "NATO, Russia, Ukraine crisis",
  "Flooding",
  "Also Read",
  "Nato and Russia to meet in Brussels",
  "Lavrov warns of a new Cold War",
  "Stoltenberg in Brussels on Friday Stoltenberg in Brussels on Friday",
  PROSE,
  "Business News",
  "12",
  "",
  "   ",
];
const KINDS: Array<BlockKind | undefined> = [undefined, undefined, undefined, "paragraph", "heading", "title", "table-cell", "caption"];

/** A document of the lines, each in a block of its kind, some removed by an earlier stage. */
function documentOf(lines: Array<{ text: string; kind: BlockKind | undefined; removed: boolean }>) {
  const raw = lines.map((l) => l.text).join("\n");
  const blocks: Block[] = [];
  const findings: Detection[] = [];
  let at = 0;
  for (const l of lines) {
    if (l.kind && l.text.trim()) blocks.push({ start: at, end: at + l.text.length, kind: l.kind });
    if (l.removed && l.text.trim()) findings.push({ rule: "earlier/stage", start: at, end: at + l.text.length, reason: "removed before" });
    at += l.text.length + 1;
  }
  const doc = createDocument({ id: "t", source: "t.txt", raw, blocks });
  for (const f of findings) doc.findings.push({ ...f, stage: "earlier" });
  return doc;
}

/** The stage's findings with the skip on and with every line looked at, each on a fresh view of the document. */
function bothWays(stage: Stage, make: () => ReturnType<typeof documentOf>): { fast: Detection[]; plain: Detection[] } {
  const fastDoc = make();
  const fast = stage.detect({ doc: fastDoc, lines: new LineView(fastDoc) });
  skipLinesByScan(false);
  try {
    const plainDoc = make();
    return { fast, plain: stage.detect({ doc: plainDoc, lines: new LineView(plainDoc) }) };
  } finally {
    skipLinesByScan(true);
  }
}

afterEach(() => skipLinesByScan(true));

describe("table stages skipping the lines their scan rules out", () => {
  const line = fc.record({ text: fc.constantFrom(...POOL), kind: fc.constantFrom(...KINDS), removed: fc.boolean() }, { noNullishValues: false });

  it.each(TABLE_STAGES)("%s finds what it finds looking at every line (generated documents)", (use) => {
    const stage = createStage(use);
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 14 }), (lines) => {
        const { fast, plain } = bothWays(stage, () => documentOf(lines));
        expect(fast).toEqual(plain);
      }),
      { numRuns: 400 },
    );
  });

  it("finds with the user's phrases and patterns (one without a literal: tried on every line), and with the tag label switched off, what it finds looking at every line", () => {
    const options = { phrases: ["Dieser Artikel wurde automatisch übersetzt"], patterns: ["[0-9]{1,3} (?:likes|shares)", "\\p{Lu}{3}"], disable: ["meta/tags"] };
    const pool = ["Dieser Artikel wurde automatisch übersetzt", "12 likes", "340 shares", "AFP", "Tags", "NATO, Russia", PROSE];
    for (const use of TABLE_STAGES) {
      const stage = createStage(use, options);
      fc.assert(
        fc.property(fc.array(fc.constantFrom(...pool), { minLength: 1, maxLength: 8 }), (texts) => {
          const { fast, plain } = bothWays(stage, () => documentOf(texts.map((text) => ({ text, kind: undefined, removed: false }))));
          expect(fast).toEqual(plain);
        }),
        { numRuns: 100 },
      );
    }
  });

  it("widgets: the table's findings in line order, then the widget-word lines (plain code: every line tried on the table, then isWidgetWordLine)", () => {
    const stage = createStage("widgets");
    const rules = compileLineRules(WIDGET_RULES);
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 14 }), (lines) => {
        const doc = documentOf(lines);
        const view = new LineView(doc);
        const found = stage.detect({ doc, lines: view }).map((d) => [d.rule, d.start]);
        const table = view.live().filter((l) => matchLine(l, rules, 200));
        const words = view.live().filter((l) => !table.includes(l) && l.kind !== "heading" && l.kind !== "title" && isWidgetWordLine(l.content));
        expect(found).toEqual([...table.map((l) => [matchLine(l, rules, 200)!.rule, l.contentStart]), ...words.map((l) => ["widget/share", l.contentStart])]);
      }),
      { numRuns: 400 },
    );
  });

  it("reads a document's groups again for a table registered after they were read", () => {
    const doc = createDocument({ id: "t", source: "t.txt", raw: `${PROSE}\nUnsere Leser meinen dazu\n${PROSE}` });
    const view = new LineView(doc);
    expect(createStage("comments").detect({ doc, lines: view })).toEqual([]);
    const later = createStage("comments", { phrases: ["Unsere Leser meinen dazu"] });
    expect(later.detect({ doc, lines: view }).map((d) => d.rule)).toEqual(["comment/custom"]);
  });

  it("the news pipeline removes the same from the seed texts and AEB dumps as with every line looked at", () => {
    const pipeline = loadPipeline("news");
    for (const [i, raw] of realTexts().entries()) {
      const fast = cleanDocument(createDocument({ id: `d${i}`, source: "t.txt", raw }), pipeline).removals;
      skipLinesByScan(false);
      const plain = cleanDocument(createDocument({ id: `d${i}`, source: "t.txt", raw }), pipeline).removals;
      skipLinesByScan(true);
      expect(fast).toEqual(plain);
    }
  });
});

describe("related's word count", () => {
  it("is split(' ').length, up to the limit", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom("a", "Nato", " ", "  ", ".", "é"), { maxLength: 30 }), fc.integer({ min: 1, max: 25 }), (parts, limit) => {
        const content = parts.join("");
        expect(wordsUpTo(content, limit)).toBe(Math.min(content.split(" ").length, limit));
        expect(wordsUpTo(content, Infinity)).toBe(content.split(" ").length);
      }),
      { numRuns: 3000 },
    );
  });
});
