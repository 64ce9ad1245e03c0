// `search`: the whole course at once. Interactive on a terminal (pick a hit to open it, back to
// the results), a list or JSON otherwise.
import chalk from "chalk";
import type { GlobalOptions } from "../cli.js";
import { context, stackFor, type Context } from "../context.js";
import { EXIT, UsageError } from "../errors.js";
import { clearScreen, print, warn, type Terminal } from "../output.js";
import { input, select, Separator } from "../prompts.js";
import type { StackChoice } from "../render/markdown.js";
import { pad2, wrap } from "../render/text.js";
import { openIndex } from "../search/cache.js";
import { MARK_END, MARK_START, queryProblem, search, type Hit } from "../search/engine.js";

const MARKS = new RegExp(`[${MARK_START}${MARK_END}]`, "g");

function highlight(text: string, t: Terminal): string {
  return t.color
    ? text.replace(new RegExp(`${MARK_START}([^${MARK_END}]*)${MARK_END}`, "g"), (_, w: string) => chalk.bold.yellow(w))
    : text.replace(MARKS, "");
}

/** "01 API fundamentals › Idempotency keys", "FAQ", "Quiz 03", "Roadmap". */
export function where(ctx: Context, h: Hit): string {
  const m = h.module ? ctx.course.modules.find((x) => x.id === h.module) : undefined;
  if (h.kind === "lesson" && m) return `${pad2(m.number)} ${m.title} › ${h.title}`;
  if (h.kind === "quiz" && m) return `Quiz ${pad2(m.number)} ${m.title}`;
  if (h.kind === "faq") return `FAQ: ${h.title}`;
  return `Roadmap: ${h.title}`;
}

export function renderHits(ctx: Context, hits: Hit[]): string {
  const t = ctx.term;
  return hits
    .map((h, i) => {
      const head = `${String(i + 1).padStart(2)}. [${h.kind}] ${where(ctx, h)}`;
      const body = wrap(highlight(h.snippet, t), t.width - 6).replace(/^/gm, "     ");
      return `${t.color ? chalk.bold(head) : head}\n${t.color ? chalk.dim(body) : body}`;
    })
    .join("\n\n");
}

async function openHit(ctx: Context, h: Hit, stack: StackChoice): Promise<void> {
  // Loaded here: printing results needs no markdown renderer.
  const { renderFaq, renderText } = await import("../render/lesson.js");
  const m = h.module ? ctx.course.modules.find((x) => x.id === h.module) : undefined;
  if (h.kind === "lesson" && m) {
    const { readLesson } = await import("./reader.js");
    const index = Math.max(0, m.sections.findIndex((s) => s.id === h.section));
    await readLesson(ctx, m, index, stack, { backLabel: "Back to the results", search: false });
    return;
  }
  clearScreen(ctx.term);
  if (h.kind === "faq") {
    const f = ctx.course.faq.find((x) => `faq:${x.id}` === h.ref)!;
    print(renderFaq(ctx.course, f, ctx.term, stack));
  } else if (h.kind === "quiz" && m) {
    const q = m.quiz.find((x) => h.ref.endsWith(`/${x.id}`))!;
    const right = q.options.find((o) => o.correct)!;
    print(renderText(ctx.course, `**${where(ctx, h)}**\n\n${q.prompt}\n\n**Answer:** ${right.text}\n\n${right.explain}`, ctx.term));
  } else {
    const s = ctx.course.stages.find((x) => `stage:${x.id}` === h.ref)!;
    print(renderText(ctx.course, `**Stage ${s.number}: ${s.title}** (${s.duration})\n\n${s.summary}\n\n**Skills:** ${s.skills.join(", ")}\n\n**Project:** ${s.project}`, ctx.term));
  }
  await select(ctx.term, " ", [{ name: "Back to the results", value: true }], { hint: "" });
}

/** Asks for words (unless given), shows results, opens what is picked; returns when done. */
export async function searchLoop(ctx: Context, query?: string): Promise<void> {
  const stack = stackFor(ctx);
  const index = openIndex(ctx.source);
  let words = query ?? "";
  for (;;) {
    if (!words.trim()) {
      words = (await input(ctx.term, "Search the course for", { hint: "" })).trim();
      if (!words) return;
    }
    const hits = search(index, ctx.course, words, 15);
    clearScreen(ctx.term);
    if (!hits.length) print(`Nothing in the course matches "${words}".`);
    type Pick = Hit | "again" | "back";
    const picked = await select<Pick>(
      ctx.term,
      hits.length ? `${hits.length} results for "${words}"` : "Try other words?",
      [
        ...hits.map((h) => ({ name: where(ctx, h), value: h as Pick, description: highlight(h.snippet, ctx.term) })),
        new Separator(),
        { name: "Search again…", value: "again" as Pick },
        { name: "Back", value: "back" as Pick },
      ],
      { hint: "", pageSize: 12 },
    );
    if (picked === "back") return;
    if (picked === "again") {
      words = "";
      continue;
    }
    await openHit(ctx, picked, stack);
  }
}

export async function searchCommand(words: string[], opts: { json?: boolean; limit?: number }, g: GlobalOptions): Promise<number> {
  const query = words.join(" ").trim();
  if (!query) throw new UsageError("give words to search for, e.g. `api-architect search idempotency key`");
  const tooBig = queryProblem(query);
  if (tooBig) throw new UsageError(`${tooBig}; try fewer, shorter words`);
  const ctx = await context(g);
  const interactive = !opts.json && ctx.term.stdoutTty && ctx.term.stdinTty;
  if (interactive) {
    await searchLoop(ctx, query);
    return EXIT.ok;
  }
  const hits = search(openIndex(ctx.source), ctx.course, query, opts.limit ?? 10);
  if (opts.json) {
    print(JSON.stringify(hits.map((h) => ({ kind: h.kind, module: h.module, section: h.section, title: h.title, ref: h.ref, snippet: h.snippet.replace(MARKS, ""), score: h.score })), null, 2));
    return EXIT.ok;
  }
  if (!hits.length) {
    warn(`nothing in the course matches "${query}"`);
    return EXIT.failure;
  }
  print(renderHits(ctx, hits));
  return EXIT.ok;
}
