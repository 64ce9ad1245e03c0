// The interactive lesson reader: one section per screen, position saved as you go.
import chalk from "chalk";
import type { Module } from "../content/model.js";
import type { Context } from "../context.js";
import { clearScreen, print } from "../output.js";
import { select, Separator } from "../prompts.js";
import type { StackChoice } from "../render/markdown.js";
import { sectionRenderer } from "../render/lesson.js";
import { pad2, paginate } from "../render/text.js";
import { recordPosition, recordTime } from "../learn/record.js";

export type ReaderExit = "menu" | "quiz";


export interface ReaderOptions {
  /** The label of the way out: back to the menu, or to the search results. */
  backLabel?: string;
  /** Offer "Search the course" (not when the reader was itself opened from a search). */
  search?: boolean;
  /** Save position and time (not for reference pages, which are not modules). */
  record?: boolean;
}

export async function readLesson(ctx: Context, m: Module, start: number, stack: StackChoice, opts: ReaderOptions = {}): Promise<ReaderExit> {
  const render = sectionRenderer(ctx.course, ctx.term, stack);
  const t = ctx.term;
  let index = Math.max(0, Math.min(start, m.sections.length - 1));
  let page = 0;
  const record = opts.record !== false;
  if (record) await ctx.store.update((p) => recordPosition(p, m, index, new Date()));
  for (;;) {
    const section = m.sections[index]!;
    const isLast = index === m.sections.length - 1 && m.quiz.length > 0;
    type Action = "more" | "back-page" | "next" | "prev" | "jump" | "search" | "quiz" | "menu";
    const sectionChoices = [
      ...(isLast ? [{ name: "Take the quiz", value: "quiz" as Action }] : [{ name: `Next: ${m.sections[index + 1]!.title}`, value: "next" as Action }]),
      ...(index > 0 ? [{ name: "Previous section", value: "prev" as Action }] : []),
      { name: "Jump to a section…", value: "jump" as Action },
      // Typing "s" in the menu jumps here: inquirer's select moves to the choice that starts with it.
      ...(opts.search !== false ? [{ name: "Search the course…", value: "search" as Action }] : []),
      new Separator(),
      { name: opts.backLabel ?? "Back to the menu", value: "menu" as Action },
    ];
    // A section taller than the window is shown a page at a time, so nothing scrolls out of sight.
    const rows = process.stdout.rows || 24;
    const pages = paginate(render(m, section).trimEnd().split("\n"), rows - sectionChoices.length - 6);
    page = Math.min(page, pages.length - 1);
    const lastPage = page === pages.length - 1;
    clearScreen(t);
    const crumb = `${record ? `Module ${pad2(m.number)}` : "Reference"} · ${m.title} — section ${index + 1} of ${m.sections.length}${pages.length > 1 ? ` · page ${page + 1} of ${pages.length}` : ""}`;
    print(`${t.color ? chalk.dim(crumb) : crumb}\n\n${pages[page]!.join("\n")}`);
    if (isLast && lastPage && record) print(t.color ? chalk.green("✔ You reached the end of this module; it is marked as read.") : "You reached the end of this module; it is marked as read.");
    const choices = [
      ...(lastPage ? [] : [{ name: `More: page ${page + 2} of ${pages.length}`, value: "more" as Action }]),
      ...(page > 0 ? [{ name: "Back a page", value: "back-page" as Action }] : []),
      ...sectionChoices,
    ];
    const shown = Date.now();
    const action = await select<Action>(t, `Section ${index + 1}/${m.sections.length}`, choices, { hint: "use `api-architect learn <module> --plain` to print a lesson" });
    const next = action === "next" ? index + 1 : action === "prev" ? index - 1 : index;
    // One write per screen: the time spent on it, and the new position when the section changes.
    if (record) await ctx.store.update((p) => {
      const now = new Date();
      recordTime(p, m.id, (Date.now() - shown) / 1000, now);
      if (next !== index) recordPosition(p, m, next, now);
    });
    if (next !== index) {
      index = next;
      page = 0;
    } else if (action === "more") page++;
    else if (action === "back-page") page--;
    else if (action === "quiz" || action === "menu") return action;
    else if (action === "search") {
      const { searchLoop } = await import("./search.js");
      await searchLoop(ctx);
    } else {
      index = await select<number>(
        t,
        "Jump to",
        m.sections.map((s, i) => ({ name: `${pad2(i + 1)}  ${s.title}`, value: i })),
        { default: index, hint: "", pageSize: 15 },
      );
      page = 0;
      if (record) await ctx.store.update((p) => recordPosition(p, m, index, new Date()));
    }
  }
}
