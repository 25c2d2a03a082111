// Bundles the command line (dist/cli.js) and the pool's worker (dist/run/worker.js), each into
// one file, over tsc's output. Node resolves, reads and compiles every ES module file on its
// own, so the ~180 files a text run loaded (95 of them zod's) cost more start-up than the code
// they hold. Most packages that load only on some routes (jsdom, linkedom, piscina, the record
// parsers...) stay outside: required when needed, from node_modules, as before. dist/index.js
// (the library) is not bundled.
import { build } from "esbuild";
import { readFileSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const { dependencies } = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
/**
 * Packages bundled: those every run loads, and two of the HTML route's (parse5, Readability: in
 * the bundle they are part of one chunk that only an HTML run loads). Every other dependency stays
 * a package, loaded on first use by the routes that need it: jsdom, the record parsers, piscina,
 * and linkedom, which src/extract/dom.ts loads through require().
 */
const BUNDLED = new Set(["commander", "zod", "p-limit", "parse5", "@mozilla/readability", "linkedom"]);

// Chunk names carry a content hash: the previous build's chunks would otherwise stay behind.
rmSync(join(root, "dist/chunks"), { recursive: true, force: true });

/**
 * commander requires node:child_process at load (and with it net and dgram: five of Node's own
 * modules) for one thing: spawning a stand-alone executable subcommand, which chaff never declares. In the
 * bundle its require gets an object that loads the real module on first use instead.
 */
const childProcessOnUse = {
  name: "child-process-on-use",
  setup(build) {
    build.onResolve({ filter: /^node:child_process$/ }, (args) =>
      /[\\/]commander[\\/]/.test(args.importer) ? { path: "child_process", namespace: "on-use" } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: "on-use" }, () => ({
      contents: 'module.exports = new Proxy({}, { get: (_, name) => process.getBuiltinModule("node:child_process")[name] });',
      loader: "js",
    }));
  },
};

/**
 * linkedom is bundled (Node resolved, read and compiled its ~120 files one by one on every HTML
 * run), built with chaff's lazy EventTarget (src/extract/linkedom-events.ts, which says why) in
 * place of its `interface/event-target.js`. src/extract/linkedom-package.ts, which does that
 * through Node's module cache for linkedom from node_modules, is replaced by a module that
 * requires the bundled copy, and the parts of it chaff reads (LINKEDOM_PARTS: its symbols are
 * made per copy, so they must come from the copy that built the nodes).
 */
const bundledLinkedom = {
  name: "bundled-linkedom",
  setup(build) {
    build.onResolve({ filter: /event-target\.js$/ }, (args) =>
      /[\\/]linkedom[\\/]cjs[\\/]interface[\\/]event-target\.js$/.test(resolve(args.resolveDir, args.path)) ? { path: "event-target", namespace: "bundled-linkedom" } : undefined,
    );
    build.onResolve({ filter: /^\.\/linkedom-package\.js$/ }, (args) =>
      /[\\/]dist[\\/]extract$/.test(args.resolveDir) ? { path: "package", namespace: "bundled-linkedom" } : undefined,
    );
    // linkedom requires cssomnom (340 kB of CSS property tables) at load for one getter, a <style>
    // element's `sheet`, which chaff never reads: it is required from node_modules on first use.
    build.onResolve({ filter: /^cssomnom\/parse$/ }, (args) =>
      /[\\/]linkedom[\\/]cjs[\\/]html$/.test(args.resolveDir) ? { path: "cssomnom-parse", namespace: "bundled-linkedom" } : undefined,
    );
    build.onLoad({ filter: /^cssomnom-parse$/, namespace: "bundled-linkedom" }, () => ({
      contents: [
        'const { createRequire } = require("node:module");',
        'let parse;',
        'module.exports = { parse: (text) => (parse ??= createRequire(require.resolve("linkedom"))("cssomnom/parse").parse)(text) };',
      ].join("\n"),
      loader: "js",
      resolveDir: root,
    }));
    build.onLoad({ filter: /^event-target$/, namespace: "bundled-linkedom" }, () => ({
      contents: `export { DOMEventTarget as EventTarget } from ${JSON.stringify(join(root, "dist/extract/linkedom-events.js"))};`,
      loader: "js",
      resolveDir: root,
    }));
    // The parts of linkedom chaff reads (LINKEDOM_PARTS), each required by its path: the bundle's own copy.
    build.onLoad({ filter: /^package$/, namespace: "bundled-linkedom" }, async () => {
      const { LINKEDOM_PARTS } = await import(pathToFileURL(join(root, "dist/extract/linkedom-package.js")).href);
      const cjs = dirname(createRequire(join(root, "package.json")).resolve("linkedom"));
      const parts = LINKEDOM_PARTS.map((part) => `    case ${JSON.stringify(part)}: return require(${JSON.stringify(join(cjs, part))});`);
      return {
        contents: [
          'export function loadLinkedomPackage() { return require("linkedom"); }',
          `export const LINKEDOM_PARTS = ${JSON.stringify(LINKEDOM_PARTS)};`,
          "export function linkedomPart(part) {",
          "  switch (part) {",
          ...parts,
          "  }",
          '  throw new Error("not a part of linkedom chaff reads: " + part);',
          "}",
        ].join("\n"),
        loader: "js",
        resolveDir: root,
      };
    });
  },
};

/**
 * zod is required on the first parse of a schema (src/core/schema.ts says why), which a run of a
 * built-in pipeline never makes. src/core/zod-load.ts requires zod's own ~90 files; in the bundle
 * it is replaced by a module that requires dist/zod-mini.cjs, the functions chaff uses bundled
 * into one CommonJS file (an ES module chunk could only be imported, not required on demand).
 */
const bundledZod = {
  name: "bundled-zod",
  setup(build) {
    build.onResolve({ filter: /^\.\/zod-load\.js$/ }, (args) =>
      /[\\/]dist[\\/]core$/.test(args.resolveDir) ? { path: "zod-load", namespace: "bundled-zod" } : undefined,
    );
    build.onLoad({ filter: /^zod-load$/, namespace: "bundled-zod" }, () => ({
      contents: [
        `import { PACKAGE_ROOT } from ${JSON.stringify(join(root, "dist/run/package-root.js"))};`,
        'export function requireZod() { return require(PACKAGE_ROOT + "/dist/zod-mini.cjs"); }',
      ].join("\n"),
      loader: "js",
      resolveDir: root,
    }));
  },
};

await build({
  absWorkingDir: root,
  entryPoints: ["dist/core/zod-mini.js"],
  outfile: "dist/zod-mini.cjs",
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  logLevel: "warning",
});

await build({
  absWorkingDir: root,
  entryPoints: ["dist/cli.js", "dist/run/worker.js"],
  outdir: "dist",
  outbase: "dist",
  allowOverwrite: true,
  bundle: true,
  // Modules the command line imports on demand (a report, HTML extraction, the corpus stages) become
  // chunks of their own, loaded when a run needs them, as before bundling.
  splitting: true,
  chunkNames: "chunks/[name]-[hash]",
  platform: "node",
  format: "esm",
  target: "node20",
  sourcemap: true,
  // canvas: linkedom's optional peer, required in a try (it falls back to a shim without it).
  external: [...Object.keys(dependencies).filter((name) => !BUNDLED.has(name)), "canvas"],
  // commander is CommonJS and requires node's own modules: give the bundle a `require`.
  banner: { js: 'import { createRequire as __chaffRequire } from "node:module"; const require = __chaffRequire(import.meta.url);' },
  plugins: [childProcessOnUse, bundledLinkedom, bundledZod],
  logLevel: "warning",
});
