// The progress report as text: figures, then a table of modules that fits the width.
import chalk from "chalk";
import type { Course } from "../content/model.js";
import { bar } from "../learn/status.js";
import type { ProgressReport } from "../learn/report.js";
import type { Look } from "./lesson.js";
import { fit, hangingIndent, pad2 } from "./text.js";

function minutes(seconds: number): string {
  if (!seconds) return "—";
  return seconds < 60 ? "<1 min" : `${Math.round(seconds / 60)} min`;
}

const cell = (text: string, width: number) => fit(text, width).padEnd(width);

export function renderProgress(course: Course, j: ProgressReport, storePath: string, t: Look): string {
  const line = (text: string) => hangingIndent(text, "  ", t.width);
  const out = [
    chalk.bold.magenta("Your progress"),
    `  ${chalk.green(bar(j.percent / 100, Math.min(24, t.width - 8)))} ${j.percent}%`,
    line(`Modules read: ${j.modules.read} of ${j.modules.total} · mastered: ${j.modules.mastered} · quizzes passed: ${j.modules.quizzesPassed}`),
    line(`Cards due for review: ${j.due}${j.due ? " (api-architect review)" : ""}`),
    line(`Streak: ${j.streak} day${j.streak === 1 ? "" : "s"} in a row · ${j.activeDays} active day${j.activeDays === 1 ? "" : "s"} · ${j.answers} answers`),
    line(`Stack: ${j.stack ?? "not chosen yet (typescript by default)"}`),
    ...(j.labs.length
      ? [line(`Labs passed: ${j.labs.filter((l) => l.passed).length} of ${j.labs.length}${j.labs.some((l) => l.lastRunAt && !l.passed) ? ` · in progress: ${j.labs.filter((l) => l.lastRunAt && !l.passed).map((l) => `${l.id} ${l.passing}/${l.checks}`).join(", ")}` : ""}`)]
      : []),
    "",
  ];
  // Columns on the right; the module's name takes what is left and is cut with "…". In a narrow
  // terminal the least useful columns go first.
  const columns = [
    { head: "Lesson", width: 11 },
    { head: "Quiz", width: 9 },
    { head: "Mastery", width: 7 },
    { head: "Time", width: 6 },
  ];
  const nameWidth = () => t.width - 2 - columns.reduce((a, c) => a + c.width + 1, 0);
  while (nameWidth() < 14 && columns.length > 1) columns.pop();
  const name = Math.max(8, nameWidth());
  const row = (cells: string[]) => `  ${cell(cells[0]!, name)} ${columns.map((c, i) => cell(cells[i + 1]!, c.width)).join(" ")}`.trimEnd();
  out.push(chalk.bold(row(["Module", ...columns.map((c) => c.head)])));
  course.modules.forEach((m, i) => {
    const s = j.perModule[i]!;
    const lesson = s.read ? "read" : s.section ? "in progress" : "not started";
    const quiz = s.quizPassed ? "passed" : s.quizAnswered ? `${s.quizCorrect}/${s.quizQuestions}` : "not taken";
    out.push(row([`${pad2(m.number)} ${m.title}`, lesson, quiz, `${s.mastery}%`, minutes(s.seconds)]));
  });
  if (j.mostMissed.length) {
    out.push("", "  Questions you miss most:");
    for (const q of j.mostMissed) out.push(`  ${String(q.misses).padStart(3)}× ${fit(q.prompt, t.width - 7)}`);
  }
  const o = j.orphans;
  const lost = o.answers + o.cards + o.lessons + o.marks;
  if (lost) out.push("", chalk.dim(line(`${lost} record${lost === 1 ? "" : "s"} refer to lessons or questions the course no longer has; they are kept, and not counted.`)));
  out.push("", chalk.dim(hangingIndent(storePath, "  Stored in ", t.width)));
  return out.join("\n");
}
