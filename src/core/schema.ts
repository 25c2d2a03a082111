// Option schemas (pipeline files, stage options) are written with zod/mini: the same
// validation and messages as zod's classic API. Import this module as a namespace
// (`import * as z`).
//
// The functions here build a recipe, and zod builds the schema from it on its first parse.
// Every stage declares its schema when its module loads, but a run of a built-in pipeline
// never parses one (src/run/pipeline-facts.ts holds their parsed options), so loading zod
// and making ~50 schemas was start-up cost on every run: `chaff clean one.txt` loaded 61 kB
// of zod and spent ~8% of its CPU there.
import type * as ZodMini from "./zod-mini.js";
import { requireZod } from "./zod-load.js";

/**
 * The zod functions src/core/zod-mini.ts exports, all the bundle holds (only their types are
 * imported here: zod loads on the first parse); a recipe of any other is a type error.
 */
type Zod = Omit<typeof ZodMini, "en">;

let zod: Zod | undefined;

function loaded(): Zod {
  if (!zod) {
    const { en, ...mini } = requireZod();
    // Classic zod sets English messages on its own; zod/mini leaves the choice to its user.
    mini.config(en());
    zod = mini;
  }
  return zod;
}

/** A schema or check not built yet: zod builds it, and its parts, on the first parse. */
class Recipe {
  #built: unknown;
  constructor(private readonly make: (zod: Zod) => unknown) {}

  built(): any {
    if (this.#built === undefined) this.#built = this.make(loaded());
    return this.#built;
  }

  check(...checks: unknown[]): Recipe {
    return new Recipe(() => this.built().check(...checks.map(builtValue)));
  }

  safeParse(data: unknown, params?: unknown): unknown {
    return this.built().safeParse(data, params);
  }

  parse(data: unknown, params?: unknown): unknown {
    return this.built().parse(data, params);
  }
}

/** An argument with the recipes in it built: a shape `{ key: schema }`, a list of checks, a default value. */
function builtValue(value: unknown): unknown {
  if (value instanceof Recipe) return value.built();
  if (Array.isArray(value)) return value.map(builtValue);
  if (value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, part]) => [key, builtValue(part)]));
  }
  return value;
}

function recipe<Name extends keyof Zod>(name: Name): Zod[Name] {
  return ((...args: unknown[]) => new Recipe((z) => (z[name] as (...a: unknown[]) => unknown)(...args.map(builtValue)))) as unknown as Zod[Name];
}

export const _default = recipe("_default");
export const array = recipe("array");
export const boolean = recipe("boolean");
const enumOf = recipe("enum");
export { enumOf as enum };
export const extend = recipe("extend");
export const gte = recipe("gte");
export const int = recipe("int");
export const lte = recipe("lte");
export const minLength = recipe("minLength");
export const nonnegative = recipe("nonnegative");
export const number = recipe("number");
export const optional = recipe("optional");
export const positive = recipe("positive");
export const record = recipe("record");
export const strictObject = recipe("strictObject");
export const string = recipe("string");
export const superRefine = recipe("superRefine");
export const unknown = recipe("unknown");

export type { infer, ZodMiniType } from "zod/mini";
export type { $ZodError } from "zod/v4/core";
