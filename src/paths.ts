import { fileURLToPath } from "node:url";
import { dirname, join, resolve } from "node:path";
import envPaths from "env-paths";
import { activePackContent } from "./courses/registry.js";

// The bundle lives in dist/ and the course beside it in content/, both in the package.
const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/**
 * Where the course is read from: API_ARCHITECT_CONTENT (tests and authors), else the pack chosen
 * with `course use`, else the built-in course.
 */
export function contentDir(): string {
  const override = process.env.API_ARCHITECT_CONTENT;
  if (override) return resolve(override);
  return activePackContent() ?? builtInContentDir();
}

export function builtInContentDir(): string {
  return join(packageRoot, "content");
}

/** Where the build puts the compiled built-in course. */
export function compiledDir(): string {
  return join(packageRoot, "dist");
}

/** Where progress and settings live: API_ARCHITECT_CONFIG_DIR, or the OS config directory (XDG on Linux). */
export function storeDir(): string {
  return process.env.API_ARCHITECT_CONFIG_DIR || envPaths("api-architect", { suffix: "" }).config;
}

/** The cache folder: API_ARCHITECT_CACHE_DIR, or the OS cache directory (bin/api-architect.js agrees). */
export function cacheRoot(): string {
  return process.env.API_ARCHITECT_CACHE_DIR || envPaths("api-architect", { suffix: "" }).cache;
}

/** A short, stable name for a string (FNV-1a, 64 bits): cache keys, not security. */
export function shortHash(text: string): string {
  let h = 0xcbf29ce484222325n;
  for (let i = 0; i < text.length; i++) h = BigInt.asUintN(64, (h ^ BigInt(text.charCodeAt(i))) * 0x100000001b3n);
  return h.toString(16).padStart(16, "0");
}

/**
 * Where a compiled copy of a course folder is cached: one folder per course path and compiled
 * format, so that two versions of the tutor sharing a cache never recompile each other's copy.
 */
export function cacheDirFor(root: string, format: number): string {
  return join(cacheRoot(), "courses", shortHash(`${resolve(root)}\u0000${format}`));
}

export function isBuiltInContent(dir: string): boolean {
  return resolve(dir) === join(packageRoot, "content");
}
