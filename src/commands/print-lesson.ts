// `learn <module> --plain` (and any `learn` whose output is not a terminal): the whole lesson as
// text. The rendered text is cached, keyed by everything it depends on (the build, the content
// stamp, the module and section asked for, the stack, the width and colour), so a lesson printed
// before is read back and written out without loading the course or the markdown renderer.
import { join } from "node:path";
import { readdirSync, rmSync } from "node:fs";
import type { GlobalOptions } from "../cli.js";
import { courseSource, openCourse } from "../content/course.js";
import { EXIT, UsageError } from "../errors.js";
import { readRegularFile, writeAtomic } from "../files.js";
import { resolveModule, resolveSection, resolveStack } from "../learn/resolve.js";
import { terminal, writeAll } from "../output.js";
import { cacheRoot, shortHash, storeDir } from "../paths.js";
import { readSettings } from "../store/settings.js";
import { packageVersion } from "../version.js";
import type { LearnOptions } from "./learn.js";

/** The bundle's id, set by bin/api-architect.js: a rebuilt program never reuses an old rendering. */
function buildId(): string {
  return String((globalThis as Record<symbol, unknown>)[Symbol.for("api-architect.bundle")] ?? "dev");
}

export async function printLesson(id: string | undefined, opts: LearnOptions, g: GlobalOptions): Promise<number> {
  if (!id) throw new UsageError("name the module to print, e.g. `api-architect learn 1 --plain` (see `api-architect modules`)");
  const settings = await readSettings(storeDir());
  const term = terminal(g.color, settings.color ?? "auto");
  const stack = opts.stack ? resolveStack(opts.stack) : (settings.stack ?? "typescript");
  const source = await courseSource();
  const folder = join(cacheRoot(), "rendered", shortHash(`${packageVersion()}\0${buildId()}\0${source.root}\0${source.stamp}`));
  const file = join(folder, `${shortHash(JSON.stringify([id.trim().toLowerCase(), opts.section ?? "", stack, term.width, term.color]))}.txt`);
  let text: string | undefined;
  try {
    text = readRegularFile(file, 64 << 20)?.toString("utf8");
  } catch {
    // Rendered again below.
  }
  if (text === undefined) {
    // A first view is no fair sample of what a repeat view runs: keep it out of the code cache.
    (globalThis as Record<symbol, unknown>)[Symbol.for("api-architect.no-code-cache")] = true;
    const { course } = await openCourse(source);
    // A reference page ("Encore at a glance") by its id, else a module.
    const ref = course.references.find((r) => r.id === id.trim().toLowerCase());
    const m = ref ? undefined : resolveModule(course, id);
    const from = resolveSection(ref ?? m!, opts.section, 0);
    if (term.color) await (await import("../render/highlight.js")).enableHighlighting();
    const { renderLesson, renderReference } = await import("../render/lesson.js");
    text = ref ? renderReference(course, ref, term, stack, from) : renderLesson(course, m!, term, stack, from);
    try {
      writeAtomic(file, text);
      // Renderings of other content or another build are never read again.
      for (const other of readdirSync(join(folder, ".."))) if (join(folder, "..", other) !== folder) rmSync(join(folder, "..", other), { recursive: true, force: true });
    } catch {
      // A cache that cannot be written only costs speed.
    }
  }
  writeAll(1, text.endsWith("\n") ? text : `${text}\n`);
  return EXIT.ok;
}
