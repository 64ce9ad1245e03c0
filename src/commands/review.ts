// `review`: the cards due now. Says so (and when the next is due) without a terminal.
import { context, findModule } from "../context.js";
import { EXIT, NoTtyError } from "../errors.js";
import { nothingDueMessage } from "../learn/review.js";
import { dueCards } from "../learn/status.js";
import type { GlobalOptions } from "../options.js";

export async function review(opts: { limit?: number; module?: string }, g: GlobalOptions): Promise<number> {
  const ctx = await context(g);
  const moduleId = opts.module ? (await findModule(ctx, opts.module)).id : undefined;
  if (!dueCards(ctx.course, ctx.progress(), new Date(), moduleId).length) {
    ctx.term.print(nothingDueMessage(ctx.course, ctx.progress()));
    return EXIT.ok;
  }
  if (!ctx.term.interactive) throw new NoTtyError("review", "run it in a terminal");
  const { runScreens } = await import("../screens/routes.js");
  await runScreens(ctx, { to: "review", limit: opts.limit, module: moduleId }, "run it in a terminal", { welcome: true });
  return EXIT.ok;
}
