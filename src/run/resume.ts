// Resumable runs: each input file's audit and rejects lines go to a part file of its own,
// and once its output is committed a completion record says what was read (size, mtime),
// with which pipelines and chaff version. A rerun skips files whose record still matches,
// and the run's audit and rejects are assembled from the parts in input order, so they are
// the same bytes as an uninterrupted run's. State lives in `OUT/_chaff/`.
import { createReadStream, readFileSync } from "node:fs";
import { mkdir, open, readFile, readdir, rm, stat, utimes } from "node:fs/promises";
import { hostname } from "node:os";
import { basename, dirname, join } from "node:path";
import { AtomicWriteStream, writeFileAtomic } from "../write/atomic.js";
import { STATE_DIR } from "../write/layout.js";
import { AuditSink, RejectsSink } from "../write/sinks.js";
import type { InputFile } from "../read/inputs.js";
import type { RunSummary } from "./summary.js";


/** A lock whose holder has not touched it for this long is taken to be dead (a killed task, a lost node). */
export const LOCK_STALE_MS = 120_000;
/** How often a running shard touches its lock. */
const LOCK_HEARTBEAT_MS = 15_000;

/** What a file's completion record holds besides the fingerprint: its share of the summary. */
export type FileCounts = Pick<RunSummary, "documents" | "rejects" | "documentFailures" | "skipped" | "chars" | "rules" | "stages">;

interface CompletionRecord {
  input: string;
  size: number;
  mtimeMs: number;
  /** Hash of the pipelines, read options and chaff version the file was cleaned with. */
  settings: string;
  counts: FileCounts;
}

export class ShardLockError extends Error {}

/**
 * SHA-256, from node:crypto loaded on first use: only runs with --resume or shards hash, and
 * loading node:crypto costs a plain run's start ~15 ms.
 */
function sha256() {
  return process.getBuiltinModule("node:crypto").createHash("sha256");
}

/** A stable hash of everything that changes a file's outputs besides the file itself. */
export function settingsHash(parts: { version: string; pipelineFiles: string[]; read: unknown }): string {
  const hash = sha256();
  hash.update(`chaff ${parts.version}\n`);
  for (const file of parts.pipelineFiles) hash.update(readFileSync(file)).update("\n--\n");
  hash.update(JSON.stringify(parts.read));
  return hash.digest("hex").slice(0, 32);
}

export class ResumeState {
  readonly dir: string;
  private heartbeat?: NodeJS.Timeout;
  private lockPath?: string;

  constructor(
    outDir: string,
    private readonly settings: string,
  ) {
    this.dir = join(outDir, STATE_DIR);
  }

  private key(file: InputFile): string {
    return sha256().update(file.display).digest("hex").slice(0, 32);
  }
  private recordPath(file: InputFile): string {
    return join(this.dir, "done", `${this.key(file)}.json`);
  }
  partPath(file: InputFile, kind: "audit" | "rejects"): string {
    return join(this.dir, "parts", `${this.key(file)}.${kind}.jsonl`);
  }

  /**
   * Takes this shard's lock, so two tasks given the same shard cannot write the same
   * files at once. A lock left by a dead process on this host, or not touched for
   * LOCK_STALE_MS (a killed task on another node), is taken over.
   */
  async lock(stem: string): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const path = join(this.dir, `${stem}.lock`);
    const me = { host: hostname(), pid: process.pid };
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const handle = await open(path, "wx");
        await handle.writeFile(JSON.stringify(me) + "\n");
        await handle.close();
        this.lockPath = path;
        this.heartbeat = setInterval(() => {
          const now = new Date();
          utimes(path, now, now).catch(() => undefined);
        }, LOCK_HEARTBEAT_MS);
        this.heartbeat.unref();
        return;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      }
      const holder = await readLock(path);
      if (!holder || isStale(holder, me.host)) {
        await rm(path, { force: true });
        continue;
      }
      throw new ShardLockError(`${stem} is already being cleaned into this folder by process ${holder.pid} on ${holder.host} (lock ${path}); a lock is taken over once its holder is gone or silent for ${LOCK_STALE_MS / 1000} s`);
    }
    throw new ShardLockError(`cannot take the lock ${path}`);
  }

  async unlock(): Promise<void> {
    if (this.heartbeat) clearInterval(this.heartbeat);
    if (this.lockPath) await rm(this.lockPath, { force: true });
  }

  /** The file's counts when it was completed with these settings and is unchanged since; else undefined. */
  async completed(file: InputFile, outputPath: string): Promise<FileCounts | undefined> {
    let record: CompletionRecord;
    try {
      record = JSON.parse(await readFile(this.recordPath(file), "utf8")) as CompletionRecord;
    } catch {
      return undefined;
    }
    const info = await stat(file.path);
    if (record.input !== file.display || record.size !== info.size || record.mtimeMs !== info.mtimeMs || record.settings !== this.settings) return undefined;
    // The output and the parts must still be there: a file is only complete with them.
    for (const path of [outputPath, this.partPath(file, "audit")]) {
      try {
        await stat(path);
      } catch {
        return undefined;
      }
    }
    return record.counts;
  }

  /** Written after the file's output and parts are committed: from then on a rerun skips it. */
  async complete(file: InputFile, counts: FileCounts): Promise<void> {
    const info = await stat(file.path);
    const record: CompletionRecord = { input: file.display, size: info.size, mtimeMs: info.mtimeMs, settings: this.settings, counts };
    await writeFileAtomic(this.recordPath(file), JSON.stringify(record) + "\n");
  }

  /** Forgets a file's completion, before it is cleaned again. */
  async forget(file: InputFile): Promise<void> {
    await rm(this.recordPath(file), { force: true });
  }

  /** One file's own audit and rejects sinks: committed when the file is, aborted when it is skipped. */
  openParts(file: InputFile): { audit: AuditSink; rejects: RejectsSink } {
    return { audit: new AuditSink(this.partPath(file, "audit")), rejects: new RejectsSink(this.partPath(file, "rejects")) };
  }

  /** Concatenates the files' parts of one kind, in input order, into `target` (whole or not at all). Returns the bytes written. */
  async assemble(files: readonly InputFile[], kind: "audit" | "rejects", target: string): Promise<number> {
    await mkdir(dirname(target), { recursive: true });
    const out = new AtomicWriteStream(target);
    await out.open();
    let bytes = 0;
    try {
      for (const file of files) {
        const part = this.partPath(file, kind);
        try {
          for await (const chunk of createReadStream(part)) {
            bytes += (chunk as Buffer).length;
            await out.write(chunk as Buffer);
          }
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
        }
      }
      await out.commit();
    } catch (error) {
      await out.abort();
      throw error;
    }
    return bytes;
  }

  /**
   * Removes the temporary files a killed run left for these targets (`TARGET.tmp-PID-N`).
   * Only this shard's own targets are swept: another shard may be writing its own right now.
   */
  async sweepTemporaries(targets: readonly string[]): Promise<number> {
    const byFolder = new Map<string, Set<string>>();
    for (const target of targets) {
      const folder = dirname(target);
      if (!byFolder.has(folder)) byFolder.set(folder, new Set());
      byFolder.get(folder)!.add(basename(target));
    }
    let removed = 0;
    for (const [folder, names] of byFolder) {
      let entries: string[];
      try {
        entries = await readdir(folder);
      } catch {
        continue;
      }
      for (const entry of entries) {
        const at = entry.lastIndexOf(".tmp-");
        if (at > 0 && names.has(entry.slice(0, at)) && /^\.tmp-\d+-\d+$/.test(entry.slice(at))) {
          await rm(join(folder, entry), { force: true });
          removed++;
        }
      }
    }
    return removed;
  }

  /** Every file this state writes for an input file, for sweeping. */
  targetsOf(file: InputFile): string[] {
    return [this.recordPath(file), this.partPath(file, "audit"), this.partPath(file, "rejects")];
  }

  /** Removes every completion record, so the run redoes every file (`--force`). */
  async forgetAll(): Promise<void> {
    await rm(join(this.dir, "done"), { recursive: true, force: true });
  }
}

async function readLock(path: string): Promise<{ host: string; pid: number; mtimeMs: number } | undefined> {
  try {
    const [text, info] = await Promise.all([readFile(path, "utf8"), stat(path)]);
    const parsed = JSON.parse(text) as { host: string; pid: number };
    return { ...parsed, mtimeMs: info.mtimeMs };
  } catch {
    return undefined;
  }
}

function isStale(holder: { host: string; pid: number; mtimeMs: number }, host: string): boolean {
  if (Date.now() - holder.mtimeMs > LOCK_STALE_MS) return true;
  if (holder.host !== host) return false;
  try {
    process.kill(holder.pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}

/** Shard summaries in `_chaff/`, for `chaff merge-summary`. */
export async function listShardFiles(outDir: string, suffix: string): Promise<string[]> {
  const dir = join(outDir, STATE_DIR);
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => n.startsWith("shard-") && n.endsWith(suffix)).sort();
  return names.map((n) => join(dir, n));
}
