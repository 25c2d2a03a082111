// The `chaff` command (dist/bin.cjs): --version answers alone; everything else is the full command line.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { shebangFlags } from "../../bench/base-tree.js";

const ROOT = join(import.meta.dirname, "../..");
const BIN = join(ROOT, "dist/bin.cjs");
const run = (args: string[]) => spawnSync(process.execPath, ["--no-regexp-tier-up", BIN, ...args], { encoding: "utf8" });

describe("the chaff command", () => {
  it("prints the package's version for --version and -V", () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
    for (const flag of ["--version", "-V"]) expect(run([flag])).toMatchObject({ status: 0, stdout: `${version}\n`, stderr: "" });
  });
  it("hands every other call to the full command line", () => {
    const help = run(["--help"]);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("clean [options] <input...>");
    expect(run(["clean"])).toMatchObject({ status: 1, stderr: "error: missing required argument 'input'\n" });
  });
  it("is what package.json's bin names, with its V8 flags on the shebang line, which this node accepts", () => {
    expect(JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).bin).toEqual({ chaff: "dist/bin.cjs" });
    const script = readFileSync(BIN, "utf8");
    expect(script.split("\n")[0]).toBe("#!/usr/bin/env -S node --no-regexp-tier-up --interrupt-budget=270336 --max-inlined-bytecode-size-cumulative=230");
    const flags = shebangFlags(script);
    expect(flags).toEqual(["--no-regexp-tier-up", "--interrupt-budget=270336", "--max-inlined-bytecode-size-cumulative=230"]);
    // node refuses a flag it does not know ("bad option"): the command would not start at all.
    expect(spawnSync(process.execPath, [...flags, BIN, "--version"], { encoding: "utf8" })).toMatchObject({ status: 0, stderr: "" });
    expect(spawnSync(process.execPath, ["--no-such-v8-flag", BIN, "--version"], { encoding: "utf8" }).status).not.toBe(0);
  });
});
