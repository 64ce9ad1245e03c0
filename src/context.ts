// What most commands need: the terminal, the store, the course, the learner's stack.
import { STACKS, STACK_LABELS, type Course, type Stack } from "./content/model.js";
import { openCourse, type OpenedCourse } from "./content/course.js";
import { enableHighlighting } from "./render/highlight.js";
import { resolveStack } from "./learn/resolve.js";
import { terminal, type Terminal } from "./output.js";
import { select } from "./prompts.js";
import type { ProgressState } from "./store/schema.js";
import type { Settings } from "./store/settings.js";
import { Store } from "./store/store.js";
import type { GlobalOptions } from "./cli.js";
import type { StackChoice } from "./render/markdown.js";

export interface Context {
  term: Terminal;
  store: Store;
  course: Course;
  /** Where the course came from, for artefacts built from it (the search index). */
  source: OpenedCourse;
  progress(): ProgressState;
  /** The learner's settings, read afresh (another terminal may have changed them). */
  settings(): Settings;
}

export async function context(g: GlobalOptions): Promise<Context> {
  const store = await Store.open();
  const settings = store.settings();
  const term = terminal(g.color, settings.color ?? "auto");
  const source = await openCourse();
  if (term.color) await enableHighlighting();
  return { term, store, course: source.course, source, progress: () => store.read(), settings: () => store.settings() };
}

/** The stack to show: --stack, else the saved choice, else TypeScript. */
export function stackFor(ctx: Context, override?: string): StackChoice {
  if (override) return resolveStack(override);
  return ctx.settings().stack ?? "typescript";
}

/** Asks for a stack the first time an interactive session starts, and remembers it. */
export async function ensureStack(ctx: Context): Promise<Stack> {
  const saved = ctx.settings().stack;
  if (saved) return saved;
  const stack = await select<Stack>(
    ctx.term,
    "Which stack should code examples use? (change it later in Settings)",
    STACKS.map((s) => ({ name: STACK_LABELS[s], value: s })),
    { hint: "run `api-architect config set stack <name>`" },
  );
  await ctx.store.updateSettings((s) => {
    s.stack = stack;
  });
  return stack;
}
