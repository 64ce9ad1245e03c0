// `learn`: the reader on a terminal; the whole lesson as text otherwise (or with --plain): cli.ts
// sends printing to print-lesson.ts, which keeps renderings; this prints only when stdout is a
// terminal and stdin is not.
import { context, findModule, stackFor } from "../context.js";
import type { Module } from "../content/model.js";
import { EXIT, UsageError } from "../errors.js";
import { findReference, referenceAsModule, sectionIndex } from "../learn/resolve.js";
import type { GlobalOptions } from "../options.js";
import { pad2, renderLesson, renderReference } from "../render/lesson.js";

const HINT = "print a lesson with `api-architect learn <module> --plain`";

export interface LearnOptions {
  stack?: string;
  plain?: boolean;
  section?: string;
}

// Pure, and shared with print-lesson.ts, which must not load this file's dependencies.
export { sectionIndex };

export async function learn(id: string | undefined, opts: LearnOptions, g: GlobalOptions): Promise<number> {
  const ctx = await context(g, { plain: opts.plain });
  const stack = stackFor(ctx, opts.stack);
  const interactive = !opts.plain && ctx.term.interactive;
  const ref = id ? findReference(ctx.course, id) : undefined;
  if (ref) {
    // A reference page ("Encore at a glance") reads like a lesson, with no quiz and no progress.
    const from = opts.section ? sectionIndex({ id: ref.id, number: 0, sections: ref.sections }, opts.section) : undefined;
    if (!interactive) {
      await ctx.term.page(renderReference(ctx.course, ref, ctx.term, stack, from), { pager: g.pager, title: ref.title });
      return EXIT.ok;
    }
    const { runScreens } = await import("../screens/routes.js");
    await runScreens(ctx, { to: "lesson", module: referenceAsModule(ref), section: from, stack: opts.stack ? stack : undefined, reference: true }, HINT, { welcome: !opts.stack });
    return EXIT.ok;
  }
  if (!interactive) {
    if (!id) throw new UsageError("name the module to print, e.g. `api-architect learn 1 --plain` (see `api-architect modules`)");
    const m = await findModule(ctx, id);
    const from = opts.section ? sectionIndex(m, opts.section) : 0;
    await ctx.term.page(renderLesson(ctx.course, m, ctx.term, stack, from), { pager: g.pager, title: `Module ${pad2(m.number)} · ${m.title}` });
    return EXIT.ok;
  }
  const m = id ? await findModule(ctx, id) : undefined;
  const section = m && opts.section ? sectionIndex(m, opts.section) : undefined;
  const { runScreens } = await import("../screens/routes.js");
  await runScreens(
    ctx,
    m ? { to: "lesson", module: m, section, stack: opts.stack ? stack : undefined } : { to: "modules", purpose: "learn" },
    HINT,
    { welcome: !opts.stack },
  );
  return EXIT.ok;
}
