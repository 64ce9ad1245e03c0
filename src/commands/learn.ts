import type { GlobalOptions } from "../cli.js";
import { context, ensureStack, stackFor, type Context } from "../context.js";
import type { Module, Reference } from "../content/model.js";
import { EXIT, UsageError } from "../errors.js";
import { resolveModule, suggest } from "../learn/resolve.js";
import { print } from "../output.js";
import { select } from "../prompts.js";
import { pad2, renderLesson, renderReference } from "../render/lesson.js";

export interface LearnOptions {
  stack?: string;
  plain?: boolean;
  section?: string;
}

export async function pickModule(ctx: Context, message: string): Promise<Module> {
  // Status needs the scheduler; only interactive paths pay for it.
  const { moduleStatus } = await import("../learn/status.js");
  const p = ctx.progress();
  return select<Module>(
    ctx.term,
    message,
    ctx.course.modules.map((m) => {
      const s = moduleStatus(m, p);
      const mark = s.read ? "✓ read" : s.started ? `… ${s.sectionIndex + 1}/${m.sections.length}` : "";
      return { name: `${pad2(m.number)}  ${m.title}${mark ? `  (${mark})` : ""}`, value: m, description: m.summary };
    }),
    { hint: "name a module, e.g. `api-architect learn 1 --plain`" },
  );
}

function startSection(m: { id: string; sections: Module["sections"] }, wanted: string | undefined, fallback: number): number {
  if (!wanted) return fallback;
  const i = m.sections.findIndex((s) => s.id === wanted);
  if (i >= 0) return i;
  const near = suggest(wanted, m.sections.map((s) => s.id));
  throw new UsageError(`module ${m.id} has no section "${wanted}"${near ? `; did you mean "${near}"?` : ""}`);
}

export async function learn(id: string | undefined, opts: LearnOptions, g: GlobalOptions): Promise<number> {
  const ctx = await context(g);
  const stack = stackFor(ctx, opts.stack);
  const interactive = !opts.plain && ctx.term.stdoutTty && ctx.term.stdinTty;
  const ref = id ? ctx.course.references.find((r) => r.id === id.trim().toLowerCase()) : undefined;
  if (ref) return readReference(ctx, ref, opts, interactive);
  if (!interactive) {
    if (!id) throw new UsageError("name the module to print, e.g. `api-architect learn 1 --plain` (see `api-architect modules`)");
    const m = resolveModule(ctx.course, id);
    const from = startSection(m, opts.section, 0);
    const text = renderLesson(ctx.course, m, ctx.term, stack, from);
    print(text);
    return EXIT.ok;
  }
  const m = id ? resolveModule(ctx.course, id) : await pickModule(ctx, "Which module?");
  const chosen = opts.stack ? stack : await ensureStack(ctx);
  const { readLesson } = await import("./reader.js");
  const { resumeSection } = await import("../learn/status.js");
  const exit = await readLesson(ctx, m, startSection(m, opts.section, resumeSection(m, ctx.progress())), chosen);
  if (exit === "quiz") {
    const { runQuiz } = await import("./quiz.js");
    await runQuiz(ctx, m);
  }
  return EXIT.ok;
}

/** A reference page ("Encore at a glance"): read like a lesson, but it has no quiz and no progress. */
async function readReference(ctx: Context, ref: Reference, opts: LearnOptions, interactive: boolean): Promise<number> {
  const stack = stackFor(ctx, opts.stack);
  const from = startSection(ref, opts.section, 0);
  if (!interactive) {
    print(renderReference(ctx.course, ref, ctx.term, stack, from));
    return EXIT.ok;
  }
  const { readLesson } = await import("./reader.js");
  const asModule: Module = { id: ref.id, number: 0, title: ref.title, stage: "", summary: ref.summary, minutes: 0, objectives: [], sections: ref.sections, quiz: [], file: ref.file, stageLine: 0, ...(ref.lexed ? { lexed: ref.lexed } : {}) };
  await readLesson(ctx, asModule, from, opts.stack ? stack : await ensureStack(ctx), { record: false });
  return EXIT.ok;
}
