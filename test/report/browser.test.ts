// The report in a real browser: Debian's Chromium, headless, driven by playwright-core.
// Filters the fragment table, opens a document view, checks nothing was fetched,
// and keeps a screenshot for the README (docs/report.png).
import { existsSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeReport } from "../../src/report/report.js";
import { runClean } from "../../src/run/clean.js";
import { loadPipeline } from "../../src/run/pipeline-file.js";

const CHROMIUM = "/usr/bin/chromium";
const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const root = join(import.meta.dirname, "../..");
const hasChromium = existsSync(CHROMIUM);
// Locally a missing Chromium skips these tests; in CI it must be there (.ci/run installs it).
const skip = !hasChromium && !process.env.CI;
if (skip) console.warn(`browser tests skipped: ${CHROMIUM} not found (apt-get install -y chromium); in CI (CI set) they run and fail without it`);

describe.skipIf(skip)("the report in Chromium", () => {
  let browser: Browser;
  let page: Page;
  let reportUrl: string;
  const requests: string[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    if (!hasChromium) throw new Error(`Chromium not found at ${CHROMIUM}: install it with apt-get install -y --no-install-recommends chromium`);
    // A fixed folder, so the audit path printed on the page (and the screenshot) is the same on every run.
    const dir = join(tmpdir(), "chaff-report-browser");
    await rm(dir, { recursive: true, force: true });
    const audit = join(dir, "seeds.audit.jsonl");
    await runClean({ inputs: [relative(process.cwd(), join(root, "raw")) || "."], outDir: join(dir, "out"), auditPath: audit, pipeline: loadPipeline("news") });
    const reportPath = join(dir, "report.html");
    await writeReport(audit, reportPath, { sourcesDir: process.cwd() });
    reportUrl = pathToFileURL(reportPath).href;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    page.on("request", (request) => requests.push(request.url()));
    page.on("console", (message) => message.type() === "error" && problems.push(message.text()));
    page.on("pageerror", (error) => problems.push(error.message));
    await page.goto(reportUrl);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  const tableRows = () => page.locator("#fragments tbody tr").evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll("td")].map((td) => td.textContent)));

  it("shows the totals and all 14 removals", async () => {
    expect(await page.locator(".totals div").allInnerTexts()).toEqual(["documents\n5", "characters in\n18,596", "characters removed\n1,418", "share removed\n7.63%", "removals\n14", "failed inputs\n0"]);
    expect(await tableRows()).toHaveLength(14);
    expect(await page.locator("#filter-status").textContent()).toBe("14 of 14 embedded fragments match — page 1 of 1");
    expect(await page.locator("#sampling-note").textContent()).toBe("All 14 removals are in the table.");
  });

  it("filters by rule: exactly the rule's rows", async () => {
    await page.selectOption("#filter-rule", "widget/share");
    expect(await tableRows()).toEqual([
      ["widget/share", "widgets", "000_7bd7e195d798df8e", "4:1", "Email Print", "a short line made only of share, print and email words"],
      ["widget/share", "widgets", "002_53b21c95f0bdb8b4", "27:1", "Send this to a friend", "share widget: send to a friend"],
    ]);
    expect(await page.locator("#filter-status").textContent()).toBe("2 of 14 embedded fragments match — page 1 of 1");
  });

  it("filters by stage, by searched text, and from a bar of the chart", async () => {
    await page.selectOption("#filter-rule", "");
    await page.selectOption("#filter-stage", "timestamps");
    expect((await tableRows()).map((r) => [r[0], r[4]])).toEqual([
      ["meta/dateline", "Brussels / AFP  → dateline"],
      ["meta/timestamp", "7 Apr, 2016 05:27  → timestamp"],
    ]);
    await page.selectOption("#filter-stage", "");
    await page.fill("#filter-text", "leave a");
    expect((await tableRows()).map((r) => [r[0], r[2], r[4]])).toEqual([["comment/prompt", "002_53b21c95f0bdb8b4", "Leave a Reply"]]);
    await page.fill("#filter-text", "");
    await page.click('button[data-filter-rule="dup/title"]');
    expect(await page.locator("#filter-rule").inputValue()).toBe("dup/title");
    expect((await tableRows()).map((r) => [r[2], r[3], r[4]])).toEqual([
      ["003_a93c72b2128831dd", "3:1", "NATO Resumes Dialogue with Russia"],
      ["004_989369bf34c36e15", "6:1", "We need to talk… Stoltenberg says NATO seeking Russia meeting"],
    ]);
  });

  it("opens a document view with each removal highlighted in place and labelled", async () => {
    await page.click('#top-documents a:text("004_989369bf34c36e15")');
    const view = page.locator('details.view[data-doc="004_989369bf34c36e15"]');
    expect(await view.getAttribute("open")).not.toBeNull();
    const highlights = await view.locator(".raw .hl").evaluateAll((els) =>
      els.map((el) => ({ label: el.querySelector(".lbl")!.textContent, text: el.querySelector("del")!.textContent!.slice(0, 40), reason: el.querySelector(".why")!.textContent, title: el.getAttribute("title") })),
    );
    expect(highlights).toEqual([
      { label: "icons/font-names", text: "icon bookmark-bicon bookmarkicon camerai", reason: "a line of icon-font glyph names", title: "icons/font-names (icons) at 1:1: a line of icon-font glyph names" },
      { label: "meta/timestamp → timestamp", text: "7 Apr, 2016 05:27", reason: "a line holding only a date or time", title: "meta/timestamp (timestamps) at 2:1: a line holding only a date or time (moved to timestamp)" },
      { label: "dup/title", text: "We need to talk… Stoltenberg says NATO s", reason: "the title repeated", title: "dup/title (duplicates) at 6:1: the title repeated" },
    ]);
    // In place: the view without its labels and reasons is the raw file, character for character.
    const shown = await view.locator(".raw").evaluate((el) => {
      const copy = el.cloneNode(true) as HTMLElement;
      copy.querySelectorAll(".lbl, .why").forEach((l) => l.remove());
      return copy.textContent;
    });
    expect(shown).toBe(await readFile(join(root, "raw/004_989369bf34c36e15.txt"), "utf8"));
    expect(await view.locator(".legend tbody tr").allInnerTexts()).toEqual([
      "1:1\ticons/font-names\ticons\ta line of icon-font glyph names",
      "2:1\tmeta/timestamp\ttimestamps\ta line holding only a date or time (moved to timestamp)",
      "6:1\tdup/title\tduplicates\tthe title repeated",
    ]);
  });

  it("made no network requests and raised no errors", async () => {
    expect(requests).toEqual([reportUrl]);
    expect(problems).toEqual([]);
  });

  it("pages through a table longer than one page", async () => {
    const dir = join(tmpdir(), "chaff-report-browser");
    const lines: string[] = [];
    for (let i = 0; i < 250; i++) {
      lines.push(JSON.stringify({ type: "removal", doc: "big", source: "big.txt", rule: "widget/share", stage: "widgets", reason: "r", start: i * 10, end: i * 10 + 5, line: i + 1, column: 1, text: `frag${i}` }));
    }
    lines.push(JSON.stringify({ type: "document", doc: "big", source: "big.txt", output: "o", pipeline: "news", chars: { in: 2500, out: 1250, removed: 1250 }, removals: { "widget/share": 250 }, edits: {}, meta: {} }));
    await writeFile(join(dir, "big.audit.jsonl"), lines.join("\n") + "\n");
    await writeReport(join(dir, "big.audit.jsonl"), join(dir, "big.html"), { sourcesDir: dir });
    const big = await browser.newPage();
    await big.goto(pathToFileURL(join(dir, "big.html")).href);
    const status = big.locator("#filter-status");
    expect(await status.textContent()).toBe("250 of 250 embedded fragments match — page 1 of 3");
    await big.click("#next");
    await big.click("#next");
    expect(await status.textContent()).toBe("250 of 250 embedded fragments match — page 3 of 3");
    expect(await big.locator("#fragments tbody tr td.text").allTextContents()).toEqual(Array.from({ length: 50 }, (_, i) => `frag${200 + i}`));
    expect(await big.locator("#next").isDisabled()).toBe(true);
    await big.fill("#filter-text", "frag24");
    expect(await big.locator("#fragments tbody tr td.text").allTextContents()).toEqual(["frag24", ...Array.from({ length: 10 }, (_, i) => `frag${240 + i}`)]);
    await big.close();
  });

  it("keeps a screenshot for the README", async () => {
    await mkdir(join(root, "docs"), { recursive: true });
    await page.selectOption("#filter-rule", "dup/title");
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(root, "docs/report.png"), fullPage: true });
    expect(existsSync(join(root, "docs/report.png"))).toBe(true);
  });
});
