#!/usr/bin/env node
// Runs dist/main.cjs, the whole program in one bundle, through V8's code cache: the first run of
// each command compiles the bundle and saves what V8 compiled in the cache folder; later runs read
// it back instead of parsing again. The build leaves caches for the common commands in dist/v8/
// (used while the Node version matches). A cache is keyed by the bundle's id, the Node version and
// the command, and is only an optimisation: if it cannot be read or written, nothing else changes.
"use strict";
const fs = require("node:fs");

// The version is the package's: no need to load the program to say it.
if (process.argv.length === 3 && (process.argv[2] === "--version" || process.argv[2] === "-v")) {
  try {
    fs.writeSync(1, `${require("../package.json").version}\n`);
  } catch (e) {
    // As the program says it (see src/main.ts): a reader that went away is not an error.
    if (e.code !== "EPIPE") {
      const why = e.code === "ENOSPC" ? "the disk is full (no space or no free inodes left)" : "it was closed or cannot be written to";
      try {
        fs.writeSync(2, `api-architect: cannot write the output: ${why}\n`);
      } catch {
        // Nowhere to say it: the exit code does.
      }
      process.exitCode = 1;
    }
  }
  return;
}

const path = require("node:path");
const vm = require("node:vm");
const { createRequire } = require("node:module");

// A bare --help needs only the command line's definition: help.cjs, the program without its commands.
const help = process.argv.length === 3 && (process.argv[2] === "--help" || process.argv[2] === "-h");
const file = path.join(__dirname, "..", "dist", help ? "help.cjs" : "main.cjs");
let source;
try {
  // The build makes the bundle pure ASCII: Latin-1 reads it exactly, without UTF-8 decoding.
  source = fs.readFileSync(file, "latin1");
} catch {
  process.stderr.write("api-architect: the program is not built yet; run `npm install` (or `npm run build`) in its folder\n");
  process.exit(1);
}

/** The same folder as env-paths' cache directory for "api-architect" (see src/paths.ts). */
function cacheDir() {
  const env = process.env;
  if (env.API_ARCHITECT_CACHE_DIR) return env.API_ARCHITECT_CACHE_DIR;
  const home = env.HOME || env.USERPROFILE || require("node:os").homedir();
  if (process.platform === "darwin") return path.join(home, "Library", "Caches", "api-architect");
  if (process.platform === "win32") return path.join(env.LOCALAPPDATA || path.join(home, "AppData", "Local"), "api-architect", "Cache");
  return path.join(env.XDG_CACHE_HOME || path.join(home, ".cache"), "api-architect");
}

const id = /^\/\*api-architect ([0-9a-f]+)\*\//.exec(source)?.[1];
const args = process.argv.slice(2);
const first = args.find((a) => !a.startsWith("-"));
const meta = args.some((a) => /^(-v|--version|-h|--help)$/.test(a)) && (!first || args.indexOf(first) > args.findIndex((a) => a.startsWith("-")));
const command = help ? "help" : meta ? "meta" : first === undefined ? "home" : /^[a-z]{2,12}$/.test(first) ? first : "other";
// Terminals and pipes take different paths through a command (screens or plain text). fstat, not
// process.stdout: making the stream would load more than the whole of --version needs.
let onTerminal = false;
try {
  onTerminal = fs.fstatSync(1).isCharacterDevice();
} catch {
  // No stdout at all.
}
const cacheFile = id && path.join(cacheDir(), "v8", `${id}-${process.version}-${process.arch}-${command}-${onTerminal ? "tty" : "pipe"}.bin`);

// A bare --help into a pipe or a file says the same for the same build and COLUMNS: the text is
// kept after the first time and written straight out. (On a terminal the width is the
// terminal's, which only the program asks for.)
const helpFile = help && !onTerminal && id && path.join(cacheDir(), "help", `${id}-${(process.env.COLUMNS ?? "").replace(/[^0-9]/g, "").slice(0, 6)}.txt`);
if (helpFile) {
  let text;
  try {
    text = fs.readFileSync(helpFile, "latin1");
  } catch {
    // Not kept yet: the program writes it below.
  }
  if (text !== undefined && /^\0api-architect help\n/.test(text)) {
    try {
      fs.writeSync(1, Buffer.from(text.slice(text.indexOf("\n") + 1), "latin1"));
    } catch (e) {
      if (e.code !== "EPIPE") process.exitCode = 1;
    }
    return;
  }
}

// The learner's own cache first; else the one the build made beside the bundle (for the Node
// that built it), so that even the first run after installing need not compile everything.
let cachedData;
for (const f of cacheFile ? [cacheFile, path.join(path.dirname(file), "v8", path.basename(cacheFile))] : []) {
  try {
    cachedData = fs.readFileSync(f);
    break;
  } catch {
    // Not there.
  }
}
// The file holds one function expression, CommonJS's module wrapper around the bundle.
const script = new vm.Script(source, { filename: file, cachedData });
if (cacheFile && (!cachedData || script.cachedDataRejected)) {
  process.once("exit", (code) => {
    // Only a run that went well is a fair sample of what the command compiles; the program may
    // also say that this run was not (a lesson rendered for the first time, say).
    // (The build asks for every path to be kept: it primes the caches in dist/v8/.)
    if (code !== 0 || (globalThis[Symbol.for("api-architect.no-code-cache")] && !process.env.API_ARCHITECT_PRIME_CACHE)) return;
    try {
      const data = script.createCachedData();
      // One folder at a time: a recursive mkdir can loop for ever (under /proc, for one).
      const missing = [];
      for (let d = path.dirname(cacheFile); !fs.existsSync(d) && path.dirname(d) !== d; d = path.dirname(d)) missing.unshift(d);
      for (const d of missing) fs.mkdirSync(d);
      const tmp = `${cacheFile}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, data);
      fs.renameSync(tmp, cacheFile);
      // Caches made for other builds or other Node versions are never read again.
      const mine = `${id}-${process.version}-`;
      for (const f of fs.readdirSync(path.dirname(cacheFile))) {
        if (!f.startsWith(mine)) fs.rmSync(path.join(path.dirname(cacheFile), f), { force: true });
      }
    } catch {
      // A cache that cannot be written only costs speed.
    }
  });
}
if (helpFile) {
  // What the program writes to stdout, to keep once it has ended well.
  const written = [];
  const writeSync = fs.writeSync;
  fs.writeSync = function (fd, data, ...rest) {
    const n = writeSync.call(this, fd, data, ...rest);
    if (fd === 1) written.push(Buffer.from(typeof data === "string" ? data : data.subarray(rest[0] ?? 0, (rest[0] ?? 0) + n)));
    return n;
  };
  process.once("exit", (code) => {
    if (code !== 0 || !written.length) return;
    try {
      const dir = path.dirname(helpFile);
      const missing = [];
      for (let d = dir; !fs.existsSync(d) && path.dirname(d) !== d; d = path.dirname(d)) missing.unshift(d);
      for (const d of missing) fs.mkdirSync(d);
      const tmp = `${helpFile}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, Buffer.concat([Buffer.from("\0api-architect help\n"), ...written]));
      fs.renameSync(tmp, helpFile);
      for (const f of fs.readdirSync(dir)) if (!f.startsWith(`${id}-`)) fs.rmSync(path.join(dir, f), { force: true });
    } catch {
      // A text that cannot be kept only costs speed.
    }
  });
}
// Caches built from the program's output (rendered lessons) are keyed by the bundle too.
globalThis[Symbol.for("api-architect.bundle")] = id;
const mod = { exports: {} };
script.runInThisContext()(mod.exports, createRequire(file), mod, file, path.dirname(file));
