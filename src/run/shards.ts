// The shard contract: shard K of N cleans a deterministic, size-balanced share of the
// sorted input files, whole files only. The shard comes from `--shard K/N` or from the
// batch engine's environment (Slurm job arrays, Kubernetes Indexed Jobs, AWS Batch array
// jobs), so no scheduler of chaff's own is needed.

export interface Shard {
  /** 0-based index of this shard. */
  index: number;
  /** Number of shards in the run. */
  count: number;
  /** Where the shard came from, for the summary. */
  from: "flag" | "slurm" | "kubernetes" | "aws-batch";
}

export class ShardError extends Error {}

/** Engines that set an index in the environment, in the order they are looked for. */
const ENGINES = [
  { from: "slurm", variable: "SLURM_ARRAY_TASK_ID" },
  { from: "kubernetes", variable: "JOB_COMPLETION_INDEX" },
  { from: "aws-batch", variable: "AWS_BATCH_JOB_ARRAY_INDEX" },
] as const;

function wholeNumber(value: string, what: string): number {
  if (!/^\d+$/.test(value.trim())) throw new ShardError(`${what} must be a whole number, got "${value}"`);
  return Number(value.trim());
}

function checked(shard: Shard): Shard {
  if (shard.count < 1) throw new ShardError(`the number of shards must be at least 1, got ${shard.count}`);
  if (shard.index >= shard.count) throw new ShardError(`shard ${shard.index} does not exist in a run of ${shard.count} shards (indexes are 0 to ${shard.count - 1})`);
  return shard;
}

/** Parses `K/N` as given to `--shard`. */
export function parseShardFlag(value: string): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
  if (!match) throw new ShardError(`--shard takes K/N (shard K of N, K from 0), got "${value}"`);
  return checked({ index: Number(match[1]), count: Number(match[2]), from: "flag" });
}

/**
 * The shard of this process: `--shard K/N` when given, else the engine's environment;
 * undefined when neither says (an unsharded run). `shards` is `--shards N`, which
 * Kubernetes and AWS Batch need because they do not export the array size.
 */
export function resolveShard(flag: string | undefined, shards: number | undefined, env: NodeJS.ProcessEnv = process.env): Shard | undefined {
  if (flag !== undefined) {
    const shard = parseShardFlag(flag);
    if (shards !== undefined && shards !== shard.count) throw new ShardError(`--shard ${flag} and --shards ${shards} disagree`);
    return shard;
  }
  for (const engine of ENGINES) {
    const raw = env[engine.variable];
    if (raw === undefined || raw === "") continue;
    const id = wholeNumber(raw, engine.variable);
    if (engine.from === "slurm") {
      // An array like --array=4-11:2 numbers its tasks 4, 6 ... 10: shard = (id - min) / step.
      const min = env.SLURM_ARRAY_TASK_MIN ? wholeNumber(env.SLURM_ARRAY_TASK_MIN, "SLURM_ARRAY_TASK_MIN") : 0;
      const step = env.SLURM_ARRAY_TASK_STEP ? wholeNumber(env.SLURM_ARRAY_TASK_STEP, "SLURM_ARRAY_TASK_STEP") : 1;
      const count = shards ?? (env.SLURM_ARRAY_TASK_COUNT ? wholeNumber(env.SLURM_ARRAY_TASK_COUNT, "SLURM_ARRAY_TASK_COUNT") : undefined);
      if (count === undefined) throw new ShardError("SLURM_ARRAY_TASK_ID is set but SLURM_ARRAY_TASK_COUNT is not: give --shards N");
      if (step < 1 || (id - min) % step !== 0 || id < min) throw new ShardError(`SLURM_ARRAY_TASK_ID ${id} is not in an array starting at ${min} with step ${step}`);
      return checked({ index: (id - min) / step, count, from: "slurm" });
    }
    if (shards === undefined) throw new ShardError(`${engine.variable} is set: give --shards N, the job's number of completions`);
    return checked({ index: id, count: shards, from: engine.from });
  }
  if (shards !== undefined) throw new ShardError("--shards N needs a shard index: --shard K/N, or an engine's index variable (SLURM_ARRAY_TASK_ID, JOB_COMPLETION_INDEX, AWS_BATCH_JOB_ARRAY_INDEX)");
  return undefined;
}

export interface ShardableFile {
  /** Stable name, the same on every machine of the run (the path as the user wrote it). */
  key: string;
  size: number;
}

/**
 * The shard of each file, balanced by size: largest file first, each to the shard with the
 * least bytes so far (ties: the lower shard). Depends only on the set of (key, size), not on
 * its order, so every shard of a run computes the same plan; the heaviest shard exceeds the
 * lightest by at most the largest file.
 */
export function assignShards(files: readonly ShardableFile[], count: number): number[] {
  const order = files.map((_, i) => i).sort((a, b) => files[b]!.size - files[a]!.size || (files[a]!.key < files[b]!.key ? -1 : files[a]!.key > files[b]!.key ? 1 : 0));
  const shards = new LightestFirst(count);
  const assigned = new Array<number>(files.length);
  for (const i of order) assigned[i] = shards.add(files[i]!.size);
  return assigned;
}

/** A binary min-heap of shards by (bytes so far, index): O(log N) per file for large N. */
class LightestFirst {
  private readonly heap: Array<{ load: number; index: number }>;
  constructor(count: number) {
    this.heap = Array.from({ length: count }, (_, index) => ({ load: 0, index }));
  }
  private lighter(a: number, b: number): boolean {
    const x = this.heap[a]!, y = this.heap[b]!;
    return x.load < y.load || (x.load === y.load && x.index < y.index);
  }
  /** Gives `size` bytes to the lightest shard and returns its index. */
  add(size: number): number {
    const top = this.heap[0]!;
    const index = top.index;
    top.load += size;
    // Sift the grown root down to its place.
    for (let i = 0; ; ) {
      const l = 2 * i + 1, r = l + 1;
      let least = i;
      if (l < this.heap.length && this.lighter(l, least)) least = l;
      if (r < this.heap.length && this.lighter(r, least)) least = r;
      if (least === i) break;
      [this.heap[i], this.heap[least]] = [this.heap[least]!, this.heap[i]!];
      i = least;
    }
    return index;
  }
}

/** The files of one shard, in their original (sorted) order. */
export function filesOfShard<T extends ShardableFile>(files: readonly T[], shard: Shard): T[] {
  const assigned = assignShards(files, shard.count);
  return files.filter((_, i) => assigned[i] === shard.index);
}
