import { fileURLToPath } from "node:url";
import { dirname, join, resolve } from "node:path";
import { createHash } from "node:crypto";
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

/** Where a compiled copy of any course folder is cached: one folder per course path. */
export function cacheDirFor(root: string): string {
  const base = process.env.API_ARCHITECT_CACHE_DIR || envPaths("api-architect", { suffix: "" }).cache;
  return join(base, "courses", createHash("sha1").update(resolve(root)).digest("hex").slice(0, 16));
}

export function isBuiltInContent(dir: string): boolean {
  return resolve(dir) === join(packageRoot, "content");
}

