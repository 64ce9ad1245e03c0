// `review`: the cards due now, across modules and interleaved, in the quiz's question UI.
import type { GlobalOptions } from "../cli.js";
import { context, type Context } from "../context.js";
import { EXIT, NoTtyError } from "../errors.js";
import { resolveModule } from "../learn/resolve.js";
import { dueCards, nextDue } from "../learn/status.js";
import { print } from "../output.js";
import { select } from "../prompts.js";
import { askQuestion } from "./quiz.js";

/** "in 3 hours", "in 2 days", "now". */
export function fromNow(iso: string, now = new Date()): string {
  const minutes = Math.round((new Date(iso).getTime() - now.getTime()) / 60_000);
  if (minutes <= 0) return "now";
  if (minutes < 60) return `in ${minutes} minute${minutes === 1 ? "" : "s"}`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `in ${hours} hour${hours === 1 ? "" : "s"}`;
  const days = Math.round(hours / 24);
  return `in ${days} days`;
}

export function nothingDueMessage(ctx: Context): string {
  const next = nextDue(ctx.course, ctx.progress());
  return next
    ? `Nothing is due for review. The next card is due ${fromNow(next)} (${new Date(next).toLocaleString()}).`
    : "No cards yet: every quiz question you answer becomes a card to review. Start with `api-architect quiz`.";
}

/** Runs the due cards; returns how many were answered. */
export async function runReview(ctx: Context, opts: { limit?: number; module?: string }): Promise<number> {
  const cards = dueCards(ctx.course, ctx.progress(), new Date(), opts.module).slice(0, opts.limit ?? Infinity);
  if (!cards.length) {
    print(nothingDueMessage(ctx));
    return 0;
  }
  let right = 0;
  for (const [i, c] of cards.entries()) {
    if (await askQuestion(ctx, c.question, i + 1, cards.length, "review")) right++;
    if (i < cards.length - 1) {
      const go = await select<"next" | "stop">(ctx.term, " ", [{ name: "Next card", value: "next" }, { name: "Stop here (answers so far are saved)", value: "stop" }], { hint: "" });
      if (go === "stop") return i + 1;
    }
  }
  print(`\nReviewed ${cards.length} card${cards.length === 1 ? "" : "s"}: ${right} right. ${nothingDueMessage(ctx)}`);
  return cards.length;
}

export async function review(opts: { limit?: number; module?: string }, g: GlobalOptions): Promise<number> {
  const ctx = await context(g);
  const moduleId = opts.module ? resolveModule(ctx.course, opts.module).id : undefined;
  if (!dueCards(ctx.course, ctx.progress(), new Date(), moduleId).length) {
    print(nothingDueMessage(ctx));
    return EXIT.ok;
  }
  if (!ctx.term.stdinTty || !ctx.term.stdoutTty) throw new NoTtyError("review", "run it in a terminal");
  await runReview(ctx, { limit: opts.limit, module: moduleId });
  return EXIT.ok;
}
