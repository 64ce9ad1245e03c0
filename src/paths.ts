import { fileURLToPath } from "node:url";
import { dirname, join, resolve } from "node:path";

// The bundle lives in dist/ and the course beside it in content/, both in the package.
const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** Where the course is read from. API_ARCHITECT_CONTENT lets tests and authors point elsewhere. */
export function contentDir(): string {
  const override = process.env.API_ARCHITECT_CONTENT;
  return override ? resolve(override) : join(packageRoot, "content");
}

/** The course compiled by the build, for the built-in content only. */
export function compiledCoursePath(): string {
  return join(packageRoot, "dist", "course.json");
}

export function isBuiltInContent(dir: string): boolean {
  return resolve(dir) === join(packageRoot, "content");
}

export function packageVersion(): string {
  // Injected by the build so that --version reads no file.
  return typeof __VERSION__ === "string" ? __VERSION__ : "0.0.0-dev";
}

declare const __VERSION__: string | undefined;
