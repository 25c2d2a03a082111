// `chaff report`: exact aggregation over a streamed audit, the sampling note,
// escaping of untrusted text, raw-text views, and errors that name the line.
import { execFile } from "node:child_process";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { aggregateAudit, DEFAULT_LIMITS } from "../../src/report/aggregate.js";
import { registerFormat, textFormat } from "../../src/read/formats.js";
import { buildReport } from "../../src/report/report.js";
import { loadRawTexts } from "../../src/report/sources.js";
import { runClean } from "../../src/run/clean.js";
import { loadPipeline } from "../../src/run/pipeline-file.js";

const root = join(import.meta.dirname, "../..");
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "chaff-report-"));
});

function removal(doc: string, rule: string, stage: string, start: number, text: string, extra: Record<string, unknown> = {}) {
  return { type: "removal", doc, source: `${doc}.txt`, rule, stage, reason: `reason of ${rule}`, start, end: start + text.length, line: 1, column: start + 1, text, ...extra };
}
function documentRecord(doc: string, charsIn: number, removed: number, removals: Record<string, number>) {
  return { type: "document", doc, source: `${doc}.txt`, output: `out/${doc}.txt`, pipeline: "news", chars: { in: charsIn, out: charsIn - removed, removed }, removals, edits: {}, meta: {} };
}
async function writeAudit(name: string, records: unknown[]): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, records.map((r) => (typeof r === "string" ? r : JSON.stringify(r))).join("\n") + "\n");
  return path;
}

/** Doc a: 5 × x/a; doc b: 1,200 × x/b and 2 × x/a; doc c: nothing removed; one failed input. */
async function syntheticAudit(): Promise<string> {
  const records: unknown[] = [];
  for (let i = 0; i < 5; i++) records.push(removal("a", "x/a", "s1", i * 10, "abc"));
  records.push(documentRecord("a", 100, 15, { "x/a": 5 }));
  for (let i = 0; i < 1200; i++) records.push(removal("b", "x/b", "s2", i * 10, "12345"));
  records.push(removal("b", "x/a", "s1", 20000, "abc"), removal("b", "x/a", "s1", 20010, "abc"));
  records.push(documentRecord("b", 30000, 6006, { "x/b": 1200, "x/a": 2 }));
  records.push(documentRecord("c", 50, 0, {}));
  records.push({ type: "error", source: "bad.txt", reason: "binary file (contains NUL bytes)" });
  return writeAudit("synthetic.jsonl", records);
}

describe("aggregation", () => {
  it("counts documents, characters, removals per rule and per stage exactly", async () => {
    const s = await aggregateAudit(await syntheticAudit(), { ...DEFAULT_LIMITS, fragmentsPerRule: 10 });
    expect(s.documents).toBe(3);
    expect(s.chars).toEqual({ in: 30150, out: 24129, removed: 6021 });
    expect(s.removals).toBe(1207);
    expect(s.rules).toEqual({ "x/a": { removals: 7, chars: 21 }, "x/b": { removals: 1200, chars: 6000 } });
    expect(s.stages).toEqual({ s1: { removals: 7, chars: 21 }, s2: { removals: 1200, chars: 6000 } });
    expect(s.ruleStages).toEqual({ "x/a": ["s1"], "x/b": ["s2"] });
    expect(s.errors).toEqual({ count: 1, listed: [{ source: "bad.txt", reason: "binary file (contains NUL bytes)" }] });
    expect(s.unmatchedRemovals).toBe(0);
    expect(s.topDocuments.map((d) => [d.doc, d.chars.removed, d.removalCount])).toEqual([["b", 6006, 1202], ["a", 15, 5]]);
  });

  it("embeds every fragment of a small rule and a fixed-seed sample of a big one, in audit order", async () => {
    const path = await syntheticAudit();
    const limits = { ...DEFAULT_LIMITS, fragmentsPerRule: 10 };
    const s = await aggregateAudit(path, limits);
    expect(s.fragments.filter((f) => f.rule === "x/a").map((f) => f.index)).toEqual([0, 1, 2, 3, 4, 1205, 1206]);
    const sampled = s.fragments.filter((f) => f.rule === "x/b").map((f) => f.index);
    expect(sampled).toHaveLength(10);
    expect(sampled.some((i) => i > 14)).toBe(true); // not just the first ten
    expect(s.fragments.map((f) => f.index)).toEqual([...s.fragments.map((f) => f.index)].sort((a, b) => a - b));
    expect((await aggregateAudit(path, limits)).fragments).toEqual(s.fragments);
  });

  it("keeps only the top documents, ranked by characters removed", async () => {
    const s = await aggregateAudit(await syntheticAudit(), { ...DEFAULT_LIMITS, topDocuments: 1, highlightsPerDocument: 3 });
    expect(s.topDocuments.map((d) => d.doc)).toEqual(["b"]);
    expect(s.topDocuments[0].removals).toHaveLength(3);
    expect(s.topDocuments[0].removalCount).toBe(1202);
  });

  it("counts removals whose document record never came", async () => {
    const path = await writeAudit("cut.jsonl", [removal("a", "x/a", "s1", 0, "abc"), documentRecord("a", 10, 3, { "x/a": 1 }), removal("b", "x/a", "s1", 0, "abc")]);
    const s = await aggregateAudit(path);
    expect([s.removals, s.unmatchedRemovals]).toEqual([2, 1]);
  });
});

describe("the page", () => {
  it("says exactly what was sampled and shows exact counts", async () => {
    const { html } = await buildReport(await syntheticAudit(), { limits: { fragmentsPerRule: 10 }, sourcesDir: dir });
    expect(html).toContain(
      "The table holds 17 of 1,207 removals: every removal of a rule with at most 10, and for the rules with more a uniform random sample of 10 " +
        "(reservoir sampling with a fixed seed, so the same audit gives the same sample): x/b: 10 of 1,200.",
    );
    expect(html).toContain("characters removed<b>6,021</b>");
    expect(html).toContain("share removed<b>19.97%</b>");
    expect(html).toContain("1 input failed.");
    expect(html).toContain("The 2 documents with the most characters removed (of 3 documents; at most 20 are listed)");
  });

  it("says when everything is in the table", async () => {
    const { html } = await buildReport(await syntheticAudit(), { limits: { fragmentsPerRule: 1200 }, sourcesDir: dir });
    expect(html).toContain('<p class="note" id="sampling-note">All 1,207 removals are in the table.</p>');
  });

  it("escapes untrusted text everywhere: a <script> in a fragment stays text", async () => {
    const evil = "<script>alert(1)</script>";
    const path = await writeAudit("evil.jsonl", [
      removal('<img src=x onerror="alert(2)">', "x/<b>", "s</td>", 0, evil, { reason: "</script><script>alert(3)</script>" }),
      { ...documentRecord('<img src=x onerror="alert(2)">', 100, evil.length, { "x/<b>": 1 }), pipeline: "<i>p</i>" },
    ]);
    const { html } = await buildReport(path, { sourcesDir: dir });
    expect(html).not.toMatch(/<script>alert|<img|x\/<b>|<i>p|s<\/td>/);
    expect(html.match(/<script/g)).toHaveLength(2); // the page's own data and code
    expect(html).toContain("<del>&lt;script&gt;alert(1)&lt;/script&gt;</del>");
    expect(html).toContain("\\u003cscript\\u003ealert(1)\\u003c/script\\u003e");
  });

  it("is the same for the same audit", async () => {
    const path = await syntheticAudit();
    const one = await buildReport(path, { limits: { fragmentsPerRule: 10 }, sourcesDir: dir });
    const two = await buildReport(path, { limits: { fragmentsPerRule: 10 }, sourcesDir: dir });
    expect(two.html).toBe(one.html);
  });
});

describe("raw text for the in-place views", () => {
  it("re-reads the source when every fragment is where the audit says, and falls back to fragments otherwise", async () => {
    await writeFile(join(dir, "same.txt"), "Email Print\nBody text here.\n");
    await writeFile(join(dir, "changed.txt"), "Share this\nBody text here.\n");
    const path = await writeAudit("views.jsonl", [
      removal("same", "widget/share", "widgets", 0, "Email Print"),
      documentRecord("same", 28, 11, { "widget/share": 1 }),
      removal("changed", "widget/share", "widgets", 0, "Email Print"),
      documentRecord("changed", 28, 10, { "widget/share": 1 }),
      removal("gone", "widget/share", "widgets", 0, "Email"),
      documentRecord("gone", 28, 5, { "widget/share": 1 }),
    ]);
    const { views, html } = await buildReport(path, { sourcesDir: dir });
    expect(views.map((v) => [v.doc.doc, "raw" in v.raw ? "raw" : v.raw.unavailable])).toEqual([
      ["same", "raw"],
      ["changed", `source ${join(dir, "changed.txt")} does not hold the fragment at 1:1 (changed since the run?)`],
      ["gone", `source ${join(dir, "gone.txt")} cannot be read (no such file)`],
    ]);
    expect(html).toContain(
      '<div class="raw"><span class="hl" data-rule="widget/share" title="widget/share (widgets) at 1:1: reason of widget/share"><span class="lbl">widget/share</span><del>Email Print</del><span class="why">reason of widget/share</span></span>\nBody text here.\n</div>',
    );
  });
});

describe("long raw texts", () => {
  it("are shown as excerpts around each highlight, saying how much was skipped", async () => {
    const raw = "a".repeat(150_000) + "Email Print" + "b".repeat(150_000);
    await writeFile(join(dir, "long.txt"), raw);
    const path = await writeAudit("long.jsonl", [removal("long", "widget/share", "widgets", 150_000, "Email Print"), documentRecord("long", raw.length, 11, { "widget/share": 1 })]);
    const { html } = await buildReport(path, { sourcesDir: dir });
    expect(html).toContain("The raw text has 300,011 characters: shown as excerpts of 300 characters around each removal.");
    expect(html).toContain(`<div class="raw"><span class="skip">[… 149,700 characters …]</span>${"a".repeat(300)}<span class="hl"`);
    expect(html).toContain(`</span>${"b".repeat(300)}<span class="skip">[… 149,700 characters …]</span></div>`);
  });
});

describe("raw text of records inside a corpus file", () => {
  it("reads `path#record` sources with the file's reader and picks the record by id", async () => {
    // A toy format: one record per line, `id<TAB>text` (stands in for JSONL, WARC...).
    registerFormat({
      ...textFormat,
      name: "toy-records",
      accepts: (relative) => relative.endsWith(".recs"),
      async *read(file) {
        for (const line of (await readFile(file.path, "utf8")).split("\n").filter(Boolean)) {
          const [id, text] = line.split("\t");
          yield { task: { id, source: `${file.display}#${id}`, route: "text" as const, content: text } };
        }
      },
    });
    await writeFile(join(dir, "corpus.recs"), "r1\tNothing here.\nr2\tEmail Print then the story.\n");
    const raws = await loadRawTexts(
      [
        { doc: "r2", source: "corpus.recs#r2", removals: [removal("r2", "widget/share", "widgets", 0, "Email Print")] as never },
        { doc: "r9", source: "corpus.recs#r9", removals: [] },
        { doc: "stdin", source: "-", removals: [] },
      ],
      dir,
    );
    expect(raws).toEqual([
      { raw: "Email Print then the story." },
      { unavailable: `source ${join(dir, "corpus.recs")} holds no document "r9"` },
      { unavailable: "the document came from stdin" },
    ]);
  });
});

describe("errors name the audit and the line", () => {
  it.each([
    ["bad-json.jsonl", ['{"type":"error","source":"a","reason":"b"}', '{"type":"removal"'], /^AUDIT:2: not valid JSON: /],
    ["bad-field.jsonl", [{ ...removal("a", "x/a", "s1", 0, "abc"), rule: 7 }], /^AUDIT:1: removal record: field "rule" must be a string$/],
    ["bad-type.jsonl", [{ type: "finding" }], /^AUDIT:1: unknown record type "finding" \(expected "removal", "document" or "error"\)$/],
    ["bad-array.jsonl", ["[1,2]"], /^AUDIT:1: a record must be a JSON object$/],
  ])("%s", async (name, records, message) => {
    const path = await writeAudit(name, records);
    const error = await aggregateAudit(path).catch((e: Error) => e);
    expect((error as Error).message.replace(path, "AUDIT")).toMatch(message);
  });

  it("a missing audit", async () => {
    await expect(aggregateAudit(join(dir, "none.jsonl"))).rejects.toThrow(`${join(dir, "none.jsonl")}: cannot read: ENOENT`);
  });
});

describe("the seeds run", () => {
  it("reports all 14 removals with their rules, and highlights them in place in the raw text", async () => {
    const audit = join(dir, "seeds.audit.jsonl");
    await runClean({ inputs: [join(root, "raw")], outDir: join(dir, "seeds-out"), auditPath: audit, pipeline: loadPipeline("news") });
    const { summary, views, html } = await buildReport(audit);
    expect(summary.removals).toBe(14);
    expect(Object.fromEntries(Object.entries(summary.rules).map(([r, c]) => [r, c.removals]))).toEqual({
      "caption/agency-code": 1,
      "caption/doubled": 1,
      "comment/prompt": 1,
      "dup/sentence": 1,
      "dup/title": 2,
      "icons/font-names": 1,
      "link/related": 1,
      "meta/dateline": 1,
      "meta/tags": 1,
      "meta/timestamp": 1,
      "nav/section": 1,
      "widget/share": 2,
    });
    expect(summary.fragments).toHaveLength(14);
    expect(views).toHaveLength(5);
    for (const view of views) {
      expect("raw" in view.raw).toBe(true);
      const raw = (view.raw as { raw: string }).raw;
      for (const r of view.doc.removals) expect(raw.slice(r.start, r.end)).toBe(r.text);
    }
    expect(html.match(/<span class="hl/g)).toHaveLength(14);
    expect(await readFile(audit, "utf8")).toContain('"type":"document"');
  });
});

describe("chaff report (CLI)", () => {
  const cli = (args: string[]) =>
    promisify(execFile)(process.execPath, ["--import", "tsx", join(root, "src/cli.ts"), ...args], { cwd: root });

  it("writes the page and says what it holds", async () => {
    const out = join(dir, "cli", "report.html");
    const { stderr } = await cli(["report", await syntheticAudit(), "--out", out, "--fragments-per-rule", "10", "--documents", "1"]);
    expect(stderr).toBe(`chaff: wrote ${out}: 3 documents, 1207 removals, 17 fragments in the table\n`);
    expect(await readFile(out, "utf8")).toContain("The 1 document with the most characters removed (of 3 documents; at most 1 are listed)");
  });

  it("names the audit and the reason when it cannot use it", async () => {
    const missing = join(dir, "missing.jsonl");
    await expect(cli(["report", missing])).rejects.toMatchObject({ code: 2, stderr: expect.stringMatching(new RegExp(`^chaff: ${missing}: cannot read: ENOENT`)) });
    await expect(cli(["report", missing, "--documents", "0"])).rejects.toMatchObject({ stderr: 'chaff: expected a positive whole number, got "0"\n' });
  });
});
