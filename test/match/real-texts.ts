// Real lines for the fast paths' tests: the seed scrapes and, where the benchmark is checked out
// beside the repo, the AEB text dumps.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { seedTexts } from "../helpers/corpus.js";

export function realTexts(): string[] {
  const dumps = join(import.meta.dirname, "../../../shared/bench/aeb-dump");
  const more = existsSync(dumps) ? readdirSync(dumps).filter((f) => f.endsWith(".txt")).map((f) => readFileSync(join(dumps, f), "utf8")) : [];
  return [...seedTexts().map((s) => s.text), ...more];
}
