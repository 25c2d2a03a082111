// Pipelines as data: a JSON or YAML file lists the stages, their order and options.
// Validation errors name the file and the failing field.
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { extname, join, resolve } from "node:path";
import type YAMLModule from "yaml";
import * as z from "../core/schema.js";
import { lazyStage, type Pipeline } from "../core/stage.js";
import { PACKAGE_ROOT } from "./package-root.js";
import { CHECKED_PIPELINES } from "./pipeline-facts.js";
import { userPatternProblem } from "../match/backtracking.js";
import { createNormaliser } from "../stages/normalise.js";
import { stageDefinition, stageNames } from "../stages/registry.js";
import "../stages/all.js";

export const PIPELINES_DIR = join(PACKAGE_ROOT, "pipelines");
import { DEFAULT_HTML_PIPELINE, DEFAULT_PIPELINE } from "./defaults.js";

/**
 * zod compiles a parser for each object schema with `new Function` on its first parse: worth it
 * for many parses, but a pipeline and its stages' options are parsed once per process, so the
 * compile was pure start-up cost (loading the `news` pipeline: 9-18 ms of CPU, 5-7 without).
 */
const parsedOnce = () => ({ jitless: true }); // a new context each time: zod writes into it
export { DEFAULT_HTML_PIPELINE, DEFAULT_PIPELINE };

const StageEntry = z.strictObject({
  use: z.string().check(z.minLength(1)),
  /** Stage name in the audit; defaults to `use`. Lets one stage kind run twice. */
  name: z.optional(z.string().check(z.minLength(1))),
  options: z._default(z.record(z.string(), z.unknown()), {}),
});

/** A stage that needs the whole corpus (run/corpus-pass.ts): after the per-document stages, over their outputs. */
const CorpusEntry = z.strictObject({
  use: z.enum(["site-boilerplate", "near-duplicates"]),
  options: z._default(z.record(z.string(), z.unknown()), {}),
});

const PipelineFileSchema = z.strictObject({
  name: z.string().check(z.minLength(1)),
  description: z.optional(z.string()),
  stages: z.array(StageEntry).check(z.minLength(1)),
  corpus: z._default(z.array(CorpusEntry), []),
  /** Regular expressions (case-insensitive); a line matching one is never removed. */
  allowlist: z._default(z.array(z.string()), []),
  normalise: z._default(
    z.strictObject({
      form: z._default(z.enum(["NFC", "NFKC", "none"]), "NFC"),
      paragraphs: z._default(z.enum(["line", "blank-line"]), "line"),
    }),
    { form: "NFC", paragraphs: "line" },
  ),
});

export type PipelineFile = z.infer<typeof PipelineFileSchema>;

export class PipelineError extends Error {}

/** A name (`news`) is looked up in the pipelines folder; anything with a slash or an extension is a path. */
export function resolvePipelinePath(nameOrPath: string): string {
  if (/[\\/]/.test(nameOrPath) || extname(nameOrPath)) return resolve(nameOrPath);
  for (const ext of [".json", ".yaml", ".yml"]) {
    const candidate = join(PIPELINES_DIR, nameOrPath + ext);
    if (existsSync(candidate)) return candidate;
  }
  throw new PipelineError(`pipeline "${nameOrPath}" not found in ${PIPELINES_DIR}`);
}

export function loadPipeline(nameOrPath: string = DEFAULT_PIPELINE): Pipeline {
  const path = resolvePipelinePath(nameOrPath);
  return pipelineOf(checkPipelineText(readPipelineText(path), path), path);
}

/** The corpus stages of a pipeline file (an empty list when it has none). */
export function loadCorpusStages(nameOrPath: string): Array<{ use: "site-boilerplate" | "near-duplicates"; options: Record<string, unknown> }> {
  const path = resolvePipelinePath(nameOrPath);
  return checkPipelineText(readPipelineText(path), path).file.corpus;
}

/** The YAML parser, loaded for the first YAML pipeline file only (the built-in pipelines are JSON). */
function yaml(): typeof YAMLModule {
  return createRequire(import.meta.url)("yaml") as typeof YAMLModule;
}

function readPipelineText(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    throw new PipelineError(`${path}: cannot read: ${(error as Error).message}`);
  }
}

/** A pipeline file's fields and each stage's options, checked, with their defaults filled in. */
export interface CheckedPipeline {
  file: PipelineFile;
  options: Array<Record<string, unknown>>;
}

/**
 * A pipeline file's text checked: a built-in pipeline's text (unchanged) is looked up in
 * pipeline-facts.ts, checked when it was written (a run of one never loads zod); any other
 * is parsed and checked now.
 */
function checkPipelineText(text: string, path: string): CheckedPipeline {
  const known = CHECKED_PIPELINES.get(text);
  if (known !== undefined) return JSON.parse(known) as CheckedPipeline;
  let data: unknown;
  try {
    data = /\.ya?ml$/i.test(path) ? yaml().parse(text) : JSON.parse(text);
  } catch (error) {
    throw new PipelineError(`${path}: not valid ${/\.ya?ml$/i.test(path) ? "YAML" : "JSON"}: ${(error as Error).message}`);
  }
  return checkPipeline(data, path);
}

/** Checks a parsed pipeline file against the schemas (its own, and each stage's options). `origin` names it in errors. */
export function checkPipeline(data: unknown, origin: string): CheckedPipeline {
  const parsed = PipelineFileSchema.safeParse(data, parsedOnce());
  if (!parsed.success) throw new PipelineError(`${origin}: ${fieldErrors(parsed.error)}`);
  const file = parsed.data;
  const options = file.stages.map((entry, i) => {
    const definition = stageDefinition(entry.use);
    if (!definition) {
      throw new PipelineError(
        `${origin}: stages[${i}].use: unknown stage "${entry.use}" (known: ${stageNames().join(", ")})`,
      );
    }
    const checked = definition.options.safeParse(entry.options, parsedOnce());
    if (!checked.success) throw new PipelineError(`${origin}: ${fieldErrors(checked.error, `stages[${i}].options`)}`);
    return checked.data as Record<string, unknown>;
  });
  return { file, options };
}

/** Validates a parsed pipeline file and makes its stages. `origin` names it in errors. */
export function buildPipeline(data: unknown, origin: string): Pipeline {
  return pipelineOf(checkPipeline(data, origin), origin);
}

function pipelineOf({ file, options }: CheckedPipeline, origin: string): Pipeline {
  // Options are checked now (errors name the file); the rules are compiled on first use.
  const stages = file.stages.map((entry, i) => {
    const definition = stageDefinition(entry.use)!;
    return lazyStage(entry.name ?? entry.use, () => definition.create(options[i]));
  });
  const allow = file.allowlist.map((pattern, i) => {
    let regex: RegExp;
    try {
      regex = new RegExp(pattern, "iu");
    } catch (error) {
      throw new PipelineError(`${origin}: allowlist[${i}]: ${(error as Error).message}`);
    }
    const problem = userPatternProblem(pattern);
    if (problem) throw new PipelineError(`${origin}: allowlist[${i}]: ${problem}`);
    return regex;
  });
  return { name: file.name, stages, allow, finisher: createNormaliser(file.normalise) };
}

function fieldErrors(error: z.$ZodError, prefix = ""): string {
  return error.issues
    .map((issue) => {
      const path = issue.path.reduce<string>(
        (acc, key) => (typeof key === "number" ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)),
        prefix,
      );
      return `${path || "(top level)"}: ${issue.message}`;
    })
    .join("; ");
}
