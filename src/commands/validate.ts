// `validate [dir]`: check a course folder, every problem as file:line: message.
import { join, resolve } from "node:path";
import { loadCourseFrom } from "../content/loader.js";
import { missingCourseFolder } from "../content/course-files.js";
import { visible } from "../content/sanitize.js";
import { EXIT, UsageError } from "../errors.js";
import type { GlobalOptions } from "../options.js";
import { terminal } from "../output.js";
import { contentDir } from "../paths.js";

export async function validate(dir: string | undefined, g: GlobalOptions): Promise<number> {
  const term = terminal(g.color, "auto", g.io);
  const root = dir ? resolve(dir) : contentDir();
  if (missingCourseFolder(root)) throw new UsageError(`${visible(root)} is not a folder; give the course folder to check (the one with course.yaml)`);
  const loaded = loadCourseFrom(root);
  const { course, warnings } = loaded;
  const problems = [...loaded.problems, ...loaded.lint];
  for (const w of warnings) term.note(`warning: ${w}`);
  const contract = course?.contract;
  if (contract) {
    const { validateOpenApi } = await import("../content/openapi-doc.js");
    problems.push(...(await validateOpenApi(join(root, contract))).map((p) => p.replace(`${root}/`, "")));
  }
  if (problems.length || !course) {
    for (const p of problems) term.note(p);
    term.warn(`${problems.length} problem${problems.length === 1 ? "" : "s"} in ${visible(root)}`);
    return EXIT.failure;
  }
  const questions = course.modules.reduce((n, m) => n + m.quiz.length, 0);
  const sections = course.modules.reduce((n, m) => n + m.sections.length, 0);
  term.print(`${visible(root)}: ok${warnings.length ? ` (${warnings.length} warning${warnings.length === 1 ? "" : "s"})` : ""} — ${course.modules.length} modules, ${sections} sections, ${questions} quiz questions, ${course.faq.length} FAQ entries, ${course.stages.length} stages, ${course.glossary.length} glossary terms, ${course.labs.length} labs (${course.labs.reduce((n, l) => n + l.checks.length, 0)} checks)`);
  return EXIT.ok;
}
