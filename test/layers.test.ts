// The folders of src/ import downwards only: cli -> run -> report -> read -> {extract, stages,
// corpus, write} -> match -> rules -> core. A folder never imports one above it or beside it.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = join(import.meta.dirname, "../src");
const RANK: Record<string, number> = { core: 0, rules: 1, match: 2, extract: 3, stages: 3, corpus: 3, write: 3, read: 4, report: 5, run: 6 };
const IMPORT = /(?:from\s+|import\()\s*"\.\.\/([a-z-]+)\//g;

describe("layers", () => {
  it("knows every folder of src/", () => {
    const folders = readdirSync(SRC, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
    expect(folders).toEqual(Object.keys(RANK).sort());
  });

  it("has no folder importing one at its level or above", () => {
    const against: string[] = [];
    for (const folder of Object.keys(RANK)) {
      for (const file of readdirSync(join(SRC, folder)).filter((f) => f.endsWith(".ts"))) {
        for (const [, target] of readFileSync(join(SRC, folder, file), "utf8").matchAll(IMPORT)) {
          if (!(target in RANK) || RANK[target] >= RANK[folder]) against.push(`${folder}/${file} -> ${target}`);
        }
      }
    }
    expect(against).toEqual([]);
  });
});
