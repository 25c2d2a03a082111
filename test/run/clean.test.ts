// The run loop, inline (--jobs 1): records in, records out, audit and rejects.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createDocument } from "../../src/core/document.js";
import { runClean } from "../../src/run/clean.js";
import { formatSummaryTable } from "../../src/run/summary.js";
import { loadPipeline } from "../../src/run/pipeline-file.js";
import { jsonl, seedTexts, tempDir, writeInput } from "../helpers/corpus.js";

const pipeline = loadPipeline("news");

function readJsonl(path: string): any[] {
  return readFileSync(path, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l));
}

async function cleanCorpus(name: string, content: string, extra: Partial<Parameters<typeof runClean>[0]> = {}) {
  const dir = tempDir();
  const input = writeInput(dir, name, content);
  const out = join(dir, "out");
  const summary = await runClean({ inputs: [input], outDir: out, auditPath: join(dir, "audit.jsonl"), rejectsPath: join(dir, "rejects.jsonl"), pipeline, jobs: 1, quiet: true, ...extra });
  return { dir, input, out, summary };
}

const seeds = seedTexts();

describe("cleaning a JSONL corpus", () => {
  const records = [
    ...seeds.map((s) => ({ id: s.name, text: s.text, url: `https://news.example/${s.name}` })),
    "{broken",
    { id: "no-text" },
  ];
  const content = records.map((r) => (typeof r === "string" ? r : JSON.stringify(r))).join("\n") + "\n";

  it("writes one {id, text, metadata} record per good record, in input order, with what the stages found", async () => {
    const { out, summary } = await cleanCorpus("news.jsonl", content);
    const written = readJsonl(join(out, "news.jsonl"));
    expect(written.map((r) => r.id)).toEqual(seeds.map((s) => s.name));
    const timestamped = written.find((r) => r.id === "004_989369bf34c36e15");
    expect(timestamped.metadata.chaff.found.timestamp).toEqual(["7 Apr, 2016 05:27"]);
    expect(timestamped.metadata.chaff.removals["meta/timestamp"]).toBe(1);
    // The record's own url, and the date and language where datatrove and Dolma readers look.
    expect(timestamped.metadata).toMatchObject({ url: "https://news.example/004_989369bf34c36e15", date: "7 Apr, 2016 05:27", language: "en" });
    expect(timestamped.text).not.toContain("7 Apr, 2016 05:27");
    expect(written.find((r) => r.id === "003_a93c72b2128831dd").metadata.chaff.found.tags).toEqual(["NATO", "Russia"]);
    expect(summary).toMatchObject({ documents: 5, rejects: 2, documentFailures: 0, files: { ok: 1, failed: 0 } });
  });

  it("records the same removals in the audit as cleaning the files one by one, with path#line sources", async () => {
    const { dir, input, out } = await cleanCorpus("news.jsonl", content);
    const audit = readJsonl(join(dir, "audit.jsonl"));
    const docs = audit.filter((r) => r.type === "document");
    expect(docs.map((d) => d.source)).toEqual(seeds.map((_, i) => `${input}#${i + 1}`));
    expect(docs[0].output).toBe(`${join(out, "news.jsonl")}#${seeds[0].name}`);
    for (const seed of seeds) {
      const direct = (await import("../../src/core/stage.js")).cleanDocument(createDocument({ id: seed.name, source: "x", raw: seed.text }), pipeline);
      const removals = audit.filter((r) => r.type === "removal" && r.doc === seed.name);
      expect(removals.map((r) => [r.rule, r.start, r.end])).toEqual(direct.removals.map((r) => [r.rule, r.start, r.end]));
    }
  });

  it("sets bad records aside in the rejects file with the input, line and reason", async () => {
    const { dir, input, summary } = await cleanCorpus("news.jsonl", content);
    expect(readJsonl(join(dir, "rejects.jsonl"))).toEqual([
      { kind: "reject", input, line: 6, reason: "malformed JSON: Expected property name or '}' in JSON at position 1" },
      { kind: "reject", input, line: 7, reason: 'no "text" field' },
    ]);
    expect(formatSummaryTable(summary).split("\n")[0]).toMatch(/^chaff: 5 documents \(pipeline news\), \d+ of \d+ characters removed \(\d+\.\d%\) in \d+ removals; 2 records rejected$/);
  });
});

describe("the HTML route", () => {
  const html = jsonl([{ id: "p1", html: "<p>Talks</p>" }]);

  it("cleans HTML records through the extractor by default, and says which route it took", async () => {
    const { out, summary } = await cleanCorpus("pages.jsonl", html, { read: { textField: "html" } });
    expect(summary).toMatchObject({ documents: 1, documentFailures: 0 });
    const [record] = readJsonl(join(out, "pages.jsonl"));
    expect(record.text).toBe("Talks\n");
    expect(record.metadata.chaff.found.route).toMatch(/^(readability|fallback)$/);
  });

  it("hands the record to the injected htmlToDocument", async () => {
    const { out } = await cleanCorpus("pages.jsonl", html, {
      read: { textField: "html" },
      htmlToDocument: async (input) => createDocument({ id: input.id, source: input.source, raw: String(input.html).replace(/<[^>]+>/g, "") + "\n", meta: { title: "Talks" } }),
    });
    expect(readJsonl(join(out, "pages.jsonl"))).toEqual([{ id: "p1", text: "Talks\n", metadata: { title: "Talks", chaff: { found: { title: "Talks" }, removals: {}, chars: { in: 6, out: 6, removed: 0 } } } }]);
  });
});

describe("files that cannot be read", () => {
  it("fails a corrupt gzip file without output, and keeps going", async () => {
    const dir = tempDir();
    const bad = join(dir, "bad.jsonl.gz");
    (await import("node:fs")).writeFileSync(bad, "not gzip at all");
    const good = writeInput(dir, "good.jsonl", jsonl([{ id: "g", text: "A good sentence is here.\n" }]));
    const summary = await runClean({ inputs: [bad, good], outDir: join(dir, "out"), auditPath: join(dir, "a.jsonl"), rejectsPath: join(dir, "r.jsonl"), pipeline, jobs: 1, quiet: true });
    expect(summary.failures).toEqual([{ source: bad, reason: "incorrect header check" }]);
    expect(summary.files.ok).toBe(1);
    expect(readJsonl(join(dir, "out/good.jsonl")).map((r) => r.id)).toEqual(["g"]);
  });
});
