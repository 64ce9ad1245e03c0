// Bundles src/ into dist/ with esbuild. Commands are split into their own chunks so that each
// invocation loads only what it uses; highlight.js is cut down to the languages lessons show.
import { build } from "esbuild";
import { readFileSync, renameSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));

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
  legalComments: "none",
  logLevel: "warning",
  define: { __VERSION__: JSON.stringify(pkg.version) },
  // Bundled CommonJS packages call require() for Node built-ins.
  banner: { js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);' },
  plugins: [highlightLanguages],
});
rmSync(join(root, "dist"), { recursive: true, force: true });
renameSync(out, join(root, "dist"));
