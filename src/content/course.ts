// Opens the course for a command: the compiled copy when it is current, else the sources
// (validated, with every problem reported).
import type { Course } from "./model.js";
import { readCompiled } from "./compiled.js";
import { compiledCoursePath, contentDir, isBuiltInContent } from "../paths.js";

export async function openCourse(): Promise<Course> {
  const root = contentDir();
  if (isBuiltInContent(root)) {
    const compiled = readCompiled(compiledCoursePath(), root);
    if (compiled) return compiled;
  }
  const { loadCourse } = await import("./loader.js");
  return loadCourse(root);
}
