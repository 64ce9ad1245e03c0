// `learn <module> --plain` (and any `learn` whose output is not a terminal): the whole lesson as
// text. The rendered text is cached, keyed by everything it depends on (the build, the content
// stamp, the module and section asked for, the stack, the width and colour), so a lesson printed
// before is read back and written out without loading the course or the markdown renderer.
import { join } from "node:path";
import { readdirSync, rmSync } from "node:fs";
import { courseSource, openCourse } from "../content/course.js";
import { EXIT, UsageError } from "../errors.js";
import { readRegularFile, writeAtomic } from "../files.js";
import { processIo } from "../io.js";
import { findReference, resolveStack, sectionIndex } from "../learn/resolve.js";
import type { GlobalOptions } from "../options.js";
import { terminal } from "../output.js";
import { cacheRoot, shortHash } from "../paths.js";
import { courseSettings } from "../courses/course-store.js";
import { packageVersion } from "../version.js";
import type { LearnOptions } from "./learn.js";

/** The bundle's id, set by bin/api-architect.js: a rebuilt program never reuses an old rendering. */
function buildId(): string {
  return String((globalThis as Record<symbol, unknown>)[Symbol.for("api-architect.bundle")] ?? "dev");
}

/** A rendering and the title a pager shows for it, kept as one file: the title, a NUL, the text. */
function readRendering(file: string): { title: string; text: string } | undefined {
  try {
    const raw = readRegularFile(file, 64 << 20)?.toString("utf8");
    const cut = raw?.indexOf("\u0000") ?? -1;
    return raw !== undefined && cut >= 0 ? { title: raw.slice(0, cut), text: raw.slice(cut + 1) } : undefined;
  } catch {
    return undefined;
  }
}

export async function printLesson(id: string | undefined, opts: LearnOptions, g: GlobalOptions): Promise<number> {
  if (!id) throw new UsageError("name the module to print, e.g. `api-architect learn 1 --plain` (see `api-architect modules`)");
  const io = g.io ?? processIo();
  const settings = await courseSettings(io.env);
  // "Plain" means plain: no colour, whatever the terminal could show.
  const term = terminal(g.color && !opts.plain, settings.color ?? "auto", io);
  const stack = opts.stack ? resolveStack(opts.stack) : (settings.stack ?? "typescript");
  const source = await courseSource();
  const folder = join(cacheRoot(), "rendered", shortHash(`${packageVersion()}\0${buildId()}\0${source.root}\0${source.stamp}`));
  const file = join(folder, `${shortHash(JSON.stringify([id.trim().toLowerCase(), opts.section ?? "", stack, term.width, term.color]))}.txt`);
  let kept = readRendering(file);
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
    try {
      writeAtomic(file, `${kept.title}\u0000${kept.text}`);
      // Renderings of other content or another build are never read again.
      for (const other of readdirSync(join(folder, ".."))) if (join(folder, "..", other) !== folder) rmSync(join(folder, "..", other), { recursive: true, force: true });
    } catch {
      // A cache that cannot be written only costs speed.
    }
  }
  await term.page(kept.text, { pager: g.pager, title: kept.title });
  return EXIT.ok;
}
