// `chaff clean -`: HTML recognised (or --html), JSON lines with --jsonl, the options that apply
// honoured and the others refused, and a reader that stops early (`| head`) ending it quietly.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "../..");
const cli = join(root, "dist/cli.js");
const page = readFileSync(join(root, "test/fixtures/format/news.html"), "utf8");
const chaff = (args: string[], input?: string) => spawnSync(process.execPath, [cli, ...args], { cwd: root, input, encoding: "utf8" });
const tmp = () => mkdtempSync(join(tmpdir(), "chaff-stdin-"));
const STORY = "The council said on Monday that the harbour wall would be extended by two hundred metres next spring.";

describe("chaff clean - (stdin)", { timeout: 180_000 }, () => {
  it("recognises an HTML page and extracts its article, as a file of it would be", () => {
    const dir = tmp();
    writeFileSync(join(dir, "news.html"), page);
    expect(chaff(["clean", join(dir, "news.html"), "--out", join(dir, "out"), "--quiet"]).status).toBe(0);
    const run = chaff(["clean", "-"], page);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(readFileSync(join(dir, "out/news.txt"), "utf8"));
    expect(run.stdout).not.toContain("<");
  });

  it("--html takes a fragment as HTML; --text takes a page as text", () => {
    const fragment = `<div><p>${STORY}</p><p><a href="https://www.facebook.com/sharer/sharer.php?u=x">Facebook</a> <a href="whatsapp://send?text=x">WhatsApp</a></p></div>`;
    expect(chaff(["clean", "-"], fragment).stdout).toContain("<p>");
    const html = chaff(["clean", "-", "--html"], fragment);
    expect(html.stdout).toBe(STORY + "\n");
    expect(chaff(["clean", "-", "--text"], page).stdout).toContain("<title>");
  });

  it("--jsonl: one record per line to stdout, in the records' shape; bad lines named on stderr and in --rejects", () => {
    const dir = tmp();
    const input = [JSON.stringify({ id: "a", text: `Email Print\n${STORY}\n`, url: "https://x.example/a" }), "{broken", JSON.stringify({ id: "b", html: page })].join("\n") + "\n";
    const run = chaff(["clean", "-", "--jsonl", "--rejects", join(dir, "rejects.jsonl"), "--audit", join(dir, "audit.jsonl")], input);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe(`chaff: -#2: malformed JSON: Expected property name or '}' in JSON at position 1\nchaff: -#3: no "text" field\n`);
    const records = run.stdout.trim().split("\n").map((l) => JSON.parse(l));
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ id: "a", text: STORY + "\n", metadata: { url: "https://x.example/a", language: "en", chaff: { removals: { "widget/share": 1 } } } });
    expect(readFileSync(join(dir, "rejects.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l).line)).toEqual([2, 3]);
    const audit = readFileSync(join(dir, "audit.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l));
    expect(audit.find((r) => r.type === "document")).toMatchObject({ doc: "a", source: "-#1", output: "-#a" });
  });

  it("--jsonl with --text-field html and --format md: the HTML records as Markdown records", () => {
    const run = chaff(["clean", "-", "--jsonl", "--text-field", "html", "--format", "md"], JSON.stringify({ id: "b", html: page }) + "\n");
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).text).toBe(readFileSync(join(root, "test/fixtures/format/news.md"), "utf8"));
  });

  it("exits 1 naming the cause when every record is rejected (a wrong --text-field)", () => {
    const run = chaff(["clean", "-", "--jsonl"], JSON.stringify({ id: "b", html: page }) + "\n");
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('chaff: -#1: no "text" field\nchaff: -: every record was rejected: nothing was cleaned (is --text-field right?)\n');
  });

  it("writes --summary and honours --max-document-mb", () => {
    const dir = tmp();
    const run = chaff(["clean", "-", "--summary", join(dir, "summary.json")], `Email Print\n${STORY}\n`);
    expect(run.status).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, "summary.json"), "utf8"))).toMatchObject({ documents: 1, rules: { "widget/share": 1 } });
    const big = chaff(["clean", "-", "--max-document-mb", "1"], "x".repeat(1024 * 1024 + 1));
    expect(big.status).toBe(1);
    expect(big.stderr).toBe("chaff: -: too large: over the --max-document-mb cap of 1 MB\n");
    expect(big.stdout).toBe("");
  });

  it.each([
    [["--out", "o"], "--out (stdin is cleaned to stdout)"],
    [["--jobs", "2"], "--jobs (stdin is cleaned on the main thread)"],
    [["--timeout", "5"], "--timeout (stdin is cleaned on the main thread, which cannot be stopped)"],
    [["--shard", "0/2"], "--shard"],
    [["--resume"], "--resume"],
  ])("refuses %j, which does not apply to stdin", (args, name) => {
    const run = chaff(["clean", "-", ...args], STORY);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`chaff: clean -: ${name} does not apply to stdin\n`);
    expect(run.stdout).toBe("");
  });

  it("ends quietly when the reader stops early (| head): no EPIPE trace, status 0, the audit still written", () => {
    const dir = tmp();
    const lines = Array.from({ length: 3000 }, (_, i) => JSON.stringify({ id: `r${i}`, text: `${STORY} Record ${i}.\n` })).join("\n") + "\n";
    writeFileSync(join(dir, "in.jsonl"), lines);
    const run = spawnSync("bash", ["-c", `set -o pipefail; "${process.execPath}" "${cli}" clean - --jsonl --audit "${join(dir, "audit.jsonl")}" < "${join(dir, "in.jsonl")}" | head -c 100 > /dev/null`], { encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(existsSync(join(dir, "audit.jsonl"))).toBe(true);
  });
});
