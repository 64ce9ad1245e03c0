// Writes a compiled course (see compiled.ts for the layout). Apart from the reading side, which
// every command uses, because lexing lessons needs the markdown lexer.
import { join, relative } from "node:path";
import { writeAtomic } from "../files.js";
import { COMPILED_FORMAT, type CompiledCourse } from "./compiled.js";
import { lex } from "./markdown.js";
import type { Course } from "./model.js";

/**
 * Tokens as the renderer needs them: without `raw`, the source text of every token and of every
 * token inside it, which only the lexer uses (about 40% of the bytes), and without the `text` of
 * a token that carries its inline tokens (a paragraph, a heading, emphasis, a link, a table cell),
 * which the renderer prints from those instead (a third of what is left). tests/unit/compiled.test.ts
 * checks that lessons render the same.
 */
const PRINTED_FROM_TOKENS = new Set(["paragraph", "heading", "strong", "em", "del", "link", "blockquote", "list_item", "text", undefined]);
export function lean(tokens: unknown): unknown {
  if (Array.isArray(tokens)) return tokens.map(lean);
  if (tokens && typeof tokens === "object") {
    const out: Record<string, unknown> = {};
    // (A table cell has no type. An image prints its text: it keeps it.)
    const inline = Array.isArray((tokens as { tokens?: unknown }).tokens) && PRINTED_FROM_TOKENS.has((tokens as { type?: string }).type);
    for (const [k, v] of Object.entries(tokens)) if (k !== "raw" && !(inline && k === "text")) out[k] = lean(v);
    return out;
  }
  return tokens;
}

/** Keeps `keep` of an object and lists the rest under "$lazy" (read later from another file). */
function split<T extends object>(obj: T, keep: readonly string[]): [T, Record<string, unknown>] {
  const stub: Record<string, unknown> = {};
  const rest: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) (keep.includes(k) ? stub : rest)[k] = v;
  stub.$lazy = Object.keys(rest);
  return [stub as T, rest];
}

export function writeCompiled(dir: string, root: string, course: Course, stamp: string): void {
  const portable: Course = {
    ...course,
    dir: "",
    modules: course.modules.map((m) => {
      const tokens = Object.fromEntries(m.sections.map((s) => [s.id, lean(lex(s.markdown, s.line).tokens)]));
      writeAtomic(join(dir, "lessons", `${m.id}.json`), JSON.stringify(tokens));
      writeAtomic(join(dir, "text", `${m.id}.json`), JSON.stringify(Object.fromEntries(m.sections.map((s) => [s.id, s.markdown]))));
      // What questions say (prompts, options, explanations) is read when a question is shown.
      const quiz = m.quiz.map((q) => split(q, ["id", "module", "type"]));
      writeAtomic(join(dir, "quiz", `${m.id}.json`), JSON.stringify(quiz.map(([, rest]) => rest)));
      return {
        ...m,
        file: relative(root, m.file),
        lexed: `lessons/${m.id}.json`,
        sections: m.sections.map(({ id, title, line }) => ({ id, title, line }) as Course["modules"][number]["sections"][number]),
        quiz: quiz.map(([stub]) => stub),
      };
    }),
    // An answer's text is read by `faq` (to filter) and when the index is built: one file for all.
    faq: course.faq.map((f) => {
      writeAtomic(join(dir, "faq", `${f.id}.json`), JSON.stringify(lean(lex(f.markdown, f.bodyLine).tokens)));
      const { markdown: _, ...stub } = f;
      return { ...stub, file: relative(root, f.file), lexed: `faq/${f.id}.json` } as Course["faq"][number];
    }),
    // A lab's steps, setup and solution are read when the lab is run or shown; what the roadmap
    // and progress count (its checks' ids) stays.
    labs: course.labs.map((l) => {
      const checks = l.checks.map((c) => split(c, ["id", "title", "teaches"]));
      const { checks: _, ...rest0 } = l;
      const [stub, rest] = split({ ...rest0, file: relative(root, l.file) }, ["id", "title", "summary", "module", "moduleNumber", "stage", "file"]);
      writeAtomic(join(dir, "labs", `${l.id}.json`), JSON.stringify({ lab: rest, checks: checks.map(([, r]) => r) }));
      return { ...stub, checks: checks.map(([c]) => c) };
    }),
    references: course.references.map((x) => {
      const tokens = Object.fromEntries(x.sections.map((s) => [s.id, lean(lex(s.markdown, s.line).tokens)]));
      writeAtomic(join(dir, "lessons", `ref-${x.id}.json`), JSON.stringify(tokens));
      return { ...x, file: relative(root, x.file), lexed: `lessons/ref-${x.id}.json` };
    }),
  };
  writeAtomic(join(dir, "text", "faq.json"), JSON.stringify(Object.fromEntries(course.faq.map((f) => [f.id, f.markdown]))));
  const out: CompiledCourse = { format: COMPILED_FORMAT, stamp, course: portable };
  // Written last: a course.json with this stamp means everything above is in place.
  writeAtomic(join(dir, "course.json"), JSON.stringify(out));
}
