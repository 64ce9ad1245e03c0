// A course compiled to JSON, in a folder of its own:
//   course.json          the validated model, without the lessons' text (small, read by most commands);
//   text/<module>.json   each section's markdown (read when a section is searched or re-lexed);
//   text/faq.json        each FAQ answer's markdown (read by `faq` to filter, and to index);
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
import { sep } from "node:path";
import { readRegularFile, writeAtomic } from "../files.js";
import type { Course } from "./model.js";

export const COMPILED_FORMAT = 5;

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

const INDEX = Symbol("index");

/**
 * Objects made from stubs whose other fields (`keys`) are read on first use from the record at
 * the same index in `load()`. The getters live on one prototype shared by the whole list: defining
 * properties on each object costs more than reading the course (thousands of them at 10x).
 * `toJSON` gives the whole object.
 */
function lazyList<T>(stubs: readonly Record<string, unknown>[], keys: readonly string[], load: () => Record<string, unknown>[]): T[] {
  const proto: Record<PropertyKey, unknown> = {};
  for (const key of keys) {
    Object.defineProperty(proto, key, {
      configurable: true,
      enumerable: true,
      get(this: Record<PropertyKey, unknown>) {
        return load()[this[INDEX] as number]?.[key];
      },
      set(this: Record<PropertyKey, unknown>, value: unknown) {
        Object.defineProperty(this, key, { value, writable: true, enumerable: true, configurable: true });
      },
    });
  }
  Object.defineProperty(proto, "toJSON", {
    value(this: Record<PropertyKey, unknown>) {
      const out: Record<string, unknown> = {};
      for (const key of keys) out[key] = this[key];
      return Object.assign(out, this);
    },
  });
  return stubs.map((stub, i) => {
    const o = Object.create(proto) as Record<PropertyKey, unknown>;
    for (const k in stub) if (k !== "$lazy") o[k] = stub[k];
    o[INDEX] = i;
    return o as T;
  });
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

/**
 * A path inside a folder, for names this code wrote itself (no "..", no doubled separators):
 * path.join's normalising, a thousand times over at 10x, costs more than the rest of opening.
 */
const at = (...parts: string[]) => parts.join(sep);

/** The compiled course in `dir`, if it was made from content with this stamp. */
export function readCompiled(dir: string, root: string, stamp: string): Course | undefined {
  const file = at(dir, "course.json");
  if (!existsSync(file)) return undefined;
  try {
    const data = readJson<CompiledCourse>(file);
    if (!data || data.format !== COMPILED_FORMAT || data.stamp !== stamp) return undefined;
    const c = data.course;
    c.dir = root;
    for (const m of c.modules) {
      const quiz = once<Record<string, unknown>[]>(at(dir, "quiz", `${m.id}.json`), []);
      const stubs = m.quiz as unknown as Record<string, unknown>[];
      const keys = [...new Set(stubs.flatMap((q) => (q.$lazy as string[] | undefined) ?? []))];
      m.quiz = lazyList(stubs, keys, quiz);
      m.file = at(root, m.file);
      if (m.lexed) m.lexed = at(dir, m.lexed);
      // Each module's text is read the first time one of its sections needs it.
      const text = once<Record<string, string>>(at(dir, "text", `${m.id}.json`), {});
      const ids = m.sections.map((s) => s.id);
      let markdown: Record<string, unknown>[] | undefined;
      m.sections = lazyList(m.sections as unknown as Record<string, unknown>[], ["markdown"], () => (markdown ??= ids.map((id) => ({ markdown: text()[id] ?? "" }))));
    }
    const faqText = once<Record<string, string>>(at(dir, "text", "faq.json"), {});
    for (const f of c.faq) {
      f.file = at(root, f.file);
      if (f.lexed) f.lexed = at(dir, f.lexed);
      Object.defineProperty(f, "markdown", {
        configurable: true,
        enumerable: true,
        get: () => faqText()[f.id] ?? "",
        set(value) {
          Object.defineProperty(f, "markdown", { value, writable: true, enumerable: true, configurable: true });
        },
      });
    }
    for (const l of c.labs) {
      l.file = at(root, l.file);
      const full = once<{ lab: Record<string, unknown>; checks: Record<string, unknown>[] }>(at(dir, "labs", `${l.id}.json`), { lab: {}, checks: [] });
      lazyFields(l as unknown as Record<string, unknown>, () => full().lab);
      l.checks.forEach((ch, i) => lazyFields(ch as unknown as Record<string, unknown>, () => full().checks[i] ?? {}));
    }
    c.references ??= [];
    for (const x of c.references) {
      x.file = at(root, x.file);
      if (x.lexed) x.lexed = at(dir, x.lexed);
    }
    return c;
  } catch {
    return undefined;
  }
}
