import type { GlobalOptions } from "../cli.js";
import { context, ensureStack, stackFor, type Context } from "../context.js";
import type { Module } from "../content/model.js";
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
