// `modules`: the modules with the learner's progress.
import chalk from "chalk";
import { context } from "../context.js";
import { EXIT } from "../errors.js";
import { moduleStatus } from "../learn/status.js";
import type { GlobalOptions } from "../options.js";
import { hangingIndent, pad2 } from "../render/text.js";

export async function modules(opts: { json?: boolean }, g: GlobalOptions): Promise<number> {
  const ctx = await context(g);
  const p = ctx.progress();
  const rows = ctx.course.modules.map((m) => ({ m, s: moduleStatus(m, p) }));
  if (opts.json) {
    const data = rows.map(({ m, s }) => ({
      id: m.id,
      number: m.number,
      title: m.title,
      stage: m.stage,
      summary: m.summary,
      minutes: m.minutes,
      sections: m.sections.length,
      quizQuestions: m.quiz.length,
      read: s.read,
      quizPassed: s.passed,
      mastery: s.mastery,
    }));
    ctx.term.print(JSON.stringify(data, null, 2));
    return EXIT.ok;
  }
  const t = ctx.term;
  const idWidth = Math.max(...ctx.course.modules.map((m) => m.id.length), ...ctx.course.planned.map((p) => p.id.length)) + 1;
  const lines = rows.map(({ m, s }) => {
    const state = s.read ? "read" : s.started ? `section ${s.sectionIndex + 1}/${m.sections.length}` : "not started";
    const quiz = s.passed ? "quiz passed" : s.answered ? `quiz ${s.correct}/${m.quiz.length}` : "quiz not taken";
    const detail = `${state} · ${quiz} · mastery ${s.mastery}% · ${m.sections.length} sections · ~${m.minutes} min`;
    return `${hangingIndent(`${chalk.bold(m.id.padEnd(idWidth))} ${m.title}`, `${pad2(m.number)}  `, t.width)}\n${chalk.dim(hangingIndent(detail, "    ", t.width))}`;
  });
  for (const p of ctx.course.planned) lines.push(`${hangingIndent(`${p.id.padEnd(idWidth)} ${p.title}`, "--  ", t.width)}\n    coming soon`);
  await t.page(lines.join("\n"), { pager: g.pager, title: "Modules" });
  return EXIT.ok;
}
