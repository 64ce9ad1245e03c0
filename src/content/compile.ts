// Build step: validate the built-in course and compile it, with its search index, into dist/.
import { contentStamp, writeCompiled } from "./compiled.js";
import { loadCourseFrom } from "./loader.js";
import { writeIndex } from "../search/cache.js";

export function compileCourse(root: string, outDir: string): string[] {
  const { course, problems, lint } = loadCourseFrom(root);
  if (problems.length || !course) return problems;
  // Breaches of the house standard fail `validate` and the tests, not the learner's build.
  if (lint.length) console.warn(`build: content/ breaks the house standard in ${lint.length} place(s); run \`npx api-architect validate\``);
  const stamp = contentStamp(root);
  writeCompiled(outDir, root, course, stamp);
  writeIndex(outDir, course, stamp);
  return [];
}
