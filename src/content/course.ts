// Opens the course for a command: a compiled copy whose stamp matches the content, else the
// sources (validated, every problem reported), compiled into the cache for next time.
import { COMPILED_FORMAT, readCompiled } from "./compiled.js";
import type { Course } from "./model.js";
import { courseRoot, courseStamp } from "./stamp.js";
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

export interface CourseSource {
  root: string;
  stamp: string;
  cacheDirs: string[];
}

/** Where the course is and its stamp, without reading the course itself. */
export async function courseSource(): Promise<CourseSource> {
  const root = contentDir();
  if (missingCourseFolder(root)) {
    throw new UsageError(`the course folder ${visible(root)} does not exist${process.env.API_ARCHITECT_CONTENT ? " (API_ARCHITECT_CONTENT names it)" : ""}`);
  }
  const real = courseRoot(root);
  const cache = cacheDirFor(root, COMPILED_FORMAT);
  const cacheDirs = [...(isBuiltInContent(root) ? [compiledDir()] : []), cache];
  return { root, stamp: await courseStamp(real, cacheDirs, cache), cacheDirs };
}

export async function openCourse(source?: CourseSource): Promise<OpenedCourse> {
  const { root, stamp, cacheDirs } = source ?? (await courseSource());
  for (const dir of cacheDirs) {
    const course = readCompiled(dir, root, stamp);
    if (course) return { course, root, stamp, cacheDirs };
  }
  const { loadCourse } = await import("./loader.js");
  const course = loadCourse(root);
  try {
    const { writeCompiled } = await import("./write-compiled.js");
    writeCompiled(cacheDirs.at(-1)!, root, course, stamp);
  } catch {
    // A cache that cannot be written only costs speed.
  }
  return { course, root, stamp, cacheDirs };
}
