// Installing chaff as a user does before it is on a registry: `npm pack`, then the tarball
// installed into an empty project. The bin runs and the library import the README shows works.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..");
const npm = (args: string[], cwd: string) => execFileSync("npm", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

describe("install from a tarball", () => {
  it("npm pack, npm install of the tarball into an empty project: chaff --version, the README's library import, Markdown out", () => {
    const dir = mkdtempSync(join(tmpdir(), "chaff-install-"));
    // The tarball of the built tree (`npm test` builds first): dist, pipelines and the README.
    npm(["pack", "--ignore-scripts", "--pack-destination", dir], root);
    const [tarball] = readdirSync(dir).filter((f) => f.endsWith(".tgz"));
    expect(tarball).toMatch(/^chaff-\d+\.\d+\.\d+\.tgz$/);
    const app = join(dir, "app");
    mkdirSync(app);
    writeFileSync(join(app, "package.json"), JSON.stringify({ name: "app", private: true, type: "module" }));
    // From the npm cache when it has every dependency (as after `npm ci` here), else from the registry.
    npm(["install", "--prefer-offline", "--no-audit", "--no-fund", "--ignore-scripts", join(dir, tarball)], app);

    const bin = join(app, "node_modules/.bin/chaff");
    const version = spawnSync(bin, ["--version"], { cwd: app, encoding: "utf8" });
    expect(version.stderr).toBe("");
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);

    writeFileSync(
      join(app, "use.js"),
      [
        'import { cleanDocument, createDocument, loadPipeline } from "chaff";',
        'const raw = "Email Print\\nThe council said on Monday that the wall would be extended.\\n";',
        'const result = cleanDocument(createDocument({ id: "a", source: "a.txt", raw }), loadPipeline("news"));',
        "console.log(JSON.stringify([result.text, result.removals.map((r) => r.rule)]));",
      ].join("\n"),
    );
    const used = spawnSync(process.execPath, ["use.js"], { cwd: app, encoding: "utf8" });
    expect(used.stderr).toBe("");
    expect(JSON.parse(used.stdout)).toEqual(["The council said on Monday that the wall would be extended.\n", ["widget/share"]]);

    const md = spawnSync(bin, ["clean", "-", "--format", "md"], { cwd: app, encoding: "utf8", input: "<html><body><article><h2>Wall</h2><p>The council said on Monday that the wall would be extended by two hundred metres next spring, ending a long dispute.</p><ul><li>Two hundred metres</li><li>Next spring</li></ul></article></body></html>" });
    expect(md.stderr).toBe("");
    expect(md.stdout).toContain("- Two hundred metres\n- Next spring\n");
  }, 600_000);
});
