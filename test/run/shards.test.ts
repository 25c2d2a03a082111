// The shard contract: every file in exactly one shard, balanced by size, the same plan
// whatever the order the files are listed in, and shard indexes read from each engine.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assignShards, filesOfShard, parseShardFlag, resolveShard, ShardError, type ShardableFile } from "../../src/run/shards.js";

const fileList = fc.uniqueArray(fc.record({ key: fc.string({ minLength: 1, maxLength: 12 }), size: fc.nat({ max: 1e9 }) }), { selector: (f) => f.key, maxLength: 200 });

describe("assignShards", () => {
  it("puts every file in exactly one shard, and the shards' files add up to the list", () => {
    fc.assert(
      fc.property(fileList, fc.integer({ min: 1, max: 40 }), (files, count) => {
        const assigned = assignShards(files, count);
        expect(assigned).toHaveLength(files.length);
        for (const s of assigned) expect(s >= 0 && s < count && Number.isInteger(s)).toBe(true);
        const union = Array.from({ length: count }, (_, index) => filesOfShard(files, { index, count, from: "flag" as const })).flat();
        expect(union.map((f) => f.key).sort()).toEqual(files.map((f) => f.key).sort());
      }),
    );
  });

  it("is balanced by size: the heaviest shard exceeds the lightest by at most the largest file", () => {
    fc.assert(
      fc.property(fileList, fc.integer({ min: 1, max: 40 }), (files, count) => {
        const assigned = assignShards(files, count);
        const load = new Array<number>(count).fill(0);
        files.forEach((f, i) => (load[assigned[i]!]! += f.size));
        const largest = Math.max(0, ...files.map((f) => f.size));
        expect(Math.max(...load) - Math.min(...load)).toBeLessThanOrEqual(largest);
      }),
    );
  });

  it("depends only on the files, not on the order they are listed in", () => {
    fc.assert(
      fc.property(fileList, fc.integer({ min: 1, max: 12 }), fc.nat(), (files, count, seed) => {
        const shuffled = [...files].sort((a, b) => ((a.key.charCodeAt(0) * 31 + seed) % 97) - ((b.key.charCodeAt(0) * 31 + seed) % 97));
        const byKey = (list: ShardableFile[]) => {
          const assigned = assignShards(list, count);
          return Object.fromEntries(list.map((f, i) => [f.key, assigned[i]]));
        };
        expect(byKey(shuffled)).toEqual(byKey(files));
      }),
    );
  });

  it("spreads one large and many small files: the large one has a shard of its own", () => {
    const files = [{ key: "big.warc.gz", size: 1000 }, ...Array.from({ length: 10 }, (_, i) => ({ key: `small-${i}.jsonl`, size: 100 }))];
    const assigned = assignShards(files, 2);
    expect(assigned[0]).toBe(0);
    expect(assigned.slice(1).every((s) => s === 1)).toBe(true);
  });
});

describe("resolveShard", () => {
  it("reads --shard K/N", () => {
    expect(parseShardFlag("2/5")).toEqual({ index: 2, count: 5, from: "flag" });
    expect(() => parseShardFlag("5/5")).toThrow("shard 5 does not exist in a run of 5 shards (indexes are 0 to 4)");
    expect(() => parseShardFlag("1-of-4")).toThrow('--shard takes K/N (shard K of N, K from 0), got "1-of-4"');
    expect(() => parseShardFlag("0/0")).toThrow("the number of shards must be at least 1, got 0");
  });

  it("is unsharded when nothing says otherwise", () => {
    expect(resolveShard(undefined, undefined, {})).toBeUndefined();
  });

  it("reads a Slurm job array, also one that does not start at 0 or steps", () => {
    expect(resolveShard(undefined, undefined, { SLURM_ARRAY_TASK_ID: "3", SLURM_ARRAY_TASK_COUNT: "4", SLURM_ARRAY_TASK_MIN: "0" })).toEqual({ index: 3, count: 4, from: "slurm" });
    expect(resolveShard(undefined, undefined, { SLURM_ARRAY_TASK_ID: "7", SLURM_ARRAY_TASK_COUNT: "4", SLURM_ARRAY_TASK_MIN: "5" })).toEqual({ index: 2, count: 4, from: "slurm" });
    expect(resolveShard(undefined, undefined, { SLURM_ARRAY_TASK_ID: "8", SLURM_ARRAY_TASK_COUNT: "4", SLURM_ARRAY_TASK_MIN: "2", SLURM_ARRAY_TASK_STEP: "2" })).toEqual({ index: 3, count: 4, from: "slurm" });
    expect(() => resolveShard(undefined, undefined, { SLURM_ARRAY_TASK_ID: "3" })).toThrow("SLURM_ARRAY_TASK_ID is set but SLURM_ARRAY_TASK_COUNT is not: give --shards N");
  });

  it("reads Kubernetes Indexed Jobs and AWS Batch array jobs with --shards", () => {
    expect(resolveShard(undefined, 8, { JOB_COMPLETION_INDEX: "5" })).toEqual({ index: 5, count: 8, from: "kubernetes" });
    expect(resolveShard(undefined, 3, { AWS_BATCH_JOB_ARRAY_INDEX: "0" })).toEqual({ index: 0, count: 3, from: "aws-batch" });
    expect(() => resolveShard(undefined, undefined, { JOB_COMPLETION_INDEX: "5" })).toThrow("JOB_COMPLETION_INDEX is set: give --shards N, the job's number of completions");
    expect(() => resolveShard(undefined, 4, { JOB_COMPLETION_INDEX: "4" })).toThrow(ShardError);
  });

  it("prefers --shard to the environment and refuses --shards without an index", () => {
    expect(resolveShard("1/2", undefined, { JOB_COMPLETION_INDEX: "5" })).toEqual({ index: 1, count: 2, from: "flag" });
    expect(() => resolveShard("1/2", 3, {})).toThrow("--shard 1/2 and --shards 3 disagree");
    expect(() => resolveShard(undefined, 3, {})).toThrow("--shards N needs a shard index");
  });
});
