// Where the installed package lives (package.json, pipelines/, dist/). Found by walking up
// from this module, because the same code runs from dist/run/, from the bundled dist/cli.js
// (scripts/bundle.mjs) and from src/ under tsx, each at a different depth.
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

function packageRootAbove(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "package.json"))) return dir;
    if (dirname(dir) === dir) throw new Error(`chaff: no package.json in ${start} or any folder above it`);
  }
}

export const PACKAGE_ROOT = packageRootAbove(dirname(fileURLToPath(import.meta.url)));
