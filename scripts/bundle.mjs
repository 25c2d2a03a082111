// Bundles the command line (dist/cli.js) and the pool's worker (dist/run/worker.js), each into
// one file, over tsc's output. Node resolves, reads and compiles every ES module file on its
// own, so the ~180 files a text run loaded (95 of them zod's) cost more start-up than the code
// they hold. Most packages that load only on some routes (jsdom, linkedom, piscina, the record
// parsers...) stay outside: required when needed, from node_modules, as before. dist/index.js
// (the library) is not bundled.
import { build } from "esbuild";
import { readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const { dependencies } = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
/**
 * Packages bundled: those every run loads, and two of the HTML route's (parse5, Readability: in
 * the bundle they are part of one chunk that only an HTML run loads). Every other dependency stays
 * a package, loaded on first use by the routes that need it: jsdom, the record parsers, piscina,
 * and linkedom, which src/extract/dom.ts loads through require().
 */
const BUNDLED = new Set(["commander", "zod", "p-limit", "parse5", "@mozilla/readability"]);

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
  external: Object.keys(dependencies).filter((name) => !BUNDLED.has(name)),
  // commander is CommonJS and requires node's own modules: give the bundle a `require`.
  banner: { js: 'import { createRequire as __chaffRequire } from "node:module"; const require = __chaffRequire(import.meta.url);' },
  plugins: [childProcessOnUse],
  logLevel: "warning",
});
