// Modules of another checkout (`--base DIR`), found where that tree keeps them.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** The HTML route's switches (withKeepComments): src/core/route-options.ts, src/extract/options.ts in trees before 2026-12-02. */
export function routeOptionsPath(root: string): string {
  const now = join(root, "src/core/route-options.ts");
  return existsSync(now) ? now : join(root, "src/extract/options.ts");
}

/**
 * The `chaff` command of a built tree as its bin runs it (with its shebang's node flags): dist/bin.cjs,
 * dist/bin.js in trees before 2026-12-02's CommonJS bin, dist/cli.js in trees before bin.js.
 */
export function chaffCommand(root: string): string[] {
  for (const bin of ["dist/bin.cjs", "dist/bin.js"]) {
    const path = join(root, bin);
    if (existsSync(path)) return [...shebangFlags(readFileSync(path, "utf8")), path];
  }
  return [join(root, "dist/cli.js")];
}

/** The node flags of a `#!/usr/bin/env -S node FLAGS` line. */
export function shebangFlags(script: string): string[] {
  const shebang = /^#!\/usr\/bin\/env -S node((?: --[\w=-]+)*)\n/.exec(script);
  return shebang ? shebang[1].trim().split(" ").filter(Boolean) : [];
}
