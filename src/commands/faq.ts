import type { GlobalOptions } from "../cli.js";
import { context, stackFor, type Context } from "../context.js";
import type { FaqEntry } from "../content/model.js";
import { EXIT } from "../errors.js";
import { clearScreen, print } from "../output.js";
import { select, Separator } from "../prompts.js";
import { renderFaq } from "../render/lesson.js";
import { hangingIndent } from "../render/text.js";
import type { StackChoice } from "../render/markdown.js";

/** Entries containing every word; those whose question or id matches come first. */
export function filterFaq(entries: FaqEntry[], words: string[]): FaqEntry[] {
  const terms = words.flatMap((w) => w.toLowerCase().split(/\s+/)).filter(Boolean);
  if (!terms.length) return entries;
  const scored = entries
    .map((e) => {
      // Tags name the topic in the learner's words: they count like the question.
      const head = `${e.id} ${e.question} ${e.tags.join(" ")}`.toLowerCase().replace(/-/g, " ");
      const body = e.markdown.toLowerCase();
      if (!terms.every((t) => head.includes(t) || body.includes(t))) return undefined;
      return { e, score: terms.filter((t) => head.includes(t)).length };
    })
    .filter((x): x is { e: FaqEntry; score: number } => Boolean(x));
  return scored.sort((a, b) => b.score - a.score || a.e.order - b.e.order).map((x) => x.e);
}

async function browse(ctx: Context, entries: FaqEntry[], stack: StackChoice) {
  for (;;) {
    const picked = await select<FaqEntry | null>(
      ctx.term,
      `${entries.length} question${entries.length === 1 ? "" : "s"}: pick one to read`,
      [...entries.map((e) => ({ name: e.question, value: e })), new Separator(), { name: "Back", value: null }],
      { hint: "", pageSize: 15 },
    );
    if (!picked) return;
    clearScreen(ctx.term);
    print(renderFaq(ctx.course, picked, ctx.term, stack));
    const next = await select<"list" | "quit">(ctx.term, " ", [{ name: "Back to the questions", value: "list" }, { name: "Done", value: "quit" }], { hint: "" });
    if (next === "quit") return;
  }
}

export async function faq(words: string[], opts: { json?: boolean; stack?: string }, g: GlobalOptions): Promise<number> {
  const ctx = await context(g);
  const entries = filterFaq(ctx.course.faq, words);
  if (opts.json) {
    print(JSON.stringify(entries.map((e) => ({ id: e.id, question: e.question, modules: e.modules, tags: e.tags })), null, 2));
    return EXIT.ok;
  }
  if (!entries.length) {
    process.stderr.write(`api-architect: no FAQ entry mentions ${words.map((w) => `"${w}"`).join(" and ")}; \`api-architect faq\` lists them all\n`);
    return EXIT.failure;
  }
  const stack = stackFor(ctx, opts.stack);
  const interactive = ctx.term.stdinTty && ctx.term.stdoutTty;
  if (entries.length === 1 || (!interactive && words.length)) {
    print(entries.map((e) => renderFaq(ctx.course, e, ctx.term, stack)).join("\n"));
    return EXIT.ok;
  }
  if (!interactive) {
    print(entries.map((e) => hangingIndent(e.question, `${e.id.padEnd(28)} `, ctx.term.width)).join("\n"));
    return EXIT.ok;
  }
  await browse(ctx, entries, stack);
  return EXIT.ok;
}

export { browse as browseFaq };
