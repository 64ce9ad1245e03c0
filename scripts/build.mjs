// Bundles src/ into one CommonJS file, dist/main.cjs, which bin/api-architect.js runs with a V8
// code cache (see there): one file to read, and no parsing once the cache exists. Code a command
// does not use costs only its bytes: esbuild wraps modules reached through import() in lazy
// initialisers. highlight.js is cut down to the languages lessons show.
import { build } from "esbuild";
import { createHash } from "node:crypto";
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { fileURLToPath, pathToFileURL } from "node:url";
import { dirname, join } from "node:path";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));

// Parts of marked-terminal that our renderer replaces, stubbed so they are never loaded.
const unusedRendererParts = {
  name: "unused-renderer-parts",
  setup(b) {
    b.onResolve({ filter: /^cli-table3$/ }, (args) =>
      /marked-terminal/.test(args.importer) ? { path: join(root, "src/render/cli-table3-stub.cjs") } : undefined,
    );
    b.onResolve({ filter: /^node-emoji$/ }, () => ({ path: join(root, "src/render/node-emoji-stub.js") }));
    // Asks the terminal about hyperlinks when loaded (making process.stdout); our renderer draws links itself.
    b.onResolve({ filter: /^supports-hyperlinks$/ }, (args) =>
      /marked-terminal/.test(args.importer) ? { path: join(root, "src/render/supports-hyperlinks-stub.cjs") } : undefined,
    );
    b.onResolve({ filter: /^cli-highlight$/ }, (args) =>
      /marked-terminal/.test(args.importer) ? { path: join(root, "src/render/cli-highlight-stub.js") } : undefined,
    );
  },
};

// Libraries that only some runs need, each in its own file in dist/vendor/, required when first
// used: zod, yaml and ajv read and check course sources (validate, or a course not yet
// compiled), the OpenAPI validator serves labs and validate, cli-highlight colours
// code. Kept out of main.cjs, they cost the other runs nothing.
//   import specifier → [vendor file, what it exports]
const VENDOR = {
  zod: ["zod", 'module.exports = require("zod");'],
  yaml: ["yaml", 'module.exports = require("yaml");'],
  "cli-highlight": ["cli-highlight", 'module.exports = require("cli-highlight");'],
  // ajv-formats works on ajv's own code generator, so both live in one file.
  "ajv/dist/2020.js": ["ajv", 'module.exports = require("ajv/dist/2020.js"); Object.defineProperty(module.exports, "__formats", { value: require("ajv-formats") });'],
  "@seriousme/openapi-schema-validator": ["openapi-schema-validator", 'module.exports = require("@seriousme/openapi-schema-validator");'],
};
const vendorExternal = {
  name: "vendor-external",
  setup(b) {
    b.onResolve({ filter: /^(zod|yaml|cli-highlight|ajv\/dist\/2020(\.js)?|ajv-formats|@seriousme\/openapi-schema-validator)$/ }, (args) => {
      if (args.importer.includes("node_modules")) return undefined;
      if (args.path === "ajv-formats") return { path: "ajv-formats", namespace: "vendor-proxy" };
      const [file] = VENDOR[args.path.replace(/^ajv\/dist\/2020$/, "ajv/dist/2020.js")];
      return { path: `./vendor/${file}.cjs`, external: true };
    });
    b.onLoad({ filter: /^ajv-formats$/, namespace: "vendor-proxy" }, () => ({ contents: 'module.exports = require("./vendor/ajv.cjs").__formats;', loader: "js" }));
    b.onResolve({ filter: /^\.\/vendor\//, namespace: "vendor-proxy" }, (args) => ({ path: args.path, external: true }));
  },
};

// commander loads child_process (with net, dgram and streams) for executable subcommands, which
// the tutor does not have; every run would pay for it, --version included.
const noChildProcess = {
  name: "no-child-process",
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      /node_modules[\\/]commander[\\/]/.test(args.importer) ? { path: join(root, "src/child-process-stub.cjs") } : undefined,
    );
  },
};

// chalk asks supports-color about the terminal when loaded (node:tty, which loads net and the
// streams). output.ts decides colour itself and sets chalk.level, so the answer is never used.
const noColorDetection = {
  name: "no-color-detection",
  setup(b) {
    b.onResolve({ filter: /^#supports-color$/ }, (args) =>
      /node_modules[\\/]chalk[\\/]/.test(args.importer) ? { path: join(root, "src/render/supports-color-stub.js") } : undefined,
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
const program = (outfile, plugins = []) => ({
  absWorkingDir: root,
  entryPoints: ["src/main.ts"],
  outfile,
  bundle: true,
  format: "cjs",
  platform: "node",
  target: "node20",
  sourcemap: false,
  minify: !process.env.BUILD_NO_MINIFY,
  legalComments: "none",
  logLevel: "warning",
  define: { __VERSION__: JSON.stringify(pkg.version), "import.meta.url": "__bundleUrl" },
  // import() of a vendor file becomes require(): the bundle runs as a script, with no module loader.
  supported: { "dynamic-import": false },
  banner: { js: 'var __bundleUrl = require("node:url").pathToFileURL(__filename).href;' },
  plugins: [...plugins, highlightLanguages, unusedRendererParts, vendorExternal, noChildProcess, noColorDetection],
});
await build(program(join(out, "main.cjs")));

// `api-architect --help` needs only the command line's definition: help.cjs is the same program
// with every command's code left out (cli.ts imports each command when it runs), a tenth of the
// size, which the launcher runs for a bare --help.
const commandsLeftOut = {
  name: "commands-left-out",
  setup(b) {
    b.onResolve({ filter: /.*/ }, (args) =>
      args.kind === "dynamic-import" && /[\\/]src[\\/]cli\.ts$/.test(args.importer) ? { path: args.path, namespace: "left-out" } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: "left-out" }, () => ({ contents: "module.exports = {};", loader: "js" }));
  },
};
await build(program(join(out, "help.cjs"), [commandsLeftOut]));

for (const [file, contents] of Object.values(VENDOR)) {
  await build({
    absWorkingDir: root,
    stdin: { contents, resolveDir: root, loader: "js" },
    outfile: join(out, "vendor", `${file}.cjs`),
    bundle: true,
    format: "cjs",
    platform: "node",
    target: "node20",
    minify: true,
    legalComments: "none",
    logLevel: "warning",
    // A library that finds files beside itself (the OpenAPI validator's schemas) finds them beside its vendor file.
    define: { "import.meta.url": "__bundleUrl" },
    banner: { js: 'var __bundleUrl = require("node:url").pathToFileURL(__filename).href;' },
    plugins: [highlightLanguages],
  });
}
// The build's identity, on each bundle's first line: code caches are keyed by it, so a rebuilt
// program never meets a cache made for another.
// esbuild leaves a few characters outside ASCII (in regular expression literals); written as
// \u escapes, which mean the same in strings, regular expressions and names, the bundles are pure
// ASCII, and the launcher can read them as Latin-1 (no UTF-8 decoding).
const ascii = (file) => readFileSync(join(out, file), "utf8").replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
const bundles = { "main.cjs": ascii("main.cjs"), "help.cjs": ascii("help.cjs") };
const id = createHash("sha256").update(bundles["main.cjs"]).update(bundles["help.cjs"]).digest("hex").slice(0, 20);
// Written as the function the launcher calls (CommonJS's own wrapper), so that it compiles the
// file's text as it is, without first copying it into a wrapper.
for (const [file, code] of Object.entries(bundles)) writeFileSync(join(out, file), `/*api-architect ${id}*/\n(function (exports, require, module, __filename, __dirname) {${code}\n})`);
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
const problems = await compileCourse(join(root, "content"), out);
rmSync(join(out, "compile.mjs"));
if (problems.length) {
  console.warn(`build: content/ has ${problems.length} problem(s); nothing compiled:\n  ${problems.slice(0, 20).join("\n  ")}`);
}

// @seriousme/openapi-schema-validator reads the OpenAPI schemas beside its own module
// (importJSON("./schemas/...")): beside its vendor file.
cpSync(join(root, "node_modules/@seriousme/openapi-schema-validator/schemas"), join(out, "vendor", "schemas"), { recursive: true });

rmSync(join(root, "dist"), { recursive: true, force: true });
renameSync(out, join(root, "dist"));

// Code caches for the common commands, for bin/api-architect.js to use until the learner's own
// exist. A lesson's cache comes from a first view, which renders it (a repeat view is already
// fast; a first view is what needs the help). Made with this Node; another Node's V8 refuses them and compiles as usual.
// (Output goes to a pipe, as in scripts and the bench; a terminal run makes its own cache.)
if (!problems.length) {
  const scratch = mkdtempSync(join(tmpdir(), "aa-build-"));
  try {
    const env = { ...process.env, API_ARCHITECT_CACHE_DIR: join(scratch, "cache"), API_ARCHITECT_CONFIG_DIR: join(scratch, "config"), NO_COLOR: "1", API_ARCHITECT_PRIME_CACHE: "1" };
    for (const k of ["API_ARCHITECT_CONTENT", "NODE_OPTIONS", "FORCE_COLOR"]) delete env[k];
    const commands = [["--help"], ["learn", "1", "--plain"], ["faq", "retry"], ["search", "idempotency", "key"], ["explain", "idempotency"], ["modules", "--json"], ["progress", "--json"], ["roadmap"]];
    for (const args of commands) spawnSync(process.execPath, [join(root, "bin", "api-architect.js"), ...args], { env, stdio: ["ignore", "pipe", "ignore"], timeout: 60_000 });
    cpSync(join(scratch, "cache", "v8"), join(root, "dist", "v8"), { recursive: true });
  } catch {
    // Only the first run of each command after a build is slower without them.
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
