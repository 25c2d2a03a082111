// The report's in-place views for record sources (JSONL with HTML records, WARC), from another
// folder than the run's; the records the run set aside; long ids kept off the numbers.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { WARCRecord, WARCSerializer } from "warcio";
import { tempDir } from "../helpers/corpus.js";

const root = join(import.meta.dirname, "../..");
const cli = join(root, "dist/cli.js");
const chaff = (args: string[], cwd: string) => spawnSync(process.execPath, [cli, ...args], { cwd, encoding: "utf8" });
const page = readFileSync(join(root, "test/fixtures/format/news.html"), "utf8");
const LONG_ID = "https://courier.example/news/2026/11/28/harbour-town-opens-its-new-tide-gauge-after-seventy-years-of-the-old-pier-instrument?utm_source=feed";
const unavailable = (html: string) => [...html.matchAll(/(?:cannot be read|holds no document|does not hold)[^<]*/g)].map((m) => m[0]);

describe("report on record sources", () => {
  it("shows JSONL HTML records in place when told clean's --text-field, run from another folder; lists the records set aside; cuts long ids", () => {
    const dir = tempDir("chaff-report-src-");
    mkdirSync(join(dir, "run/in"), { recursive: true });
    writeFileSync(join(dir, "run/in/pages.jsonl"), [JSON.stringify({ id: LONG_ID, html: page }), "{broken", JSON.stringify({ id: "p3", body: "x" })].join("\n") + "\n");
    expect(chaff(["clean", "in", "--out", "out", "--text-field", "html", "--quiet", "--jobs", "1"], join(dir, "run")).status).toBe(0);
    // From the folder above the run, without --sources: the audit's folder is where clean ran.
    const run = chaff(["report", "run/out.audit.jsonl", "--out", "r.html", "--text-field", "html"], dir);
    expect(run.stderr).toBe("chaff: wrote r.html: 1 documents, 5 removals, 5 fragments in the table, 2 records set aside\n");
    const html = readFileSync(join(dir, "r.html"), "utf8");
    expect(unavailable(html)).toEqual([]);
    expect(html).toContain('<del>By Mara Jensen</del>');
    expect(html).toContain(`<td class="id" title="${LONG_ID.replace(/&/g, "&amp;")}">`);
    expect(html).toMatch(/<h2>Records set aside<\/h2><p class="note">2 records in <code>[^<]*out\.rejects\.jsonl<\/code>/);
    expect(html).toContain("<td>line 2</td>");
    expect(html).toContain('no &quot;html&quot; field');
    // Without the reading option the records are not found again: the view says why.
    chaff(["report", "run/out.audit.jsonl", "--out", "r2.html"], dir);
    expect(unavailable(readFileSync(join(dir, "r2.html"), "utf8"))[0]).toMatch(/holds no document/);
  }, 120_000);

  it("shows WARC responses in place", async () => {
    const dir = tempDir("chaff-report-warc-");
    mkdirSync(join(dir, "in"));
    const body = (async function* () {
      yield new TextEncoder().encode(page);
    })();
    const record = WARCRecord.create({ url: "https://courier.example/news/tide-gauge", date: "2026-11-28T10:00:00Z", type: "response", warcVersion: "WARC/1.1", statusline: "HTTP/1.1 200 OK", httpHeaders: { "Content-Type": "text/html; charset=utf-8" } }, body);
    writeFileSync(join(dir, "in/crawl.warc.gz"), await WARCSerializer.serialize(record, { gzip: true }));
    expect(chaff(["clean", "in", "--out", "out", "--quiet", "--jobs", "1"], dir).status).toBe(0);
    const run = chaff(["report", "out.audit.jsonl", "--out", "r.html"], dir);
    expect(run.status).toBe(0);
    const html = readFileSync(join(dir, "r.html"), "utf8");
    expect(html).toContain('<details class="view"');
    expect(unavailable(html)).toEqual([]);
    expect(html).toContain("<del>By Mara Jensen</del>");
  }, 120_000);
});
