// A course compiled to JSON: course.json (validated model), lessons/<module>.json (pre-lexed
// sections) and search.json (the search index). The build writes one into dist/ for the built-in
// course; any other course folder gets one in the user's cache directory on first use. Each is
// used only while its stamp, a hash of the content, matches the folder on disk.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { lex } from "./markdown.js";
import type { Course } from "./model.js";

export const COMPILED_FORMAT = 3;

export interface CompiledCourse {
  format: number;
  stamp: string;
  course: Course;
}

/** A hash of every content file's path and bytes (npm pack does not keep mtimes). */
export function contentStamp(root: string): string {
  const hash = createHash("sha1");
  const files = (readdirSync(root, { recursive: true }) as string[]).filter((f) => /\.(md|ya?ml)$/.test(f)).sort();
  for (const f of files) {
    hash.update(f.replaceAll("\\", "/"));
    hash.update("\0");
    hash.update(readFileSync(join(root, f)));
    hash.update("\0");
  }
  return hash.digest("hex");
}

/** The compiled course in `dir`, if it was made from content with this stamp. */
export function readCompiled(dir: string, root: string, stamp: string): Course | undefined {
  const file = join(dir, "course.json");
  if (!existsSync(file)) return undefined;
  try {
    const data = JSON.parse(readFileSync(file, "utf8")) as CompiledCourse;
    if (data.format !== COMPILED_FORMAT || data.stamp !== stamp) return undefined;
    const c = data.course;
    c.dir = root;
    for (const m of c.modules) {
      m.file = join(root, m.file);
      if (m.lexed) m.lexed = join(dir, m.lexed);
    }
    for (const f of c.faq) f.file = join(root, f.file);
    for (const l of c.labs) l.file = join(root, l.file);
    c.references ??= [];
    for (const x of c.references) {
      x.file = join(root, x.file);
      if (x.lexed) x.lexed = join(dir, x.lexed);
    }
    return c;
  } catch {
    return undefined;
  }
}

/** Writes files so that a reader never sees half of one: a temporary name, then a rename. */
export function writeAtomic(file: string, data: string | Uint8Array): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, file);
}

export function writeCompiled(dir: string, root: string, course: Course, stamp: string): void {
  const portable: Course = {
    ...course,
    dir: "",
    modules: course.modules.map((m) => {
      const tokens = Object.fromEntries(m.sections.map((s) => [s.id, lex(s.markdown, s.line).tokens]));
      writeAtomic(join(dir, "lessons", `${m.id}.json`), JSON.stringify(tokens));
      return { ...m, file: relative(root, m.file), lexed: `lessons/${m.id}.json` };
    }),
    faq: course.faq.map((f) => ({ ...f, file: relative(root, f.file) })),
    labs: course.labs.map((l) => ({ ...l, file: relative(root, l.file) })),
    references: course.references.map((x) => {
      const tokens = Object.fromEntries(x.sections.map((s) => [s.id, lex(s.markdown, s.line).tokens]));
      writeAtomic(join(dir, "lessons", `ref-${x.id}.json`), JSON.stringify(tokens));
      return { ...x, file: relative(root, x.file), lexed: `lessons/ref-${x.id}.json` };
    }),
  };
  const out: CompiledCourse = { format: COMPILED_FORMAT, stamp, course: portable };
  writeAtomic(join(dir, "course.json"), JSON.stringify(out));
}
