// Option schemas (pipeline files, stage options) are written with zod/mini: the same
// validation and messages as zod's classic API, as functions a bundler leaves out when
// unused. Classic zod is one object graph of ~750 kB that every start of the command line
// had to compile, for a few dozen schemas parsed once per run. Import this module as a
// namespace (`import * as z`): only what is named here is bundled.
import { config } from "zod/mini";
import en from "zod/v4/locales/en.js";

// Classic zod sets English messages on its own; zod/mini leaves the choice to its user.
config(en());

export { _default, array, boolean, enum, extend, gte, int, lte, minLength, nonnegative, number, optional, positive, record, strictObject, string, superRefine, unknown } from "zod/mini";
export type { infer, ZodMiniType } from "zod/mini";
export type { $ZodError } from "zod/v4/core";
