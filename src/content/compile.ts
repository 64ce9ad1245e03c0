// Build step: validate the built-in course and compile it, with its search index and its stamp
// record, into dist/.
import { realpathSync } from "node:fs";
import { join } from "node:path";
import { writeAtomic } from "./compiled.js";
import { writeCompiled } from "./write-compiled.js";
import { loadCourseFrom } from "./loader.js";
import { computeStamp, STAMP_FILE } from "./stamp.js";
import { writeIndex } from "../search/cache.js";

export async function compileCourse(root: string, outDir: string): Promise<string[]> {
  const { course, problems, lint } = loadCourseFrom(root);
  if (problems.length || !course) return problems;
  // Breaches of the house standard fail `validate` and the tests, not the learner's build.
  if (lint.length) console.warn(`build: content/ breaks the house standard in ${lint.length} place(s); run \`npx api-architect validate\``);
  const record = await computeStamp(realpathSync.native(root));
  writeCompiled(outDir, root, course, record.stamp);
  writeIndex(outDir, course, record.stamp);
  writeAtomic(join(outDir, STAMP_FILE), JSON.stringify(record));
  return [];
}
