// One table shape for every hostile case: the inputs are generated in a fresh folder,
// chaff runs as users run it, and each case says the exit status, the stderr lines,
// and every file the run leaves beside the inputs. Every case also checks that no
// input changed by a byte.
import { expect, it } from "vitest";
import { canRunUnprivileged, chaff, filesUnder, snapshot, tempDir, type Run } from "./helpers.js";

/** Each case spawns chaff; on a loaded two-core machine one start can take seconds. */
export const SPAWN_TEST_TIMEOUT_MS = 120_000;

export interface HostileCase {
  name: string;
  /** Writes the inputs under `dir`; returns the arguments after `chaff`. */
  setup(dir: string): string[] | Promise<string[]>;
  status: number;
  /** The stderr lines, each exact (`{dir}` stands for the case's folder) or matching a pattern, or a check of its own. */
  stderr: Array<string | RegExp> | ((stderr: string, dir: string) => void);
  /** Files (relative to the case's folder) the run leaves that were not inputs, sorted. */
  written: string[];
  /** Files of the setup the run is meant to remove (stale temporaries), sorted. */
  removed?: string[];
  /** Further checks on what was written. */
  check?(dir: string, run: Run): void;
  timeoutMs?: number;
  /** What the run reads on stdin. */
  input?: string;
  /** Run chaff as an unprivileged user (`nobody` when the test runs as root, who ignores file modes). */
  unprivileged?: boolean;
}

export function runCases(cases: HostileCase[]): void {
  for (const c of cases) {
    if (c.unprivileged && !canRunUnprivileged) {
      it.skip(`${c.name} (skipped: running as root without setpriv to drop privileges, file modes cannot be tested)`, () => {});
      continue;
    }
    it(c.name, async () => {
      const dir = tempDir();
      const args = await c.setup(dir);
      const before = snapshot(dir);
      const run = chaff(args, { cwd: dir, timeoutMs: c.timeoutMs, input: c.input, unprivileged: c.unprivileged });
      if (typeof c.stderr === "function") c.stderr(run.stderr, dir);
      else expect(run.stderr.split("\n").filter((l) => l !== "")).toEqual(c.stderr.map((l) => (typeof l === "string" ? l.replaceAll("{dir}", dir) : expect.stringMatching(l))));
      expect(run.status).toBe(c.status);
      const after = snapshot(dir);
      const removed = c.removed ?? [];
      for (const [file, bytes] of before) if (!removed.includes(file)) expect(after.get(file), `input ${file} unchanged`).toEqual(bytes);
      expect([...before.keys()].filter((f) => !after.has(f))).toEqual(removed);
      expect(filesUnder(dir).filter((f) => !before.has(f))).toEqual(c.written);
      c.check?.(dir, run);
    }, SPAWN_TEST_TIMEOUT_MS);
  }
}
