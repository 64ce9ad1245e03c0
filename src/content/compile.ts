// Build step: validate the built-in course and compile it, with its search index, into dist/.
import { contentStamp, writeCompiled } from "./compiled.js";
import { loadCourseFrom } from "./loader.js";
import { writeIndex } from "../search/cache.js";

export function compileCourse(root: string, outDir: string): string[] {
  const { course, problems } = loadCourseFrom(root);
  if (problems.length || !course) return problems;
  const stamp = contentStamp(root);
  writeCompiled(outDir, root, course, stamp);
  writeIndex(outDir, course, stamp);
  return [];
}
