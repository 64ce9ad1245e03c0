// Bundles src/ into dist/ with esbuild. Commands are split into their own chunks so that each
// invocation loads only what it uses; highlight.js is cut down to the languages lessons show.
import { build } from "esbuild";
import { cpSync, readFileSync, renameSync, rmSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { dirname, join } from "node:path";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));

const unusedAjv = {
  name: "unused-ajv",
  setup(b) {
    // Only conf's copy: the content validator and the labs use ajv for real.
    b.onResolve({ filter: /^ajv(-formats|\/dist\/2020\.js)?$/ }, (args) => (/node_modules[\\/]conf[\\/]/.test(args.importer) ? { path: join(root, "src/store/conf-stub.cjs") } : undefined));
    // conf uses semver only for its `migrations` option, which we do not use (see migrate.ts).
    b.onResolve({ filter: /^semver$/ }, (args) => (/node_modules[\\/]conf[\\/]/.test(args.importer) ? { path: join(root, "src/store/conf-stub.cjs") } : undefined));
  },
};

// Parts of marked-terminal that our renderer replaces, stubbed so they are never loaded.
const unusedRendererParts = {
  name: "unused-renderer-parts",
  setup(b) {
    b.onResolve({ filter: /^cli-table3$/ }, (args) =>
      /marked-terminal/.test(args.importer) ? { path: join(root, "src/render/cli-table3-stub.cjs") } : undefined,
    );
    b.onResolve({ filter: /^node-emoji$/ }, () => ({ path: join(root, "src/render/node-emoji-stub.js") }));
    b.onResolve({ filter: /^cli-highlight$/ }, (args) =>
      /marked-terminal/.test(args.importer) ? { path: join(root, "src/render/cli-highlight-stub.js") } : undefined,
    );
  },
};

const highlightLanguages = {
  name: "highlight-languages",
  setup(b) {
    b.onResolve({ filter: /^highlight\.js$/ }, () => ({ path: join(root, "src/render/hljs.cjs") }));
  },
};

// Build beside dist/ and swap it in, so a running binary never sees a half-written bundle.
const out = join(root, `dist.tmp-${process.pid}`);
rmSync(out, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: ["src/main.ts"],
  outdir: out,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  sourcemap: false,
  minify: true,
  legalComments: "none",
  logLevel: "warning",
  define: { __VERSION__: JSON.stringify(pkg.version) },
  // Bundled CommonJS packages call require() for Node built-ins.
  banner: { js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);' },
  plugins: [highlightLanguages, unusedAjv, unusedRendererParts],
});
// Compile the built-in course once, so commands read one JSON file instead of parsing and
// validating every lesson on every run. Invalid content is reported and left uncompiled:
// the CLI then reads the sources and shows the problems.
await build({
  absWorkingDir: root,
  entryPoints: ["src/content/compile.ts"],
  outfile: join(out, "compile.mjs"),
  bundle: true,
  format: "esm",
  platform: "node",
  target: "node20",
  logLevel: "warning",
  banner: { js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);' },
});
const { compileCourse } = await import(pathToFileURL(join(out, "compile.mjs")).href);
const problems = compileCourse(join(root, "content"), out);
rmSync(join(out, "compile.mjs"));
if (problems.length) {
  console.warn(`build: content/ has ${problems.length} problem(s); nothing compiled:\n  ${problems.slice(0, 20).join("\n  ")}`);
}

// @seriousme/openapi-schema-validator reads the OpenAPI schemas beside its own module
// (new URL("./schemas/...", import.meta.url)); in the bundle that module is a chunk in dist/.
cpSync(join(root, "node_modules/@seriousme/openapi-schema-validator/schemas"), join(out, "schemas"), { recursive: true });

rmSync(join(root, "dist"), { recursive: true, force: true });
renameSync(out, join(root, "dist"));
