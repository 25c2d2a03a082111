// Corpus stages over a sharded run: the shards clean their documents, `chaff corpus` runs the
// corpus stages once over all their outputs, and the result is the unsharded run's, byte for byte.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { filesUnder, tempDir } from "../helpers/corpus.js";

const CLI = join(import.meta.dirname, "../../dist/cli.js");

function chaff(args: string[], cwd: string) {
  const run = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: "utf8" });
  return { status: run.status, stderr: run.stderr };
}

const removalsOf = (path: string) =>
  readFileSync(path, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l))
    .filter((r) => String(r.rule).startsWith("corpus/"))
    .map((r) => ({ rule: r.rule, doc: r.doc, text: r.text, features: r.features, duplicateOf: r.duplicateOf }));

/** Two sites (folders) of pages sharing a footer, and a story that one site reprints on the other's page. */
function writeCorpus(dir: string): void {
  const topics = ["harbour", "budget", "school", "railway", "museum", "election", "library", "bridge"];
  const story =
    "The council voted on Tuesday to rebuild the old harbour wall before the winter storms arrive, after engineers warned that the stones had shifted by more than a metre in two places and could give way in a strong gale this year. " +
    "Work is to start in March and to last until the end of the summer, the mayor said, and the ferry to the islands will leave from the northern pier while the builders are at work on the southern side of the harbour.";
  for (const [site, footer] of [
    ["north", ["Home | World | Business | Sport", "North Gazette, 12 Harbour Street, Springfield"]],
    ["south", ["News | Opinion | Culture | Travel", "South Courier Ltd, all content owned by the courier group"]],
  ] as const) {
    mkdirSync(join(dir, "in", site), { recursive: true });
    topics.forEach((topic, i) => {
      const body = site === "south" && i === 5 ? story : `Readers of the ${topic} report in the ${site} learned what the council decided about the ${topic} this week, and why.`;
      writeFileSync(join(dir, "in", site, `${topic}.txt`), [`The ${topic} story of the ${site}`, body, ...footer].join("\n") + "\n");
    });
  }
  writeFileSync(join(dir, "in", "north", "reprint.txt"), ["The election story, reprinted", story, "Home | World | Business | Sport"].join("\n") + "\n");
}

describe("corpus stages over shards", () => {
  it("give the unsharded run's outputs and corpus removals, run once by chaff corpus after every shard", { timeout: 240_000 }, () => {
    const dir = tempDir("chaff-corpus-shards-");
    writeCorpus(dir);
    expect(chaff(["clean", "in", "--out", "whole", "--pipeline", "news-corpus", "--quiet"], dir).status).toBe(0);

    const first = chaff(["clean", "in", "--out", "sharded", "--pipeline", "news-corpus", "--shard", "0/2"], dir);
    expect(first.status).toBe(0);
    expect(first.stderr).toContain("chaff: shard 0 of 2: the corpus stages run once every shard has finished: chaff corpus in --out sharded --pipeline news-corpus\n");
    // Before the last shard: refused, nothing changed.
    const early = chaff(["corpus", "in", "--out", "sharded", "--pipeline", "news-corpus"], dir);
    expect(early).toEqual({ status: 2, stderr: "chaff: corpus: shards 1 of 2 have not finished: clean them first\n" });
    expect(chaff(["clean", "in", "--out", "sharded", "--pipeline", "news-corpus", "--shard", "1/2", "--quiet"], dir).status).toBe(0);
    const step = chaff(["corpus", "in", "--out", "sharded", "--pipeline", "news-corpus"], dir);
    expect(step.status).toBe(0);
    expect(step.stderr).toContain("chaff: corpus pass 1 of 3: counting lines per site");

    const outputs = (root: string) => filesUnder(join(dir, root), { skip: ["_chaff"] });
    expect(Object.keys(outputs("sharded")).sort()).toEqual(Object.keys(outputs("whole")).sort());
    expect(outputs("sharded")).toEqual(outputs("whole"));
    const whole = removalsOf(join(dir, "whole.audit.jsonl"));
    expect(whole.filter((r) => r.rule === "corpus/near-duplicate")).toEqual([
      { rule: "corpus/near-duplicate", doc: "south/election", text: expect.any(String), features: undefined, duplicateOf: "north/reprint" },
    ]);
    expect(whole.filter((r) => r.rule === "corpus/site-repeated").length).toBeGreaterThanOrEqual(16);
    expect(removalsOf(join(dir, "sharded/_chaff/corpus.audit.jsonl"))).toEqual(whole);

    // The report reads the shards' audits and the step's as one, and lists the cluster under its kept document.
    expect(chaff(["report", "sharded", "--out", "report.html"], dir).status).toBe(0);
    const html = readFileSync(join(dir, "report.html"), "utf8");
    expect(html).toContain('<section id="near-duplicates"><h2>Near-duplicate documents</h2>\n<p class="note">1 document left out as near-duplicates of a kept document (rule <code>corpus/near-duplicate</code>).</p>');
    expect(html).toMatch(/<tr><td rowspan="1"><b>north\/reprint<\/b><\/td><td>south\/election<\/td><td class="muted">[^<]*south\/election\.txt<\/td><td class="num">0\.\d\d<\/td><\/tr>/);

    // Once applied, a second step changes nothing.
    const before = outputs("sharded");
    const again = chaff(["corpus", "in", "--out", "sharded", "--pipeline", "news-corpus"], dir);
    expect(again.status).toBe(0);
    expect(again.stderr).toMatch(/^chaff: corpus: the corpus stages already ran over these shards' outputs \(.*corpus\.summary\.json\)\n$/);
    expect(outputs("sharded")).toEqual(before);

    // merge-summary adds the corpus step to the shards' counts.
    const merged = spawnSync(process.execPath, [CLI, "merge-summary", "sharded", "--out", "merged.json"], { cwd: dir, encoding: "utf8" });
    expect(merged.status).toBe(0);
    const summary = JSON.parse(readFileSync(join(dir, "merged.json"), "utf8"));
    expect(summary.rules["corpus/near-duplicate"]).toBe(1);
    expect(summary.corpus.nearDuplicates).toBe(1);

    // One shard cleaned again after the step: its outputs are fresh, the other's are not; refused.
    const later = Date.now() / 1000 + 5;
    utimesSync(join(dir, "in/south/budget.txt"), later, later);
    expect(chaff(["clean", "in", "--out", "sharded", "--pipeline", "news-corpus", "--shard", "1/2", "--force", "--quiet"], dir).status).toBe(0);
    const mixed = chaff(["corpus", "in", "--out", "sharded", "--pipeline", "news-corpus"], dir);
    expect(mixed.status).toBe(2);
    expect(mixed.stderr).toMatch(/^chaff: corpus: only some shards were cleaned again since the corpus stages ran over .*sharded: clean every shard again with --force, then run chaff corpus\n$/);
  });

  it("is refused with --resume alone, and for a pipeline without corpus stages", () => {
    const dir = tempDir("chaff-corpus-resume-");
    writeFileSync(join(dir, "a.txt"), "One line of text that ends here.\n");
    const resumed = chaff(["clean", "a.txt", "--out", "out", "--pipeline", "news-corpus", "--resume"], dir);
    expect(resumed.status).toBe(2);
    expect(resumed.stderr).toBe(
      "chaff: clean: the pipeline's corpus stages change the outputs of the whole run, which --resume would then read again: run without --resume, or in shards followed by `chaff corpus`\n",
    );
    expect(chaff(["corpus", "a.txt", "--out", "out", "--pipeline", "news"], dir)).toEqual({ status: 2, stderr: "chaff: corpus: pipeline news has no corpus stages\n" });
  });
});
