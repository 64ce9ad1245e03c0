// The interactive lesson reader: one section per screen, position saved as you go.
import chalk from "chalk";
import type { Module } from "../content/model.js";
import type { Context } from "../context.js";
import { clearScreen, print } from "../output.js";
import { select, Separator } from "../prompts.js";
import type { StackChoice } from "../render/markdown.js";
import { pad2, sectionRenderer } from "../render/lesson.js";

export type ReaderExit = "menu" | "quiz";

function record(ctx: Context, m: Module, index: number) {
  const now = new Date().toISOString();
  const last = index === m.sections.length - 1;
  ctx.store.update((p) => {
    const prev = p.lessons[m.id];
    p.lessons[m.id] = { ...prev, section: m.sections[index]!.id, updatedAt: now, ...(last || prev?.completedAt ? { completedAt: prev?.completedAt ?? now } : {}) };
    p.last = { kind: "lesson", module: m.id, section: m.sections[index]!.id, at: now };
  });
}

export interface ReaderOptions {
  /** The label of the way out: back to the menu, or to the search results. */
  backLabel?: string;
  /** Offer "Search the course" (not when the reader was itself opened from a search). */
  search?: boolean;
}

export async function readLesson(ctx: Context, m: Module, start: number, stack: StackChoice, opts: ReaderOptions = {}): Promise<ReaderExit> {
  const render = sectionRenderer(ctx.course, ctx.term, stack);
  const t = ctx.term;
  let index = Math.max(0, Math.min(start, m.sections.length - 1));
  for (;;) {
    const section = m.sections[index]!;
    record(ctx, m, index);
    clearScreen(t);
    const crumb = `Module ${pad2(m.number)} · ${m.title} — section ${index + 1} of ${m.sections.length}`;
    print(`${t.color ? chalk.dim(crumb) : crumb}\n\n${render(m, section)}`);
    const isLast = index === m.sections.length - 1;
    if (isLast) print(t.color ? chalk.green("✔ You reached the end of this module; it is marked as read.") : "You reached the end of this module; it is marked as read.");
    type Action = "next" | "prev" | "jump" | "search" | "quiz" | "menu";
    const choices = [
      ...(isLast ? [{ name: "Take the quiz", value: "quiz" as Action }] : [{ name: `Next: ${m.sections[index + 1]!.title}`, value: "next" as Action }]),
      ...(index > 0 ? [{ name: "Previous section", value: "prev" as Action }] : []),
      { name: "Jump to a section…", value: "jump" as Action },
      // Typing "s" in the menu jumps here: inquirer's select moves to the choice that starts with it.
      ...(opts.search !== false ? [{ name: "Search the course…", value: "search" as Action }] : []),
      new Separator(),
      { name: opts.backLabel ?? "Back to the menu", value: "menu" as Action },
    ];
    const action = await select<Action>(t, `Section ${index + 1}/${m.sections.length}`, choices, { hint: "use `api-architect learn <module> --plain` to print a lesson" });
    if (action === "next") index++;
    else if (action === "prev") index--;
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
    }
  }
}
