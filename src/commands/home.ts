// The home menu: continue, learn, quiz, roadmap, FAQ, settings.
import chalk from "chalk";
import type { GlobalOptions } from "../cli.js";
import { context, ensureStack, type Context } from "../context.js";
import { STACKS, STACK_LABELS, type Stack } from "../content/model.js";
import { EXIT, NoTtyError } from "../errors.js";
import { continuePoint, overall, recommendations, resumeSection, stageStatuses, bar, type Overall } from "../learn/status.js";
import type { Progress } from "../store/schema.js";
import { clearScreen, print, terminal, type ColorSetting } from "../output.js";
import { select, Separator } from "../prompts.js";
import { pad2 } from "../render/text.js";
import { browseFaq } from "./faq.js";
import { pickModule } from "./learn.js";
import { runQuiz } from "./quiz.js";
import { readLesson } from "./reader.js";
import { renderRoadmap } from "./roadmap.js";

type Item = "continue" | "learn" | "quiz" | "review" | "roadmap" | "faq" | "search" | "settings" | "quit";

function header(ctx: Context, p: Progress, o: Overall): string {
  const t = ctx.term;
  const stage = stageStatuses(ctx.course, p).find((s) => s.state === "current");
  const title = `${ctx.course.title} — ${STACK_LABELS[p.settings.stack ?? "typescript"]}`;
  return [
    t.color ? chalk.bold.magenta(title) : title,
    `${t.color ? chalk.green(bar(o.percent / 100, 20)) : bar(o.percent / 100, 20)} ${o.percent}% · ${o.read}/${o.modules} modules read · ${o.passed}/${o.modules} quizzes passed · ${o.due} card${o.due === 1 ? "" : "s"} due`,
    stage ? `Current stage: ${stage.stage.number} · ${stage.stage.title}` : "",
    "",
  ].join("\n");
}

async function pause(ctx: Context) {
  await select(ctx.term, " ", [{ name: "Back to the menu", value: true }], { hint: "" });
}

async function settings(ctx: Context, g: GlobalOptions) {
  for (;;) {
    const s = ctx.progress().settings;
    const which = await select<"stack" | "color" | "back">(
      ctx.term,
      "Settings",
      [
        { name: `Stack: ${STACK_LABELS[s.stack ?? "typescript"]}`, value: "stack" },
        { name: `Colour: ${s.color ?? "auto"}`, value: "color" },
        new Separator(),
        { name: "Back", value: "back" },
      ],
      { hint: "" },
    );
    if (which === "back") return;
    if (which === "stack") {
      const stack = await select<Stack>(ctx.term, "Show code in", STACKS.map((x) => ({ name: STACK_LABELS[x], value: x })), { default: s.stack, hint: "" });
      await ctx.store.update((p) => void (p.settings.stack = stack));
    } else {
      const color = await select<ColorSetting>(ctx.term, "Colour", (["auto", "always", "never"] as const).map((x) => ({ name: x, value: x })), { default: s.color ?? "auto", hint: "" });
      await ctx.store.update((p) => void (p.settings.color = color));
      ctx.term = terminal(g.color, color);
    }
  }
}

export async function home(g: GlobalOptions): Promise<number> {
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    throw new NoTtyError("the home menu", "try `api-architect --help` for commands that print, such as `learn 1 --plain`");
  }
  const ctx = await context(g);
  await ensureStack(ctx);
  for (;;) {
    clearScreen(ctx.term);
    const p = ctx.progress();
    const o = overall(ctx.course, p);
    print(header(ctx, p, o));
    const next = continuePoint(ctx.course, p);
    const dueNow = o.due;
    const cont = next
      ? `Continue: ${next.kind === "quiz" ? "quiz on" : "read"} ${pad2(next.module.number)} ${next.module.title}${next.kind === "lesson" ? ` (section ${next.section + 1}/${next.module.sections.length})` : ""}`
      : "Continue: you have finished every module";
    const item = await select<Item>(
      ctx.term,
      "What next?",
      [
        { name: cont, value: "continue", disabled: !next },
        { name: "Learn: pick a module", value: "learn" },
        { name: "Quiz: test yourself on a module", value: "quiz" },
        { name: `Review: ${dueNow} card${dueNow === 1 ? "" : "s"} due`, value: "review" },
        { name: "Roadmap: the six stages", value: "roadmap" },
        { name: "FAQ: common questions", value: "faq" },
        { name: "Search the course", value: "search" },
        { name: "Settings: stack and colour", value: "settings" },
        new Separator(),
        { name: "Quit", value: "quit" },
      ],
      { default: next ? "continue" : "learn", hint: "" },
    );
    const stack = ctx.progress().settings.stack ?? "typescript";
    if (item === "quit") return EXIT.ok;
    if (item === "continue" && next) {
      if (next.kind === "quiz") await runQuiz(ctx, next.module);
      else if ((await readLesson(ctx, next.module, next.section, stack)) === "quiz") await runQuiz(ctx, next.module);
    } else if (item === "learn") {
      const m = await pickModule(ctx, "Which module?");
      if ((await readLesson(ctx, m, resumeSection(m, ctx.progress()), stack)) === "quiz") await runQuiz(ctx, m);
    } else if (item === "quiz") {
      await runQuiz(ctx, await pickModule(ctx, "Quiz on which module?"));
      await pause(ctx);
    } else if (item === "review") {
      const { runReview } = await import("./review.js");
      await runReview(ctx, {});
      await pause(ctx);
    } else if (item === "roadmap") {
      clearScreen(ctx.term);
      print(renderRoadmap(stageStatuses(ctx.course, ctx.progress()), ctx.term, (s) => s.stage.stacks[stack], recommendations(ctx.course, ctx.progress()), ctx.course.closing));
      await pause(ctx);
    } else if (item === "faq") {
      clearScreen(ctx.term);
      await browseFaq(ctx, ctx.course.faq, stack);
    } else if (item === "search") {
      const { searchLoop } = await import("./search.js");
      await searchLoop(ctx);
    } else if (item === "settings") await settings(ctx, g);
  }
}
