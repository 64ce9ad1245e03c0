// `export <module|faq|roadmap|all>`: the course as one Markdown document, to read in any viewer.
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import type { GlobalOptions } from "../options.js";
import { openCourse } from "../content/course.js";
import { visible } from "../content/sanitize.js";
import { openCourseStore } from "../courses/course-store.js";
import { CliError, EXIT } from "../errors.js";
import { resolveModule, resolveStack } from "../learn/resolve.js";
import { exportMarkdown, type ExportTarget } from "../render/export-markdown.js";
import { terminal } from "../output.js";

export interface ExportOptions {
  stack?: string;
  quiz?: boolean;
  output?: string;
}

export async function exportCommand(what: string, opts: ExportOptions, g: GlobalOptions): Promise<number> {
  const term = terminal(false, "never", g.io);
  const { course } = await openCourse();
  const key = what.trim().toLowerCase();
  const target: ExportTarget = key === "all" ? { kind: "all" } : key === "faq" ? { kind: "faq" } : key === "roadmap" ? { kind: "roadmap" } : { kind: "module", module: resolveModule(course, what) };
  const stack = opts.stack ? resolveStack(opts.stack) : ((await openCourseStore(g.io?.env)).settings().stack ?? "typescript");
  const text = exportMarkdown(course, target, { stack, quiz: Boolean(opts.quiz) });
  if (!opts.output || opts.output === "-") {
    term.write(text);
    return EXIT.ok;
  }
  const file = resolve(opts.output);
  try {
    writeFileSync(file, text);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "its folder does not exist" : code === "EACCES" || code === "EPERM" ? "permission denied" : code === "EISDIR" ? "it is a folder" : code === "ENOSPC" ? "the disk is full" : "it cannot be written";
    throw new CliError(`cannot write ${visible(file)}: ${why}`);
  }
  term.note(`Wrote ${visible(file)}`);
  return EXIT.ok;
}

