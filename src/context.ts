// What most commands need: the terminal, the store, the course, the learner's stack.
import type { Course, Module } from "./content/model.js";
import { openCourse, type OpenedCourse } from "./content/course.js";
import { UsageError } from "./errors.js";
import { shown } from "./escape.js";
import { track } from "./lifecycle.js";
import { enableHighlighting } from "./render/highlight.js";
import { resolveModule, resolveStack } from "./learn/resolve.js";
import { processIo, terminal, type Terminal } from "./output.js";
import type { GlobalOptions } from "./options.js";
import type { ProgressState as Progress } from "./store/schema.js";
import type { Settings } from "./store/settings.js";
import type { Store } from "./store/store.js";
import { openCourseStore } from "./courses/course-store.js";
import type { StackChoice } from "./render/markdown.js";

export interface Context {
  term: Terminal;
  store: Store;
  course: Course;
  /** Where the course came from, for artefacts built from it (the search index). */
  source: OpenedCourse;
  options: GlobalOptions;
  progress(): Progress;
  /** The learner's settings, read afresh (another terminal may have changed them). */
  settings(): Settings;
  /** Changes progress under the lock. The process does not end (even on a signal) before it is written. */
  save(change: (p: Progress) => void): Promise<Progress>;
  /** Changes settings under the lock, like save. */
  saveSettings(change: (s: Settings) => void): Promise<Settings>;
}

export async function context(g: GlobalOptions, opts: { plain?: boolean } = {}): Promise<Context> {
  const io = g.io ?? processIo();
  const store = await openCourseStore(io.env);
  const settings = store.settings();
  // "Plain" means plain: no colour, whatever the terminal could show.
  const term = terminal(g.color && !opts.plain, settings.color ?? "auto", io);
  const source = await openCourse();
  if (term.color) await enableHighlighting();
  return {
    term,
    store,
    course: source.course,
    source,
    options: g,
    progress: () => store.read(),
    settings: () => store.settings(),
    save: (change) => track(store.update(change)),
    saveSettings: (change) => track(store.updateSettings(change)),
  };
}

/** The stack to show: --stack, else the saved choice, else TypeScript. */
export function stackFor(ctx: Context, override?: string): StackChoice {
  if (override) return resolveStack(override);
  return ctx.settings().stack ?? "typescript";
}

/**
 * The module a learner named. When nothing matches, the error suggests the module that teaches
 * the words they typed ("learn jwt" → auth-security), found with the search index.
 */
export async function findModule(ctx: Context, input: string): Promise<Module> {
  try {
    return resolveModule(ctx.course, input);
  } catch (e) {
    // A typo of an id already has its suggestion; words of a topic ("jwt", "rest") get one here.
    if (!(e instanceof UsageError) || !/^unknown module/.test(e.message) || /did you mean/.test(e.message)) throw e;
    const { moduleTeaching } = await import("./search/suggest.js");
    const m = moduleTeaching(ctx.source, ctx.course, input);
    if (!m) throw e;
    throw new UsageError(`unknown module "${shown(input.trim())}"; ${m.title} (module ${m.number}) teaches it: try \`api-architect learn ${m.number}\``);
  }
}
