// Writes a compiled course (see compiled.ts for the layout). Apart from the reading side, which
// every command uses, because lexing lessons needs the markdown lexer.
import { join, relative } from "node:path";
import { writeAtomic } from "../files.js";
import { COMPILED_FORMAT, type CompiledCourse } from "./compiled.js";
import { lex } from "./markdown.js";
import type { Course } from "./model.js";

export function writeCompiled(dir: string, root: string, course: Course, stamp: string): void {
  const portable: Course = {
    ...course,
    dir: "",
    modules: course.modules.map((m) => {
      const tokens = Object.fromEntries(m.sections.map((s) => [s.id, lex(s.markdown, s.line).tokens]));
      writeAtomic(join(dir, "lessons", `${m.id}.json`), JSON.stringify(tokens));
      writeAtomic(join(dir, "text", `${m.id}.json`), JSON.stringify(Object.fromEntries(m.sections.map((s) => [s.id, s.markdown]))));
      return {
        ...m,
        file: relative(root, m.file),
        lexed: `lessons/${m.id}.json`,
        sections: m.sections.map(({ id, title, line }) => ({ id, title, line }) as Course["modules"][number]["sections"][number]),
      };
    }),
    faq: course.faq.map((f) => {
      writeAtomic(join(dir, "faq", `${f.id}.json`), JSON.stringify(lex(f.markdown, f.bodyLine).tokens));
      return { ...f, file: relative(root, f.file), lexed: `faq/${f.id}.json` };
    }),
    labs: course.labs.map((l) => ({ ...l, file: relative(root, l.file) })),
    references: course.references.map((x) => {
      const tokens = Object.fromEntries(x.sections.map((s) => [s.id, lex(s.markdown, s.line).tokens]));
      writeAtomic(join(dir, "lessons", `ref-${x.id}.json`), JSON.stringify(tokens));
      return { ...x, file: relative(root, x.file), lexed: `lessons/ref-${x.id}.json` };
    }),
  };
  const out: CompiledCourse = { format: COMPILED_FORMAT, stamp, course: portable };
  // Written last: a course.json with this stamp means everything above is in place.
  writeAtomic(join(dir, "course.json"), JSON.stringify(out));
}
