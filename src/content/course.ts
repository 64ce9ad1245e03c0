// Opens the course for a command: a compiled copy whose stamp matches the content, else the
// sources (validated, every problem reported), compiled into the cache for next time.
import { writeCompiled, contentStamp, readCompiled } from "./compiled.js";
import type { Course } from "./model.js";
import { cacheDirFor, compiledDir, contentDir, isBuiltInContent } from "../paths.js";
import { missingCourseFolder } from "./course-files.js";
import { visible } from "./sanitize.js";
import { UsageError } from "../errors.js";

export interface OpenedCourse {
  course: Course;
  root: string;
  stamp: string;
  /** Folders that may hold compiled artefacts for this content, most preferred first. */
  cacheDirs: string[];
}

export async function openCourse(): Promise<OpenedCourse> {
  const root = contentDir();
  if (missingCourseFolder(root)) {
    throw new UsageError(`the course folder ${visible(root)} does not exist${process.env.API_ARCHITECT_CONTENT ? " (API_ARCHITECT_CONTENT names it)" : ""}`);
  }
  const stamp = contentStamp(root);
  const cacheDirs = [...(isBuiltInContent(root) ? [compiledDir()] : []), cacheDirFor(root)];
  for (const dir of cacheDirs) {
    const course = readCompiled(dir, root, stamp);
    if (course) return { course, root, stamp, cacheDirs };
  }
  const { loadCourse } = await import("./loader.js");
  const course = loadCourse(root);
  try {
    writeCompiled(cacheDirFor(root), root, course, stamp);
  } catch {
    // A cache that cannot be written only costs speed.
  }
  return { course, root, stamp, cacheDirs };
}
