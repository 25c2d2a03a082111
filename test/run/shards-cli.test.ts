// Shards and resume through the built CLI: the union of the shards' outputs is the
// unsharded run's, byte for byte, whatever the number of shards or the engine that set
// the index; a run killed with SIGKILL and rerun ends with the same outputs, audit and
// rejects as one that was never interrupted, and does less work.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { join, relative } from "node:path";
import { parse as parseYaml } from "yaml";
import { describe, expect, it } from "vitest";
import { filesUnder, seedTexts, tempDir } from "../helpers/corpus.js";
import { shebangFlags } from "../../bench/base-tree.js";

const ROOT = join(import.meta.dirname, "../..");
const CLI = join(ROOT, "dist/cli.js");

function chaff(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) {
  const run = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: "utf8", env: { ...process.env, SLURM_ARRAY_TASK_ID: "", JOB_COMPLETION_INDEX: "", AWS_BATCH_JOB_ARRAY_INDEX: "", ...env } });
  return { status: run.status, stderr: run.stderr, stdout: run.stdout };
}

/** Clean files under `dir` by relative path (the `_chaff/` state folder left out). */
const outputs = (dir: string) => filesUnder(dir, { skip: ["_chaff"] });

/** Audit lines of a folder of shard audits (or one audit file), sorted: shards split the lines, never change them. */
function auditLines(path: string): string[] {
  const files = statSync(path).isDirectory() ? readdirSync(path).filter((n) => n.endsWith(".audit.jsonl")).map((n) => join(path, n)) : [path];
  return files.flatMap((f) => readFileSync(f, "utf8").split("\n").filter(Boolean)).sort();
}

/**
 * A tree of text files of mixed sizes (the seeds, and `extra` more made from them with a line
 * of their own), and a JSONL corpus with one malformed line. Nothing outside the repository.
 */
function writeCorpus(dir: string, extra = 24): void {
  mkdirSync(join(dir, "in/news"), { recursive: true });
  const seeds = seedTexts();
  for (const s of seeds) writeFileSync(join(dir, "in/news", `${s.name}.txt`), s.text);
  for (let i = 0; i < extra; i++) {
    const seed = seeds[i % seeds.length]!;
    const text = seed.text.repeat(1 + (i % 3)) + `\nThis is report number ${i}, which ends here.\n`;
    writeFileSync(join(dir, "in", `report-${String(i).padStart(3, "0")}.txt`), text);
  }
  const lines = seeds.map((s, i) => JSON.stringify({ id: `r${i}`, text: s.text }));
  lines.splice(2, 0, "{oops");
  writeFileSync(join(dir, "in/records.jsonl"), lines.join("\n") + "\n");
}

describe("chaff clean --shard", { timeout: 180_000 }, () => {
  const dir = tempDir("chaff-shards-");
  writeCorpus(dir);
  const whole = chaff(["clean", "in", "--out", "whole", "--jobs", "1", "-q"], dir);

  it.each([1, 3, 4])("%i shards write the unsharded run's outputs and audit lines, and nothing twice", (count) => {
    expect(whole.status).toBe(0);
    const out = `out-${count}`;
    for (let k = 0; k < count; k++) {
      const run = chaff(["clean", "in", "--out", out, "--shard", `${k}/${count}`, "--jobs", "1"], dir);
      expect(run.status).toBe(0);
      expect(run.stderr).toContain(`chaff: shard ${k} of ${count} (from --shard)`);
    }
    // The audit says where each output went: the same relative folder name makes the lines comparable.
    const rename = (lines: string[]) => lines.map((l) => l.replaceAll(`"${out}/`, '"whole/'));
    expect(outputs(join(dir, out))).toEqual(outputs(join(dir, "whole")));
    expect(rename(auditLines(join(dir, out, "_chaff")))).toEqual(auditLines(join(dir, "whole.audit.jsonl")));
    const rejects = readdirSync(join(dir, out, "_chaff")).filter((n) => n.endsWith(".rejects.jsonl"));
    expect(rejects.flatMap((n) => readFileSync(join(dir, out, "_chaff", n), "utf8").split("\n").filter(Boolean))).toEqual(readFileSync(join(dir, "whole.rejects.jsonl"), "utf8").split("\n").filter(Boolean));
    expect(readdirSync(join(dir, out, "_chaff")).filter((n) => n.endsWith(".summary.json"))).toHaveLength(count);
  });

  it("merge-summary adds the shards up to the unsharded counts; report reads the shard audits as one", () => {
    chaff(["clean", "in", "--out", "whole-summary", "--summary", "whole-summary.json", "--jobs", "1", "-q"], dir);
    const expected = JSON.parse(readFileSync(join(dir, "whole-summary.json"), "utf8"));
    const merged = chaff(["merge-summary", "out-3", "--out", "merged.json"], dir);
    expect(merged.status).toBe(0);
    const summary = JSON.parse(readFileSync(join(dir, "merged.json"), "utf8"));
    for (const key of ["documents", "rejects", "chars", "rules", "stages", "files"]) expect(summary[key]).toEqual(expected[key]);
    expect(merged.stdout).toContain(`chaff: ${expected.documents} documents`);
    const report = chaff(["report", "out-3", "--out", "report.html"], dir);
    expect(report.status).toBe(0);
    const removals = auditLines(join(dir, "whole.audit.jsonl")).filter((l) => l.includes('"type":"removal"')).length;
    expect(report.stderr).toContain(`${expected.documents} documents, ${removals} removals`);
  });

  it("reads its shard from Kubernetes and AWS Batch indexes with --shards, as the example Job sets them", () => {
    const job = parseYaml(readFileSync(join(ROOT, "examples/kubernetes/clean-job.yaml"), "utf8"));
    expect(job.kind).toBe("Job");
    expect(job.spec.completionMode).toBe("Indexed");
    // node runs the file, so the command carries the flags dist/bin.cjs's shebang would give.
    expect(job.spec.template.spec.containers[0].command).toEqual(["node", ...shebangFlags(readFileSync(join(ROOT, "src/bin.cts"), "utf8")), "dist/bin.cjs"]);
    const args: string[] = job.spec.template.spec.containers[0].args;
    expect(args[args.indexOf("--shards") + 1]).toBe(String(job.spec.completions));
    for (let k = 0; k < 3; k++) {
      const run = chaff(["clean", "in", "--out", "out-k8s", "--shards", "3", "--jobs", "1", "-q"], dir, { JOB_COMPLETION_INDEX: String(k) });
      expect(run.status).toBe(0);
    }
    expect(outputs(join(dir, "out-k8s"))).toEqual(outputs(join(dir, "whole")));
    const aws = chaff(["clean", "in", "--out", "out-aws", "--shards", "2", "--jobs", "1"], dir, { AWS_BATCH_JOB_ARRAY_INDEX: "1" });
    expect(aws.stderr).toContain("chaff: shard 1 of 2 (from aws-batch)");
    const missing = chaff(["clean", "in", "--out", "out-k8s2", "--jobs", "1"], dir, { JOB_COMPLETION_INDEX: "1" });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe("chaff: clean: JOB_COMPLETION_INDEX is set: give --shards N, the job's number of completions\n");
  });

  it("refuses one audit file for all shards, and a second task on a shard that is running", () => {
    const shared = chaff(["clean", "in", "--out", "out-x", "--shard", "0/2", "--audit", "a.jsonl"], dir);
    expect(shared.status).toBe(2);
    expect(shared.stderr).toContain("--audit, --rejects and --summary cannot be set with shards");
    expect(existsSync(join(dir, "out-x"))).toBe(false);
    // A live process (this test) holds shard 1's lock.
    mkdirSync(join(dir, "out-lock/_chaff"), { recursive: true });
    const lock = join(dir, "out-lock/_chaff/shard-00001-of-00002.lock");
    writeFileSync(lock, JSON.stringify({ host: hostname(), pid: process.pid }) + "\n");
    const second = chaff(["clean", "in", "--out", "out-lock", "--shard", "1/2", "--jobs", "1"], dir);
    expect(second.status).toBe(2);
    expect(second.stderr).toContain(`shard-00001-of-00002 is already being cleaned into this folder by process ${process.pid}`);
    expect(readdirSync(join(dir, "out-lock"))).toEqual(["_chaff"]);
    // A lock whose process is gone is taken over.
    writeFileSync(lock, JSON.stringify({ host: hostname(), pid: 2 ** 22 + 7 }) + "\n");
    expect(chaff(["clean", "in", "--out", "out-lock", "--shard", "1/2", "--jobs", "1", "-q"], dir).status).toBe(0);
    expect(existsSync(lock)).toBe(false);
  });
});

describe("chaff clean --resume", { timeout: 180_000 }, () => {
  it("after kill -9, a rerun skips the completed files and ends with the uninterrupted run's outputs, audit and rejects", async () => {
    const dir = tempDir("chaff-resume-");
    writeCorpus(dir, 80);
    expect(chaff(["clean", "in", "--out", "whole", "--jobs", "1", "-q"], dir).status).toBe(0);

    const child = spawn(process.execPath, [CLI, "clean", "in", "--out", "out", "--resume", "--jobs", "1", "-q"], { cwd: dir, stdio: "ignore" });
    const done = join(dir, "out/_chaff/done");
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once("exit", (_code, signal) => resolve(signal)));
    // Kill it once a few files are complete (polling, so a slow machine only waits longer).
    while (!(existsSync(done) && readdirSync(done).length >= 5) && child.exitCode === null) await new Promise((r) => setTimeout(r, 5));
    child.kill("SIGKILL");
    expect(await exited).toBe("SIGKILL");
    const completedBefore = readdirSync(done).filter((n) => n.endsWith(".json")).length;
    const total = readdirSync(join(dir, "in"), { recursive: true }).filter((n) => String(n).includes(".")).length;
    expect(completedBefore).toBeLessThan(total);

    const rerun = chaff(["clean", "in", "--out", "out", "--resume", "--jobs", "1"], dir);
    expect(rerun.status).toBe(0);
    expect(rerun.stderr).toContain(`chaff: skipped ${completedBefore} input files an earlier run completed`);
    const rename = (text: string) => text.replaceAll('"out/', '"whole/');
    expect(outputs(join(dir, "out"))).toEqual(outputs(join(dir, "whole")));
    expect(rename(readFileSync(join(dir, "out.audit.jsonl"), "utf8"))).toBe(readFileSync(join(dir, "whole.audit.jsonl"), "utf8"));
    expect(readFileSync(join(dir, "out.rejects.jsonl"), "utf8")).toBe(readFileSync(join(dir, "whole.rejects.jsonl"), "utf8"));
    // Nothing half-written is left behind.
    const leftovers = readdirSync(dir, { recursive: true }).map(String).filter((n) => n.includes(".tmp-"));
    expect(leftovers).toEqual([]);
  });

  it("redoes a file that changed, everything when the pipeline changes, and everything with --force", () => {
    const dir = tempDir("chaff-resume2-");
    writeCorpus(dir, 3);
    const files = 5 + 3 + 1;
    expect(chaff(["clean", "in", "--out", "out", "--resume", "--jobs", "1", "-q"], dir).status).toBe(0);
    expect(chaff(["clean", "in", "--out", "out", "--resume", "--jobs", "1"], dir).stderr).toContain(`chaff: skipped ${files} input files`);
    writeFileSync(join(dir, "in/news/000_7bd7e195d798df8e.txt"), "A new first line that ends a sentence.\n", { flag: "a" });
    expect(chaff(["clean", "in", "--out", "out", "--resume", "--jobs", "1"], dir).stderr).toContain(`chaff: skipped ${files - 1} input files`);
    expect(readFileSync(join(dir, "out/news/000_7bd7e195d798df8e.txt"), "utf8")).toContain("A new first line that ends a sentence.");
    const other = chaff(["clean", "in", "--out", "out", "--resume", "--pipeline", "web-text", "--jobs", "1"], dir);
    expect(other.stderr).not.toContain("skipped");
    expect(chaff(["clean", "in", "--out", "out", "--resume", "--pipeline", "web-text", "--force", "--jobs", "1"], dir).stderr).not.toContain("skipped");
    expect(chaff(["clean", "in", "--out", "out", "--force"], dir).stderr).toBe("chaff: clean: --force only applies to resumable runs (--resume, or a shard)\n");
  });
});

// A real single-node Slurm cluster, started by .ci/slurm-up (CI runs it; locally the test
// runs when SLURM_CONF points at a running cluster).
const slurm = process.env.SLURM_CONF && existsSync(process.env.SLURM_CONF);
if (!slurm && process.env.CI) throw new Error("CI must start Slurm (.ci/slurm-up) and export SLURM_CONF for the job-array test");

describe.skipIf(!slurm)("a Slurm job array", () => {
  it("sbatch --array=0-3 of examples/slurm/clean.sbatch writes the unsharded run's outputs", () => {
    const dir = tempDir("chaff-slurm-");
    writeCorpus(dir);
    expect(chaff(["clean", "in", "--out", "whole", "--jobs", "1", "-q"], dir).status).toBe(0);
    const sbatch = spawnSync("sbatch", ["--wait", "--array=0-3", "--cpus-per-task=1", "--mem=400M", `--output=${dir}/slurm-%a.log`, join(ROOT, "examples/slurm/clean.sbatch"), join(dir, "in"), join(dir, "out")], {
      cwd: dir,
      encoding: "utf8",
      env: { ...process.env, CHAFF: `${process.execPath} ${CLI}` },
      timeout: 300_000,
    });
    const logs = readdirSync(dir).filter((n) => n.startsWith("slurm-")).map((n) => readFileSync(join(dir, n), "utf8")).join("\n");
    expect(sbatch.status, sbatch.stderr + logs).toBe(0);
    expect(outputs(join(dir, "out"))).toEqual(outputs(join(dir, "whole")));
    const summaries = readdirSync(join(dir, "out/_chaff")).filter((n) => n.endsWith(".summary.json")).sort();
    expect(summaries).toEqual([0, 1, 2, 3].map((k) => `shard-0000${k}-of-00004.summary.json`));
    for (const name of summaries) expect(JSON.parse(readFileSync(join(dir, "out/_chaff", name), "utf8")).shard.from).toBe("slurm");
    const merged = chaff(["merge-summary", "out"], dir);
    expect(merged.status).toBe(0);
  }, 320_000);

  it("a corpus pipeline: the clean array, then examples/slurm/corpus.sbatch after it (afterok), gives the unsharded run's outputs", () => {
    const dir = tempDir("chaff-slurm-corpus-");
    writeCorpus(dir);
    expect(chaff(["clean", "in", "--out", "whole", "--pipeline", "news-corpus", "--jobs", "1", "-q"], dir).status).toBe(0);
    const env = { ...process.env, CHAFF: `${process.execPath} ${CLI}` };
    const array = spawnSync("sbatch", ["--parsable", "--array=0-1", "--cpus-per-task=1", "--mem=400M", `--output=${dir}/slurm-%a.log`, join(ROOT, "examples/slurm/clean.sbatch"), join(dir, "in"), join(dir, "out"), "--pipeline", "news-corpus"], { cwd: dir, encoding: "utf8", env });
    expect(array.status, array.stderr).toBe(0);
    const arrayId = array.stdout.trim().split(";")[0]!;
    const step = spawnSync("sbatch", ["--wait", `--dependency=afterok:${arrayId}`, "--mem=400M", `--output=${dir}/slurm-corpus.log`, join(ROOT, "examples/slurm/corpus.sbatch"), join(dir, "in"), join(dir, "out"), "--pipeline", "news-corpus"], { cwd: dir, encoding: "utf8", env, timeout: 300_000 });
    const logs = readdirSync(dir).filter((n) => n.startsWith("slurm-")).map((n) => readFileSync(join(dir, n), "utf8")).join("\n");
    expect(step.status, step.stderr + logs).toBe(0);
    expect(outputs(join(dir, "out"))).toEqual(outputs(join(dir, "whole")));
    expect(existsSync(join(dir, "out/_chaff/corpus.summary.json"))).toBe(true);
  }, 320_000);
});
