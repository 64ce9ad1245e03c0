import { join, resolve } from "node:path";
import { loadCourseFrom } from "../content/loader.js";
import { EXIT } from "../errors.js";
import { print, warn } from "../output.js";
import { contentDir } from "../paths.js";
import type { GlobalOptions } from "../cli.js";

export async function validate(dir: string | undefined, _g: GlobalOptions): Promise<number> {
  const root = dir ? resolve(dir) : contentDir();
  const loaded = loadCourseFrom(root);
  const { course, warnings } = loaded;
  const problems = [...loaded.problems, ...loaded.lint];
  for (const w of warnings) process.stderr.write(`warning: ${w}\n`);
  const contract = course?.contract;
  if (contract) {
    const { validateOpenApi } = await import("../content/openapi-doc.js");
    problems.push(...(await validateOpenApi(join(root, contract))).map((p) => p.replace(`${root}/`, "")));
  }
  if (problems.length || !course) {
    for (const p of problems) process.stderr.write(`${p}\n`);
    warn(`${problems.length} problem${problems.length === 1 ? "" : "s"} in ${root}`);
    return EXIT.failure;
  }
  const questions = course.modules.reduce((n, m) => n + m.quiz.length, 0);
  const sections = course.modules.reduce((n, m) => n + m.sections.length, 0);
  print(`${root}: ok${warnings.length ? ` (${warnings.length} warning${warnings.length === 1 ? "" : "s"})` : ""} — ${course.modules.length} modules, ${sections} sections, ${questions} quiz questions, ${course.faq.length} FAQ entries, ${course.stages.length} stages, ${course.glossary.length} glossary terms, ${course.labs.length} labs (${course.labs.reduce((n, l) => n + l.checks.length, 0)} checks)`);
  return EXIT.ok;
}

