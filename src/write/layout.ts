// Where a sharded or resumable run keeps its own files inside the output folder.

/** The folder under `--out` for shard audits, rejects, summaries, locks, parts and completion records. */
export const STATE_DIR = "_chaff";

/** The stem of a shard's own files: `shard-00002-of-00004` (zero-padded so they sort), or `run` unsharded. */
export function shardFileStem(shard: { index: number; count: number } | undefined): string {
  if (!shard) return "run";
  const width = Math.max(5, String(shard.count - 1).length);
  return `shard-${String(shard.index).padStart(width, "0")}-of-${String(shard.count).padStart(width, "0")}`;
}
