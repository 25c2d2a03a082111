// What chaff uses of zod: the functions of src/core/schema.ts and the English messages.
// scripts/bundle.mjs bundles this module alone, as CommonJS (dist/chunks/zod-mini.cjs), for
// the command line to require on its first parse; the library requires zod's own files
// (src/core/zod-load.ts).
export { _default, array, boolean, config, enum, extend, gte, int, lte, minLength, nonnegative, number, optional, positive, record, strictObject, string, superRefine, unknown } from "zod/mini";
export { default as en } from "zod/v4/locales/en.js";
