// What a run loads before and while it cleans: the command line is a bundle (scripts/bundle.mjs)
// holding the packages every run uses, so a plain-text run reads nothing from node_modules, and
// Node's own modules that only some routes use (crypto for --resume, vm for time-limited inline work,
// child_process, which commander requires for executable subcommands) stay unloaded.
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { tempDir } from "../helpers/corpus.js";

const ROOT = join(import.meta.dirname, "../..");
const BIN = join(ROOT, "dist/bin.cjs");
const dir = tempDir("chaff-start-up-");
// A resolve hook lists every ES module the run imports; a preload lists, at exit, the CommonJS
// modules (linkedom loads through require()) and the built-in modules, however they were loaded.
// (The hook runs on a thread of its own: node:worker_threads is always loaded here.)
writeFileSync(join(dir, "hooks.mjs"), 'export async function resolve(s, c, next) { const r = await next(s, c); console.error("LOADS " + r.url); return r; }\n');
writeFileSync(join(dir, "register.mjs"), `import { register } from "node:module";\nregister(${JSON.stringify(pathToFileURL(join(dir, "hooks.mjs")).href)});\n`);
writeFileSync(
  join(dir, "builtins.cjs"),
  'process.on("exit", () => { for (const m of process.moduleLoadList) if (m.startsWith("NativeModule ")) process.stderr.write("LOADS node:" + m.slice(13) + "\\n"); for (const f of Object.keys(require.cache)) process.stderr.write("LOADS " + f + "\\n"); });\n',
);

function loads(input: string, name: string): string[] {
  writeFileSync(join(dir, name), input);
  const run = spawnSync(process.execPath, ["--import", join(dir, "register.mjs"), "--require", join(dir, "builtins.cjs"), BIN, "clean", join(dir, name), "--out", join(dir, `out-${name}`), "--quiet"], { encoding: "utf8" });
  expect(run.status, run.stderr).toBe(0);
  return [...new Set(run.stderr.split("\n").filter((l) => l.startsWith("LOADS ")).map((l) => l.slice(6)))];
}

describe("start-up", () => {
  it("answers --version without starting Node's ES module loader (bin.cjs is CommonJS)", () => {
    const run = spawnSync(process.execPath, ["--require", join(dir, "builtins.cjs"), BIN, "--version"], { encoding: "utf8" });
    expect(run.status, run.stderr).toBe(0);
    const loaded = run.stderr.split("\n").filter((l) => l.startsWith("LOADS ")).map((l) => l.slice(6));
    expect(loaded).toContain("node:fs");
    expect(loaded).not.toContain("node:internal/modules/esm/loader");
  });

  it("cleans a plain-text file without a package from node_modules or the built-ins of other routes", () => {
    const loaded = loads("Email Print\nThe talks went on, its head said.\n", "one.txt");
    expect(loaded.some((url) => url.includes("/dist/chunks/"))).toBe(true);
    expect(loaded.filter((url) => url.includes("/node_modules/"))).toEqual([]);
    for (const unused of ["node:crypto", "node:vm", "node:child_process"]) expect(loaded).not.toContain(unused);
    // The built-in pipeline's options were checked when src/run/pipeline-facts.ts was written.
    expect(loaded).not.toContain(join(ROOT, "dist/zod-mini.cjs"));
  });

  it("checks a user's pipeline file with zod from the bundle (dist/zod-mini.cjs), and names the bad option", () => {
    writeFileSync(join(dir, "mine.json"), JSON.stringify({ name: "mine", stages: [{ use: "icons" }, { use: "comments", options: { maxLength: -1 } }] }));
    writeFileSync(join(dir, "in.txt"), "The talks went on, its head said.\n");
    const run = spawnSync(process.execPath, ["--require", join(dir, "builtins.cjs"), BIN, "clean", join(dir, "in.txt"), "--out", join(dir, "out-mine"), "--pipeline", join(dir, "mine.json")], { encoding: "utf8" });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`${join(dir, "mine.json")}: stages[1].options.maxLength: Too small: expected number to be >0`);
    const loaded = run.stderr.split("\n").filter((l) => l.startsWith("LOADS ")).map((l) => l.slice(6));
    expect(loaded).toContain(join(ROOT, "dist/zod-mini.cjs"));
    expect(loaded.filter((path) => path.includes("/node_modules/zod/"))).toEqual([]);
  });

  it("cleans one HTML page with linkedom built into the bundle, inline under its time limit (node:vm), without jsdom", () => {
    const loaded = loads("<html><body><article><p>The talks went on, its head said, and the vote was put off until spring.</p></article></body></html>", "one.html");
    expect(loaded).not.toContain("node:child_process");
    expect(loaded.some((url) => /\/dist\/chunks\/html-\w+\.js$/.test(url))).toBe(true);
    // Nothing from node_modules: linkedom, parse5 and Readability are in the bundle, and the stopword
    // lists come from the generated facts, not stopwords-iso's JSON.
    expect(loaded.filter((url) => url.includes("/node_modules/"))).toEqual([]);
    expect(loaded).toContain("node:vm");
  });

  it("builds linkedom into the bundle with chaff's EventTarget, not its own", () => {
    const chunks = readdirSync(join(ROOT, "dist/chunks")).filter((f) => f.endsWith(".js"));
    const html = chunks.filter((f) => f.startsWith("html-")).map((f) => readFileSync(join(ROOT, "dist/chunks", f), "utf8"));
    expect(html).toHaveLength(1);
    expect(html[0]).toContain("node_modules/linkedom/cjs/interface/node.js");
    expect(html[0]).not.toContain("node_modules/linkedom/cjs/interface/event-target.js");
    expect(html[0]).toContain("bundled-linkedom:event-target");
  });
});
