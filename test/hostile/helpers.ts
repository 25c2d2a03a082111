// Runs the built CLI on inputs generated in a temporary folder, and tells what it
// wrote and whether it touched any input.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = join(import.meta.dirname, "../..");
export const cli = join(root, "dist/cli.js");

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "chaff-hostile-"));
}

/** Every regular file under `dir`, relative, sorted (symbolic links are not followed). */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}

/** The bytes of every file under `dir`, to compare before and after a run. */
export function snapshot(dir: string): Map<string, Buffer> {
  return new Map(filesUnder(dir).map((f) => [f, readFileSync(join(dir, f))]));
}

export interface Run {
  status: number | null;
  stderr: string;
  stdout: string;
}

/** Where setpriv is, to drop root's privileges (util-linux; absent on some systems). */
const SETPRIV = ["/usr/bin/setpriv", "/bin/setpriv"].find((path) => existsSync(path));
/** Root ignores file modes: a case about permissions runs chaff as `nobody`, which needs setpriv. */
export const canRunUnprivileged = process.getuid?.() !== 0 || SETPRIV !== undefined;
const NOBODY = 65534;

export function chaff(args: string[], options: { cwd?: string; input?: string; timeoutMs?: number; unprivileged?: boolean } = {}): Run {
  const asNobody = options.unprivileged && process.getuid?.() === 0;
  const command = asNobody ? [SETPRIV!, `--reuid=${NOBODY}`, `--regid=${NOBODY}`, "--clear-groups", process.execPath] : [process.execPath];
  const run = spawnSync(command[0], [...command.slice(1), cli, ...args], { cwd: options.cwd ?? root, input: options.input, encoding: "utf8", timeout: options.timeoutMs ?? 60_000 });
  return { status: run.status, stderr: run.stderr, stdout: run.stdout };
}
