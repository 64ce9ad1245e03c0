// Multiple-choice quizzes. Every answer is written to the store the moment it is given.
import chalk from "chalk";
import type { GlobalOptions } from "../cli.js";
import { context, type Context } from "../context.js";
import type { Module, Question } from "../content/model.js";
import { EXIT, NoTtyError } from "../errors.js";
import { resolveModule } from "../learn/resolve.js";
import { grade, moduleStatus, QUIZ_PASS_RATIO, shuffle } from "../learn/status.js";
import { print } from "../output.js";
import { confirm, select } from "../prompts.js";
import { renderText } from "../render/lesson.js";
import { pickModule } from "./learn.js";
import { recordAnswer, recordTime } from "../learn/record.js";
import type { Grading } from "../learn/schedule.js";

export interface QuizOptions {
  stack?: string;
}

const HINT = "quizzes are interactive: run `api-architect quiz` in a terminal";

/**
 * Asks one question, explains the answer, and saves it at once as a review of the question's
 * card: a wrong answer rates it Again; a right one asks how sure the learner was.
 */
export async function askQuestion(ctx: Context, q: Question, n: number, total: number, source: "quiz" | "review" = "quiz"): Promise<boolean> {
  const t = ctx.term;
  const m = ctx.course.modules.find((x) => x.id === q.module);
  const head = `Question ${n} of ${total}${source === "review" && m ? ` · ${m.title}` : ""}`;
  const shown = Date.now();
  // Code in a question is shown in the learner's stack, as in a lesson.
  const code = q.code ? `\n\n${renderText(ctx.course, q.code, t, ctx.settings().stack ?? "typescript").trimEnd()}` : "";
  print(`\n${t.color ? chalk.dim(head) : head}\n${renderText(ctx.course, q.prompt, t).trimEnd()}${code}\n`);
  const options = shuffle(q.options);
  const choice = await select<string>(
    t,
    "Your answer",
    options.map((o) => ({ name: o.text, value: o.text })),
    { hint: HINT },
  );
  const g = grade(q, choice);
  const seconds = (Date.now() - shown) / 1000;
  const save = (grading: Grading) =>
    ctx.store.update((p) => {
      const now = new Date();
      recordAnswer(p, q, choice, g.correct, grading, source, now);
      recordTime(p, q.module, seconds, now);
    });
  if (!g.correct) await save("again");
  const verdict = g.correct ? "✔ Right." : "✘ Not quite.";
  const lines = [t.color ? (g.correct ? chalk.green.bold(verdict) : chalk.red.bold(verdict)) : verdict];
  if (!g.correct) {
    lines.push(renderText(ctx.course, `**Your answer:** ${g.picked.text}\n\n${g.picked.explain}`, t).trimEnd());
    lines.push(renderText(ctx.course, `**The answer:** ${g.right.text}`, t).trimEnd());
  }
  lines.push(renderText(ctx.course, g.right.explain, t).trimEnd());
  print(lines.join("\n\n"));
  if (g.correct) {
    // The rating schedules the card; an answer is never lost to Ctrl+C here: it is saved as Good.
    let grading: Grading = "good";
    try {
      grading = await select<Grading>(
        t,
        "How sure were you?",
        [
          { name: "Good: I knew it", value: "good" },
          { name: "Hard: I got there, with effort", value: "hard" },
          { name: "Easy: no thought needed", value: "easy" },
        ],
        { default: "good", hint: HINT },
      );
    } finally {
      await save(grading);
    }
  }
  return g.correct;
}

/** Runs a module's quiz, then offers to retry what was missed. */
export async function runQuiz(ctx: Context, m: Module): Promise<{ correct: number; total: number }> {
  const t = ctx.term;
  let questions = shuffle(m.quiz);
  let first: { correct: number; total: number } | undefined;
  for (;;) {
    const missed: Question[] = [];
    let i = 0;
    for (const q of questions) {
      i++;
      if (!(await askQuestion(ctx, q, i, questions.length))) missed.push(q);
      if (i < questions.length) {
        const go = await select<"next" | "stop">(t, " ", [{ name: "Next question", value: "next" }, { name: "Stop here (answers so far are saved)", value: "stop" }], { hint: HINT });
        if (go === "stop") return first ?? { correct: i - missed.length, total: i };
      }
    }
    const score = { correct: questions.length - missed.length, total: questions.length };
    first ??= score;
    const status = moduleStatus(m, ctx.progress());
    const line = `Score: ${score.correct}/${score.total} (${Math.round((score.correct / score.total) * 100)}%)`;
    const passLine = status.passed
      ? `Module quiz passed: your latest answers are right on ${status.correct} of ${m.quiz.length} questions.`
      : `To pass, get ${Math.ceil(m.quiz.length * QUIZ_PASS_RATIO)} of ${m.quiz.length} right; your latest answers have ${status.correct}.`;
    print(`\n${t.color ? chalk.bold(line) : line}\n${passLine}`);
    if (!missed.length) return first;
    const again = await confirm(t, `Retry the ${missed.length} you missed?`, { default: true, hint: HINT });
    if (!again) return first;
    questions = shuffle(missed);
  }
}

export async function quiz(id: string | undefined, _opts: QuizOptions, g: GlobalOptions): Promise<number> {
  const ctx = await context(g);
  const named = id ? resolveModule(ctx.course, id) : undefined;
  if (!ctx.term.stdinTty || !ctx.term.stdoutTty) throw new NoTtyError("quiz", "run it in a terminal");
  const m = named ?? (await pickModule(ctx, "Quiz on which module?"));
  await runQuiz(ctx, m);
  return EXIT.ok;
}
