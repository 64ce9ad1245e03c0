// `quiz`: a module's quiz on the full screen (it needs a terminal).
import { context, findModule } from "../context.js";
import { EXIT, NoTtyError, UsageError } from "../errors.js";
import type { GlobalOptions } from "../options.js";
import { terminal } from "../output.js";

export interface QuizOptions {
  stack?: string;
  missed?: boolean;
  unanswered?: boolean;
}

const HINT = "quizzes are interactive: run `api-architect quiz` in a terminal";

export async function quiz(id: string | undefined, opts: QuizOptions, g: GlobalOptions): Promise<number> {
  if (opts.missed && opts.unanswered) throw new UsageError("use --missed or --unanswered, not both");
  // Without a module to check, say at once that a quiz needs a terminal.
  if (!id && !terminal(g.color, "auto", g.io).interactive) throw new NoTtyError("quiz", "run it in a terminal");
  const ctx = await context(g);
  const named = id ? await findModule(ctx, id) : undefined;
  if (!ctx.term.interactive) throw new NoTtyError("quiz", "run it in a terminal");
  const mode = opts.missed ? "missed" : opts.unanswered ? "unanswered" : undefined;
  const { runScreens } = await import("../screens/routes.js");
  await runScreens(ctx, named ? { to: "quiz", module: named, mode } : { to: "modules", purpose: "quiz", mode }, HINT, { welcome: true });
  return EXIT.ok;
}
