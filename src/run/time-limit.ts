// A time limit on synchronous work on this thread. V8 stops the work from a watchdog thread when
// the limit passes (node:vm's `timeout`: `TerminateExecution`, which also stops the functions the
// script calls), so a runaway page can be cut short without a worker to kill. What it stopped is
// left as it was: use it where nothing else runs after on what the work touched (one document
// cleaned inline, src/run/clean.ts), and load modules before the clock starts.
import type { Script } from "node:vm";

/** node:vm, loaded for the first page cleaned this way (a text run never needs it). */
let RUN: Script | undefined;

/** What `runWithin` throws when the time is up (its message is the pool's for the same event). */
export class TimedOut extends Error {}

/** Runs `work` to its end, or throws TimedOut, `timed out after N ms`, once `ms` have passed. */
export function runWithin<T>(ms: number, work: () => T): T {
  let result: T | undefined;
  const vm = process.getBuiltinModule("node:vm");
  RUN ??= new vm.Script("run()");
  const context = vm.createContext({ run: () => void (result = work()) });
  try {
    RUN.runInContext(context, { timeout: ms });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ERR_SCRIPT_EXECUTION_TIMEOUT") throw new TimedOut(`timed out after ${ms} ms`);
    throw error;
  }
  return result as T;
}
