// Build step: validate the course and write it as one JSON file (see compiled.ts), plus each
// lesson's sections already lexed, so showing a lesson skips markdown parsing.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { COMPILED_FORMAT, contentStamp, type CompiledCourse } from "./compiled.js";
import { loadCourseFrom } from "./loader.js";
import { lex } from "./markdown.js";

export function compileCourse(root: string, outFile: string): string[] {
  const { course, problems } = loadCourseFrom(root);
  if (problems.length || !course) return problems;
  const lexedDir = join(dirname(outFile), "lessons");
  mkdirSync(lexedDir, { recursive: true });
  const portable = {
    ...course,
    dir: "",
    modules: course.modules.map((m) => {
      const tokens = Object.fromEntries(m.sections.map((s) => [s.id, lex(s.markdown, s.line).tokens]));
      writeFileSync(join(lexedDir, `${m.id}.json`), JSON.stringify(tokens));
      return { ...m, file: relative(root, m.file), lexed: `lessons/${m.id}.json` };
    }),
    faq: course.faq.map((f) => ({ ...f, file: relative(root, f.file) })),
  };
  const out: CompiledCourse = { format: COMPILED_FORMAT, stamp: contentStamp(root), course: portable };
  writeFileSync(outFile, JSON.stringify(out));
  return [];
}
