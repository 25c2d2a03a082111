// Patterns run on V8's backtracking engine, where a pattern that can match one string in
// many ways (`(a+)+b`) takes exponential or polynomial time on a hostile line and hangs the
// run. The built-in tables are checked by a test (test/match/redos.test.ts); patterns from a
// pipeline file are checked here, when the file loads, with the same checker (recheck).
import { createRequire } from "node:module";
import * as z from "../core/schema.js";

/** recheck is loaded on the first check: most pipelines have no patterns of their own, and loading it costs start-up time. */
let recheck: typeof import("recheck") | undefined;
const require = createRequire(import.meta.url);

export interface BacktrackingVerdict {
  /** "unknown": the checker gave up within its time (the pattern is then used as it is). */
  status: "safe" | "vulnerable" | "unknown";
  /** For a vulnerable pattern: "exponential" or "polynomial". */
  complexity?: string;
  /** For a vulnerable pattern: a line on which it backtracks. */
  attack?: string;
}

/** How long the checker may think about one pattern from a pipeline file. */
export const USER_PATTERN_CHECK_MS = 5_000;

const verdicts = new Map<string, BacktrackingVerdict>();

/** recheck's verdict on a pattern, cached by its text and flags. */
export function backtrackingVerdict(source: string, flags: string, timeoutMs = USER_PATTERN_CHECK_MS): BacktrackingVerdict {
  const key = `/${source}/${flags}`;
  let verdict = verdicts.get(key);
  if (!verdict) {
    recheck ??= require("recheck") as typeof import("recheck");
    // A fixed seed: recheck fuzzes long patterns, and a verdict must not change from run to run.
    const result = recheck.checkSync(source, flags, { timeout: timeoutMs, randomSeed: 1 });
    verdict =
      result.status === "vulnerable"
        ? { status: "vulnerable", complexity: result.complexity.type, attack: result.attack.string }
        : { status: result.status === "safe" ? "safe" : "unknown" };
    verdicts.set(key, verdict);
  }
  return verdict;
}

/** Whether a pattern checked in this process got no verdict in time (it is used as it is, so it may backtrack). */
export function anyUndecidedPattern(): boolean {
  for (const verdict of verdicts.values()) if (verdict.status === "unknown") return true;
  return false;
}

/** Attack lines can be long: enough of one to see its shape. */
const ATTACK_SHOWN = 40;

/** Why a user's pattern cannot be used (not a regular expression, or it backtracks), or undefined. */
export function userPatternProblem(source: string, flags = "iu"): string | undefined {
  try {
    new RegExp(source, flags);
  } catch (error) {
    return `not a valid regular expression: ${(error as Error).message}`;
  }
  const verdict = backtrackingVerdict(source, flags);
  if (verdict.status !== "vulnerable") return undefined;
  const attack = verdict.attack ?? "";
  const shown = JSON.stringify(attack.length > ATTACK_SHOWN ? `${attack.slice(0, ATTACK_SHOWN)}…` : attack);
  return `pattern ${JSON.stringify(source)} backtracks in ${verdict.complexity} time (a line like ${shown} would stall the run): write it so that each character can be matched only one way`;
}

/** A regular expression from a pipeline file: valid, and checked for catastrophic backtracking. */
export const UserPattern = z.string().check(
  z.minLength(1),
  z.superRefine((source, ctx) => {
    const problem = userPatternProblem(source);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  }),
);
