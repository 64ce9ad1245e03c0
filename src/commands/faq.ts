// `faq`: browse the questions on a terminal; print the answer that matches, or a list.
import { context, stackFor, type Context } from "../context.js";
import type { FaqEntry } from "../content/model.js";
import { EXIT } from "../errors.js";
import type { GlobalOptions } from "../options.js";
import type { StackChoice } from "../render/markdown.js";
import { RenderedCache } from "../render/kept.js";
import { hangingIndent } from "../render/text.js";

/**
 * The entry named by its id (`faq idempotency`, as the course's links say), else the entries
 * containing every word, those whose question or id matches first.
 */
export function filterFaq(entries: FaqEntry[], words: string[]): FaqEntry[] {
  const id = words.join("-").trim().toLowerCase();
  const named = id ? entries.find((e) => e.id === id) : undefined;
  if (named) return [named];
  // Hyphens count as spaces on both sides, so an id (why-http) and a tag (max-age) match as typed.
  const terms = words.flatMap((w) => w.toLowerCase().split(/\s+/)).filter(Boolean).map((t) => t.replace(/-/g, " "));
  if (!terms.length) return entries;
  const scored = entries
    .map((e) => {
      // Tags name the topic in the learner's words: they count like the question.
      const head = `${e.id} ${e.question} ${e.tags.join(" ")}`.toLowerCase().replace(/-/g, " ");
      const body = e.markdown.toLowerCase().replace(/-/g, " ");
      if (!terms.every((t) => head.includes(t) || body.includes(t))) return undefined;
      return { e, score: terms.filter((t) => head.includes(t)).length };
    })
    .filter((x): x is { e: FaqEntry; score: number } => Boolean(x));
  return scored.sort((a, b) => b.score - a.score || a.e.order - b.e.order).map((x) => x.e);
}

/**
 * The answers as printed text. Each rendered answer is kept (see render/kept.ts): an answer
 * printed before is written out again without the markdown renderer.
 */
async function printed(ctx: Context, entries: FaqEntry[], stack: StackChoice): Promise<string> {
  const cache = new RenderedCache(ctx.source);
  let renderFaq: typeof import("../render/lesson.js").renderFaq | undefined;
  const out: string[] = [];
  for (const e of entries) {
    const key = ["faq", e.id, stack, ctx.term.width, ctx.term.color];
    let text = cache.read(key)?.text;
    if (text === undefined) {
      renderFaq ??= (await import("../render/lesson.js")).renderFaq;
      text = renderFaq(ctx.course, e, ctx.term, stack);
      cache.write(key, { title: e.question, text });
    }
    out.push(text);
  }
  return out.join("\n");
}

export async function faq(words: string[], opts: { json?: boolean; stack?: string }, g: GlobalOptions): Promise<number> {
  const ctx = await context(g);
  const entries = filterFaq(ctx.course.faq, words);
  if (opts.json) ctx.term.print(JSON.stringify(entries.map((e) => ({ id: e.id, question: e.question, modules: e.modules, tags: e.tags })), null, 2));
  if (!entries.length) {
    ctx.term.warn(`no FAQ entry mentions ${words.map((w) => `"${w}"`).join(" and ")}; \`api-architect faq\` lists them all`);
    return EXIT.failure;
  }
  if (opts.json) return EXIT.ok;
  const stack = stackFor(ctx, opts.stack);
  const term = ctx.term;
  if (entries.length === 1 || (!term.interactive && words.length)) {
    await term.page(await printed(ctx, entries, stack), { pager: g.pager, title: "FAQ" });
    return EXIT.ok;
  }
  if (!term.interactive) {
    const idWidth = Math.min(30, Math.max(...entries.map((e) => e.id.length)) + 1);
    term.print(entries.map((e) => hangingIndent(e.question, `${e.id.padEnd(idWidth)} `, term.width)).join("\n"));
    return EXIT.ok;
  }
  const { runScreens } = await import("../screens/routes.js");
  await runScreens(ctx, { to: "faq", entries }, "");
  return EXIT.ok;
}
