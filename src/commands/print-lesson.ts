// `learn <module> --plain` (and any `learn` whose output is not a terminal): the whole lesson as
// text. The rendered text is cached, keyed by everything it depends on (the build, the content
// stamp, the module and section asked for, the stack, the width and colour), so a lesson printed
// before is read back and written out without loading the course or the markdown renderer.
import { courseSource, openCourse } from "../content/course.js";
import { EXIT, UsageError } from "../errors.js";
import { processIo } from "../io.js";
import { findReference, resolveStack, sectionIndex } from "../learn/resolve.js";
import type { GlobalOptions } from "../options.js";
import { terminal } from "../output.js";
import { courseSettings } from "../courses/course-store.js";
import { RenderedCache } from "../render/kept.js";
import type { LearnOptions } from "./learn.js";

export async function printLesson(id: string | undefined, opts: LearnOptions, g: GlobalOptions): Promise<number> {
  if (!id) throw new UsageError("name the module to print, e.g. `api-architect learn 1 --plain` (see `api-architect modules`)");
  const io = g.io ?? processIo();
  const settings = await courseSettings(io.env);
  // "Plain" means plain: no colour, whatever the terminal could show.
  const term = terminal(g.color && !opts.plain, settings.color ?? "auto", io);
  const stack = opts.stack ? resolveStack(opts.stack) : (settings.stack ?? "typescript");
  const source = await courseSource();
  const cache = new RenderedCache(source);
  const key = ["lesson", id.trim().toLowerCase(), opts.section ?? "", stack, term.width, term.color];
  let kept = cache.read(key);
  if (!kept) {
    // A first view is no fair sample of what a repeat view runs: keep it out of the code cache.
    (globalThis as Record<symbol, unknown>)[Symbol.for("api-architect.no-code-cache")] = true;
    const opened = await openCourse(source);
    const { course } = opened;
    if (term.color) await (await import("../render/highlight.js")).enableHighlighting();
    const { pad2, renderLesson, renderReference } = await import("../render/lesson.js");
    // A reference page ("Encore at a glance") by its id, else a module (a word of a topic finds
    // the module that teaches it, for the error's suggestion).
    const ref = findReference(course, id);
    if (ref) {
      const from = opts.section ? sectionIndex({ id: ref.id, number: 0, sections: ref.sections }, opts.section) : undefined;
      kept = { title: ref.title, text: renderReference(course, ref, term, stack, from) };
    } else {
      const { findModule } = await import("../context.js");
      const m = await findModule({ course, source: opened } as Parameters<typeof findModule>[0], id);
      const from = opts.section ? sectionIndex(m, opts.section) : 0;
      kept = { title: `Module ${pad2(m.number)} · ${m.title}`, text: renderLesson(course, m, term, stack, from) };
    }
    cache.write(key, kept);
  }
  await term.page(kept.text, { pager: g.pager, title: kept.title });
  return EXIT.ok;
}
