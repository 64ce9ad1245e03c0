// A course compiled to JSON, in a folder of its own:
//   course.json          the validated model, without the lessons' text (small, read by most commands);
//   text/<module>.json   each section's markdown (read when a section is searched or re-lexed);
//   lessons/<module>.json each section's tokens, pre-lexed (read when a lesson is rendered);
//   faq/<id>.json        each FAQ answer's tokens, pre-lexed (the lexer's first run costs more
//                        than the rest of a command: its regular expressions are compiled then);
//   quiz/<module>.json   what each question says (prompt, options, explanations);
//   labs/<id>.json       each lab's steps, setup and solution;
//   search/…             the search index (see search/cache.ts);
//   stamp.json           the stamp of the content it was made from (see stamp.ts).
// The build writes one into dist/ for the built-in course; any other course folder gets one in
// the user's cache directory on first use. Each is used only while its stamp matches the content.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { readRegularFile, writeAtomic } from "../files.js";
import type { Course } from "./model.js";

export const COMPILED_FORMAT = 4;

export { writeAtomic };

export interface CompiledCourse {
  format: number;
  stamp: string;
  course: Course;
}

const MAX_COMPILED_BYTES = 256 << 20;

/**
 * Gives `obj` the fields its "$lazy" list names, each read on first use from `load()` (a file
 * read once for all the objects that share it).
 */
function lazyFields(obj: Record<string, unknown>, load: () => Record<string, unknown>): void {
  const keys = obj.$lazy as string[] | undefined;
  delete obj.$lazy;
  for (const key of keys ?? []) {
    Object.defineProperty(obj, key, {
      configurable: true,
      enumerable: true,
      get: () => load()[key],
      set(value) {
        Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
      },
    });
  }
}

/** A loader that reads `file` the first time it is called. */
function once<T>(file: string, fallback: T): () => T {
  let value: T | undefined;
  return () => (value ??= readJson<T>(file) ?? fallback);
}

function readJson<T>(file: string): T | undefined {
  const buf = readRegularFile(file, MAX_COMPILED_BYTES);
  return buf ? (JSON.parse(buf.toString("utf8")) as T) : undefined;
}

/** The compiled course in `dir`, if it was made from content with this stamp. */
export function readCompiled(dir: string, root: string, stamp: string): Course | undefined {
  const file = join(dir, "course.json");
  if (!existsSync(file)) return undefined;
  try {
    const data = readJson<CompiledCourse>(file);
    if (!data || data.format !== COMPILED_FORMAT || data.stamp !== stamp) return undefined;
    const c = data.course;
    c.dir = root;
    for (const m of c.modules) {
      const quiz = once<Record<string, unknown>[]>(join(dir, "quiz", `${m.id}.json`), []);
      m.quiz.forEach((q, i) => lazyFields(q as unknown as Record<string, unknown>, () => quiz()[i] ?? {}));
      m.file = join(root, m.file);
      if (m.lexed) m.lexed = join(dir, m.lexed);
      // Each module's text is read the first time one of its sections needs it.
      let text: Record<string, string> | undefined;
      const textFile = join(dir, "text", `${m.id}.json`);
      for (const s of m.sections) {
        Object.defineProperty(s, "markdown", {
          configurable: true,
          enumerable: true,
          get() {
            text ??= readJson<Record<string, string>>(textFile) ?? {};
            return text[s.id] ?? "";
          },
        });
      }
    }
    for (const f of c.faq) {
      f.file = join(root, f.file);
      if (f.lexed) f.lexed = join(dir, f.lexed);
    }
    for (const l of c.labs) {
      l.file = join(root, l.file);
      const full = once<{ lab: Record<string, unknown>; checks: Record<string, unknown>[] }>(join(dir, "labs", `${l.id}.json`), { lab: {}, checks: [] });
      lazyFields(l as unknown as Record<string, unknown>, () => full().lab);
      l.checks.forEach((ch, i) => lazyFields(ch as unknown as Record<string, unknown>, () => full().checks[i] ?? {}));
    }
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
