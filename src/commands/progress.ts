import chalk from "chalk";
import type { GlobalOptions } from "../cli.js";
import { context, type Context } from "../context.js";
import { EXIT, NoTtyError } from "../errors.js";
import { bar, moduleStatus, overall, stageStatuses } from "../learn/status.js";
import { print } from "../output.js";
import { confirm } from "../prompts.js";
import { pad2 } from "../render/text.js";
import { Store } from "../store/store.js";
import { terminal } from "../output.js";

export function progressJson(ctx: Context) {
  const p = ctx.progress();
  const o = overall(ctx.course, p);
  const stages = stageStatuses(ctx.course, p);
  return {
    stack: p.settings.stack ?? null,
    percent: o.percent,
    modules: { total: o.modules, read: o.read, quizzesPassed: o.passed },
    answers: o.answered,
    currentStage: stages.find((s) => s.state === "current")?.stage.id ?? null,
    perModule: ctx.course.modules.map((m) => {
      const s = moduleStatus(m, p);
      return { id: m.id, read: s.read, section: p.lessons[m.id]?.section ?? null, quizAnswered: s.answered, quizCorrect: s.correct, quizQuestions: m.quiz.length, quizPassed: s.passed };
    }),
    store: ctx.store.path,
  };
}

export function renderProgress(ctx: Context): string {
  const j = progressJson(ctx);
  const t = ctx.term;
  const out = [
    t.color ? chalk.bold.magenta("Your progress") : "Your progress",
    `  ${t.color ? chalk.green(bar(j.percent / 100, 24)) : bar(j.percent / 100, 24)} ${j.percent}%`,
    `  Modules read: ${j.modules.read} of ${j.modules.total} · quizzes passed: ${j.modules.quizzesPassed} of ${j.modules.total} · answers given: ${j.answers}`,
    `  Stack: ${j.stack ?? "not chosen yet (typescript by default)"}`,
    "",
  ];
  ctx.course.modules.forEach((m, i) => {
    const s = j.perModule[i]!;
    const lesson = s.read ? "read" : s.section ? "in progress" : "not started";
    const quiz = s.quizPassed ? "passed" : s.quizAnswered ? `${s.quizCorrect}/${s.quizQuestions} right` : "not taken";
    out.push(`  ${pad2(m.number)} ${m.title.padEnd(40)} lesson: ${lesson.padEnd(12)} quiz: ${quiz}`);
  });
  out.push("", `  Stored in ${j.store}`);
  return out.join("\n");
}

export async function progress(opts: { json?: boolean }, g: GlobalOptions): Promise<number> {
  const ctx = await context(g);
  print(opts.json ? JSON.stringify(progressJson(ctx), null, 2) : renderProgress(ctx));
  return EXIT.ok;
}

export async function reset(opts: { yes?: boolean }, g: GlobalOptions): Promise<number> {
  const store = Store.open();
  const t = terminal(g.color, store.read().settings.color ?? "auto");
  if (!opts.yes) {
    if (!t.stdinTty || !t.stdoutTty) throw new NoTtyError("progress reset", "add --yes to reset without being asked");
    const sure = await confirm(t, "Forget every lesson position and quiz answer? Settings are kept.", { default: false, hint: "" });
    if (!sure) {
      print("Nothing was changed.");
      return EXIT.ok;
    }
  }
  store.reset();
  print(`Progress reset (${store.path}).`);
  return EXIT.ok;
}
