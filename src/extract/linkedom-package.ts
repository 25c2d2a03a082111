// Where linkedom comes from: its CommonJS build in node_modules, required on first use (only the
// HTML route needs it). The command line's bundle puts a module of its own in this one's place
// (scripts/bundle.mjs): linkedom built into the bundle, with chaff's EventTarget already in it.
import { existsSync } from "node:fs";
import { createRequire, Module } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);

/**
 * linkedom, with `EventTarget` in place of the class of its `interface/event-target.js` when
 * linkedom was not loaded yet in this process: put in Node's module cache under that file's name
 * before linkedom's modules load, so each of them gets it from its own require.
 */
export function loadLinkedomPackage(EventTarget: unknown): typeof import("linkedom") {
  const entry = require.resolve("linkedom");
  const eventTarget = join(dirname(entry), "interface", "event-target.js");
  if (!require.cache[entry] && !require.cache[eventTarget] && existsSync(eventTarget)) {
    const substitute = new Module(eventTarget);
    substitute.filename = eventTarget;
    substitute.loaded = true;
    substitute.exports = { EventTarget };
    require.cache[eventTarget] = substitute;
  }
  return require("linkedom") as typeof import("linkedom");
}

/**
 * The files of linkedom's CommonJS build that chaff's changes on linkedom read (its symbols, its
 * NodeList, its Attr): the bundle holds its own copy of each, so it must know them by name.
 */
export const LINKEDOM_PARTS = ["shared/symbols.js", "interface/node-list.js", "interface/attr.js"] as const;

/** A file of linkedom's CommonJS build (under `cjs/`): the module linkedom itself holds, not a second copy. */
export function linkedomPart(part: (typeof LINKEDOM_PARTS)[number]): unknown {
  return require(join(dirname(require.resolve("linkedom")), ...part.split("/")));
}
