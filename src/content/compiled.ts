// The built-in course, compiled at build time to dist/course.json. It is used only while its
// stamp matches the content on disk, so an edited lesson is never shown stale.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Course } from "./model.js";

export const COMPILED_FORMAT = 1;

export interface CompiledCourse {
  format: number;
  stamp: string;
  course: Course;
}

/** A hash of every content file's path and bytes (mtimes are not kept by npm pack). */
export function contentStamp(root: string): string {
  const hash = createHash("sha1");
  const files = (readdirSync(root, { recursive: true }) as string[]).filter((f) => /\.(md|ya?ml)$/.test(f)).sort();
  for (const f of files) {
    hash.update(f.replaceAll("\\", "/"));
    hash.update("\0");
    hash.update(readFileSync(join(root, f)));
    hash.update("\0");
  }
  return hash.digest("hex");
}

/** Paths inside the compiled course are relative to the content folder. */
export function readCompiled(file: string, root: string): Course | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const data = JSON.parse(readFileSync(file, "utf8")) as CompiledCourse;
    if (data.format !== COMPILED_FORMAT || data.stamp !== contentStamp(root)) return undefined;
    const c = data.course;
    c.dir = root;
    for (const m of c.modules) {
      m.file = join(root, m.file);
      if (m.lexed) m.lexed = join(dirname(file), m.lexed);
    }
    for (const f of c.faq) f.file = join(root, f.file);
    return c;
  } catch {
    return undefined;
  }
}
