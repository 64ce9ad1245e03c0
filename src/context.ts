// What most commands need: the terminal, the store, the course, the learner's stack.
import { STACKS, STACK_LABELS, type Course, type Stack } from "./content/model.js";
import { openCourse, type OpenedCourse } from "./content/course.js";
import { enableHighlighting } from "./render/highlight.js";
import { resolveStack } from "./learn/resolve.js";
import { terminal, type Terminal } from "./output.js";
import { select } from "./prompts.js";
import type { Progress } from "./store/schema.js";
import type { Store } from "./store/store.js";
import { openCourseStore } from "./courses/course-store.js";
import type { GlobalOptions } from "./cli.js";
import type { StackChoice } from "./render/markdown.js";

export interface Context {
  term: Terminal;
  store: Store;
  course: Course;
  /** Where the course came from, for artefacts built from it (the search index). */
  source: OpenedCourse;
  progress(): Progress;
}

export async function context(g: GlobalOptions): Promise<Context> {
  const store = await openCourseStore();
  const settings = store.read().settings;
  const term = terminal(g.color, settings.color ?? "auto");
  const source = await openCourse();
  if (term.color) await enableHighlighting();
  return { term, store, course: source.course, source, progress: () => store.read() };
}

/** The stack to show: --stack, else the saved choice, else TypeScript. */
export function stackFor(ctx: Context, override?: string): StackChoice {
  if (override) return resolveStack(override);
  return ctx.progress().settings.stack ?? "typescript";
}

/** Asks for a stack the first time an interactive session starts, and remembers it. */
export async function ensureStack(ctx: Context): Promise<Stack> {
  const saved = ctx.progress().settings.stack;
  if (saved) return saved;
  const stack = await select<Stack>(
    ctx.term,
    "Which stack should code examples use? (change it later in Settings)",
    STACKS.map((s) => ({ name: STACK_LABELS[s], value: s })),
    { hint: "run `api-architect config set stack <name>`" },
  );
  await ctx.store.update((p) => {
    p.settings.stack = stack;
  });
  return stack;
}
