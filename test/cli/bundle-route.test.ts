// The command line runs from a bundle (scripts/bundle.mjs) that holds its own copy of linkedom,
// built with chaff's EventTarget; the library and these tests load linkedom from node_modules.
// Whatever chaff changes on linkedom must take effect on both copies: each fixture page cleaned
// by the command line gives the text and audit the library's code gives.
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { htmlToDocument } from "../../src/read/html-route.js";
import { loadPipeline } from "../../src/run/pipeline-file.js";
import { cleanTask } from "../../src/run/task.js";
import { tempDir } from "../helpers/corpus.js";

const ROOT = join(import.meta.dirname, "../..");
const FIXTURES = join(ROOT, "test/fixtures/html");
const pages = readdirSync(FIXTURES).filter((f) => f.endsWith(".html")).sort();
const html = loadPipeline("html");

describe("the bundled HTML route", () => {
  it("cleans every fixture page to the bytes the library's code gives", { timeout: 60_000 }, async () => {
    const dir = tempDir("chaff-bundle-route-");
    const run = spawnSync(process.execPath, [join(ROOT, "dist/bin.cjs"), "clean", FIXTURES, "--out", join(dir, "out"), "--audit", join(dir, "audit.jsonl"), "--jobs", "1", "--quiet"], { encoding: "utf8" });
    expect(run.status, run.stderr).toBe(0);
    const audit = readFileSync(join(dir, "audit.jsonl"), "utf8");
    expect(pages.length).toBeGreaterThan(3);
    for (const page of pages) {
      const id = page.replace(/\.html$/, "");
      const output = join(dir, "out", `${id}.txt`);
      const outcome = await cleanTask({ id, source: join(FIXTURES, page), output, route: "html", content: readFileSync(join(FIXTURES, page)), shape: "text" }, { text: html, html }, htmlToDocument);
      expect(readFileSync(output, "utf8"), page).toBe(outcome.body);
      const lines = audit.split("\n").filter((l) => l.includes(`"doc":${JSON.stringify(id)}`));
      expect(lines.join("\n") + "\n", page).toBe(outcome.audit);
    }
  });
});
