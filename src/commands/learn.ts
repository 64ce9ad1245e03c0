import type { GlobalOptions } from "../cli.js";
import { context, ensureStack, stackFor, type Context } from "../context.js";
import type { Module, Reference } from "../content/model.js";
import { EXIT, UsageError } from "../errors.js";
import { resolveModule, resolveSection as startSection } from "../learn/resolve.js";
import { isTty } from "../output.js";
import { select } from "../prompts.js";
import { pad2 } from "../render/text.js";

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

export async function learn(id: string | undefined, opts: LearnOptions, g: GlobalOptions): Promise<number> {
  if (opts.plain || !isTty(1) || !isTty(0)) {
    const { printLesson } = await import("./print-lesson.js");
    return printLesson(id, opts, g);
  }
  const ctx = await context(g);
  const stack = stackFor(ctx, opts.stack);
  // Printing (a reference page too) is print-lesson's; here the learner reads on a terminal.
  const ref = id ? ctx.course.references.find((r) => r.id === id.trim().toLowerCase()) : undefined;
  if (ref) return readReference(ctx, ref, opts);
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
async function readReference(ctx: Context, ref: Reference, opts: LearnOptions): Promise<number> {
  const stack = stackFor(ctx, opts.stack);
  const from = startSection(ref, opts.section, 0);
  const { readLesson } = await import("./reader.js");
  const asModule: Module = { id: ref.id, number: 0, title: ref.title, stage: "", summary: ref.summary, minutes: 0, objectives: [], sections: ref.sections, quiz: [], file: ref.file, stageLine: 0, ...(ref.lexed ? { lexed: ref.lexed } : {}) };
  await readLesson(ctx, asModule, from, opts.stack ? stack : await ensureStack(ctx), { record: false });
  return EXIT.ok;
}
