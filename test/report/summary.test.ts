// The end-of-run summary of `chaff clean`: the table on stderr and `--summary FILE`.
import { execFile } from "node:child_process";
import { mkdtemp, readFile, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { emptySummary } from "../../src/run/clean.js";
import { formatSummaryTable } from "../../src/run/summary.js";

const root = join(import.meta.dirname, "../..");
const run = promisify(execFile);

const SEEDS_TABLE = [
  "chaff: 5 documents (pipeline news), 1418 of 18596 characters removed (7.6%) in 14 removals",
  "  rule                 removals",
  "  dup/title                   2",
  "  widget/share                2",
  "  caption/agency-code         1",
  "  caption/doubled             1",
  "  comment/prompt              1",
  "  dup/sentence                1",
  "  icons/font-names            1",
  "  link/related                1",
  "  meta/dateline               1",
  "  meta/tags                   1",
  "  meta/timestamp              1",
  "  nav/section                 1",
  "  total                      14",
  "",
].join("\n");

describe("summary table", () => {
  it("lists rules by removals, then by name, with a total", () => {
    const summary = { ...emptySummary("news"), documents: 2, chars: { in: 1000, out: 900, removed: 95 }, rules: { "b/x": 3, "a/y": 3, "c/longer-rule-id": 10 } };
    expect(formatSummaryTable(summary)).toBe(
      [
        "chaff: 2 documents (pipeline news), 95 of 1000 characters removed (9.5%) in 16 removals",
        "  rule              removals",
        "  c/longer-rule-id        10",
        "  a/y                      3",
        "  b/x                      3",
        "  total                   16",
        "",
      ].join("\n"),
    );
  });

  it("says how many inputs failed, and prints no table when nothing was removed", () => {
    const summary = { ...emptySummary("news"), documents: 1, chars: { in: 10, out: 10, removed: 0 }, failures: [{ source: "x.txt", reason: "empty file" }] };
    expect(formatSummaryTable(summary)).toBe("chaff: 1 document (pipeline news), 0 of 10 characters removed (0.0%) in 0 removals; 1 input failed\n");
  });
});

describe("chaff clean --summary (CLI)", () => {
  it("prints the per-rule table on stderr and writes the run summary as JSON", async () => {
    const dir = await mkdtemp(join(tmpdir(), "chaff-summary-"));
    const summaryPath = join(dir, "run", "summary.json");
    const { stderr } = await run(process.execPath, ["--import", "tsx", join(root, "src/cli.ts"), "clean", "raw", "--out", join(dir, "out"), "--summary", summaryPath], { cwd: root });
    expect(stderr).toBe(SEEDS_TABLE);
    const written = JSON.parse(await readFile(summaryPath, "utf8"));
    expect(written).toMatchObject({ pipeline: "news", files: { ok: 5, failed: 0 }, documents: 5, chars: { in: 18596, out: 17200, removed: 1418 }, failures: [] });
    expect(Object.values(written.rules as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(14);
    expect(written.stages).toEqual({ captions: 2, comments: 1, duplicates: 3, icons: 1, related: 1, tags: 1, timestamps: 2, widgets: 3 });
    expect(await readdir(join(dir, "run"))).toEqual(["summary.json"]); // no temporary file left
  });
});
