// auditLines writes removal lines by hand (src/write/audit.ts): held here to the plain form, each
// record through JSON.stringify, on generated records and on real documents.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { RemovalRecord } from "../../src/core/apply.js";
import { cleanDocument, createDocument, type CleanResult } from "../../src/core/index.js";
import { loadPipeline } from "../../src/run/pipeline-file.js";
import { cleanTask } from "../../src/run/task.js";
import { auditLines, documentRecord } from "../../src/write/audit.js";
import { realTexts } from "../match/real-texts.js";

/** The audit lines as JSON.stringify writes them: what auditLines must give, byte for byte. */
function plainAuditLines(result: CleanResult, output: string, pipeline: string): string {
  let out = "";
  for (const removal of result.removals) out += JSON.stringify(removal) + "\n";
  return out + JSON.stringify(documentRecord(result, output, pipeline)) + "\n";
}

// Quotes, backslashes, control characters, U+2028/2029, lone and paired surrogates, non-BMP.
const awkward = fc.constantFrom("", '"', "\\", "\n", "\t", "\u0000", "\u001f", "\u007f", "\u2028", "\u2029", "\ud800", "\udfff", "\ud83d\ude00", "é", "€", "</script>");
const text = fc.oneof(fc.string({ unit: "binary", maxLength: 40 }), fc.string({ unit: "grapheme", maxLength: 40 }), fc.array(fc.oneof(awkward, fc.string({ maxLength: 5 })), { maxLength: 8 }).map((p) => p.join("")));
const features = fc.dictionary(fc.oneof(text, fc.constantFrom("words", "lang", "0", "12", "__proto__")), fc.oneof(text, fc.integer(), fc.double(), fc.boolean()), { maxKeys: 4 });

// A few rule ids, each drawn with varying stages and reasons: the per-rule cache must notice a change.
const removal = fc
  .record({
    rule: fc.oneof(fc.constantFrom("widget/share", "nav/section", 'x/"q"'), text),
    stage: fc.oneof(fc.constantFrom("widgets", "captions"), text),
    reason: fc.oneof(fc.constantFrom("navigation label", "a caption printed twice on one line"), text),
    start: fc.nat(1_000_000),
    length: fc.integer({ min: 1, max: 1000 }),
    line: fc.integer({ min: 1, max: 100_000 }),
    column: fc.integer({ min: 1, max: 100_000 }),
    text,
    movedTo: fc.option(fc.oneof(fc.constantFrom("tags", "byline", ""), text), { nil: undefined }),
    features: fc.option(features, { nil: undefined }),
  })
  .map(({ rule, stage, reason, start, length, line, column, text, movedTo, features }) => {
    // Built as applyFindings builds them: optional fields set only when there are some.
    const record: RemovalRecord = { type: "removal", doc: "", source: "", rule, stage, reason, start, end: start + length, line, column, text };
    if (movedTo !== undefined) record.movedTo = movedTo;
    if (features !== undefined) record.features = features;
    return record;
  });

const result = fc
  .record({
    id: text,
    source: text,
    raw: text,
    clean: text,
    removals: fc.array(removal, { maxLength: 12 }),
    edits: fc.dictionary(text, fc.nat(), { maxKeys: 3 }),
    meta: fc.dictionary(text, fc.oneof(text, fc.array(text, { maxLength: 3 })), { maxKeys: 3 }),
  })
  .map(({ id, source, raw, clean, removals, edits, meta }): CleanResult => {
    const doc = createDocument({ id, source, raw, meta });
    for (const r of removals) Object.assign(r, { doc: id, source });
    return { doc, text: clean, removals, edits, shadowed: 0, keptSpans: [] };
  });

describe("auditLines", () => {
  it("gives JSON.stringify's bytes for any strings, optional fields and features", () => {
    fc.assert(
      fc.property(fc.array(result, { minLength: 1, maxLength: 4 }), text, text, (results, output, pipeline) => {
        for (const r of results) expect(auditLines(r, output, pipeline)).toBe(plainAuditLines(r, output, pipeline));
      }),
      { numRuns: 500 },
    );
  });

  it("gives JSON.stringify's bytes on real documents, and cleanTask's audit (counts passed in) is the same", async () => {
    const news = loadPipeline("news");
    const texts = realTexts();
    for (const [i, raw] of texts.entries()) {
      const plain = plainAuditLines(cleanDocument(createDocument({ id: `d${i}`, source: `in.jsonl#${i}`, raw, meta: {} }), news), `out.jsonl#d${i}`, "news");
      const task = await cleanTask({ id: `d${i}`, source: `in.jsonl#${i}`, output: `out.jsonl#d${i}`, route: "text", content: raw, shape: "record" }, { text: news, html: news }, () => Promise.reject(new Error("no HTML")));
      expect(task.audit).toBe(plain);
    }
    // The five seed scrapes at least; the AEB text dumps too where ../shared/bench is checked out.
    expect(texts.length).toBeGreaterThanOrEqual(5);
  });
});
