// A time limit on synchronous work on this thread. V8 stops the work from a watchdog thread when
// the limit passes (node:vm's `timeout`: `TerminateExecution`, which also stops the functions the
// script calls), so a runaway document can be cut short without a worker to kill. What it stopped
// is left as it was: after a time-out, run nothing more on what the work touched (the inline
// cleaner hands the rest of its run to a worker, src/run/cleaner.ts), and load modules before
// the clock starts.
import type { Context, Script } from "node:vm";

/**
 * One script and one context for every call, made on the first (a text run never loads node:vm):
 * a new context per call cost ~1.6 ms of CPU, more than cleaning a short document.
 */
let limited: { script: Script; context: Context & { work?: () => unknown } } | undefined;

/** What `runWithin` throws when the time is up (its message is the pool's for the same event). */
export class TimedOut extends Error {}

/** Runs `work` to its end, or throws TimedOut, `timed out after N ms`, once `ms` have passed. */
export function runWithin<T>(ms: number, work: () => T): T {
  if (!limited) {
    const vm = process.getBuiltinModule("node:vm");
    limited = { script: new vm.Script("work()"), context: vm.createContext({}) };
  }
  // The result comes back as the script's value, not through a variable a closure assigns: that
  // closure's scope lives through the work, so a scavenge moves it to the old generation, where,
  // dead but not yet collected, it held each batch's result alive through the next scavenges (copied,
  // promoted, freed only by a full GC). 10 MB of JSONL at --jobs 1: scavenges 0.71-0.85 s -> 0.35 s,
  // floor pipeline 0.82x the CPU.
  limited.context.work = work;
  try {
    return limited.script.runInContext(limited.context, { timeout: ms }) as T;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ERR_SCRIPT_EXECUTION_TIMEOUT") throw new TimedOut(`timed out after ${ms} ms`);
    throw error;
  } finally {
    limited.context.work = undefined;
  }
}
