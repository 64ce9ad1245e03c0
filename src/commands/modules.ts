import chalk from "chalk";
import type { GlobalOptions } from "../cli.js";
import { context } from "../context.js";
import { EXIT } from "../errors.js";
import { moduleStatus } from "../learn/status.js";
import { print } from "../output.js";
import { pad2 } from "../render/text.js";

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
    print(JSON.stringify(data, null, 2));
    return EXIT.ok;
  }
  const t = ctx.term;
  const lines = rows.map(({ m, s }) => {
    const state = s.read ? "read" : s.started ? `section ${s.sectionIndex + 1}/${m.sections.length}` : "not started";
    const quiz = s.passed ? "quiz passed" : s.answered ? `quiz ${s.correct}/${m.quiz.length}` : "quiz not taken";
    const detail = `${state} · ${quiz} · mastery ${s.mastery}% · ${m.sections.length} sections · ~${m.minutes} min`;
    return `${pad2(m.number)}  ${t.color ? chalk.bold(m.id.padEnd(22)) : m.id.padEnd(22)} ${m.title}\n    ${t.color ? chalk.dim(detail) : detail}`;
  });
  for (const p of ctx.course.planned) lines.push(`--  ${p.id.padEnd(22)} ${p.title}\n    coming soon`);
  print(lines.join("\n"));
  return EXIT.ok;
}
