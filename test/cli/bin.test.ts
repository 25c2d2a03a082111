// The `chaff` command (dist/bin.cjs): --version answers alone; everything else is the full command line.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

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
  it("is what package.json's bin names, with the regexp flag on its shebang line", () => {
    expect(JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).bin).toEqual({ chaff: "dist/bin.cjs" });
    expect(readFileSync(BIN, "utf8").split("\n")[0]).toBe("#!/usr/bin/env -S node --no-regexp-tier-up");
  });
});
