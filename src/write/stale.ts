// Temporary files a killed run left behind (`NAME.tmp-PID-N`, see atomic.ts) are
// removed when the next run starts, unless the process that wrote them still runs.
import { readdir, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

const TEMPORARY = /\.tmp-(\d+)-\d+$/;

function running(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function stale(name: string, prefix = ""): boolean {
  const match = TEMPORARY.exec(name);
  return match !== null && name.startsWith(prefix) && !running(Number(match[1]));
}

async function entries(dir: string, recursive: boolean) {
  try {
    return await readdir(dir, { withFileTypes: true, recursive });
  } catch {
    return [];
  }
}

/**
 * Removes stale temporaries anywhere under `outDir`, and beside each of `files` (the
 * audit, the rejects file...) those named after it. Returns the paths removed.
 */
export async function removeStaleTemporaries(outDir: string, files: readonly string[]): Promise<string[]> {
  const removed: string[] = [];
  const remove = async (path: string) => {
    await rm(path, { force: true });
    removed.push(path);
  };
  for (const entry of await entries(outDir, true)) if (entry.isFile() && stale(entry.name)) await remove(join(entry.parentPath, entry.name));
  for (const file of files) {
    for (const entry of await entries(dirname(file), false)) if (entry.isFile() && stale(entry.name, basename(file) + ".")) await remove(join(entry.parentPath, entry.name));
  }
  return removed;
}
