// Modules of another checkout (`--base DIR`), found where that tree keeps them.
import { existsSync } from "node:fs";
import { join } from "node:path";

/** The HTML route's switches (withKeepComments): src/core/route-options.ts, src/extract/options.ts in trees before 2026-12-02. */
export function routeOptionsPath(root: string): string {
  const now = join(root, "src/core/route-options.ts");
  return existsSync(now) ? now : join(root, "src/extract/options.ts");
}
