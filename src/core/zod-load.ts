// zod, required on the first parse of a schema (src/core/schema.ts says why). scripts/bundle.mjs
// replaces this module in the command line's bundle with one that requires its own copy
// (dist/chunks/zod-mini.cjs, built from src/core/zod-mini.ts).
import { createRequire } from "node:module";
import type * as ZodMiniExports from "./zod-mini.js";

export function requireZod(): typeof ZodMiniExports {
  const require = createRequire(import.meta.url);
  // zod's CommonJS locale is the function itself (module.exports = en).
  return { ...require("zod/mini"), en: require("zod/v4/locales/en.cjs") } as typeof ZodMiniExports;
}
