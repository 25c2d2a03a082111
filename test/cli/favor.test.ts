// --favor precision|recall: presets of the html and web-text pipelines, picked by name.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "../..");
const cli = join(root, "dist/cli.js");
const chaff = (args: string[], input?: string) => spawnSync(process.execPath, [cli, ...args], { cwd: root, input, encoding: "utf8" });
const tmp = () => mkdtempSync(join(tmpdir(), "chaff-favor-"));
const pipelineOf = (name: string) => JSON.parse(readFileSync(join(root, "pipelines", `${name}.json`), "utf8"));

describe("--favor", { timeout: 180_000 }, () => {
  it("cleans HTML with html-<favor> and web-text with web-text-<favor>; other pipelines stay as they are", () => {
    const dir = tmp();
    mkdirSync(join(dir, "in"));
    writeFileSync(join(dir, "in/a.html"), readFileSync(join(root, "test/fixtures/format/news.html")));
    writeFileSync(join(dir, "in/b.txt"), "Email Print\nThe council said on Monday that the wall would be extended by two hundred metres.\n");
    for (const [favor, extra, expected] of [
      ["precision", [], { html: "html-precision", text: "news" }],
      ["recall", [], { html: "html-recall", text: "news" }],
      ["recall", ["--pipeline", "web-text"], { html: "web-text-recall", text: "web-text-recall" }],
    ] as const) {
      const run = chaff(["clean", join(dir, "in"), "--out", join(dir, `out-${favor}`), "--favor", favor, "--summary", join(dir, "s.json"), "--quiet", "--jobs", "1", ...extra]);
      expect(run.stderr).toBe("");
      expect(JSON.parse(readFileSync(join(dir, "s.json"), "utf8")).pipelines).toEqual(expected);
    }
  }, 240_000);

  it("the presets differ from their pipeline as their descriptions say", () => {
    const uses = (name: string) => pipelineOf(name).stages.map((s: { use: string }) => s.use);
    expect(uses("html-precision")).toEqual(["html-blocks", "boilerplate-phrases", ...uses("html").slice(1), "duplicates"]);
    expect(uses("html-recall")).toEqual(uses("html").filter((u: string) => u !== "captions"));
    expect(pipelineOf("html-recall").stages[0].options.disable).toEqual(["html/standfirst", "html/byline", "html/link-block", "caption/credit"]);
    expect(uses("web-text-precision")).toEqual([...uses("web-text").slice(0, 4), "widgets", "promos", "icons", "comments", ...uses("web-text").slice(4)]);
    const linesOf = (name: string) => pipelineOf(name).stages.find((s: { use: string }) => s.use === "boilerplate-lines");
    expect(linesOf("web-text-precision")).toEqual({ use: "boilerplate-lines", options: { linePenalty: 25 } });
    expect(linesOf("web-text-recall")).toEqual({ use: "boilerplate-lines", options: { keepTitle: true, linePenalty: 8 } });
    expect(uses("web-text-recall")).toEqual(uses("web-text").filter((u: string) => u !== "duplicates"));
  });

  it("is refused with a bad value, or when no pipeline of the run has presets", () => {
    expect(chaff(["clean", "-", "--favor", "speed"], "x").stderr).toBe('chaff: clean: --favor must be precision or recall, got "speed"\n');
    const run = chaff(["clean", "-", "--pipeline", "news", "--favor", "recall"], "x");
    expect(run.status).toBe(2);
    expect(run.stderr).toBe("chaff: clean: --favor has presets for the html and web-text pipelines only (pipelines/<name>-recall.json); edit a copy of your pipeline instead\n");
  });
});
